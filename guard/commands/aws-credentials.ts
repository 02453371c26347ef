import { createRequire } from "node:module";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { CredentialError } from "../errors";

/**
 * AWS credentials for the commands that call AWS (audit s3://, doctor --state s3://, rotate, preflight): the SDK v3
 * default chain (env, AWS_PROFILE and the shared files, SSO, web identity, credential_process, container and
 * instance metadata), with the instance metadata service (IMDS) asked once with a short timeout. The SDK's own
 * default (1 s per request, the IMDSv2 token request and then the v1 fallback) would stall a machine that has no
 * IMDS for 2 s before saying anything; a real IMDS answers in milliseconds. AWS_METADATA_SERVICE_TIMEOUT (seconds,
 * as the AWS CLI reads it) overrides the timeout; AWS_EC2_METADATA_DISABLED=true skips IMDS.
 */
export const IMDS_TIMEOUT_MS = 300;

type Env = Readonly<Record<string, string | undefined>>;

/** How to provide credentials, for every "no AWS credentials" line. */
export const AWS_CREDENTIALS_HINT = "set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an instance role is available";

/** The error names AWS services give to credentials that exist but are not accepted. */
const REJECTED = /^(InvalidAccessKeyId|SignatureDoesNotMatch|ExpiredToken|ExpiredTokenException|InvalidToken|InvalidClientTokenId|UnrecognizedClientException|InvalidSignatureException|TokenRefreshRequired|AuthFailure)$/;

/** A profile name worth showing (profile names are not secrets, but the text is still bounded). */
const PROFILE_NAME = /^[A-Za-z0-9_.+@-]{1,64}$/;

/** The credential provider a client uses: static keys from `env` when set (and no profile), else the default chain. */
export function awsCredentialProvider(env: Env, profile?: string): AwsCredentialIdentityProvider {
  if (!profile && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    const identity = { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
    return async () => identity;
  }
  const seconds = Number(env.AWS_METADATA_SERVICE_TIMEOUT);
  const timeout = seconds > 0 && seconds <= 60 ? Math.round(seconds * 1000) : IMDS_TIMEOUT_MS;
  // A logger of our own: the chain otherwise console.warns (9 lines) when a profile and env keys are both set.
  return defaultProvider()({ ...(profile ? { profile } : {}), timeout, maxRetries: 0, logger: QUIET_LOGGER });
}

/** Resolves credentials now: undefined when there are some, else the one-line error for `what`. */
export async function missingAwsCredentials(env: Env, what: string, profile?: string, provider = awsCredentialProvider(env, profile)): Promise<CredentialError | undefined> {
  try {
    const identity = await provider();
    if (identity?.accessKeyId && identity?.secretAccessKey) return undefined;
  } catch (e) {
    return awsCredentialError(e, what, env, profile) ?? noCredentials(what, env, profile);
  }
  return noCredentials(what, env, profile);
}

/** The one-line error for an SDK error that is about credentials (none found, or rejected), else undefined. */
export function awsCredentialError(e: unknown, what: string, env: Env, profile?: string): CredentialError | undefined {
  const err = e as { name?: string; message?: string };
  const name = err?.name ?? "";
  if (REJECTED.test(name)) {
    return new CredentialError(`AWS credentials rejected (${name}) for ${what}: check AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ones)`);
  }
  if (name === "CredentialsProviderError" || /could not (load|resolve) credentials/i.test(err?.message ?? "")) return noCredentials(what, env, profile);
  return undefined;
}

function noCredentials(what: string, env: Env, profile?: string): CredentialError {
  const named = profile ?? (env.AWS_PROFILE || undefined);
  if (named !== undefined) {
    const shown = PROFILE_NAME.test(named) ? named : "(given)";
    return new CredentialError(
      `no AWS credentials from profile ${shown} for ${what}: define it in ~/.aws/credentials or ~/.aws/config (or AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE), or run aws sso login --profile ${shown} if it uses SSO`,
    );
  }
  return new CredentialError(`no AWS credentials for ${what}: ${AWS_CREDENTIALS_HINT}`);
}

const QUIET_LOGGER = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

type DefaultProvider = (init: Record<string, unknown>) => AwsCredentialIdentityProvider;
let loaded: DefaultProvider | undefined;

/**
 * The SDK's default chain (@aws-sdk/credential-provider-node), taken from where the declared AWS clients resolve
 * it, so that it is the very chain their own clients would use.
 */
function defaultProvider(): DefaultProvider {
  if (loaded) return loaded;
  for (const client of ["@aws-sdk/client-s3", "@aws-sdk/client-secrets-manager"]) {
    try {
      return (loaded = createRequire(require.resolve(client))("@aws-sdk/credential-provider-node").defaultProvider as DefaultProvider);
    } catch {
      // try the other client
    }
  }
  throw new CredentialError("the AWS SDK's credential chain (@aws-sdk/credential-provider-node) is not installed for the AWS checks: reinstall the package");
}
