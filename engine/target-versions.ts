/**
 * The Terraform versions the constructs need: write-only arguments (`secret_string_wo`, Terraform >= 1.11) and
 * ephemeral resources (>= 1.10). CDK Terrain checks what a stack uses against the project's declared
 * `targetVersions` (cdktf.json `context`, `CDKTF_CONTEXT_JSON` or App context) and, when none is declared,
 * assumes Terraform >= 1.5.7 and refuses write-only arguments. cdktf 0.21 ignores the key.
 */
export const TARGET_VERSIONS: { readonly terraform: string } = Object.freeze({ terraform: ">=1.11.0" });

/** App context with `targetVersions` added when the project declared none: `new App({ context: withTargetVersions() })`. */
export function withTargetVersions(context: Record<string, unknown> = {}): Record<string, unknown> {
  return "targetVersions" in context ? context : { ...context, targetVersions: { ...TARGET_VERSIONS } };
}
