import * as http from "node:http";
import { PassThrough } from "node:stream";
import * as path from "node:path";
import type { AddressInfo } from "node:net";
import { capture, tempDir, writeJson, secretGuard } from "./support/day2";
import { expectNoLeaks } from "./support/leak-check";

// Planted values: the doctor must never print them, not even in errors.
const CLIENT_ID = "3b0f5c2a-9d1e-4f7a-8b6c-2e4d6f8a0c1e";
const PLANTED_SECRET = "pLaNtEd-ClIeNt-SeCrEt-Zq8xW3vR5tY7uI9oP1aS2dF";
const PLANTED_TOKEN = "pLaNtEd-AcCeSs-ToKeN-Mn4bV6cX8zL0kJ2hG5fD7sA9";
const ADMIN_ROLE = "11111111-2222-4333-8444-555555555555";
const EXISTING_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

const FULL_POLICIES = [
  { domain: "oauth", entityName: "client", actionSet: ["add", "view", "edit", "delete"] },
  { domain: "integrations", entityName: "credential", actionSet: ["*"] },
  { domain: "authorization", entityName: "role", actionSet: ["view"] },
];

interface Scenario {
  /** Answers to POST /oauth/token, one per call (the last repeats). */
  token?: ((res: http.ServerResponse) => void)[];
  policies?: object[];
  /** Pages of GET /api/v2/oauth/clients. */
  clientPages?: { id: string; name: string }[][];
  roleName?: string;
  hang?: boolean;
}

let server: http.Server;
let base: string;
let scenario: Scenario = {};
let calls: string[] = [];
let dir: string;

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
  const url = new URL(req.url ?? "/", base);
  calls.push(`${req.method} ${url.pathname}${url.search}`);
  if (scenario.hang) return; // never answer
  if (req.method === "POST" && url.pathname === "/oauth/token") {
    const expected = "Basic " + Buffer.from(`${CLIENT_ID}:${PLANTED_SECRET}`).toString("base64");
    const answers = scenario.token ?? [];
    const n = calls.filter((c) => c.startsWith("POST /oauth/token")).length - 1;
    if (answers.length > 0) return answers[Math.min(n, answers.length - 1)](res);
    if (req.headers.authorization !== expected || body !== "grant_type=client_credentials") {
      return json(res, 401, { error: "invalid_client", description: "client not found" });
    }
    return json(res, 200, { access_token: PLANTED_TOKEN, token_type: "bearer", expires_in: 86399 });
  }
  if (req.headers.authorization !== `Bearer ${PLANTED_TOKEN}`) return json(res, 401, { message: "bad token" });
  if (url.pathname === `/api/v2/oauth/clients/${CLIENT_ID}`) {
    return json(res, 200, { id: CLIENT_ID, name: "terraform-admin", roleDivisions: [{ roleId: ADMIN_ROLE, divisionId: "*" }] });
  }
  if (url.pathname === `/api/v2/authorization/roles/${ADMIN_ROLE}`) {
    return json(res, 200, { id: ADMIN_ROLE, name: scenario.roleName ?? "Analytics Viewer", permissionPolicies: scenario.policies ?? FULL_POLICIES });
  }
  if (url.pathname === "/api/v2/oauth/clients") {
    const pages = scenario.clientPages ?? [[{ id: "a1b2c3d4-0000-4000-8000-000000000001", name: "Something else" }]];
    const page = Number(url.searchParams.get("pageNumber") ?? "1");
    const entities = pages[page - 1] ?? [];
    const nextUri = page < pages.length ? `/api/v2/oauth/clients?pageNumber=${page + 1}` : undefined;
    return json(res, 200, { entities, pageSize: 25, pageNumber: page, total: pages.flat().length, nextUri });
  }
  json(res, 404, { message: "not found" });
}

beforeAll(async () => {
  dir = tempDir("doctor");
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  scenario = {};
  calls = [];
});

function config(clients: object[], environments?: object[]): string {
  return writeJson(path.join(dir, `config-${Math.random().toString(36).slice(2)}.json`), {
    environments: environments ?? [
      { name: "prod", stackName: "gen-integration", region: "us-east-1", backend: { type: "s3", bucket: "state-bucket", region: "us-east-1" }, clients },
    ],
  });
}

const CLIENTS = [
  { name: "Production-API-Client", grantType: "CLIENT-CREDENTIALS", roles: [{ name: "Analytics Viewer" }] },
  { name: "Reporting-Client", grantType: "CLIENT-CREDENTIALS", roles: [{ name: "Analytics Viewer" }] },
];

const ENV = {
  GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT_ID,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: PLANTED_SECRET,
  GENESYSCLOUD_REGION: "us-east-1",
};

async function doctor(args: string[] = [], env: NodeJS.ProcessEnv = ENV, configFile = config(CLIENTS)) {
  // Each option once (a second --api-base is refused): the test's own --api-base replaces the stand-in's.
  const bases = ["--api-base", "--login-base"].flatMap((o) => (args.includes(o) ? [] : [o, base]));
  const r = await capture((io) => secretGuard(["doctor", ...["--config", configFile, ...bases, ...args]], { ...io, env, stdoutIsTTY: false }));
  // Whatever happened, neither planted value may appear anywhere.
  expectNoLeaks([PLANTED_SECRET, PLANTED_TOKEN], [["stdout", r.stdout], ["stderr", r.stderr]]);
  return r;
}

const lineOf = (text: string, check: string) => text.split("\n").filter((l) => l.includes(` ${check}: `));

describe("secret-guard doctor", () => {
  test("all good: every check passes, exit 0", async () => {
    const r = await doctor();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    for (const check of ["env", "region", "token", "permissions", "roles", "collisions"]) {
      expect(lineOf(r.stdout, check)).toEqual([expect.stringMatching(/^\[ok\] /)]);
    }
    expect(lineOf(r.stdout, "token")[0]).toContain("login.mypurecloud.com issued a token");
    expect(calls).toEqual([
      "POST /oauth/token",
      `GET /api/v2/oauth/clients/${CLIENT_ID}`,
      `GET /api/v2/authorization/roles/${ADMIN_ROLE}`,
      "GET /api/v2/oauth/clients",
    ]);
  });

  test("unicode marks on a terminal; base URL from SECRET_GUARD_GENESYS_BASE_URL", async () => {
    const r = await capture((io) =>
      secretGuard(["doctor", "--config", config(CLIENTS)], { ...io, env: { ...ENV, SECRET_GUARD_GENESYS_BASE_URL: base }, stdoutIsTTY: true }),
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n").filter(Boolean);
    expect(lines.slice(0, -1).every((l) => l.startsWith("✓ "))).toBe(true);
    // The closing summary line.
    expect(lines[lines.length - 1]).toMatch(/^doctor: \d+ checks passed, 0 failed, 0 warnings for environment \S+: ready to deploy$/);
  });

  test("401 on token: one error line naming what to check, exit 2, later checks not run", async () => {
    const r = await doctor([], { ...ENV, GENESYSCLOUD_OAUTHCLIENT_SECRET: PLANTED_SECRET + "-wrong" });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: Genesys Cloud rejected the credentials (login.mypurecloud.com answered 401 invalid_client) for secret-guard doctor (environment prod): check GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET\n",
    );
    expect(lineOf(r.stdout, "permissions")).toEqual([]);
    expect(calls).toEqual(["POST /oauth/token"]);
  });

  test("missing permissions and roles are named", async () => {
    scenario.policies = [{ domain: "oauth", entityName: "client", actionSet: ["view", "add"] }];
    scenario.roleName = "Terraform Admin";
    const r = await doctor();
    expect(r.code).toBe(1);
    const [perm] = lineOf(r.stdout, "permissions");
    expect(perm).toMatch(/^\[FAIL\] permissions: the admin client lacks oauth:client:edit, oauth:client:delete, integrations:credential:add, integrations:credential:view, integrations:credential:edit, integrations:credential:delete, authorization:role:view/);
    const [roles] = lineOf(r.stdout, "roles");
    expect(roles).toContain('"Analytics Viewer" (environments[0].clients[0])');
  });

  test("a name collision (on the second page) suggests adoptClientId with the id and the config path", async () => {
    scenario.clientPages = [[{ id: "a1b2c3d4-0000-4000-8000-000000000001", name: "Other" }], [{ id: EXISTING_ID, name: "reporting-client" }]];
    const file = config(CLIENTS);
    // With the environment's state, a same-name client that the state does not manage is a failure.
    const state = writeJson(path.join(dir, "state.json"), {
      version: 4,
      resources: [{ mode: "managed", type: "genesyscloud_oauth_client", name: "x", instances: [{ attributes: { id: "b0b0b0b0-0000-4000-8000-000000000009" } }] }],
    });
    const r = await doctor(["--state", state], ENV, file);
    expect(r.code).toBe(1);
    const [line] = lineOf(r.stdout, "collisions");
    expect(line).toMatch(/^\[FAIL\] collisions: environments\[0\]\.clients\[1\] "Reporting-Client" has the name of existing OAuth client .*, which the state does not manage/);
    expect(line).toContain(`"adoptClientId": "${EXISTING_ID}"`);
    expect(line).toContain(file);
    expect(calls).toContain("GET /api/v2/oauth/clients?pageNumber=2");

    // Without a state the client may be the one this stack created: a warning with the same hint.
    const unsure = await doctor([], ENV, file);
    expect(unsure.code).toBe(0);
    expect(lineOf(unsure.stdout, "collisions")[0]).toMatch(/^\[warn\] collisions: .*"Reporting-Client" has the name of existing OAuth client .*: fine if this stack created it; otherwise adopt it by adding "adoptClientId"/);

    // A state that manages it: no collision.
    const mine = writeJson(path.join(dir, "state-mine.json"), {
      version: 4,
      resources: [{ mode: "managed", type: "genesyscloud_oauth_client", name: "x", instances: [{ attributes: { id: EXISTING_ID } }] }],
    });
    const managed = await doctor(["--state", mine], ENV, file);
    expect(managed.code).toBe(0);
    expect(lineOf(managed.stdout, "collisions")[0]).toContain(`is ${EXISTING_ID}, which the given state already manages`);

    // Adopting it clears the failure.
    const adopted = await doctor([], ENV, config([CLIENTS[0], { ...CLIENTS[1], adoptClientId: EXISTING_ID }]));
    expect(adopted.code).toBe(0);
    expect(lineOf(adopted.stdout, "collisions")[0]).toContain(`adopts the existing client ${EXISTING_ID}`);
  });

  test("--state - reads the state from standard input, --state-from-stack from the stack's backend (no copy on disk)", async () => {
    scenario.clientPages = [[{ id: EXISTING_ID, name: "reporting-client" }]];
    const file = config(CLIENTS);
    const state = (id: string) => JSON.stringify({ version: 4, resources: [{ mode: "managed", type: "genesyscloud_oauth_client", name: "x", instances: [{ attributes: { id } }] }] });
    const viaStdin = async (text: string) => {
      const stdin = new PassThrough();
      stdin.end(text);
      const r = await capture((io) => secretGuard(["doctor", "--config", file, "--api-base", base, "--login-base", base, "--state", "-"], { ...io, env: ENV, stdoutIsTTY: false, stdin }));
      expectNoLeaks(PLANTED_SECRET, [["stdout", r.stdout], ["stderr", r.stderr]]);
      return r;
    };
    const managed = await viaStdin(state(EXISTING_ID));
    expect(managed.code).toBe(0);
    expect(lineOf(managed.stdout, "collisions")[0]).toContain(`is ${EXISTING_ID}, which the given state already manages`);
    const stranger = await viaStdin(state("b0b0b0b0-0000-4000-8000-000000000009"));
    expect(stranger.code).toBe(1);
    expect(lineOf(stranger.stdout, "collisions")[0]).toMatch(/^\[FAIL\] collisions: .*which the state does not manage/);

    // A synthesized stack whose local backend holds the state (the S3 and HCP Terraform readers are the audit's,
    // tested in guard-audit-remote.test.ts).
    const out = tempDir("doctor-stack");
    writeJson(path.join(out, "stacks", "prod", "cdk.tf.json"), { terraform: { backend: { local: { path: path.join(out, "terraform.prod.tfstate") } } } });
    writeJson(path.join(out, "manifest.json"), { version: "0.21.0", stacks: { prod: { synthesizedStackPath: "stacks/prod/cdk.tf.json" } } });
    require("node:fs").writeFileSync(path.join(out, "terraform.prod.tfstate"), state(EXISTING_ID));
    const fromStack = await doctor(["--state-from-stack", out], ENV, file);
    expect(fromStack.code).toBe(0);
    expect(lineOf(fromStack.stdout, "collisions")[0]).toContain("which the given state already manages");
    const none = await doctor(["--state-from-stack", path.join(out, "nothing")], ENV, file);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--state-from-stack|--from-stack .*nothing: no such file or folder/);
  });

  test("a 429 storm with Retry-After 0/1 is bounded (4 tries) and fails clearly", async () => {
    let i = 0;
    scenario.token = [(res) => json(res, 429, { message: "slow down" }, { "retry-after": String(i++ % 2) })];
    // The bound is the number of tries (asserted below), not the time taken: a busy machine is slower, not wrong.
    const r = await doctor();
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, "token")).toEqual(["[FAIL] token: rate limited by login.mypurecloud.com (429) after 4 tries"]);
    expect(calls.filter((c) => c === "POST /oauth/token")).toHaveLength(4);
  });

  test("the token endpoint's 400 rate-limit answer is retried too", async () => {
    scenario.token = [
      (res) => json(res, 400, { error: "invalid_request", description: "Rate limit exceeded the maximum" }, { "retry-after": "0" }),
      (res) => json(res, 200, { access_token: PLANTED_TOKEN, token_type: "bearer", expires_in: 60 }),
    ];
    const r = await doctor();
    expect(r.code).toBe(0);
    expect(calls.filter((c) => c === "POST /oauth/token")).toHaveLength(2);
  });

  test("5xx then success passes; 501 is not retried", async () => {
    scenario.token = [
      (res) => json(res, 503, {}),
      (res) => json(res, 502, {}),
      (res) => json(res, 200, { access_token: PLANTED_TOKEN, token_type: "bearer", expires_in: 60 }),
    ];
    const r = await doctor();
    expect(r.code).toBe(0);
    expect(calls.filter((c) => c === "POST /oauth/token")).toHaveLength(3);

    calls = [];
    scenario.token = [(res) => json(res, 501, {})];
    const r501 = await doctor();
    expect(r501.code).toBe(1);
    expect(lineOf(r501.stdout, "token")[0]).toContain("login.mypurecloud.com answered 501");
    expect(calls).toHaveLength(1);
  });

  test("a server that never answers times out clearly", async () => {
    scenario.hang = true;
    const r = await doctor(["--timeout-ms", "300"]);
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, "token")).toEqual(["[FAIL] token: no answer from login.mypurecloud.com within 0.3 s"]);
    // One try that was given up on, not retried (the run ending at all is what the 0.3 s timeout buys).
    expect(calls.filter((c) => c === "POST /oauth/token")).toHaveLength(1);
  });

  test("env: without credentials one error line (naming the tutorial's variables that are set), exit 2, nothing called", async () => {
    const r = await doctor([], { GENESYS_CLOUD_CLIENT_ID: CLIENT_ID, GENESYS_CLOUD_CLIENT_SECRET: PLANTED_SECRET, GENESYSCLOUD_REGION: "eu-west-1" });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "error: no Genesys Cloud credentials (GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET not set) for secret-guard doctor (environment prod): set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET with GENESYSCLOUD_REGION, or GENESYSCLOUD_ACCESS_TOKEN (GENESYS_CLOUD_CLIENT_ID, GENESYS_CLOUD_CLIENT_SECRET are set, but the provider never reads them)\n",
    );
    expect(calls).toEqual([]);
  });

  test("env: a tutorial name beside real credentials is a warning, a mismatched region a failure", async () => {
    const r = await doctor([], { GENESYSCLOUD_OAUTHCLIENT_ID: CLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET: PLANTED_SECRET, GENESYS_CLOUD_CLIENT_SECRET: PLANTED_SECRET, GENESYSCLOUD_REGION: "eu-west-1" });
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, "env")).toEqual(expect.arrayContaining([
      "[warn] env: GENESYS_CLOUD_CLIENT_SECRET is set but the genesyscloud provider never reads it; use GENESYSCLOUD_OAUTHCLIENT_SECRET",
    ]));
    expect(lineOf(r.stdout, "region")[0]).toMatch(/^\[FAIL\] region: GENESYSCLOUD_REGION eu-west-1 does not match environment prod's region us-east-1 \(environments\[0\]\.region in /);
  });

  test.each([
    ["unknown environment", ["--environment", "nope"], /--environment \(argument \d+\) is not an environment of .*; environments: prod/],
    ["bad timeout", ["--timeout-ms", "soon"], /--timeout-ms must be a whole number/],
    ["plain http to a remote host", ["--api-base", "http://example.com"], /--api-base must be https/],
    ["a state file that is not a state", ["--state", path.join(__dirname, "..", "package.json")], /--state .*package\.json: not a Terraform state/],
  ])("usage error: %s -> exit 2, one line", async (_n, args, message) => {
    const r = await doctor(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  test("a bad base URL is a usage error before any check runs, even without credentials", async () => {
    const r = await capture((io) => secretGuard(["doctor", "--config", config(CLIENTS), "--api-base", "ftp://example.com"], { ...io, env: {}, stdoutIsTTY: false }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  test("config errors exit 2 with the config loader's one line", async () => {
    const r = await capture((io) => secretGuard(["doctor", ...["--config", path.join(dir, "missing.json")]], { ...io, env: ENV, stdoutIsTTY: false }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.json: cannot read config \(ENOENT\)/);
    const two = config([], [
      { name: "a", region: "us-east-1", backend: { type: "s3", bucket: "state-bucket", region: "us-east-1" }, clients: [] },
      { name: "b", region: "eu-west-1", backend: { type: "s3", bucket: "state-bucket", region: "us-east-1" }, clients: [] },
    ]);
    const r2 = await capture((io) => secretGuard(["doctor", ...["--config", two]], { ...io, env: ENV, stdoutIsTTY: false }));
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/has 2 environments \(a, b\); pick one with --environment/);
  });
});

describe("doctor and rotated clients", () => {
  const ROTATED = [{ name: "Rotated-Client", grantType: "CLIENT-CREDENTIALS", roles: [{ name: "Analytics Viewer" }], secretDelivery: "secrets-manager-rotation", secretsManager: { name: "genesys/rotated" } }];

  it("checks oauth:client:edit when a rotated client exists", async () => {
    const r = await doctor([], ENV, config(ROTATED));
    expect(lineOf(r.stdout, "rotation")).toEqual([expect.stringMatching(/^\[ok\] rotation: the admin client holds oauth:client:edit/)]);
  });

  it("fails the rotation check without oauth:client:edit", async () => {
    scenario.policies = [{ domain: "oauth", entityName: "client", actionSet: ["add", "view", "delete"] }];
    const r = await doctor([], ENV, config(ROTATED));
    expect(r.code).toBe(1);
    expect(lineOf(r.stdout, "rotation")).toEqual([expect.stringMatching(/^\[FAIL\] rotation: the admin client lacks oauth:client:edit/)]);
  });

  it("says nothing about rotation when no client is rotated", async () => {
    const r = await doctor();
    expect(lineOf(r.stdout, "rotation")).toEqual([]);
  });
});
