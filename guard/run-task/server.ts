import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { GuardError } from "../errors";
import { oneLine } from "../safe-text";
import { SIGNATURE_HEADER, signatureMatches } from "./signature";
import { BadRunTaskRequest, isVerification, PLAN_STAGES, readRunTaskRequest, RunTaskRequest } from "./run-task-request";
import { fetchPlan, PlanFetchError } from "./plan-fetch";
import { auditPlan, AuditStopped, PlanAuditSettings } from "./plan-audit";
import { auditResultBody, simpleResult, TaskResultBody, TaskStatus } from "./task-result";
import { sendTaskResult } from "./callback";
import { RecentIds } from "./recent-ids";

/**
 * `secret-guard run-task`: an HTTP server implementing HCP Terraform's run task integration. Per request, in order:
 *   size bound (413) -> HMAC-SHA512 signature of the raw body (401) -> JSON (400) -> the verification request
 *   (200, nothing else) -> fields (400) -> 200 at once; then, in the background and at most `concurrency` at a time:
 *   fetch the plan with the run's token -> audit it as `secret-guard audit` would -> PATCH the task result.
 * Nothing is written to disk; no token, URL path, body or value is logged: one line per run (id, stage, verdict,
 * counts) and one per refused request (status and why).
 */
export interface RunTaskServerOptions {
  readonly host: string;
  readonly port: number;
  /** The run task's HMAC key; undefined only with --insecure-no-hmac. */
  readonly hmacKey?: string;
  /** Origins plan_json_api_url and task_result_callback_url may be on (https://app.terraform.io by default). */
  readonly allowedOrigins: readonly string[];
  readonly settings: PlanAuditSettings;
  /** Runs audited at once; the others wait in a queue of `queueLimit`. */
  readonly concurrency: number;
  readonly queueLimit?: number;
  readonly fetchTimeoutMs: number;
  readonly maxPlanBytes: number;
  /** On shutdown, how long runs in flight may take before they are failed. */
  readonly shutdownGraceMs: number;
  readonly log: (line: string) => void;
  readonly fetchImpl?: typeof fetch;
}

/** Largest request body: a run task request is about 2 KB. */
export const MAX_REQUEST_BYTES = 64 * 1024;
/**
 * A callback sent once shutdown began gets one try of this long: a retried callback (3 tries of 30 s) would hold
 * the exit for about 90 s past the grace period.
 */
export const SHUTDOWN_CALLBACK_TIMEOUT_MS = 5000;
/** What is read of an oversized body before the connection is dropped (so the client reads the 413). */
const DRAIN_LIMIT = 1024 * 1024;

interface Run {
  readonly req: RunTaskRequest;
  readonly abort: AbortController;
  readonly received: number;
  settled: boolean;
}

export class RunTaskServer {
  private readonly server: http.Server;
  private readonly queue: Run[] = [];
  private readonly active = new Map<Run, Promise<void>>();
  private stopping?: Promise<void>;
  /** Aborted when shutdown begins: callbacks already retrying stop after their current try. */
  private readonly shuttingDown = new AbortController();
  /** task_result_ids accepted lately: HCP Terraform retrying a request whose 200 it lost gets 200 again, no second run. */
  private readonly recent = new RecentIds();

  constructor(private readonly o: RunTaskServerOptions) {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.requestTimeout = 30_000;
    this.server.headersTimeout = 10_000;
  }

  /** Listens; resolves to the URL to register in HCP Terraform. */
  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.o.port, this.o.host, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    const a = this.server.address() as AddressInfo;
    const host = a.family === "IPv6" || a.address.includes(":") ? `[${a.address}]` : a.address;
    return `http://${host}:${a.port}/`;
  }

  /** Runs in the queue or being audited. */
  get inFlight(): number {
    return this.queue.length + this.active.size;
  }

  /**
   * Stops accepting requests, fails the runs still queued, gives the runs being audited `shutdownGraceMs` to
   * finish, fails those that did not (each with a callback, so no run waits for the 10-minute timeout; one try of
   * SHUTDOWN_CALLBACK_TIMEOUT_MS), stops their audits, and closes. The process should exit once this resolves:
   * a callback that started before shutdown may still be waiting on its last try.
   */
  shutdown(): Promise<void> {
    this.stopping ??= (async () => {
      this.shuttingDown.abort();
      const closed = new Promise<void>((r) => this.server.close(() => r()));
      this.server.closeIdleConnections();
      const queued = this.queue.splice(0);
      await Promise.all(queued.map((run) => this.finish(run, simpleResult("failed", "secret-guard run-task shut down before auditing this run; start the run again"), "shut down before the audit")));
      if (this.active.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.all(this.active.values()), new Promise<void>((r) => (timer = setTimeout(r, this.o.shutdownGraceMs)))]);
        clearTimeout(timer);
      }
      // Anything queued since (none should be: onBody answers 503 once stopping) is failed too, never left silent.
      const late = [...this.queue.splice(0), ...[...this.active.keys()].filter((r) => !r.settled)];
      for (const run of late) run.abort.abort();
      await Promise.all(late.map((run) => this.finish(run, simpleResult("failed", "secret-guard run-task shut down before the audit finished; start the run again"), "shut down during the audit")));
      this.server.closeAllConnections();
      await closed;
    })();
    return this.stopping;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method === "GET" && (req.url === "/healthz" || req.url === "/health")) return reply(res, 200, { status: this.stopping ? "stopping" : "ok" });
    if (req.method !== "POST") return this.refuse(req, res, 405, "only POST (a run task request) is accepted; GET /healthz for health");
    if (this.stopping) return this.refuse(req, res, 503, "the server is shutting down");
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) return this.refuse(req, res, 413, `the body is larger than ${MAX_REQUEST_BYTES} bytes`);
    const parts: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (over) return;
      if (size > MAX_REQUEST_BYTES) {
        over = true;
        this.refuse(req, res, 413, `the body is larger than ${MAX_REQUEST_BYTES} bytes`);
        return;
      }
      parts.push(chunk);
    });
    req.on("error", () => undefined);
    req.on("end", () => {
      if (!over) this.onBody(req, res, Buffer.concat(parts));
    });
  }

  private onBody(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    // A body still arriving when shutdown began: queued now, it would never be audited nor answered by a callback.
    if (this.stopping) return this.refuse(req, res, 503, "the server is shutting down");
    const signature = req.headers[SIGNATURE_HEADER];
    const sig = Array.isArray(signature) ? undefined : signature === "" ? undefined : signature;
    if (this.o.hmacKey !== undefined) {
      if (sig === undefined) return this.refuse(req, res, 401, "no X-TFC-Task-Signature: this server checks an HMAC key; give the run task the same key");
      if (!signatureMatches(body, sig, this.o.hmacKey)) return this.refuse(req, res, 401, "X-TFC-Task-Signature does not match the body (wrong HMAC key, or the body was changed)");
    } else if (sig !== undefined) {
      return this.refuse(req, res, 400, "the request is signed but this server has no HMAC key; set SECRET_GUARD_RUN_TASK_HMAC_KEY to the run task's key");
    }
    let doc: unknown;
    try {
      doc = JSON.parse(body.toString("utf8"));
    } catch {
      return this.refuse(req, res, 400, "the body is not valid JSON (a run task request)");
    }
    if (isVerification(doc)) {
      this.o.log("secret-guard run-task: verification request answered 200 (HCP Terraform checks the URL and key when a run task is saved)");
      return reply(res, 200, {});
    }
    let run: RunTaskRequest;
    try {
      run = readRunTaskRequest(doc, this.o.allowedOrigins);
    } catch (e) {
      if (e instanceof BadRunTaskRequest) return this.refuse(req, res, 400, e.message);
      return reply(res, 500, { error: "internal error" });
    }
    if (run.taskResultId !== undefined && this.recent.has(run.taskResultId)) {
      this.o.log(`secret-guard run-task: duplicate request for ${run.runId} ignored`);
      return reply(res, 200, {});
    }
    if (this.queue.length >= (this.o.queueLimit ?? 100)) return this.refuse(req, res, 503, "too many runs waiting; HCP Terraform retries the request");
    reply(res, 200, {});
    if (run.taskResultId !== undefined) this.recent.add(run.taskResultId);
    this.queue.push({ req: run, abort: new AbortController(), received: Date.now(), settled: false });
    this.pump();
  }

  private refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, message: string): void {
    this.o.log(`secret-guard run-task: refused a request: ${status} ${message}`);
    if (status !== 413) {
      reply(res, status, { error: message });
      req.resume();
      return;
    }
    // Read (and drop) a little more so the client gets to read the 413, then hang up on the rest.
    res.setHeader("Connection", "close");
    reply(res, status, { error: message });
    let dropped = 0;
    req.on("data", (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DRAIN_LIMIT) req.destroy();
    });
  }

  private pump(): void {
    while (this.active.size < this.o.concurrency && this.queue.length > 0 && !this.stopping) {
      const run = this.queue.shift()!;
      const p = this.process(run)
        .catch(() => this.finish(run, simpleResult("failed", "secret-guard run-task failed on this run (internal error); see the server's log"), "internal error"))
        .finally(() => {
          this.active.delete(run);
          this.pump();
        });
      this.active.set(run, p);
    }
  }

  private async process(run: Run): Promise<void> {
    const { req } = run;
    if (!(PLAN_STAGES as readonly string[]).includes(req.stage) || !req.planUrl) {
      const msg = `secret-guard: nothing to check at ${req.stage}; it audits the plan (attach the run task at post_plan or pre_apply)`;
      return this.finish(run, simpleResult("passed", msg), "nothing to check");
    }
    let plan: Buffer[];
    try {
      plan = await fetchPlan(req.planUrl, req.accessToken, { timeoutMs: this.o.fetchTimeoutMs, maxBytes: this.o.maxPlanBytes, signal: run.abort.signal, fetchImpl: this.o.fetchImpl, allowedOrigins: this.o.allowedOrigins });
    } catch (e) {
      if (run.settled) return;
      const why = e instanceof PlanFetchError ? e.message : "the plan could not be read";
      // Failed, not passed: a plan nobody audited must not pass a mandatory check (advisory tasks only warn).
      return this.finish(run, simpleResult("failed", `secret-guard could not read the plan, so it was not audited: ${why}`), `plan not read: ${why}`);
    }
    if (run.settled) return;
    const display = req.workspaceName ? `${req.workspaceName}/plan.json` : "plan.json";
    let body: TaskResultBody;
    let status: TaskStatus;
    let detail: string;
    try {
      const result = await auditPlan(plan, display, this.o.settings, run.abort.signal);
      const r = auditResultBody(result, this.o.settings.failOn, { outcomes: req.outcomes });
      ({ body, status } = r);
      const s = result.summary;
      detail = `${s.error} errors, ${s.warning} warnings, ${s.info} info${s.suppressed ? `, ${s.suppressed} suppressed` : ""}${s.baseline !== undefined ? `, ${s.baseline} in baseline` : ""}; ${r.groups} groups`;
    } catch (e) {
      if (run.settled || e instanceof AuditStopped) return; // failed by shutdown already
      const why = GuardError.isGuardError(e) ? e.message.replace(/^.*?plan\.json: /, "") : `internal error (${(e as Error)?.name ?? "unknown"})`;
      body = simpleResult("failed", `secret-guard could not audit the plan: ${why}`);
      status = "failed";
      detail = `audit failed: ${why}`;
    }
    plan.length = 0;
    return this.finish(run, body, detail, status);
  }

  /** Sends the run's one final result (once: a run failed by shutdown is not reported again) and logs its line. */
  private async finish(run: Run, body: TaskResultBody, detail: string, status: TaskStatus = body.data.attributes.status): Promise<void> {
    if (run.settled) return;
    run.settled = true;
    const late = this.stopping !== undefined ? { tries: 1, timeoutMs: SHUTDOWN_CALLBACK_TIMEOUT_MS } : {};
    const sent = await sendTaskResult(run.req.callbackUrl, run.req.accessToken, body, { fetchImpl: this.o.fetchImpl, noMoreTries: this.shuttingDown.signal, ...late });
    const secs = ((Date.now() - run.received) / 1000).toFixed(1);
    this.o.log(`secret-guard run-task: ${run.req.runId} ${run.req.stage} ${status} (${oneLine(detail)}) ${run.req.enforcement}; callback ${sent}; ${secs} s`);
  }
}

function reply(res: http.ServerResponse, status: number, doc: object): void {
  const text = JSON.stringify(doc) + "\n";
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store" });
  res.end(text);
}
