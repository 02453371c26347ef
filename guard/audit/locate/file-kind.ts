import type { FileKind } from "../../finding";
import type { Step } from "../read/json-pointer";

/** Top-level members only a JSON plan has (`terraform show -json plan`): one of them and format_version make a plan. */
const PLAN_MEMBERS = ["planned_values", "resource_changes", "resource_drift", "output_changes", "prior_state", "configuration", "variables", "relevant_attributes", "applyable", "errored"];

/** Telling the kind from the top-level members seen (never from the file name). */
export class KindEvidence {
  private readonly keys = new Set<string>();
  private outputShaped = 0;
  stateVersion: number | undefined;

  saw(key: Step): void {
    if (typeof key === "string") this.keys.add(key);
  }

  /** A top-level member's value: `terraform output -json` writes one `{sensitive, type, value}` per output. */
  sawTopValue(value: unknown): void {
    if (isOutputShaped(value)) this.outputShaped++;
  }

  /** HCP Terraform's redacted JSON plan (`plan_format_version`): its sensitive values were removed before the audit. */
  get redacted(): boolean {
    return this.keys.has("plan_format_version") && !this.keys.has("format_version");
  }

  /** Whether the version member (format_version, or a redacted plan's plan_format_version) has been seen. */
  get sawVersion(): boolean {
    return this.keys.has("format_version") || this.keys.has("plan_format_version");
  }

  /** The kind of the whole file, once read: also `terraform show -json` of an empty state, `{"format_version":"1.0"}`. */
  finalKind(): FileKind | undefined {
    const kind = this.kind();
    if (kind) return kind;
    const k = this.keys;
    if (k.has("format_version") && [...k].every((x) => x === "format_version" || x === "terraform_version")) return "state";
    return undefined;
  }

  kind(): FileKind | undefined {
    const k = this.keys;
    // HCP Terraform's `json-output-redacted` plan names its version `plan_format_version`.
    if (k.has("plan_format_version") && PLAN_MEMBERS.some((x) => k.has(x))) return "plan";
    if (k.has("format_version")) {
      if (k.has("values")) return "state";
      if (PLAN_MEMBERS.some((x) => k.has(x))) {
        return "plan";
      }
      return undefined;
    }
    // Formats 1 to 3 (Terraform before 0.12) keep resources under `modules`.
    if (k.has("version") && (k.has("lineage") || k.has("serial") || k.has("resources") || k.has("modules") || k.has("terraform_version"))) return "state";
    if (k.has("version")) return undefined;
    if (["resource", "provider", "terraform", "data", "variable", "output", "locals", "module", "//"].some((x) => k.has(x))) {
      return "synth";
    }
    if (this.outputShaped > 0 && this.outputShaped === k.size) return "outputs";
    return undefined;
  }
}

/** `{ "sensitive": bool, "type": ..., "value": ... }`, as `terraform output -json` writes each output. */
export function isOutputShaped(v: unknown): boolean {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.sensitive === "boolean" && "value" in o && Object.keys(o).every((key) => key === "sensitive" || key === "type" || key === "value");
}
