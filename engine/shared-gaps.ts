/**
 * Workarounds both engines need: cdktf 0.21 and CDK Terrain 0.24 alike have no post-synth hook and no
 * `ephemeral` on TerraformVariable. Re-exported by engine/cdktf-gaps.ts and engine/cdktn-native.ts, which is
 * where the rest of the package takes them from.
 */
import * as path from "node:path";
import { Construct } from "constructs";
import { S3Backend, TerraformProvider, TerraformStack, TerraformVariable, TerraformVariableConfig } from "cdktf";

/** What an `EphemeralResource` is made from, on either engine. */
export interface EphemeralResourceConfig {
  /** Terraform type, e.g. `random_password`, `aws_secretsmanager_random_password`. */
  readonly type: string;
  /** Arguments in Terraform's own (snake_case) names; tokens allowed. */
  readonly args: Record<string, unknown>;
  readonly provider?: TerraformProvider;
}

/** A `variable` with `ephemeral = true`: its value is never written to plan or state. */
export function ephemeralVariable(scope: Construct, id: string, config: TerraformVariableConfig): TerraformVariable {
  const v = new TerraformVariable(scope, id, { ...config, sensitive: config.sensitive ?? true });
  v.addOverride("ephemeral", true);
  return v;
}

/**
 * S3-native state locking (`use_lockfile`, Terraform >= 1.10) on a backend made elsewhere. EncryptedS3Backend
 * sets it itself (natively on cdktn, whose S3Backend has `useLockfile`).
 */
export function useS3Lockfile(backend: S3Backend): void {
  backend.addOverride("use_lockfile", true);
}

/** What a stack synthesizer is given: the output folder and the manifest the CLI reads annotations from. */
export interface SynthSession {
  readonly outdir: string;
  readonly manifest: {
    forStack(stack: TerraformStack): { synthesizedStackPath: string; annotations: Array<Record<string, unknown>> };
  };
}

export type ManifestLevel = "error" | "warning" | "info";
const MANIFEST_LEVELS: Record<ManifestLevel, string> = { error: "@cdktf/error", warning: "@cdktf/warn", info: "@cdktf/info" };

type Synthesizer = { synthesize(s: SynthSession): void; continueOnErrorAnnotations?: boolean };

/**
 * A post-synth hook: wraps the stack's (public, writable) synthesizer so that `after` runs once cdk.tf.json is
 * written. `after` learns whether error annotations should not throw (the CLI sets that and reports them itself).
 * Annotations added in `after` go straight into the manifest: the aspect phase is over. The wrapper inherits the
 * original's properties, so hooks compose.
 */
export function afterStackSynth(
  stack: TerraformStack,
  after: (session: SynthSession, file: string, api: { continueOnErrors: boolean; annotate(path: string, level: ManifestLevel, message: string): void }) => void,
): void {
  const original = stack.synthesizer as unknown as Synthesizer;
  const wrapper = Object.create(original) as Synthesizer;
  wrapper.synthesize = (session: SynthSession) => {
    original.synthesize(session);
    const stackManifest = session.manifest.forStack(stack);
    after(session, path.join(session.outdir, stackManifest.synthesizedStackPath), {
      continueOnErrors: original.continueOnErrorAnnotations === true,
      annotate: (constructPath, level, message) => stackManifest.annotations.push({ constructPath, level: MANIFEST_LEVELS[level], message }),
    });
  };
  (stack as { synthesizer: unknown }).synthesizer = wrapper;
}

export { addStackAspect } from "./stack-aspects";
