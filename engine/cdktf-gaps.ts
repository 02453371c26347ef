/**
 * Every workaround for what cdktf 0.21 lacks, in one place (with engine/shared-gaps.ts, the ones CDK Terrain
 * still needs too). The package's cdktn build compiles engine/cdktn-native.ts in place of this file: same
 * exports, done with CDK Terrain's own ephemeral resources and S3 lockfile support.
 * (hashicorp/terraform-cdk#3886: no ephemeral support in 0.21.)
 */
import { Construct } from "constructs";
import { IResolvable, ref, S3Backend, S3BackendConfig, TerraformElement, TerraformProvider, TerraformStack, Token } from "cdktf";

export * from "./shared-gaps";
import type { EphemeralResourceConfig } from "./shared-gaps";

/** Which engine this build of the package runs on. */
export const ENGINE = "cdktf" as const;

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

/** An S3 backend with optional S3-native locking: 0.21's S3Backend has no prop for `use_lockfile`. */
export class LockingS3Backend extends S3Backend {
  constructor(scope: Construct, config: S3BackendConfig, useLockfile: boolean) {
    super(scope, config);
    if (useLockfile) this.addOverride("use_lockfile", true);
  }
}
