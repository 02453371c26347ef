// `secret-guard run-task` end to end: the real CLI (the shipped bundle) as a server, against a loopback stand-in of
// HCP Terraform that speaks the documented protocol: the run task POST (signed with HMAC-SHA512), GET
// plan_json_api_url with the run's bearer token answered by a 307 to an "archive" host on another origin (which
// must never see the token), and the JSON:API PATCH of the task result. Planted values (and the run's token) must
// never reach the server's output, the callback bodies or the HTTP answers.
import { ChildProcess, spawn } from "node:child_process";
import { createHmac, randomBytes, randomInt } from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { genesysSecret, randomPassword, tempDir } from "./support/audit-cli";
import { genesysPlan } from "./support/audit-fixtures";
import { expectNoLeaks } from "./support/leak-check";
import { itWithTerraform, terraformOk } from "./support/terraform-runner";
import { withChecksum } from "../guard/detectors/families/sample-values";
import { CHILD_LIMITS } from "./support/child-limits";

const BUNDLE = path.resolve(__dirname, "../dist/secret-guard.js");
const KEY = "hmac-" + randomBytes(24).toString("hex");

// ------------------------------------------------------------------------------------------------ the stand-in
interface Callback {
  readonly taskResultId: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly raw: string;
  readonly doc: any;
}

/** HCP Terraform's side: an API origin (plans, callbacks) and an archive origin the plan redirect points at. */
class StandIn {
  readonly callbacks: Callback[] = [];
  readonly planGets: Array<{ planId: string; authorization: string | undefined }> = [];
  readonly archiveGets: Array<{ authorization: string | undefined }> = [];
  /** Plans by id; "hang" never answers, "http500" answers 500. */
  readonly plans = new Map<string, string | "hang" | "http500">();
  /** Bearer token each plan id accepts. */
  readonly tokens = new Map<string, string>();
  /** Task result ids whose callback PATCH is recorded and never answered. */
  readonly hangCallbacks = new Set<string>();
  archiveDelayMs = 0;
  archiveInFlight = 0;
  archiveMaxInFlight = 0;
  api!: http.Server;
  archive!: http.Server;
  apiBase = "";
  archiveBase = "";
  private readonly hanging: http.ServerResponse[] = [];

  async start(): Promise<void> {
    this.archive = http.createServer((req, res) => {
      this.archiveGets.push({ authorization: req.headers.authorization });
      const id = /^\/objects\/([A-Za-z0-9-]+)$/.exec(req.url ?? "")?.[1] ?? "";
      const plan = this.plans.get(id);
      if (plan === "hang") return void this.hanging.push(res);
      this.archiveInFlight++;
      this.archiveMaxInFlight = Math.max(this.archiveMaxInFlight, this.archiveInFlight);
      setTimeout(() => {
        this.archiveInFlight--;
        if (typeof plan !== "string" || plan === "http500") return void res.writeHead(404).end();
        res.writeHead(200, { "Content-Type": "application/json" }).end(plan);
      }, this.archiveDelayMs);
    });
    this.api = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const plan = /^\/api\/v2\/plans\/([A-Za-z0-9-]+)\/json-output$/.exec(req.url ?? "");
        if (req.method === "GET" && plan) {
          const id = plan[1];
          this.planGets.push({ planId: id, authorization: req.headers.authorization });
          if (req.headers.authorization !== `Bearer ${this.tokens.get(id)}`) return void res.writeHead(401, { "Content-Type": "application/vnd.api+json" }).end('{"errors":[{"status":"401","title":"unauthorized"}]}');
          if (this.plans.get(id) === "http500") return void res.writeHead(500).end();
          // The documented answer: a temporary redirect to the archive, a URL that is its own credential.
          return void res.writeHead(307, { Location: `${this.archiveBase}/objects/${id}` }).end();
        }
        const cb = /^\/api\/v2\/task-results\/([A-Za-z0-9-]+)\/callback$/.exec(req.url ?? "");
        if (req.method === "PATCH" && cb) {
          let doc: any;
          try {
            doc = JSON.parse(body);
          } catch {
            doc = undefined;
          }
          this.callbacks.push({ taskResultId: cb[1], authorization: req.headers.authorization, contentType: req.headers["content-type"], raw: body, doc });
          if (this.hangCallbacks.has(cb[1])) return void this.hanging.push(res);
          const ok = doc?.data?.type === "task-results" && ["passed", "failed", "running"].includes(doc?.data?.attributes?.status);
          return void res.writeHead(ok ? 200 : 422, { "Content-Type": "application/vnd.api+json" }).end(ok ? "" : '{"errors":[{"status":"422"}]}');
        }
        res.writeHead(404).end();
      });
    });
    const listen = (s: http.Server) => new Promise<string>((r) => s.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
    this.apiBase = await listen(this.api);
    // "localhost" is another origin than 127.0.0.1 for the same loopback: the token must not follow the redirect.
    this.archiveBase = (await listen(this.archive)).replace("127.0.0.1", "localhost");
  }

  async stop(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    for (const s of [this.api, this.archive]) {
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    }
  }

  /** A run: its plan (JSON text) under a fresh plan id and token; returns the request body HCP Terraform would POST. */
  run(plan: string | "hang" | "http500", extra: Record<string, unknown> = {}): { payload: Record<string, unknown>; token: string; taskResultId: string } {
    const id = randomBytes(6).toString("hex");
    const token = `${randomBytes(7).toString("base64url")}.atlasv1.${randomBytes(40).toString("base64url")}`;
    this.plans.set(`plan-${id}`, plan);
    this.tokens.set(`plan-${id}`, token);
    const taskResultId = `taskrs-${id}`;
    return {
      token,
      taskResultId,
      payload: {
        payload_version: 1,
        stage: "post_plan",
        access_token: token,
        capabilities: { outcomes: true },
        is_speculative: false,
        task_result_id: taskResultId,
        task_result_enforcement_level: "mandatory",
        task_result_callback_url: `${this.apiBase}/api/v2/task-results/${taskResultId}/callback`,
        run_app_url: `${this.apiBase}/app/org/ws/runs/run-${id}`,
        run_id: `run-${id}`,
        run_message: "Triggered via UI",
        run_created_at: new Date().toISOString(),
        run_created_by: "someone",
        workspace_id: `ws-${id}`,
        workspace_name: "payments",
        workspace_app_url: `${this.apiBase}/app/org/payments`,
        organization_name: "org",
        plan_json_api_url: `${this.apiBase}/api/v2/plans/plan-${id}/json-output`,
        vcs_repo_url: null,
        vcs_branch: null,
        vcs_pull_request_url: null,
        vcs_commit_url: null,
        ...extra,
      },
    };
  }

  async callbackFor(taskResultId: string, timeoutMs = 60_000): Promise<Callback> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const c = this.callbacks.find((x) => x.taskResultId === taskResultId);
      if (c) return c;
      if (Date.now() > end) throw new Error(`no callback for ${taskResultId} within ${timeoutMs} ms`);
      await sleep(50);
    }
  }
}

// ------------------------------------------------------------------------------------------------ the server
interface Served {
  readonly url: string;
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

/** Starts the real CLI; resolves once it printed its one ready line. */
async function serve(args: string[], env: Record<string, string | undefined> = { SECRET_GUARD_RUN_TASK_HMAC_KEY: KEY }, cwd?: string): Promise<Served> {
  const child = spawn(process.execPath, [BUNDLE, "run-task", "--listen", "127.0.0.1:0", ...args], {
    ...CHILD_LIMITS,
    cwd,
    env: { ...process.env, NO_COLOR: "1", SECRET_GUARD_RUN_TASK_HMAC_KEY: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (b) => (out += b));
  child.stderr!.on("data", (b) => (err += b));
  const exited = new Promise<number | null>((r) => child.on("close", (code) => r(code)));
  const end = Date.now() + 60_000;
  while (!out.includes("\n")) {
    if (child.exitCode !== null || Date.now() > end) throw new Error(`run-task did not start (exit ${child.exitCode}): ${err.slice(0, 300)}`);
    await sleep(25);
  }
  const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
  if (!url) throw new Error("the ready line has no URL");
  return { url, child, stdout: () => out, stderr: () => err, exited };
}

async function stopServer(s: Served | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null) return;
  s.child.kill("SIGTERM");
  await s.exited;
}

interface Answer {
  status: number;
  body: string;
}

/** POSTs a run task request as HCP Terraform does (raw body, X-TFC-Task-Signature of it unless told otherwise). */
function post(url: string, body: string | Buffer, opts: { signature?: string | null; key?: string; chunked?: boolean; method?: string } = {}): Promise<Answer> {
  const raw = typeof body === "string" ? Buffer.from(body) : body;
  const signature = opts.signature === undefined ? createHmac("sha512", opts.key ?? KEY).update(raw).digest("hex") : opts.signature;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: opts.method ?? "POST",
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "TFC/1.0 (+https://app.terraform.io; TFC)",
          ...(signature === null ? {} : { "X-TFC-Task-Signature": signature }),
          ...(opts.chunked ? {} : { "Content-Length": raw.length }),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    if (opts.chunked) {
      // Sent in pieces without a Content-Length: the bound must hold while reading, not only on the header.
      for (let i = 0; i < raw.length; i += 16384) req.write(raw.subarray(i, i + 16384));
      req.end();
    } else req.end(raw);
  });
}

/** Starts a signed POST and sends the first half of its body; `rest()` sends the other half and resolves to the answer. */
function postInTwoParts(url: string, body: string): { rest(): Promise<Answer> } {
  const raw = Buffer.from(body);
  const signature = createHmac("sha512", KEY).update(raw).digest("hex");
  const req = http.request(url, { method: "POST", headers: { "Content-Type": "application/json", "X-TFC-Task-Signature": signature, "Content-Length": raw.length } });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
  });
  req.write(raw.subarray(0, raw.length >> 1));
  return {
    rest: () => {
      req.end(raw.subarray(raw.length >> 1));
      return answer;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A one-line JSON error body: {"error": "..."} on one line, no newline inside. */
function expectOneLineError(a: Answer, status: number, words: RegExp): void {
  expect(a.status).toBe(status);
  expect(a.body.trimEnd().split("\n")).toHaveLength(1);
  const doc = JSON.parse(a.body);
  expect(Object.keys(doc)).toEqual(["error"]);
  expect(doc.error).toMatch(words);
}

// ------------------------------------------------------------------------------------------------ fixtures
function plantedPlan(): { plan: string; planted: string[] } {
  const p = { clientSecret: genesysSecret(), password: randomPassword(), bcrypt: "unused", credentialSecret: genesysSecret() };
  return { plan: JSON.stringify(genesysPlan(p)), planted: [p.clientSecret, p.password, p.credentialSecret] };
}

/**
 * A plan whose audit takes seconds: `resources` resources with ten password attributes each, every one a random
 * value (a finding). Returns a few of the values for the leak check (checking all would cost more than the audit).
 */
function bigPlan(resources: number): { plan: string; sample: string[] } {
  const sample: string[] = [];
  const changes = Array.from({ length: resources }, (_, i) => {
    const after: Record<string, string> = {};
    for (let k = 0; k < 10; k++) after[`password_${k}`] = randomBytes(30).toString("base64");
    if (i % 1000 === 0) sample.push(after.password_0);
    return { address: `terraform_data.r${i}`, mode: "managed", type: "terraform_data", name: `r${i}`, change: { actions: ["create"], before: null, after, after_unknown: {}, before_sensitive: false, after_sensitive: {} } };
  });
  return { plan: JSON.stringify({ format_version: "1.2", terraform_version: "1.11.4", resource_changes: changes }), sample };
}

/** A plan with nothing secret in it. */
function cleanPlan(): string {
  return JSON.stringify({
    format_version: "1.2",
    terraform_version: "1.11.4",
    planned_values: { root_module: { resources: [{ address: "terraform_data.x", mode: "managed", type: "terraform_data", name: "x", values: { input: "hello" }, sensitive_values: {} }] } },
    resource_changes: [{ address: "terraform_data.x", mode: "managed", type: "terraform_data", name: "x", change: { actions: ["create"], before: null, after: { input: "hello" }, after_unknown: {}, before_sensitive: false, after_sensitive: {} } }],
  });
}

// ------------------------------------------------------------------------------------------------ the tests
describe("secret-guard run-task (HCP Terraform run task server)", () => {
  const hcp = new StandIn();
  let server: Served;
  /** Everything anyone other than HCP Terraform's own hosts could see: the server's output and its HTTP answers. */
  const answers: string[] = [];
  const secrets: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(BUNDLE)) throw new Error("dist/secret-guard.js is missing: npm run build first");
    await hcp.start();
    server = await serve(["--allow-origin", hcp.apiBase, "--fetch-timeout", "1500", "--concurrency", "2", "--no-ignore-file"]);
  });

  afterAll(async () => {
    await stopServer(server);
    await hcp.stop();
    // Nothing the server printed or answered, and no callback, holds a planted value or a run's token.
    expectNoLeaks(secrets, [
      ["server stdout", server.stdout()],
      ["server stderr", server.stderr()],
      ["HTTP answers", answers.join("\n")],
      ...hcp.callbacks.map((c) => [`callback ${c.taskResultId}`, c.raw] as const),
    ]);
  });

  const send = async (body: string | Buffer, opts?: Parameters<typeof post>[2]) => {
    const a = await post(server.url, body, opts);
    answers.push(a.body);
    return a;
  };

  it("audits the plan and fails the run: a JSON:API callback with the run's token, one outcome per finding group, no value", async () => {
    const { plan, planted } = plantedPlan();
    secrets.push(...planted);
    const run = hcp.run(plan);
    secrets.push(run.token);
    const a = await send(JSON.stringify(run.payload));
    expect(a.status).toBe(200);
    const cb = await hcp.callbackFor(run.taskResultId);
    expect(cb.authorization).toBe(`Bearer ${run.token}`);
    expect(cb.contentType).toBe("application/vnd.api+json");
    const data = cb.doc.data;
    expect(data.type).toBe("task-results");
    expect(data.attributes.status).toBe("failed");
    expect(data.attributes.message).not.toMatch(/\n/);
    expect(data.attributes.message).toMatch(/^secret-guard: secrets in the plan: [1-9]\d* errors?, /);
    const outcomes = data.relationships.outcomes.data as any[];
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.length).toBeLessThanOrEqual(10);
    const ids = outcomes.map((o) => o.attributes["outcome-id"]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of outcomes) {
      expect(o.type).toBe("task-result-outcomes");
      expect(o.attributes["outcome-id"]).toMatch(/^SG\d+-[0-9a-f]{12}$/);
      expect(o.attributes.description).not.toMatch(/\n/);
      expect(o.attributes.body).toMatch(/Fix: /);
      expect(o.attributes.tags.Severity[0]).toEqual(expect.objectContaining({ label: expect.stringMatching(/^(High|Medium|Low)$/) }));
      expect(["Failed", "Warning"]).toContain(o.attributes.tags.Status[0].label);
    }
    // The client secret's group names the resource and the value only by its fingerprint.
    const client = outcomes.find((o) => o.attributes.body.includes("genesyscloud_oauth_client.app"));
    expect(client).toBeDefined();
    expect(client.attributes.body).toMatch(/`sha256:[0-9a-f]{12}`/);
    // The token went to the API origin only; the archive (another origin) got the plan request without it.
    const planId = /plans\/(plan-[0-9a-f]+)\//.exec(String(run.payload.plan_json_api_url))![1];
    expect(hcp.planGets.filter((g) => g.planId === planId).map((g) => g.authorization)).toEqual([`Bearer ${run.token}`]);
    expect(hcp.archiveGets.length).toBeGreaterThan(0);
    expect(hcp.archiveGets.every((g) => g.authorization === undefined)).toBe(true);
    // One log line for the run: its id, stage, verdict and counts.
    await sleep(100);
    const lines = server.stderr().split("\n").filter((l) => l.includes(String(run.payload.run_id)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ post_plan failed \(\d+ errors, \d+ warnings, \d+ info; \d+ groups\) mandatory; callback sent; /);
  });

  it("passes a clean plan, at pre_apply too, with no outcomes", async () => {
    const run = hcp.run(cleanPlan(), { stage: "pre_apply", task_result_enforcement_level: "advisory" });
    secrets.push(run.token);
    expect((await send(JSON.stringify(run.payload))).status).toBe(200);
    const cb = await hcp.callbackFor(run.taskResultId);
    expect(cb.doc.data.attributes.status).toBe("passed");
    expect(cb.doc.data.attributes.message).toMatch(/no secrets found in the plan: 0 errors, 0 warnings, 0 info/);
    expect(cb.doc.data.relationships).toBeUndefined();
  });

  it("sends outcomes only when the request's capabilities.outcomes is true; otherwise the message alone, with the counts", async () => {
    const { plan, planted } = plantedPlan();
    secrets.push(...planted);
    // A request without capabilities (an older Terraform Enterprise), and one saying outcomes: false.
    for (const extra of [{ capabilities: undefined }, { capabilities: { outcomes: false } }]) {
      const run = hcp.run(plan, extra);
      secrets.push(run.token);
      expect((await send(JSON.stringify(run.payload))).status).toBe(200);
      const cb = await hcp.callbackFor(run.taskResultId);
      expect(cb.doc.data.attributes.status).toBe("failed");
      expect(cb.doc.data.attributes.message).toMatch(/^secret-guard: secrets in the plan: [1-9]\d* errors?, \d+ warnings?, \d+ info/);
      expect(cb.doc.data.relationships).toBeUndefined();
    }
  });

  it("reads a stage spelt with a hyphen (post-plan, as older Terraform Enterprise documentation writes it) as the same stage", async () => {
    const run = hcp.run(cleanPlan(), { stage: "post-plan" });
    secrets.push(run.token);
    expect((await send(JSON.stringify(run.payload))).status).toBe(200);
    const cb = await hcp.callbackFor(run.taskResultId);
    expect(cb.doc.data.attributes.status).toBe("passed");
    // Read as post_plan: its plan was fetched (a stage without a plan is passed without a fetch).
    const planId = /plans\/(plan-[0-9a-f]+)\//.exec(String(run.payload.plan_json_api_url))![1];
    expect(hcp.planGets.filter((g) => g.planId === planId)).toHaveLength(1);
  });

  it("the same task_result_id posted again (HCP Terraform retrying after a lost 200) is answered 200 and not audited twice", async () => {
    const run = hcp.run(cleanPlan());
    secrets.push(run.token);
    const body = JSON.stringify(run.payload);
    expect((await send(body)).status).toBe(200);
    expect((await send(body)).status).toBe(200);
    await hcp.callbackFor(run.taskResultId);
    await sleep(500);
    expect(hcp.callbacks.filter((c) => c.taskResultId === run.taskResultId)).toHaveLength(1);
    const planId = /plans\/(plan-[0-9a-f]+)\//.exec(String(run.payload.plan_json_api_url))![1];
    expect(hcp.planGets.filter((g) => g.planId === planId)).toHaveLength(1);
    expect(server.stderr().split("\n").filter((l) => l.includes(`duplicate request for ${String(run.payload.run_id)} ignored`))).toHaveLength(1);
  });

  it("answers the verification request HCP Terraform sends when a run task is saved: 200, no plan read, no callback", async () => {
    const before = { plans: hcp.planGets.length, callbacks: hcp.callbacks.length };
    // The documented verification payload: the token is "test-token" and its URLs are test values.
    const run = hcp.run(cleanPlan(), { access_token: "test-token", task_result_callback_url: "https://example.invalid/cb", plan_json_api_url: "https://example.invalid/plan" });
    const a = await send(JSON.stringify(run.payload));
    expect(a.status).toBe(200);
    await sleep(500);
    expect(hcp.planGets.length).toBe(before.plans);
    expect(hcp.callbacks.length).toBe(before.callbacks);
    expect(server.stderr()).toMatch(/verification request answered 200/);
  });

  it("a stage without a plan (pre_plan) passes with a message saying there is nothing to check", async () => {
    const run = hcp.run(cleanPlan(), { stage: "pre_plan", plan_json_api_url: undefined });
    secrets.push(run.token);
    expect((await send(JSON.stringify(run.payload))).status).toBe(200);
    const cb = await hcp.callbackFor(run.taskResultId);
    expect(cb.doc.data.attributes).toEqual({ status: "passed", message: expect.stringMatching(/nothing to check at pre_plan/) });
  });

  it("a wrong or missing signature is 401 with a one-line JSON error, and nothing is fetched or called back", async () => {
    const { plan, planted } = plantedPlan();
    secrets.push(...planted);
    const run = hcp.run(plan);
    secrets.push(run.token);
    const body = JSON.stringify(run.payload);
    const before = { plans: hcp.planGets.length, callbacks: hcp.callbacks.length };
    expectOneLineError(await send(body, { key: "another-key" }), 401, /does not match/);
    expectOneLineError(await send(body, { signature: null }), 401, /no X-TFC-Task-Signature/);
    expectOneLineError(await send(body, { signature: "00" }), 401, /does not match/);
    // The signature covers the raw bytes: the same JSON re-spaced is another body.
    const resigned = createHmac("sha512", KEY).update(body).digest("hex");
    expectOneLineError(await send(JSON.stringify(run.payload, null, 1), { signature: resigned }), 401, /does not match/);
    await sleep(500);
    expect(hcp.planGets.length).toBe(before.plans);
    expect(hcp.callbacks.length).toBe(before.callbacks);
  });

  it("a body over the bound is 413, announced or streamed", async () => {
    const big = JSON.stringify({ payload_version: 1, padding: "x".repeat(100 * 1024) });
    expectOneLineError(await send(big), 413, /larger than 65536 bytes/);
    expectOneLineError(await send(big, { chunked: true }), 413, /larger than 65536 bytes/);
  });

  it("malformed JSON, missing or wrong fields and other origins are 400 naming the field; other methods 405", async () => {
    expectOneLineError(await send("{not json"), 400, /not valid JSON/);
    expectOneLineError(await send("[1,2]"), 400, /not a JSON object/);
    const run = hcp.run(cleanPlan());
    secrets.push(run.token);
    const without = (field: string) => JSON.stringify({ ...run.payload, [field]: undefined });
    expectOneLineError(await send(without("task_result_callback_url")), 400, /^task_result_callback_url must be a URL$/);
    expectOneLineError(await send(without("plan_json_api_url")), 400, /^plan_json_api_url must be a URL$/);
    expectOneLineError(await send(without("access_token")), 400, /^access_token must be/);
    expectOneLineError(await send(JSON.stringify({ ...run.payload, payload_version: 2 })), 400, /^payload_version must be 1/);
    // An unlisted origin would get the run's token: refused before anything is fetched.
    expectOneLineError(await send(JSON.stringify({ ...run.payload, plan_json_api_url: "https://elsewhere.example/api/v2/plans/p/json-output" })), 400, /plan_json_api_url is not on an allowed origin/);
    expectOneLineError(await send("", { method: "PUT" }), 405, /only POST/);
    await sleep(300);
    expect(hcp.callbacks.find((c) => c.taskResultId === run.taskResultId)).toBeUndefined();
  });

  it("a plan fetch that fails or times out fails the run, with a message naming the cause", async () => {
    const broken = hcp.run("http500");
    const slow = hcp.run("hang");
    secrets.push(broken.token, slow.token);
    expect((await send(JSON.stringify(broken.payload))).status).toBe(200);
    expect((await send(JSON.stringify(slow.payload))).status).toBe(200);
    const a = await hcp.callbackFor(broken.taskResultId);
    expect(a.doc.data.attributes).toEqual({ status: "failed", message: expect.stringMatching(/could not read the plan, so it was not audited: the plan API answered HTTP 500$/) });
    const b = await hcp.callbackFor(slow.taskResultId);
    expect(b.doc.data.attributes).toEqual({ status: "failed", message: expect.stringMatching(/could not read the plan, so it was not audited: reading the plan timed out after 1500 ms$/) });
  });

  it("runs at once are audited at most --concurrency at a time, each reported once", async () => {
    hcp.archiveDelayMs = 400;
    hcp.archiveMaxInFlight = 0;
    try {
      const runs = Array.from({ length: 5 }, () => hcp.run(cleanPlan()));
      secrets.push(...runs.map((r) => r.token));
      const statuses = await Promise.all(runs.map((r) => send(JSON.stringify(r.payload)).then((a) => a.status)));
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const cbs = await Promise.all(runs.map((r) => hcp.callbackFor(r.taskResultId)));
      expect(cbs.map((c) => c.doc.data.attributes.status)).toEqual(["passed", "passed", "passed", "passed", "passed"]);
      expect(hcp.archiveMaxInFlight).toBe(2);
      for (const r of runs) expect(hcp.callbacks.filter((c) => c.taskResultId === r.taskResultId)).toHaveLength(1);
    } finally {
      hcp.archiveDelayMs = 0;
    }
  });

  itWithTerraform()("a real terraform plan with a token in a resource input fails the run", async () => {
    const dir = tempDir("sg-run-task-tf-");
    try {
      // A token whose checksum verifies (an error, not the warning of a look-alike), random per run.
      const token = withChecksum("gh" + "p_", randomInt(1, 2 ** 31));
      secrets.push(token);
      fs.writeFileSync(path.join(dir, "main.tf"), `variable "token" {\n  type = string\n}\nresource "terraform_data" "deploy" {\n  input = { note = "deploy key", token = var.token }\n}\n`);
      await terraformOk(dir, ["init", "-input=false", "-no-color"]);
      await terraformOk(dir, ["plan", "-input=false", "-no-color", "-out=plan.tfplan"], { TF_VAR_token: token });
      const json = (await terraformOk(dir, ["show", "-json", "plan.tfplan"])).stdout;
      const run = hcp.run(json);
      secrets.push(run.token);
      expect((await send(JSON.stringify(run.payload))).status).toBe(200);
      const cb = await hcp.callbackFor(run.taskResultId);
      expect(cb.doc.data.attributes.status).toBe("failed");
      expect(cb.doc.data.relationships.outcomes.data.some((o: any) => o.attributes.body.includes("terraform_data.deploy"))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("secret-guard run-task: start-up, options shared with audit, shutdown", () => {
  const hcp = new StandIn();
  beforeAll(() => hcp.start());
  afterAll(() => hcp.stop());

  it("refuses to start without an HMAC key unless --insecure-no-hmac; unknown flags are one line, exit 2", async () => {
    const noKey = spawnSyncCli(["run-task", "--listen", "127.0.0.1:0"]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/no HMAC key: set SECRET_GUARD_RUN_TASK_HMAC_KEY .* --insecure-no-hmac/)]);
    const bogus = spawnSyncCli(["run-task", "--listne", "127.0.0.1:0"]);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr.trimEnd().split("\n")).toEqual([expect.stringMatching(/unknown option --listne .*did you mean --listen/)]);
    const badListen = spawnSyncCli(["run-task", "--listen", "nowhere"], { SECRET_GUARD_RUN_TASK_HMAC_KEY: KEY });
    expect(badListen.code).toBe(2);
    expect(badListen.stderr).toMatch(/--listen must be HOST:PORT/);
    expect(badListen.stderr).not.toMatch(/nowhere/);
    // Without a key: unsigned requests are accepted (and a signed one is refused: the keys disagree).
    const s = await serve(["--insecure-no-hmac", "--allow-origin", hcp.apiBase, "--no-ignore-file"], {});
    try {
      expect(s.stdout().trimEnd().split("\n")).toHaveLength(1);
      const run = hcp.run(cleanPlan());
      expect((await post(s.url, JSON.stringify(run.payload), { signature: null })).status).toBe(200);
      expect((await hcp.callbackFor(run.taskResultId)).doc.data.attributes.status).toBe("passed");
      expectOneLineError(await post(s.url, JSON.stringify(run.payload)), 400, /signed but this server has no HMAC key/);
    } finally {
      await stopServer(s);
    }
  });

  it("--fail-on and the ignore file work as for audit: findings below the bar pass; suppressed ones are not listed", async () => {
    const { plan, planted } = plantedPlan();
    const dir = tempDir("sg-run-task-ignore-");
    try {
      const s0 = await serve(["--allow-origin", hcp.apiBase, "--fail-on", "none", "--no-ignore-file"]);
      let fingerprints: string[];
      try {
        const run = hcp.run(plan);
        expect((await post(s0.url, JSON.stringify(run.payload))).status).toBe(200);
        const cb = await hcp.callbackFor(run.taskResultId);
        expect(cb.doc.data.attributes.status).toBe("passed");
        expect(cb.doc.data.attributes.message).toMatch(/no finding at or above --fail-on: [1-9]\d* errors?.*\(fail-on none\)/);
        const outcomes = cb.doc.data.relationships.outcomes.data as any[];
        expect(outcomes.every((o) => o.attributes.tags.Status[0].label === "Warning")).toBe(true);
        fingerprints = [...new Set(outcomes.flatMap((o) => [...o.attributes.body.matchAll(/sha256:[0-9a-f]{12}/g)].map((m) => m[0])))];
        expect(fingerprints.length).toBeGreaterThan(0);
        expectNoLeaks([...planted, run.token], [["stderr", s0.stderr()], ["callback", cb.raw]]);
      } finally {
        await stopServer(s0);
      }
      // Every fingerprint in .secret-guardignore of the working folder (read as audit reads it): nothing left.
      fs.writeFileSync(path.join(dir, ".secret-guardignore"), fingerprints.map((f) => `${f} accepted in this test fixture`).join("\n") + "\n");
      const s1 = await serve(["--allow-origin", hcp.apiBase], { SECRET_GUARD_RUN_TASK_HMAC_KEY: KEY }, dir);
      try {
        const run = hcp.run(plan);
        expect((await post(s1.url, JSON.stringify(run.payload))).status).toBe(200);
        const cb = await hcp.callbackFor(run.taskResultId);
        expect(cb.doc.data.attributes.message).toMatch(/; [1-9]\d* suppressed/);
        const left = (cb.doc.data.relationships?.outcomes.data ?? []) as any[];
        expect(left.filter((o) => fingerprints.some((f) => o.attributes.body.includes(f)))).toEqual([]);
      } finally {
        await stopServer(s1);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("SIGTERM: stops accepting, fails the runs in flight and queued with a callback each, exits 0", async () => {
    const s = await serve(["--allow-origin", hcp.apiBase, "--concurrency", "1", "--shutdown-grace", "300", "--fetch-timeout", "60000", "--no-ignore-file"]);
    const inFlight = hcp.run("hang");
    const queued = hcp.run(cleanPlan());
    expect((await post(s.url, JSON.stringify(inFlight.payload))).status).toBe(200);
    expect((await post(s.url, JSON.stringify(queued.payload))).status).toBe(200);
    await sleep(300);
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    const a = await hcp.callbackFor(inFlight.taskResultId, 5000);
    const b = await hcp.callbackFor(queued.taskResultId, 5000);
    expect(a.doc.data.attributes).toEqual({ status: "failed", message: expect.stringMatching(/shut down before the audit finished/) });
    expect(b.doc.data.attributes).toEqual({ status: "failed", message: expect.stringMatching(/shut down before auditing this run/) });
    expect(s.stderr()).toMatch(/SIGTERM: not accepting requests; finishing 2 run\(s\) in flight/);
    expectNoLeaks([inFlight.token, queued.token], [["stdout", s.stdout()], ["stderr", s.stderr()]]);
  });
  it("SIGTERM while a request's body is still arriving: that request gets 503 (HCP Terraform retries), never a silent 200", async () => {
    const s = await serve(["--allow-origin", hcp.apiBase, "--concurrency", "1", "--shutdown-grace", "1500", "--fetch-timeout", "60000", "--no-ignore-file"]);
    const held = hcp.run("hang");
    const late = hcp.run(cleanPlan());
    expect((await post(s.url, JSON.stringify(held.payload))).status).toBe(200);
    const half = postInTwoParts(s.url, JSON.stringify(late.payload));
    await sleep(300);
    s.child.kill("SIGTERM");
    await sleep(300);
    const a = await half.rest();
    // The body ends after shutdown began: 503, which HCP Terraform retries (a 200 would leave the run waiting 10 minutes).
    expectOneLineError(a, 503, /shutting down/);
    expect(hcp.callbacks.filter((c) => c.taskResultId === late.taskResultId)).toHaveLength(0);
    expect(await s.exited).toBe(0);
    expect((await hcp.callbackFor(held.taskResultId, 5000)).doc.data.attributes.status).toBe("failed");
    expectNoLeaks([held.token, late.token], [["stdout", s.stdout()], ["stderr", s.stderr()], ["answer", a.body]]);
  });
  it("SIGTERM with a big plan mid-audit: the run is failed after the grace and the process exits at once, not when the audit ends", async () => {
    const { plan, sample } = bigPlan(20_000);
    const s = await serve(["--allow-origin", hcp.apiBase, "--concurrency", "1", "--shutdown-grace", "300", "--no-ignore-file"]);
    const run = hcp.run(plan);
    const asked = hcp.archiveGets.length;
    expect((await post(s.url, JSON.stringify(run.payload))).status).toBe(200);
    while (hcp.archiveGets.length === asked) await sleep(20);
    await sleep(700); // the plan is read (it is on loopback) and being audited
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    // Failed by the shutdown, not by the audit's verdict: the audit was stopped, and "stopped" is the last line.
    const cb = await hcp.callbackFor(run.taskResultId, 1000);
    expect(cb.doc.data.attributes).toEqual({ status: "failed", message: expect.stringMatching(/shut down before the audit finished/) });
    expect(s.stderr()).toMatch(/ post_plan failed \(shut down during the audit\) mandatory; callback sent; /);
    expect(s.stderr()).toMatch(/stopped\n$/);
    expectNoLeaks([...sample, run.token], [["stdout", s.stdout()], ["stderr", s.stderr()], ["callback", cb.raw]]);
  });

  it("SIGTERM while HCP Terraform does not answer a callback: one short try, then the process exits (no 90 s of retries)", async () => {
    const s = await serve(["--allow-origin", hcp.apiBase, "--shutdown-grace", "300", "--fetch-timeout", "60000", "--no-ignore-file"]);
    const run = hcp.run("hang");
    hcp.hangCallbacks.add(run.taskResultId);
    expect((await post(s.url, JSON.stringify(run.payload))).status).toBe(200);
    await sleep(300);
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    // One try at shutdown (5 s), not the three tries of 30 s a callback gets otherwise.
    expect(hcp.callbacks.filter((c) => c.taskResultId === run.taskResultId)).toHaveLength(1);
    expect(s.stderr()).toMatch(/ post_plan failed \(shut down during the audit\) mandatory; callback timed out; /);
    expectNoLeaks([run.token], [["stdout", s.stdout()], ["stderr", s.stderr()]]);
  });
});

function spawnSyncCli(args: string[], env: Record<string, string | undefined> = {}): { code: number; stdout: string; stderr: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
  const r = spawnSync(process.execPath, [BUNDLE, ...args], { ...CHILD_LIMITS, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", SECRET_GUARD_RUN_TASK_HMAC_KEY: undefined, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
