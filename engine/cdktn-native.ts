/**
 * The cdktn build's engine module: compiled in place of engine/cdktf-gaps.ts (same exports), with what CDK Terrain
 * does natively: `TerraformEphemeralResource` (checked against the project's `targetVersions`, Terraform >= 1.10)
 * and S3Backend's `useLockfile`. Only the gaps cdktn shares with cdktf 0.21 remain workarounds (shared-gaps.ts).
 */
import { Construct } from "constructs";
import { IResolvable, S3Backend, S3BackendConfig, TerraformEphemeralResource, TerraformProvider } from "cdktn";

export * from "./shared-gaps";
import type { EphemeralResourceConfig } from "./shared-gaps";

/** Which engine this build of the package runs on. */
export const ENGINE = "cdktn" as const;

/** An `ephemeral "<type>" "<name>"` block, as CDK Terrain's own ephemeral resource. */
export class EphemeralResource extends TerraformEphemeralResource {
  public readonly terraformType: string;
  private readonly args: Record<string, unknown>;

  constructor(scope: Construct, id: string, config: EphemeralResourceConfig) {
    // The default provider needs no reference (as in the cdktf build's output); an aliased one does.
    super(scope, id, { terraformResourceType: config.type, provider: config.provider?.alias ? config.provider : undefined });
    this.terraformType = config.type;
    this.args = config.args;
  }

  /** A reference to one of its attributes, e.g. `result`. */
  public attribute(name: string): IResolvable {
    return this.interpolationForAttribute(name);
  }

  public stringAttribute(name: string): string {
    return this.getStringAttribute(name);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { ...this.args };
  }
}

/** An S3 backend with optional S3-native locking, through cdktn's own `useLockfile`. */
export class LockingS3Backend extends S3Backend {
  constructor(scope: Construct, config: S3BackendConfig, useLockfile: boolean) {
    super(scope, { ...config, ...(useLockfile ? { useLockfile: true } : {}) });
  }
}
