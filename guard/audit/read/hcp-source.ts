import * as fs from "node:fs";
import * as os from "node:os";
import * as nodePath from "node:path";
import { InputError } from "../../errors";
import type { ByteSource } from "./file-chunks";
import { remoteSource } from "./remote-source";
import { StopsAudit } from "./remote-error";
import { isSecureTransport } from "../../secure-transport";

/**
 * The current state of an HCP Terraform / Terraform Enterprise workspace, through the state-versions API:
 *   1. GET /organizations/:org/workspaces/:name            -> data.id
 *   2. GET /workspaces/:id/current-state-version           -> data.attributes["hosted-state-download-url"]
 *   3. GET that URL                                          -> the raw state (as `terraform state pull`)
 * The API base comes from service discovery (/.well-known/terraform.json, "tfe.v2"; /api/v2/ when absent).
 * TFE_ADDRESS replaces https://<hostname> (plain http only for loopback). Token: the `cloud` block's `token`,
 * else TF_TOKEN_<host> (dots as _, dashes as __), else TFE_TOKEN. The download URL is a bearer secret: it is never
 * printed, and the token is sent to it only when it is on the API's own origin. 429: waits X-RateLimit-Reset
 * seconds (at most 60, up to 5 tries). The state is held in memory up to 8 MiB, else downloaded again for the
 * audit's second pass (remote-source.ts); never written to disk.
 */
export interface HcpWorkspace {
  readonly hostname: string;
  readonly organization: string;
  readonly workspace: string;
  /** A token written in the cloud block (discouraged, but Terraform accepts it). */
  readonly token?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const MAX_TRIES = 5;
const MAX_WAIT_S = 60;
const TIMEOUT_MS = 30_000;

/** The web address of a workspace: how reports name its state. */
export function hcpDisplay(origin: string, ws: HcpWorkspace): string {
  return `${origin}/app/${encodeURIComponent(ws.organization)}/workspaces/${encodeURIComponent(ws.workspace)}`;
}

export function hcpOrigin(ws: HcpWorkspace, env: Env): string {
  const address = env.TFE_ADDRESS || `https://${ws.hostname}`;
  let u: URL;
  try {
    u = new URL(address);
  } catch {
    throw new InputError(`TFE_ADDRESS is not a URL`);
  }
  if (!isSecureTransport(u)) throw new InputError(`${u.origin}: HCP Terraform is read over https only (plain http only on loopback)`);
  return u.origin;
}

/** The environment variable Terraform reads a host's token from: dots as _, dashes as __. */
export function hcpTokenVariable(hostname: string): string {
  return `TF_TOKEN_${hostname.replace(/-/g, "__").replace(/\./g, "_")}`;
}

/**
 * The token for a workspace's host: the block's `token`, else TF_TOKEN_<host>, else TFE_TOKEN, else what
 * `terraform login` saved in credentials.tfrc.json (in TF_CLI_CONFIG_DIR, else ~/.terraform.d).
 */
export function hcpToken(ws: HcpWorkspace, env: Env): string | undefined {
  return ws.token || env[hcpTokenVariable(ws.hostname)] || env.TFE_TOKEN || savedToken(ws.hostname, env);
}

/** How to give a host a token, for the one-line errors. */
export function hcpTokenHint(hostname: string): string {
  return `set TFE_TOKEN or ${hcpTokenVariable(hostname)}, or run terraform login ${hostname}`;
}

function savedToken(hostname: string, env: Env): string | undefined {
  const dir = env.TF_CLI_CONFIG_DIR || nodePath.join(env.HOME || os.homedir(), ".terraform.d");
  try {
    const doc = JSON.parse(fs.readFileSync(nodePath.join(dir, "credentials.tfrc.json"), "utf8"));
    const token = doc?.credentials?.[hostname]?.token;
    return typeof token === "string" && token !== "" ? token : undefined;
  } catch {
    return undefined; // no file, or not one terraform login wrote: as if absent
  }
}

function tokenError(message: string): StopsAudit {
  return Object.assign(new StopsAudit(message), { wholeLine: true });
}

/** Opens the workspace's current state: steps 1 and 2 now, step 3 for each pass of the audit. */
export async function hcpStateSource(ws: HcpWorkspace, env: Env, fetchImpl: typeof fetch = fetch): Promise<ByteSource> {
  const origin = hcpOrigin(ws, env);
  const display = hcpDisplay(origin, ws);
  const token = hcpToken(ws, env);
  if (!token) throw tokenError(`no HCP Terraform token for ${display}: ${hcpTokenHint(ws.hostname)}`);
  const call = async (url: string, what: string, bearer: boolean) => {
    try {
      return await request(fetchImpl, url, bearer ? token : undefined, display, what);
    } catch (e) {
      if (bearer && (e as { status?: number }).status === 401) throw tokenError(`HCP Terraform rejected the token (401) for ${display}: ${hcpTokenHint(ws.hostname)}`);
      throw e;
    }
  };

  const base = await apiBase(fetchImpl, origin, display);
  const wsDoc = await json(await call(`${base}organizations/${encodeURIComponent(ws.organization)}/workspaces/${encodeURIComponent(ws.workspace)}`, "workspace", true), display);
  const id = wsDoc?.data?.id;
  if (typeof id !== "string" || !/^ws-[A-Za-z0-9]+$/.test(id)) throw new InputError(`${display}: the workspace answer has no workspace id`);
  const svDoc = await json(await call(`${base}workspaces/${id}/current-state-version`, "current-state-version", true), display);
  const download = svDoc?.data?.attributes?.["hosted-state-download-url"];
  if (typeof download !== "string" || download === "") throw new InputError(`${display}: the current state version has no hosted-state-download-url (state not uploaded yet)`);
  let target: URL;
  try {
    target = new URL(download, origin);
  } catch {
    throw new InputError(`${display}: the state download URL is not a URL`);
  }
  if (!isSecureTransport(target)) {
    throw new InputError(`${display}: the state download URL is not https`);
  }
  const sameOrigin = target.origin === origin;
  return remoteSource(display, async () => {
    const res = await call(target.href, "state download", sameOrigin);
    if (!res.body) throw new InputError(`${display}: empty state download`);
    return res.body as unknown as AsyncIterable<Uint8Array>;
  });
}

async function apiBase(fetchImpl: typeof fetch, origin: string, display: string): Promise<string> {
  try {
    const res = await fetchImpl(`${origin}/.well-known/terraform.json`, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { Accept: "application/json" } });
    if (res.ok) {
      const doc = (await res.json()) as Record<string, unknown>;
      const p = doc?.["tfe.v2"];
      if (typeof p === "string" && p.startsWith("/")) return origin + (p.endsWith("/") ? p : p + "/");
    } else await res.body?.cancel();
  } catch (e) {
    if (isNetworkError(e)) throw new StopsAudit(`${display}: cannot reach HCP Terraform (${netCode(e)})`);
    // no discovery document: the default path
  }
  return `${origin}/api/v2/`;
}

async function request(fetchImpl: typeof fetch, url: string, token: string | undefined, display: string, what: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetchImpl(url, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "follow",
        headers: { Accept: "application/vnd.api+json, application/json", "Content-Type": "application/vnd.api+json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      });
    } catch (e) {
      throw new StopsAudit(`${display}: ${what}: ${isNetworkError(e) ? `cannot reach HCP Terraform (${netCode(e)})` : "request failed"}`);
    }
    if (res.ok) return res;
    await res.body?.cancel().catch(() => undefined);
    if (res.status === 429 && attempt < MAX_TRIES) {
      const reset = Number(res.headers.get("x-ratelimit-reset"));
      const waitS = Number.isFinite(reset) && reset > 0 ? Math.min(reset, MAX_WAIT_S) : Math.min(2 ** attempt, MAX_WAIT_S);
      await new Promise((r) => setTimeout(r, waitS * 1000));
      continue;
    }
    throw Object.assign(new StopsAudit(`${display}: ${describeStatus(res.status, what)}`, res.status === 404 && what === "current-state-version" ? false : res.status !== 404), { status: res.status });
  }
}

function describeStatus(status: number, what: string): string {
  if (status === 401) return `HCP Terraform rejected the token (401; check TFE_TOKEN or TF_TOKEN_<host>)`;
  if (status === 404 && what === "workspace") return "no such workspace, or the token cannot read it (HCP Terraform answers 404 for both)";
  if (status === 404 && what === "current-state-version") return "no state yet (or the token lacks state read access: \"Read outputs only\" is not enough)";
  if (status === 404 || status === 403) return `${what}: not found or no access (${status}; the download URL may have expired: run again)`;
  if (status === 429) return `rate limited by HCP Terraform (429 after ${MAX_TRIES} tries); run again later`;
  if (status >= 500) return `HCP Terraform error (${status}) on ${what}`;
  return `${what}: unexpected answer (${status})`;
}

async function json(res: Response, display: string): Promise<any> {
  try {
    return await res.json();
  } catch {
    throw new InputError(`${display}: HCP Terraform answered with something that is not JSON`);
  }
}

function netCode(e: unknown): string {
  const cause = (e as { cause?: { code?: string } })?.cause;
  return cause?.code ?? (e as { name?: string })?.name ?? "error";
}

function isNetworkError(e: unknown): boolean {
  return (e as { name?: string })?.name === "TypeError" || (e as { name?: string })?.name === "TimeoutError" || !!(e as { cause?: unknown })?.cause;
}
