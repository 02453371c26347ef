import { CredentialError, UsageError } from "../../guard/errors";
import { checkGenesysEnv, GENESYS_ENV, TUTORIAL_ENV_RENAMES } from "../../constructs/genesys-env";
import { normalizeRegion, regionHosts } from "../../constructs/regions";
import type { EnvironmentConfig, FleetConfig } from "../../app/config";
import { fingerprint } from "../../guard/fingerprint";
import { oneLine } from "../../guard/safe-text";
import { ApiAnswerError, GenesysApi, RoleInfo } from "./genesys-api";
import { checkBaseUrl, DEFAULT_POLICY, HttpFailure, RetryPolicy } from "./http";
import { holds, missingPermissions } from "./permissions";

export type Status = "ok" | "fail" | "warn";

/** Where the doctor writes its check lines (a CommandIO is one). */
export interface DoctorIO {
  out(text: string): void | Promise<void>;
  err(text: string): void;
}

export interface DoctorOptions {
  readonly config: FleetConfig;
  readonly environment: EnvironmentConfig;
  readonly env: NodeJS.ProcessEnv;
  readonly io: DoctorIO;
  /** Unicode marks (✓ ✗ !) on a terminal, ASCII ([ok] [FAIL] [warn]) otherwise. */
  readonly unicode: boolean;
  readonly policy?: Partial<RetryPolicy>;
  /** Base URL overrides (tests, proxies): https, or http on 127.0.0.1/localhost only. */
  readonly apiBase?: string;
  readonly loginBase?: string;
  /**
   * Client ids a Terraform state already manages (--state). Without it, a same-name client may be the one
   * Terraform created earlier, so a collision is a warning; with it, an unmanaged same-name client is a failure.
   */
  readonly managedIds?: ReadonlySet<string>;
}


const MAX_ROLES = 50;

/**
 * Preflight checks before `cdktf deploy`: environment variables, region, a token, the admin client's permissions
 * and roles, and name collisions with existing OAuth clients. Resolves to the exit code (0 all good, 1 a failure).
 * Nothing it prints holds the client secret or an access token: every line also passes through a redaction filter.
 */
/** API and login base URLs: overrides (checked: https, or http on loopback) or the region's hosts. */
export function baseUrls(
  o: Pick<DoctorOptions, "apiBase" | "loginBase" | "env">,
  hosts: { apiHost: string; loginHost: string } = { apiHost: "api.example", loginHost: "login.example" },
): { apiBase: string; loginBase: string } {
  const env = o.env;
  try {
    const shared = env.SECRET_GUARD_GENESYS_BASE_URL;
    return {
      apiBase: checkBaseUrl("--api-base", o.apiBase ?? env.SECRET_GUARD_GENESYS_API_BASE ?? shared ?? `https://${hosts.apiHost}`),
      loginBase: checkBaseUrl("--login-base", o.loginBase ?? env.SECRET_GUARD_GENESYS_LOGIN_BASE ?? shared ?? `https://${hosts.loginHost}`),
    };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export async function runDoctor(o: DoctorOptions): Promise<number> {
  const env = o.env;
  const secrets = [env[GENESYS_ENV.clientSecret], env[GENESYS_ENV.accessToken]].filter((s): s is string => !!s && s.length >= 4);
  let api: GenesysApi | undefined;
  const redact = (text: string) => {
    let t = text;
    for (const s of [...secrets, ...(api?.secretsForRedaction() ?? [])]) t = t.split(s).join(fingerprint(s));
    return t;
  };
  const marks = o.unicode ? { ok: "✓", fail: "✗", warn: "!" } : { ok: "[ok]", fail: "[FAIL]", warn: "[warn]" };
  let failed = false;
  const line = (status: Status, check: string, text: string) => {
    if (status === "fail") failed = true;
    // Names come from the config and the Genesys API: no raw control characters (CI commands, terminal escapes).
    o.io.out(oneLine(redact(`${marks[status]} ${check}: ${text}`)) + "\n");
  };
  const envName = o.environment.name;

  // a. environment variables: without credentials no later check can run, so that is one line and exit 2
  const missing = missingGenesysCredentials(env, `secret-guard doctor (environment ${envName})`);
  if (missing) throw missing;
  const problems = checkGenesysEnv(env, { requireCredentials: true });
  for (const p of problems) line(p.level === "error" ? "fail" : "warn", "env", p.message);
  const hasToken = !!env[GENESYS_ENV.accessToken];
  const hasCreds = !!env[GENESYS_ENV.clientId] && !!env[GENESYS_ENV.clientSecret];
  if (!problems.some((p) => p.level === "error")) {
    line("ok", "env", hasCreds
      ? `${GENESYS_ENV.clientId}, ${GENESYS_ENV.clientSecret} and ${GENESYS_ENV.region} are set${hasToken ? ` (${GENESYS_ENV.accessToken} is set too and takes precedence in the provider)` : ""}`
      : `${GENESYS_ENV.accessToken} and ${GENESYS_ENV.region} are set`);
  }

  // b. region
  const rawRegion = env[GENESYS_ENV.region];
  const region = rawRegion !== undefined ? normalizeRegion(rawRegion) : undefined;
  const configRegion = normalizeRegion(o.environment.region);
  if (rawRegion === undefined) line("fail", "region", `${GENESYS_ENV.region} is not set; environment ${envName} uses ${o.environment.region}`);
  else if (!region) line("fail", "region", `${GENESYS_ENV.region} is not a Genesys Cloud region key; environment ${envName} uses ${o.environment.region}`);
  else if (configRegion !== region) {
    line("fail", "region", `${GENESYS_ENV.region} ${region} does not match environment ${envName}'s region ${o.environment.region} (${o.environment.location}.region in ${o.config.file})`);
  } else {
    const h = regionHosts(region)!;
    line("ok", "region", `${region} (${h.loginHost}, ${h.apiHost}) matches environment ${envName}`);
  }

  const hosts = region ? regionHosts(region) : undefined;
  const skip = (check: string, why: string) => line("warn", check, `skipped (${why})`);
  if (!hosts || (!hasCreds && !hasToken)) {
    const why = !hosts ? "no valid region" : "no credentials";
    for (const c of ["token", "permissions", "collisions"]) skip(c, why);
    return failed ? 1 : 0;
  }

  const { apiBase, loginBase } = baseUrls(o, hosts);
  const policy: RetryPolicy = { ...DEFAULT_POLICY, ...o.policy };
  api = new GenesysApi({ apiBase, loginBase, apiHost: hosts.apiHost, loginHost: hosts.loginHost }, policy);

  // c. token
  const clientId = env[GENESYS_ENV.clientId];
  try {
    if (hasToken) {
      api.useToken(env[GENESYS_ENV.accessToken]!);
      line("ok", "token", `using ${GENESYS_ENV.accessToken} (checked by the next calls)`);
    } else {
      const expires = await api.login(clientId!, env[GENESYS_ENV.clientSecret]!);
      line("ok", "token", `${hosts.loginHost} issued a token${expires !== undefined ? ` valid for ${expires} s` : ""}`);
    }
  } catch (e) {
    if (e instanceof ApiAnswerError && e.status === 401) {
      const answer = /\((401[^)]*)\)$/.exec(e.message)?.[1] ?? "401";
      throw new CredentialError(`Genesys Cloud rejected the credentials (${hosts.loginHost} answered ${answer}) for secret-guard doctor (environment ${envName}): check ${hasToken ? GENESYS_ENV.accessToken : `${GENESYS_ENV.clientId} and ${GENESYS_ENV.clientSecret}`}`);
    }
    line("fail", "token", reason(e));
    skip("permissions", "no token");
    skip("collisions", "no token");
    return 1;
  }

  // d. permissions of the admin client and the roles it must be able to grant
  if (!clientId) {
    skip("permissions", `${GENESYS_ENV.clientId} is not set, so the admin client is unknown`);
  } else {
    try {
      const admin = await api.getClient(clientId);
      const allRoleIds = [...new Set(admin.roleDivisions.map((g) => g.roleId))];
      const roleIds = allRoleIds.slice(0, MAX_ROLES);
      if (allRoleIds.length > MAX_ROLES) line("warn", "permissions", `the admin client has ${allRoleIds.length} roles; only the first ${MAX_ROLES} were read`);
      const roles: RoleInfo[] = [];
      for (const id of roleIds) roles.push(await api.getRole(id));
      const missing = missingPermissions(roles.flatMap((r) => r.policies));
      if (missing.length > 0) line("fail", "permissions", `the admin client lacks ${missing.join(", ")} (roles: ${roles.map((r) => r.name).join(", ") || "none"})`);
      else line("ok", "permissions", `the admin client holds oauth:client, integrations:credential and authorization:role:view permissions (${roles.length} role${roles.length === 1 ? "" : "s"})`);
      // Rotated clients: the rotation function regenerates secrets (POST /api/v2/oauth/clients/{id}/secret).
      const rotated = o.environment.clients.filter((c) => c.secretDelivery === "secrets-manager-rotation").length;
      if (rotated > 0) {
        const what = `${rotated} client${rotated === 1 ? "" : "s"} with secretDelivery secrets-manager-rotation`;
        if (holds(roles.flatMap((r) => r.policies), "oauth:client:edit")) {
          line("ok", "rotation", `the admin client holds oauth:client:edit, which the rotation function needs for ${what} (if its admin secret holds this client's credentials)`);
        } else {
          line("fail", "rotation", `the admin client lacks oauth:client:edit: the rotation function cannot regenerate the secret of ${what}`);
        }
      }

      const heldNames = new Set(roles.map((r) => r.name.trim().toLowerCase()));
      const heldIds = new Set(roleIds);
      const notHeld: string[] = [];
      o.environment.clients.forEach((c, j) => {
        for (const r of c.roles ?? []) {
          const ok = (r.id !== undefined && heldIds.has(r.id)) || (r.name !== undefined && heldNames.has(r.name.trim().toLowerCase()));
          if (!ok) notHeld.push(`${r.name !== undefined ? `"${r.name}"` : r.id} (${o.environment.location}.clients[${j}])`);
        }
      });
      if (notHeld.length > 0) line("fail", "roles", `roles granted in config but not held by the admin client (Genesys refuses to grant them): ${notHeld.join(", ")}`);
      else line("ok", "roles", `the admin client holds every role the config grants`);
    } catch (e) {
      line("fail", "permissions", reason(e));
    }
  }

  // e. name collisions with existing OAuth clients
  try {
    const { clients: existing, complete } = await api.listClients();
    if (!complete) line("warn", "collisions", `the org has more OAuth clients than the doctor reads (${existing.length} read); names past them were not checked`);
    const byName = new Map<string, { id: string; name: string }[]>();
    for (const c of existing) {
      const k = c.name.trim().toLowerCase();
      byName.set(k, [...(byName.get(k) ?? []), c]);
    }
    let collisions = 0;
    o.environment.clients.forEach((c, j) => {
      const at = `${o.environment.location}.clients[${j}]`;
      const same = byName.get(c.name.trim().toLowerCase()) ?? [];
      if (c.adoptClientId !== undefined && !existing.some((x) => x.id === c.adoptClientId)) {
        line("warn", "collisions", `${at} "${c.name}" adopts ${c.adoptClientId}, which is not an OAuth client in this org`);
      }
      const others = same.filter((x) => x.id !== c.adoptClientId);
      if (same.length > 0 && others.length === 0) {
        line("ok", "collisions", `${at} "${c.name}" adopts the existing client ${c.adoptClientId}`);
        return;
      }
      for (const x of others) {
        if (o.managedIds?.has(x.id)) {
          line("ok", "collisions", `${at} "${c.name}" is ${x.id}, which the given state already manages`);
          continue;
        }
        collisions++;
        const hint = `adopt it by adding "adoptClientId": "${x.id}" to ${at} in ${o.config.file}`;
        if (o.managedIds) line("fail", "collisions", `${at} "${c.name}" has the name of existing OAuth client ${x.id}, which the state does not manage; ${hint}`);
        else line("warn", "collisions", `${at} "${c.name}" has the name of existing OAuth client ${x.id}: fine if this stack created it; otherwise ${hint} (pass --state to tell)`);
      }
    });
    if (collisions === 0) line("ok", "collisions", `no config client of environment ${envName} collides with the ${existing.length} existing OAuth client${existing.length === 1 ? "" : "s"}`);
  } catch (e) {
    line("fail", "collisions", reason(e));
  }
  return failed ? 1 : 0;
}

/**
 * The one-line error when the provider would have no credentials: neither the client id and secret nor an access
 * token. Names the tutorial's variables when they are what is set.
 */
export function missingGenesysCredentials(env: NodeJS.ProcessEnv, what: string): CredentialError | undefined {
  if (env[GENESYS_ENV.accessToken] || (env[GENESYS_ENV.clientId] && env[GENESYS_ENV.clientSecret])) return undefined;
  const unset = [GENESYS_ENV.clientId, GENESYS_ENV.clientSecret].filter((n) => !env[n]);
  const tutorial = Object.keys(TUTORIAL_ENV_RENAMES).filter((n) => env[n] !== undefined);
  const hint = tutorial.length ? ` (${tutorial.join(", ")} ${tutorial.length === 1 ? "is" : "are"} set, but the provider never reads ${tutorial.length === 1 ? "it" : "them"})` : "";
  return new CredentialError(
    `no Genesys Cloud credentials (${unset.join(" and ")} not set) for ${what}: set ${GENESYS_ENV.clientId} and ${GENESYS_ENV.clientSecret} with ${GENESYS_ENV.region}, or ${GENESYS_ENV.accessToken}${hint}`,
  );
}

function reason(e: unknown): string {
  if (e instanceof HttpFailure || e instanceof ApiAnswerError) return e.message;
  return `unexpected error (${(e as Error)?.name ?? "Error"})`;
}
