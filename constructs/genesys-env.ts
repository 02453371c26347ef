import { normalizeRegion, allowedRegionsText } from "./regions";

/** The environment variables the real provider (mypurecloud/genesyscloud) reads. */
export const GENESYS_ENV = {
  clientId: "GENESYSCLOUD_OAUTHCLIENT_ID",
  clientSecret: "GENESYSCLOUD_OAUTHCLIENT_SECRET",
  region: "GENESYSCLOUD_REGION",
  accessToken: "GENESYSCLOUD_ACCESS_TOKEN",
} as const;

/** The tutorial's names, which the provider never reads, and the real name for each. */
export const TUTORIAL_ENV_RENAMES: Readonly<Record<string, string>> = {
  GENESYS_CLOUD_CLIENT_ID: GENESYS_ENV.clientId,
  GENESYS_CLOUD_CLIENT_SECRET: GENESYS_ENV.clientSecret,
  GENESYS_CLOUD_DOMAIN: `${GENESYS_ENV.region} (a region key such as us-east-1, not a domain)`,
};

/**
 * A process environment (`process.env` fits). Declared here rather than as `NodeJS.ProcessEnv` so that the
 * published typings compile for importers without `@types/node`.
 */
export type EnvironmentVariables = Readonly<Record<string, string | undefined>>;

export interface EnvProblem {
  readonly level: "error" | "warning";
  readonly variable: string;
  readonly message: string;
}

/**
 * Checks a process environment for what the provider needs. Never includes a value in a message:
 * only names (and, for the region, the key, which is not a secret).
 */
export function checkGenesysEnv(env: EnvironmentVariables, opts: { requireCredentials: boolean }): EnvProblem[] {
  const problems: EnvProblem[] = [];
  for (const [wrong, right] of Object.entries(TUTORIAL_ENV_RENAMES)) {
    if (env[wrong] !== undefined) {
      problems.push({
        level: "warning",
        variable: wrong,
        message: `${wrong} is set but the genesyscloud provider never reads it; use ${right}`,
      });
    }
  }
  const region = env[GENESYS_ENV.region];
  if (region !== undefined && !normalizeRegion(region)) {
    problems.push({
      level: "error",
      variable: GENESYS_ENV.region,
      message: `${GENESYS_ENV.region} ${JSON.stringify(region)} is not a Genesys Cloud region key; allowed: ${allowedRegionsText()}`,
    });
  }
  if (opts.requireCredentials) {
    if (region === undefined) {
      problems.push({ level: "error", variable: GENESYS_ENV.region, message: `${GENESYS_ENV.region} is not set (the provider has no default region)` });
    }
    const hasToken = !!env[GENESYS_ENV.accessToken];
    for (const name of [GENESYS_ENV.clientId, GENESYS_ENV.clientSecret]) {
      if (!hasToken && !env[name]) {
        problems.push({ level: "error", variable: name, message: `${name} is not set (nor ${GENESYS_ENV.accessToken})` });
      }
    }
  }
  return problems;
}
