// `secret-guard audit` on state where it lives: standard input, S3 (a real S3-compatible server, s3rver, on
// loopback behind a recording proxy), the backend of a synthesized stack (--from-stack), and HCP Terraform's
// state-versions API (a loopback stand-in). No planted value in any output, nor in a fresh TMPDIR.
import { execFile } from "node:child_process";
import { CHILD_LIMITS } from "./support/child-limits";
// The SDK's notice about Node 20 (this test's own S3 client writes the fixtures).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { CliResult, genesysSecret, randomPassword, runCliAsync, tempDir } from "./support/audit-cli";
import { genesysPlan, oldGenesysState, Planted } from "./support/audit-fixtures";
import { LocalS3, startLocalS3 } from "./support/local-s3";
import { main } from "../genesys-pack/cli";
import { resetStdinUse } from "../guard/audit/read/remote-targets";
import { expectNoLeaks } from "./support/leak-check";

const ROOT = path.resolve(__dirname, "..");
const planted: Planted = { clientSecret: genesysSecret(), password: randomPassword(), bcrypt: "$2a$10$" + "N9qo8uLOickgx2ZMRZoMye".padEnd(53, "x"), credentialSecret: genesysSecret() };
const secrets = [planted.clientSecret, planted.password, planted.credentialSecret];
const CLIENT = "/resources/0/instances/0/attributes/client_secret";
const STATE = JSON.stringify(oldGenesysState(planted), null, 2);
const BUCKET = "states";
const STACK_BUCKET = "my-terraform-state-bucket"; // the default app's backend
const DENIED_KEY = "locked/terraform.tfstate";
const THROTTLED_KEY = "busy/terraform.tfstate";

let s3: LocalS3;
let client: S3Client;
let env: NodeJS.ProcessEnv;
/** Every CLI result of this file, checked for leaks at the end too. */
const results: CliResult[] = [];

function noLeak(r: CliResult, where: string): CliResult {
  expectNoLeaks(secrets, [[`${where} stdout`, r.stdout], [`${where} stderr`, r.stderr]]);
  results.push(r);
  return r;
}

async function cli(args: string[], extra: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> {
  return noLeak(await runCliAsync(args, { env: { ...env, ...extra }, input, cwd: tempDir("sg-remote-cwd") }), args.join(" "));
}

async function put(bucket: string, key: string, body: string, extra: Record<string, string> = {}): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...extra }));
}

function files(r: CliResult): string[] {
  return JSON.parse(r.stdout).files.map((f: any) => f.path);
}

/** Every file under a folder, read whole (small test folders). */
function contentsUnder(dir: string): Buffer[] {
  const out: Buffer[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true } as any) as unknown as fs.Dirent[]) {
    const full = path.join((e as any).parentPath ?? (e as any).path ?? dir, e.name);
    if (e.isFile()) out.push(fs.readFileSync(full));
  }
  return out;
}

beforeAll(async () => {
  s3 = await startLocalS3([BUCKET, STACK_BUCKET], {
    refuse: (req) =>
      req.method !== "GET" && req.method !== "HEAD"
        ? undefined
        : req.path.includes(DENIED_KEY) ? { status: 403, code: "AccessDenied" } : req.path.includes(THROTTLED_KEY) ? { status: 503, code: "SlowDown" } : undefined,
    // What S3 answers for an object written with SSE-KMS (s3rver itself ignores encryption).
    responseHeaders: (req) => (req.path.includes("kms/") ? { "x-amz-server-side-encryption": "aws:kms", "x-amz-server-side-encryption-aws-kms-key-id": "arn:aws:kms:us-east-1:111122223333:key/test" } : undefined),
  });
  client = new S3Client({ endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  env = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "us-east-1", AWS_MAX_ATTEMPTS: "1", AWS_CONFIG_FILE: "/nonexistent", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent", TMPDIR: tempDir("sg-tmpdir") };
  await put(BUCKET, "prod/terraform.tfstate", STATE);
  await put(BUCKET, "org/a/terraform.tfstate", STATE);
  await put(BUCKET, "org/a/terraform.tfstate.tflock", JSON.stringify({ ID: "x", Operation: "OperationTypeApply" }));
  await put(BUCKET, "org/b/terraform.tfstate.backup", STATE);
  await put(BUCKET, "org/c/network", STATE); // no extension: recognised by content
  await put(BUCKET, "org/c/plan.json", JSON.stringify(genesysPlan(planted)));
  await put(BUCKET, "org/c/notes.json", JSON.stringify({ hello: "world" })); // JSON, not Terraform: skipped
  await put(BUCKET, "org/c/readme.md", "# not state");
  await put(BUCKET, "kms/terraform.tfstate", STATE, { ServerSideEncryption: "aws:kms", SSEKMSKeyId: "alias/terraform-state" });
  await put(BUCKET, "big/terraform.tfstate", bigState()); // larger than the 8 MiB held in memory: read twice
});

afterAll(async () => {
  await s3?.stop();
  client?.destroy();
});

/** A state past 8 MiB (the part of an object held in memory between passes), with the planted secrets in it. */
function bigState(): string {
  const doc: any = oldGenesysState(planted);
  const filler = [];
  for (let i = 0; i < 9000; i++) filler.push({ mode: "managed", type: "null_resource", name: `n${i}`, provider: 'provider["registry.terraform.io/hashicorp/null"]', instances: [{ schema_version: 0, attributes: { id: String(1e12 + i), triggers: { note: "x".repeat(1000) } }, sensitive_attributes: [] }] });
  doc.resources.push(...filler);
  return JSON.stringify(doc);
}

describe("audit s3://", () => {
  it("streams one object, path-style on a custom endpoint, and names it by its URL in every report", async () => {
    const before = s3.requests.length;
    const r = await cli(["audit", "--format", "json", "s3://states/prod/terraform.tfstate"]);
    expect(r.code).toBe(1);
    expect(files(r)).toEqual(["s3://states/prod/terraform.tfstate"]);
    const report = JSON.parse(r.stdout);
    expect(report.findings.some((f: any) => f.pointer === CLIENT && f.file === "s3://states/prod/terraform.tfstate")).toBe(true);
    const gets = s3.requests.slice(before).filter((q) => q.method === "GET");
    expect(gets.length).toBeGreaterThanOrEqual(1);
    // Small object: fetched once, held in memory for the second pass. Path-style: the bucket is in the path.
    expect(gets.length).toBe(1);
    expect(gets[0].path.startsWith("/states/prod/terraform.tfstate")).toBe(true);
    expect(gets[0].headers.host).toMatch(/^127\.0\.0\.1:\d+$/);

    const sarif = await cli(["audit", "--format", "sarif", "s3://states/prod/terraform.tfstate"]);
    expect(sarif.code).toBe(1);
    const uris = JSON.parse(sarif.stdout).runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris.length).toBeGreaterThan(0);
    for (const u of uris) expect(u).toBe("s3://states/prod/terraform.tfstate");

    const text = await cli(["audit", "s3://states/prod/terraform.tfstate"]);
    expect(text.stdout).toMatch(/^s3:\/\/states\/prod\/terraform\.tfstate \(state\): \d+ findings$/m);
  });

  it("a prefix audits every state under it, by name and by content, with a summary line per state", async () => {
    const r = await cli(["audit", "--format", "json", "s3://states/org/"]);
    expect(r.code).toBe(1);
    expect(files(r)).toEqual(["s3://states/org/a/terraform.tfstate", "s3://states/org/b/terraform.tfstate.backup", "s3://states/org/c/network", "s3://states/org/c/plan.json"]);
    const kinds = JSON.parse(r.stdout).files.map((f: any) => f.kind);
    expect(kinds).toEqual(["state", "state", "state", "plan"]);
    const text = await cli(["audit", "s3://states/org/"], { SECRET_GUARD_CONCURRENCY: "2" });
    for (const u of ["s3://states/org/a/terraform.tfstate", "s3://states/org/b/terraform.tfstate.backup", "s3://states/org/c/network", "s3://states/org/c/plan.json"]) {
      expect(text.stdout).toContain(`${u} (`);
    }
    expect(text.stdout).toMatch(/in 4 files/);
    // stderr is not a terminal here: no progress line.
    expect(text.stderr).toBe("");
  });

  it("an SSE-KMS object reads as any other: no extra request headers, S3 decrypts", async () => {
    const before = s3.requests.length;
    const r = await cli(["audit", "--format", "json", "s3://states/kms/terraform.tfstate"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.some((f: any) => f.pointer === CLIENT)).toBe(true);
    const gets = s3.requests.slice(before).filter((q) => q.method === "GET");
    for (const g of gets) expect(Object.keys(g.headers).filter((h) => h.startsWith("x-amz-server-side-encryption"))).toEqual([]);
  });

  it("an object larger than what is held in memory is fetched again for each later read, with If-Match", async () => {
    const before = s3.requests.length;
    const r = await cli(["audit", "--format", "json", "s3://states/big/terraform.tfstate"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.some((f: any) => f.pointer === CLIENT)).toBe(true);
    const gets = s3.requests.slice(before).filter((q) => q.method === "GET");
    // Pass 1, then pass 2's raw scan and its piece reads: one GET each, the later ones pinned to the first's ETag.
    expect(gets.length).toBe(3);
    expect(gets[0].headers["if-match"]).toBeUndefined();
    for (const g of gets.slice(1)) expect(g.headers["if-match"]).toBeTruthy();
  });

  it.each([
    ["s3://states/nothing/here.tfstate", /^secret-guard audit: s3:\/\/states\/nothing\/here\.tfstate: no such key/],
    ["s3://no-such-bucket/terraform.tfstate", /^secret-guard audit: s3:\/\/no-such-bucket\/terraform\.tfstate: no such bucket/],
    [`s3://states/${DENIED_KEY}`, /^secret-guard audit: s3:\/\/states\/locked\/terraform\.tfstate: access denied \(the caller needs s3:GetObject, and kms:Decrypt/],
    [`s3://states/${THROTTLED_KEY}`, /^secret-guard audit: s3:\/\/states\/busy\/terraform\.tfstate: throttled by S3/],
    ["s3://states/empty-prefix/", /^secret-guard audit: s3:\/\/states\/empty-prefix\/: no Terraform state under this prefix/],
    ["s3://Not_A_Bucket/x", /^secret-guard audit: s3:\/\/Not_A_Bucket\/x: not an S3 URL/],
  ])("%s is one input error line (exit 2) naming the URL", async (url, message) => {
    const r = await cli(["audit", url]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejected credentials stop the audit with one line", async () => {
    const r = await cli(["audit", "s3://states/prod/terraform.tfstate"], { AWS_ACCESS_KEY_ID: "AKIAWRONGKEY0000", AWS_SECRET_ACCESS_KEY: "WRONG-SECRET-KEY" });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: AWS credentials rejected (InvalidAccessKeyId) for s3://states/prod/terraform.tfstate: check AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ones)\n");
    expectNoLeaks("WRONG-SECRET-KEY", [["stderr", r.stderr], ["stdout", r.stdout]]);
  });

  it("inside a prefix, a state that alone is unreadable is reported (SG106), the others audited", async () => {
    await put(BUCKET, "mixed/a/terraform.tfstate", STATE);
    await put(BUCKET, "mixed/locked/terraform.tfstate", STATE); // DENIED_KEY matches any path containing it
    const r = await cli(["audit", "--format", "json", "s3://states/mixed/"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.files).toEqual([
      { path: "s3://states/mixed/a/terraform.tfstate", kind: "state" },
      { path: "s3://states/mixed/locked/terraform.tfstate", kind: "unknown" },
    ]);
    expect(report.findings.filter((f: any) => f.ruleId === "SG106").map((f: any) => f.file)).toEqual(["s3://states/mixed/locked/terraform.tfstate"]);
  });

  it("shows progress on stderr only when stderr is a terminal", async () => {
    let out = "";
    let err = "";
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), env: { ...process.env, ...env }, stdoutIsTTY: false, stderrIsTTY: true };
    const code = await main(["audit", "--format", "json", "s3://states/org/"], io);
    expect(code).toBe(1);
    expect(err).toContain("\rsecret-guard: audited 4/4");
    expect(err.endsWith("\r\x1b[K")).toBe(true);
    expect(JSON.parse(out).files).toHaveLength(4);
    expectNoLeaks(secrets, [["in-process stdout", out], ["in-process stderr", err]]);
  });

  it("many states under a prefix, several at a time, reported in key order", async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `many/ws-${String(i).padStart(2, "0")}/terraform.tfstate`);
    await Promise.all(keys.map((k) => put(BUCKET, k, STATE)));
    const r = await cli(["audit", "--format", "json", "s3://states/many/"], { SECRET_GUARD_CONCURRENCY: "6" });
    expect(r.code).toBe(1);
    expect(files(r)).toEqual(keys.map((k) => `s3://states/${k}`));
    const report = JSON.parse(r.stdout);
    for (const k of keys) expect(report.findings.some((f: any) => f.file === `s3://states/${k}` && f.pointer === CLIENT)).toBe(true);
  });
});

describe("audit - (standard input)", () => {
  it("reads one file from a pipe, named (stdin)", async () => {
    const r = await cli(["audit", "--format", "json", "-"], {}, STATE);
    expect(r.code).toBe(1);
    expect(files(r)).toEqual(["(stdin)"]);
    expect(JSON.parse(r.stdout).findings.some((f: any) => f.pointer === CLIENT)).toBe(true);
  });

  it("with local files and S3 in one run; empty input is an input error", async () => {
    const r = await cli(["audit", "--format", "json", "-", "s3://states/prod/terraform.tfstate"], {}, JSON.stringify(genesysPlan(planted)));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files).toEqual([
      { path: "(stdin)", kind: "plan" },
      { path: "s3://states/prod/terraform.tfstate", kind: "state" },
    ]);
    const empty = await cli(["audit", "-"], {}, "");
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^secret-guard audit: \(stdin\): nothing on standard input/);
    const twice = await cli(["audit", "-", "-"], {}, STATE);
    expect(twice.code).toBe(2);
  });

  it("in-process, through CommandIO.stdin", async () => {
    resetStdinUse();
    const stdin = new PassThrough();
    stdin.end(STATE);
    let out = "";
    let err = "";
    const code = await main(["audit", "--format", "json", "-"], { out: (t) => void (out += t), err: (t) => void (err += t), env: { ...process.env, ...env }, stdoutIsTTY: false, stdin });
    expect(code).toBe(1);
    expect(JSON.parse(out).files).toEqual([{ path: "(stdin)", kind: "state" }]);
    expectNoLeaks(secrets, [["in-process stdout", out], ["in-process stderr", err]]);
  });
});

/** The default app synthesized into a temp cdktf.out (its backend: s3, bucket my-terraform-state-bucket). */
function synthDefaultApp(): Promise<string> {
  const out = tempDir("default-synth");
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, "dist", "main.js")], { ...CHILD_LIMITS, cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: out } }, (err) => (err ? reject(err) : resolve(out)));
  });
}

describe("audit --from-stack", () => {
  let out: string;
  beforeAll(async () => {
    out = await synthDefaultApp();
    const backend = JSON.parse(fs.readFileSync(path.join(out, "stacks", "gen-integration", "cdk.tf.json"), "utf8")).terraform.backend.s3;
    expect(backend.bucket).toBe(STACK_BUCKET);
    await put(STACK_BUCKET, backend.key, STATE);
    await put(STACK_BUCKET, `env:/dev/${backend.key}`, JSON.stringify(oldGenesysState({ ...planted })));
  });

  it("reads the default app's S3 backend (endpoint from AWS_ENDPOINT_URL_S3) and audits its current state", async () => {
    const r = await cli(["audit", "--format", "json", "--from-stack", out]);
    expect(r.code).toBe(1);
    expect(files(r)).toEqual([`s3://${STACK_BUCKET}/gen-integration/terraform.tfstate`]);
    expect(JSON.parse(r.stdout).findings.some((f: any) => f.pointer === CLIENT)).toBe(true);
    // One stack's folder and its cdk.tf.json work too; TF_WORKSPACE picks env:/<ws>/<key>.
    const one = await cli(["audit", "--format", "json", "--from-stack", path.join(out, "stacks", "gen-integration")], { TF_WORKSPACE: "dev" });
    expect(files(one)).toEqual([`s3://${STACK_BUCKET}/env:/dev/gen-integration/terraform.tfstate`]);
  });

  it("the backend's own endpoints.s3 and use_path_style win over the environment", async () => {
    const dir = tempDir("stack-endpoint");
    const doc = JSON.parse(fs.readFileSync(path.join(out, "stacks", "gen-integration", "cdk.tf.json"), "utf8"));
    doc.terraform.backend.s3.endpoints = { s3: s3.endpoint };
    doc.terraform.backend.s3.use_path_style = true;
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), JSON.stringify(doc));
    const r = await cli(["audit", "--format", "json", "--from-stack", path.join(dir, "cdk.tf.json")], { AWS_ENDPOINT_URL_S3: "http://127.0.0.1:9" });
    expect(r.code).toBe(1);
    expect(files(r)).toEqual([`s3://${STACK_BUCKET}/gen-integration/terraform.tfstate`]);
  });

  it("a stack never deployed (no state at its key) is an input error naming the URL", async () => {
    const r = await cli(["audit", "--from-stack", out], { TF_WORKSPACE: "staging" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^secret-guard audit: s3:\/\/my-terraform-state-bucket\/env:\/staging\/gen-integration\/terraform\.tfstate: no such key/);
  });
});

/** A loopback stand-in of HCP Terraform's state-versions API. */
interface FakeHcp {
  origin: string;
  requests: Array<{ path: string; auth?: string }>;
  /** Answers 429 to the next N API calls. */
  throttle: number;
  close(): Promise<void>;
}

const TOKEN = "tfe-token-" + "A1b2C3d4E5f6G7h8I9j0".repeat(2);
const DOWNLOAD_SECRET = "archivist-" + "Zz9Yy8Xx7Ww6Vv5Uu4Tt".repeat(2);

async function startFakeHcp(state: string): Promise<FakeHcp> {
  const fake: FakeHcp = { origin: "", requests: [], throttle: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const url = req.url ?? "";
    fake.requests.push({ path: url, auth: req.headers.authorization });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/vnd.api+json", ...headers });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (url === "/.well-known/terraform.json") return send(200, { "tfe.v2": "/api/v2/" });
    if (url.startsWith(`/v1/object/${DOWNLOAD_SECRET}`)) return send(200, state, { "content-type": "application/octet-stream" });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { errors: [{ status: "401", title: "unauthorized" }] });
    if (fake.throttle > 0) {
      fake.throttle--;
      return send(429, { errors: [{ status: "429", title: "Too many requests" }] }, { "x-ratelimit-reset": "0.05" });
    }
    if (url === "/api/v2/organizations/acme/workspaces/prod") return send(200, { data: { id: "ws-Prod123", type: "workspaces", attributes: { name: "prod" } } });
    if (url === "/api/v2/organizations/acme/workspaces/fresh") return send(200, { data: { id: "ws-Fresh456", type: "workspaces", attributes: { name: "fresh" } } });
    if (url === "/api/v2/workspaces/ws-Prod123/current-state-version") {
      return send(200, { data: { id: "sv-1", type: "state-versions", attributes: { serial: 3, "hosted-state-download-url": `${fake.origin}/v1/object/${DOWNLOAD_SECRET}`, "hosted-json-state-download-url": null } } });
    }
    return send(404, { errors: [{ status: "404", title: "not found" }] });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  fake.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Keep-alive sockets would hold close() open (and the worker after the tests): end them with the server.
  fake.close = () => new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections()));
  return fake;
}

function cloudStack(workspace: string, extra: Record<string, unknown> = {}): string {
  const dir = tempDir("cloud-stack");
  fs.writeFileSync(path.join(dir, "cdk.tf.json"), JSON.stringify({ terraform: { cloud: { organization: "acme", workspaces: { name: workspace }, ...extra } }, resource: {} }));
  return dir;
}

describe("audit --from-stack with an HCP Terraform (cloud) backend", () => {
  let hcp: FakeHcp;
  beforeAll(async () => {
    hcp = await startFakeHcp(STATE);
  });
  afterAll(async () => hcp?.close());

  const display = () => `${hcp.origin}/app/acme/workspaces/prod`;
  const noSecrets = (r: CliResult) => {
    expectNoLeaks([TOKEN, DOWNLOAD_SECRET], [["stdout", r.stdout], ["stderr", r.stderr]]);
  };

  it("looks up the workspace, its current state version, and streams the download", async () => {
    hcp.requests.length = 0;
    const r = await cli(["audit", "--format", "json", "--from-stack", cloudStack("prod")], { TFE_ADDRESS: hcp.origin, TFE_TOKEN: TOKEN });
    noSecrets(r);
    expect(r.code).toBe(1);
    expect(files(r)).toEqual([display()]);
    expect(JSON.parse(r.stdout).findings.some((f: any) => f.pointer === CLIENT)).toBe(true);
    expect(hcp.requests.map((q) => q.path.replace(DOWNLOAD_SECRET, "SECRET"))).toEqual([
      "/.well-known/terraform.json",
      "/api/v2/organizations/acme/workspaces/prod",
      "/api/v2/workspaces/ws-Prod123/current-state-version",
      "/v1/object/SECRET",
    ]);
  });

  it("TF_TOKEN_<host> is used when TFE_TOKEN is not set", async () => {
    const r = await cli(["audit", "--format", "json", "--from-stack", cloudStack("prod")], { TFE_ADDRESS: hcp.origin, TF_TOKEN_app_terraform_io: TOKEN });
    expect(r.code).toBe(1);
  });

  it("waits out a 429 (X-RateLimit-Reset) and goes on; gives up with one line when it lasts", async () => {
    hcp.throttle = 2;
    const r = await cli(["audit", "--format", "json", "--from-stack", cloudStack("prod")], { TFE_ADDRESS: hcp.origin, TFE_TOKEN: TOKEN });
    expect(r.code).toBe(1);
    hcp.throttle = 100;
    const stuck = await cli(["audit", "--from-stack", cloudStack("prod")], { TFE_ADDRESS: hcp.origin, TFE_TOKEN: TOKEN });
    hcp.throttle = 0;
    noSecrets(stuck);
    expect(stuck.code).toBe(2);
    expect(stuck.stderr).toBe(`secret-guard audit: ${display()}: rate limited by HCP Terraform (429 after 5 tries); run again later\n`);
  });

  it("a token saved by terraform login (credentials.tfrc.json in TF_CLI_CONFIG_DIR) is used when no variable gives one", async () => {
    const dir = tempDir("sg-tfrc");
    fs.writeFileSync(path.join(dir, "credentials.tfrc.json"), JSON.stringify({ credentials: { "app.terraform.io": { token: TOKEN } } }));
    const r = await cli(["audit", "--format", "json", "--from-stack", cloudStack("prod")], { TFE_ADDRESS: hcp.origin, TFE_TOKEN: "", TF_CLI_CONFIG_DIR: dir });
    noSecrets(r);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
  });

  it.each([
    ["a bad token", "prod", { TFE_TOKEN: "not-the-token-000000" }, /^error: HCP Terraform rejected the token \(401\) for http:\/\/127\.0\.0\.1:\d+\/app\/acme\/workspaces\/prod: set TFE_TOKEN or TF_TOKEN_app_terraform_io, or run terraform login app\.terraform\.io\n$/],
    ["no token", "prod", { TFE_TOKEN: "", TF_CLI_CONFIG_DIR: tempDir("sg-no-tfrc") }, /^error: no HCP Terraform token for http:\/\/127\.0\.0\.1:\d+\/app\/acme\/workspaces\/prod: set TFE_TOKEN or TF_TOKEN_app_terraform_io, or run terraform login app\.terraform\.io\n$/],
    ["an unknown workspace", "nope", { TFE_TOKEN: TOKEN }, /: no such workspace, or the token cannot read it/],
    ["a workspace with no state", "fresh", { TFE_TOKEN: TOKEN }, /: no state yet/],
  ])("%s is one input error line (exit 2)", async (_what, ws, extra, message) => {
    const r = await cli(["audit", "--from-stack", cloudStack(ws)], { TFE_ADDRESS: hcp.origin, ...extra });
    noSecrets(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("nothing on disk", () => {
  it("the S3, stdin and HCP paths leave no planted value (and no file) in a fresh TMPDIR", async () => {
    const tmp = tempDir("sg-fresh-tmp");
    const hcp = await startFakeHcp(STATE);
    try {
      const runs = [
        await cli(["audit", "s3://states/prod/terraform.tfstate"], { TMPDIR: tmp }),
        await cli(["audit", "s3://states/big/terraform.tfstate"], { TMPDIR: tmp }),
        await cli(["audit", "s3://states/org/"], { TMPDIR: tmp }),
        await cli(["audit", "-"], { TMPDIR: tmp }, STATE),
        await cli(["audit", "--from-stack", cloudStack("prod")], { TMPDIR: tmp, TFE_ADDRESS: hcp.origin, TFE_TOKEN: TOKEN }),
      ];
      for (const r of runs) expect(r.code).toBe(1);
    } finally {
      await hcp.close();
    }
    const left = contentsUnder(tmp);
    expect(left).toEqual([]);
    expectNoLeaks(secrets, left.map((b, i): [string, string] => [`temp file ${i}`, b.toString("utf8")]));
  });

  it("no planted value in any output of this file", () => {
    expect(results.length).toBeGreaterThan(20);
    expectNoLeaks(secrets, results.flatMap((r, i): Array<[string, string]> => [[`run ${i} stdout`, r.stdout], [`run ${i} stderr`, r.stderr]]));
  });
});
