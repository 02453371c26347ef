import { Construct } from "constructs";
import { GenesyscloudProvider } from "../.gen/providers/genesyscloud/provider";
import { GenesysConfigError, require_ } from "./errors";
import { allowedRegionsText, normalizeRegion } from "./regions";
import { checkGenesysEnv, EnvironmentVariables, GENESYS_ENV } from "./genesys-env";
import { annotate } from "../engine/annotate";
import { requireEngineOf } from "../engine/engine-of-stack";

export interface GenesysCloudProviderProps {
  /**
   * Region key of the org this stack manages (e.g. `eu-west-1`). Validated, and checked against
   * GENESYSCLOUD_REGION when that is set, but never written into cdk.tf.json: the provider reads the region,
   * like the credentials, from the environment at plan/apply time.
   */
  readonly region: string;
  /** Provider alias, for stacks that talk to more than one org. */
  readonly alias?: string;
  /** API clients in the provider's pool, 1-50 (provider default 10; large pools trip the token rate limit). */
  readonly tokenPoolSize?: number;
  /** How long the provider retries failed calls, a Go duration such as `5m`. */
  readonly customRetryTimeout?: string;
  /** Environment to check at synth (default: process.env). */
  readonly env?: EnvironmentVariables;
}

/**
 * The genesyscloud provider, configured so that no credential and no region ever lands in cdk.tf.json:
 * it reads GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION itself.
 *
 * It is the provider itself (a `genesyscloud` TerraformProvider): pass it wherever a `provider` is taken.
 * `.provider` is the same object, kept for stacks written when it was a wrapper.
 */
export class GenesysCloudProvider extends GenesyscloudProvider {
  /** This provider (the same object); kept for stacks that pass `genesys.provider`. */
  public readonly provider: GenesyscloudProvider;
  public readonly region: string;

  constructor(scope: Construct, id: string, props: GenesysCloudProviderProps) {
    requireEngineOf(scope, `GenesysCloudProvider ${id}`);
    super(scope, id, checkedConfig(props));
    this.provider = this;
    this.region = normalizeRegion(props.region)!;

    // Synth needs no credentials; only say what would break a deploy run from this same shell.
    const env: EnvironmentVariables = props.env ?? (globalThis as { process?: { env: EnvironmentVariables } }).process?.env ?? {};
    for (const p of checkGenesysEnv(env, { requireCredentials: false })) {
      annotate(this, p.level, p.message);
    }
    const envRegion = env[GENESYS_ENV.region];
    const envKey = envRegion !== undefined ? normalizeRegion(envRegion) : undefined;
    if (envKey && envKey !== this.region) {
      // A warning, not an error: `cdktf synth` builds every environment's stack from one shell.
      annotate(
        this,
        "warning",
        `${GENESYS_ENV.region} is ${envKey} but this stack manages an org in ${this.region}: deploy it with ${GENESYS_ENV.region}=${this.region}`,
      );
    }
  }
}

/** Checks the props before the provider is built; the provider config it gets never has a region or credential. */
function checkedConfig(props: GenesysCloudProviderProps) {
  const region = normalizeRegion(props?.region ?? "");
  if (!region) {
    throw new GenesysConfigError(
      `GenesysCloudProvider: region ${JSON.stringify(props?.region)} is not a Genesys Cloud region key; allowed: ${allowedRegionsText()}`,
    );
  }
  if (props.tokenPoolSize !== undefined) {
    require_(
      Number.isInteger(props.tokenPoolSize) && props.tokenPoolSize >= 1 && props.tokenPoolSize <= 50,
      `GenesysCloudProvider: tokenPoolSize must be a whole number from 1 to 50 (got ${props.tokenPoolSize})`,
    );
  }
  return { alias: props.alias, tokenPoolSize: props.tokenPoolSize, customRetryTimeout: props.customRetryTimeout };
}
