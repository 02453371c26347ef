/**
 * Bounded HTTP for the doctor: node's built-in fetch, one timeout per request, a bounded number of retries for
 * 429 (honouring Retry-After within a total wait budget) and 5xx (not 501), and error messages that name the host
 * and the status, never a header, a body or a credential.
 */

export class HttpFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HttpFailure";
  }
}

export interface RetryPolicy {
  /** Per request, in milliseconds. */
  readonly timeoutMs: number;
  /** Most tries for one request when the answer is 429 / a rate-limit 400 (first try included). */
  readonly rateLimitTries: number;
  /** Most tries for one request when the answer is a 5xx other than 501. */
  readonly serverErrorTries: number;
  /** Most time spent waiting between tries of one request, in milliseconds. */
  readonly maxWaitMs: number;
  /** First backoff after a 5xx, doubled each time. */
  readonly backoffMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = { timeoutMs: 10_000, rateLimitTries: 4, serverErrorTries: 3, maxWaitMs: 15_000, backoffMs: 250 };

export interface HttpAnswer {
  readonly status: number;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  readonly json: any;
}

export interface HttpRequest {
  /** Name for messages: the real host (login.mypurecloud.ie), even when a base URL override points elsewhere. */
  readonly host: string;
  readonly url: string;
  readonly method: "GET" | "POST";
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** The token endpoint answers a rate limit with 400 invalid_request "...rate limit...": treat it as a 429. */
  readonly rateLimit400?: boolean;
}

const MAX_BODY = 8 * 1024 * 1024;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1))} s`;

/** Whether a 400 answer from the token endpoint is its way of saying "rate limited". */
export function isRateLimit400(json: any): boolean {
  const text = `${json?.error ?? ""} ${json?.description ?? ""} ${json?.error_description ?? ""} ${json?.message ?? ""}`;
  return /rate.?limit/i.test(text);
}

/** Retry-After in milliseconds (seconds form, or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export async function request(req: HttpRequest, policy: RetryPolicy): Promise<HttpAnswer> {
  let waited = 0;
  let tries = 0;
  for (;;) {
    tries++;
    const answer = await once(req, policy.timeoutMs);
    const rateLimited = answer.status === 429 || (req.rateLimit400 === true && answer.status === 400 && isRateLimit400(answer.json));
    if (rateLimited) {
      const status = answer.status === 429 ? "429" : "400 rate limit";
      const wait = Math.max(answer.retryAfter ?? 1000, 0);
      if (tries >= policy.rateLimitTries || waited + wait > policy.maxWaitMs) {
        throw new HttpFailure(`rate limited by ${req.host} (${status}) after ${tries} ${tries === 1 ? "try" : "tries"}`);
      }
      waited += wait;
      await sleep(wait);
      continue;
    }
    if (answer.status >= 500 && answer.status !== 501) {
      const wait = policy.backoffMs * 2 ** (tries - 1);
      if (tries >= policy.serverErrorTries || waited + wait > policy.maxWaitMs) {
        throw new HttpFailure(`${req.host} answered ${answer.status} after ${tries} ${tries === 1 ? "try" : "tries"}`);
      }
      waited += wait;
      await sleep(wait);
      continue;
    }
    return { status: answer.status, json: answer.json };
  }
}

async function once(req: HttpRequest, timeoutMs: number): Promise<{ status: number; json: any; retryAfter?: number }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: controller.signal, redirect: "error" });
    const text = await readLimited(res);
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, retryAfter: retryAfterMs(res.headers.get("retry-after")) };
  } catch (e) {
    if (controller.signal.aborted) throw new HttpFailure(`no answer from ${req.host} within ${seconds(timeoutMs)}`);
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as NodeJS.ErrnoException).code;
    throw new HttpFailure(`cannot reach ${req.host}${cause ? ` (${cause})` : ""}`);
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY) {
      await reader.cancel();
      break;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Checks an override base URL: https anywhere, plain http only for loopback. Returns it without a trailing slash. */
export function checkBaseUrl(option: string, value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`${option} is not a URL`);
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);
  if (u.protocol !== "https:" && !(u.protocol === "http:" && loopback)) {
    throw new Error(`${option} must be https (plain http only for 127.0.0.1 or localhost)`);
  }
  if (u.username || u.password) throw new Error(`${option} must not hold credentials`);
  return u.toString().replace(/\/+$/, "");
}
