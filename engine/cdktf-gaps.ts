/**
 * Every workaround for what cdktf 0.21 lacks, in one place. CDK Terrain (cdktn) has native ephemeral resources,
 * ephemeral variables and `useLockfile`; moving to it means replacing the bodies below, nothing else.
 * (hashicorp/terraform-cdk#3886: no ephemeral support in 0.21.)
 */
import * as path from "node:path";
import { Construct } from "constructs";
import {
  IResolvable,
  ref,
  S3Backend,
  TerraformElement,
  TerraformProvider,
  TerraformStack,
  TerraformVariable,
  TerraformVariableConfig,
  Token,
} from "cdktf";

export interface EphemeralResourceConfig {
  /** Terraform type, e.g. `random_password`, `aws_secretsmanager_random_password`. */
  readonly type: string;
  /** Arguments in Terraform's own (snake_case) names; tokens allowed. */
  readonly args: Record<string, unknown>;
  readonly provider?: TerraformProvider;
}

/**
 * An `ephemeral "<type>" "<name>"` block (Terraform >= 1.10): its values never reach plan or state, and
 * Terraform only lets them flow into write-only arguments, provider blocks and other ephemeral contexts.
 * `cdktf synth --hcl` drops unknown element kinds: stay on JSON output.
 */
export class EphemeralResource extends TerraformElement {
  public readonly terraformType: string;
  private readonly args: Record<string, unknown>;
  private readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, config: EphemeralResourceConfig) {
    super(scope, id, `ephemeral.${config.type}`);
    this.terraformType = config.type;
    this.args = config.args;
    this.provider = config.provider;
  }

  /** A reference to one of its attributes, e.g. `result`. */
  public attribute(name: string): IResolvable {
    return ref(`ephemeral.${this.terraformType}.${this.friendlyUniqueId}.${name}`, TerraformStack.of(this));
  }

  public stringAttribute(name: string): string {
    return Token.asString(this.attribute(name));
  }

  public toTerraform(): any {
    const body: Record<string, unknown> = { ...this.args };
    // The default provider needs no reference; an aliased one does.
    if (this.provider?.alias) body.provider = this.provider.fqn;
    return {
      ephemeral: { [this.terraformType]: { [this.friendlyUniqueId]: { ...body, ...this.rawOverrides } } },
    };
  }

  public toMetadata(): any {
    return {};
  }
}

/** A `variable` with `ephemeral = true`: its value is never written to plan or state. */
export function ephemeralVariable(scope: Construct, id: string, config: TerraformVariableConfig): TerraformVariable {
  const v = new TerraformVariable(scope, id, { ...config, sensitive: config.sensitive ?? true });
  v.addOverride("ephemeral", true);
  return v;
}

/** S3-native state locking (`use_lockfile`, Terraform >= 1.10): 0.21's S3Backend has no prop for it. */
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

/**
 * A post-synth hook, which cdktf lacks: wraps the stack's (public, writable) synthesizer so that `after` runs once
 * cdk.tf.json is written. `after` learns whether error annotations should not throw (the CLI sets that and reports
 * them itself). Annotations added in `after` go straight into the manifest: the aspect phase is over.
 */
export function afterStackSynth(
  stack: TerraformStack,
  after: (session: SynthSession, file: string, api: { continueOnErrors: boolean; annotate(path: string, level: ManifestLevel, message: string): void }) => void,
): void {
  const original = stack.synthesizer as unknown as { synthesize(s: SynthSession): void; continueOnErrorAnnotations?: boolean };
  (stack as { synthesizer: unknown }).synthesizer = {
    synthesize(session: SynthSession) {
      original.synthesize(session);
      const stackManifest = session.manifest.forStack(stack);
      after(session, path.join(session.outdir, stackManifest.synthesizedStackPath), {
        continueOnErrors: original.continueOnErrorAnnotations === true,
        annotate: (constructPath, level, message) => stackManifest.annotations.push({ constructPath, level: MANIFEST_LEVELS[level], message }),
      });
    },
  };
}
