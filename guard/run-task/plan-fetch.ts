import { isLoopbackHost, isPrivateHost } from "./private-address";
import { isSecureTransport } from "../secure-transport";

/**
 * Reads a run's JSON plan: GET plan_json_api_url with the run's bearer token; HCP Terraform answers a redirect
 * (307) to a short-lived archive URL on another host. Redirects are followed by hand so the token goes only to
 * the API's own origin, and only until the chain first leaves it: the archive URL is itself the credential, and a
 * hop back to the API origin after it is a path the archive chose, not HCP Terraform. Nothing is written to disk;
 * the plan is held in memory up to `maxBytes`. Errors say what failed in words (HTTP status, timeout, network
 * code), never a URL: the archive URL is a bearer secret.
 */

/** Why a plan could not be read: one line, for the task result's message and the log. */
export class PlanFetchError extends Error {}

export interface PlanFetchOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** Aborted when the server shuts down. */
  readonly signal?: AbortSignal;
  readonly fetchImpl?: typeof fetch;
  /**
   * The --allow-origin origins. A redirect to a private, loopback or link-local address is followed only when one
   * of them is on such an address too (default: the plan URL's own origin).
   */
  readonly allowedOrigins?: readonly string[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 3;

/**
 * Why a redirect target is not followed, or undefined. https only, except plain http between loopback hosts when
 * the plan URL itself is plain http on loopback (a stand-in, a proxy on the same host): an https API must not be
 * sent down to plain http, where the archive URL (a credential) and the plan would travel in clear. A private,
 * loopback or link-local address only when an allowed origin is one too (else it is request forgery, e.g. a
 * cloud metadata service). Names are not resolved (see private-address.ts).
 */
export function redirectRefusal(target: URL, planUrl: URL, allowedOrigins: readonly string[]): string | undefined {
  if (target.protocol === "http:") {
    const localStandIn = planUrl.protocol === "http:" && isLoopbackHost(planUrl.hostname) && isLoopbackHost(target.hostname);
    if (!localStandIn) return "the plan archive is not an https URL";
  } else if (target.protocol !== "https:") return "the plan archive is not an https URL";
  if (isPrivateHost(target.hostname) && !allowedOrigins.some((o) => isPrivateHost(new URL(o).hostname))) {
    return "the plan archive is on a private, loopback or link-local address, and no --allow-origin is";
  }
  return undefined;
}

/** A duration as given: "2 s" for whole seconds, else "1500 ms" (a rounded "2 s" would misstate --fetch-timeout 1500). */
export function duration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export async function fetchPlan(planUrl: URL, token: string, options: PlanFetchOptions): Promise<Buffer[]> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const apiOrigin = planUrl.origin;
  const allowed = options.allowedOrigins ?? [apiOrigin];
  let target = planUrl;
  // Set once any hop is off the API origin; from then on the token is never sent, even back on the API origin.
  let leftApi = false;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const where = hop === 0 ? "the plan API" : "the plan archive";
      if (hop === 0 && !isSecureTransport(target)) throw new PlanFetchError(`${where} is not an https URL`);
      const refusal = hop === 0 ? undefined : redirectRefusal(target, planUrl, allowed);
      if (refusal) throw new PlanFetchError(refusal);
      leftApi ||= target.origin !== apiOrigin;
      const withToken = !leftApi;
      const res = await fetchImpl(target, {
        redirect: "manual",
        signal,
        headers: { Accept: "application/json", ...(withToken ? { Authorization: `Bearer ${token}` } : {}) },
      });
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel();
        const location = res.headers.get("location");
        if (!location) throw new PlanFetchError(`${where} answered a redirect without a Location`);
        try {
          target = new URL(location, target);
        } catch {
          throw new PlanFetchError(`${where} answered a redirect to something that is not a URL`);
        }
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new PlanFetchError(`${where} answered HTTP ${res.status}${res.status === 401 || res.status === 403 ? " (the run's token was refused; it is valid for this run only)" : ""}`);
      }
      if (!res.body) throw new PlanFetchError(`${where} answered an empty body`);
      return await readLimited(res.body as unknown as AsyncIterable<Uint8Array>, options.maxBytes, where);
    }
    throw new PlanFetchError(`more than ${MAX_REDIRECTS} redirects while reading the plan`);
  } catch (e) {
    if (e instanceof PlanFetchError) throw e;
    if (options.signal?.aborted) throw new PlanFetchError("the server shut down while reading the plan");
    if (timeout.aborted) throw new PlanFetchError(`reading the plan timed out after ${duration(options.timeoutMs)}`);
    throw new PlanFetchError(`cannot reach HCP Terraform to read the plan (${networkCode(e)})`);
  }
}

async function readLimited(body: AsyncIterable<Uint8Array>, maxBytes: number, where: string): Promise<Buffer[]> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new PlanFetchError(`the plan is larger than ${Math.floor(maxBytes / 1048576)} MiB (--max-plan-mb)`);
    parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  if (size === 0) throw new PlanFetchError(`${where} answered an empty plan`);
  return parts;
}

/** The error code of a failed fetch (ECONNREFUSED, ENOTFOUND...), never its message (it may quote the URL). */
function networkCode(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown } })?.cause;
  const code = cause?.code ?? (e as { code?: unknown })?.code;
  return typeof code === "string" && /^[A-Z0-9_]{2,40}$/.test(code) ? code : "network error";
}
