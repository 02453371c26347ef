/**
 * The rotation function's settings, read from its environment (the stack writes them; none is a secret):
 * - GENESYS_REGION             Genesys Cloud region key of the org (login./api. hosts come from it)
 * - ROTATION_ADMIN_SECRET_ID   name or ARN of the Secrets Manager secret a person filled with the admin client's
 *                              credentials, JSON {"clientId": "...", "clientSecret": "..."}
 * - ROTATION_CLIENTS           JSON [{"secret": "<secret name>", "strategy": "single-client"|"alternating-clients",
 *                              "clientIds": ["<id>"] or ["<id A>", "<id B>"]}]: the secrets this function rotates
 * Optional, for stand-ins and proxies: GENESYS_API_BASE / GENESYS_LOGIN_BASE (https, or http on loopback),
 * SECRETS_MANAGER_ENDPOINT (same rule), ROTATION_HTTP_TIMEOUT_MS, ROTATION_TEST_RETRY_MS.
 */
import { regionHosts } from "../../constructs/regions";
import { checkBaseUrl } from "../../genesys-pack/doctor/http";

export const STRATEGIES = ["single-client", "alternating-clients"] as const;
export type RotationStrategy = (typeof STRATEGIES)[number];

export interface RotatedClient {
  readonly secret: string;
  readonly strategy: RotationStrategy;
  readonly clientIds: readonly string[];
}

export interface RotationSettings {
  readonly region: string;
  readonly apiHost: string;
  readonly loginHost: string;
  readonly apiBase: string;
  readonly loginBase: string;
  readonly adminSecretId: string;
  readonly clients: readonly RotatedClient[];
  readonly secretsManagerEndpoint?: string;
  readonly httpTimeoutMs: number;
  /** Pause between tries of the pending secret in testSecret (a regenerated secret may take a moment to work). */
  readonly testRetryMs: number;
}

/** A setting is missing or malformed: the message names the variable, never its value. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

const CLIENT_ID = /^[0-9A-Za-z-]{1,64}$/;

function wholeMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  if (!/^\d{1,7}$/.test(v)) throw new SettingsError(`${name} must be a whole number of milliseconds`);
  return Number(v);
}

export function readSettings(env: NodeJS.ProcessEnv): RotationSettings {
  const hosts = regionHosts(env.GENESYS_REGION ?? "");
  if (!hosts) throw new SettingsError("GENESYS_REGION must be a Genesys Cloud region key");
  const adminSecretId = env.ROTATION_ADMIN_SECRET_ID ?? "";
  if (adminSecretId === "") throw new SettingsError("ROTATION_ADMIN_SECRET_ID must name the secret that holds the admin client credentials");
  let raw: unknown;
  try {
    raw = JSON.parse(env.ROTATION_CLIENTS ?? "");
  } catch {
    throw new SettingsError("ROTATION_CLIENTS must be JSON");
  }
  if (!Array.isArray(raw)) throw new SettingsError("ROTATION_CLIENTS must be a JSON array");
  const clients = raw.map((c: any, i: number): RotatedClient => {
    const at = `ROTATION_CLIENTS[${i}]`;
    if (typeof c?.secret !== "string" || c.secret === "") throw new SettingsError(`${at}.secret must be a secret name`);
    if (!(STRATEGIES as readonly string[]).includes(c.strategy)) throw new SettingsError(`${at}.strategy must be one of ${STRATEGIES.join(", ")}`);
    const want = c.strategy === "alternating-clients" ? 2 : 1;
    const ids = c.clientIds;
    if (!Array.isArray(ids) || ids.length !== want || !ids.every((x: unknown) => typeof x === "string" && CLIENT_ID.test(x))) {
      throw new SettingsError(`${at}.clientIds must list ${want} client id${want === 1 ? "" : "s"} for ${c.strategy}`);
    }
    if (want === 2 && ids[0] === ids[1]) throw new SettingsError(`${at}.clientIds must be two different clients`);
    return { secret: c.secret, strategy: c.strategy, clientIds: ids };
  });
  const base = (name: string, fallback: string) => {
    try {
      return checkBaseUrl(name, env[name] || fallback);
    } catch (e) {
      throw new SettingsError((e as Error).message);
    }
  };
  const sm = env.SECRETS_MANAGER_ENDPOINT ? base("SECRETS_MANAGER_ENDPOINT", "") : undefined;
  return {
    region: hosts.region,
    apiHost: hosts.apiHost,
    loginHost: hosts.loginHost,
    apiBase: base("GENESYS_API_BASE", `https://${hosts.apiHost}`),
    loginBase: base("GENESYS_LOGIN_BASE", `https://${hosts.loginHost}`),
    adminSecretId,
    clients,
    secretsManagerEndpoint: sm,
    httpTimeoutMs: wholeMs(env, "ROTATION_HTTP_TIMEOUT_MS", 10_000),
    testRetryMs: wholeMs(env, "ROTATION_TEST_RETRY_MS", 2_000),
  };
}
