import type { TaskResultBody } from "./task-result";
import { isSecureTransport } from "../secure-transport";

export interface CallbackOptions {
  /** Per try (default 30 s). */
  readonly timeoutMs?: number;
  /** Tries (default 3). */
  readonly tries?: number;
  readonly fetchImpl?: typeof fetch;
  readonly pauseMs?: number;
  /** Set when the server shuts down: no further try is started (the process is about to exit). */
  readonly noMoreTries?: AbortSignal;
}

/**
 * PATCHes the task result to task_result_callback_url with the run's bearer token (JSON:API). A network error,
 * 429 or 5xx is tried again (3 tries, 1 s then 2 s apart); a 4xx other than 429 is final. Resolves to a short
 * word for the log ("sent", "HTTP 422", "ECONNREFUSED"); never throws, never names the URL.
 */
export async function sendTaskResult(url: URL, token: string, body: TaskResultBody, options: CallbackOptions = {}): Promise<string> {
  if (!isSecureTransport(url)) return "callback URL is not https";
  const fetchImpl = options.fetchImpl ?? fetch;
  const payload = JSON.stringify(body);
  let last = "not sent";
  const tries = options.tries ?? 3;
  for (let attempt = 1; attempt <= tries; attempt++) {
    try {
      const res = await fetchImpl(url, {
        method: "PATCH",
        redirect: "error",
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/vnd.api+json", Accept: "application/vnd.api+json" },
        body: payload,
      });
      await res.body?.cancel();
      if (res.ok) return "sent";
      last = `HTTP ${res.status}`;
      if (res.status !== 429 && res.status < 500) return last;
    } catch (e) {
      const code = (e as { cause?: { code?: unknown } })?.cause?.code;
      last = typeof code === "string" && /^[A-Z0-9_]{2,40}$/.test(code) ? code : (e as Error)?.name === "TimeoutError" ? "timed out" : "network error";
    }
    if (attempt === tries || options.noMoreTries?.aborted) break;
    await new Promise((r) => setTimeout(r, (options.pauseMs ?? 1000) * attempt));
    if (options.noMoreTries?.aborted) break;
  }
  return last;
}
