// The rotation function, as deployed (unpacked from the zip the stack ships), with the real AWS SDK v3 against a
// Secrets Manager stand-in speaking the JSON protocol, and a Genesys stand-in. Both strategies, idempotent steps,
// failures in each step, 429 / 5xx / timeouts, and logs that never hold a planted or issued value.
import * as fs from "node:fs";
import { RotateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SecretsManagerStandin } from "./support/secrets-manager-standin";
import { GenesysStandin } from "./support/genesys-standin";
import { loadDeployedHandler } from "./support/rotation-bundle";
import { expectNoLeaks } from "./support/leak-check";

const ADMIN_ID = "0a0a0a0a-1111-4222-8333-444444444444";
const ADMIN_SECRET = "PlAnTeD-AdMiN-SeCrEt-Qw9Er8Ty7Ui6Op5As4Df3Gh2";
const CLIENT_A = "aaaaaaaa-0000-4000-8000-00000000000a";
const CLIENT_B = "bbbbbbbb-0000-4000-8000-00000000000b";
const SINGLE = "genesys/single";
const ALT = "genesys/alternating";
const ADMIN = "genesys-oauth/test/rotation-admin";

let sm: SecretsManagerStandin;
let genesys: GenesysStandin;
let handler: (event: unknown) => Promise<void>;
let bundleDir: string;
/** Every line the function logged, in every test (never reset: the leak checks read all of it). */
const logs: string[] = [];
/** Where the current test's lines start in `logs`. */
let testStart = 0;
const errors: string[] = [];
const savedEnv = { ...process.env };
let client: SecretsManagerClient;

beforeAll(async () => {
  sm = await new SecretsManagerStandin().start();
  genesys = await new GenesysStandin().start();
  ({ handler, dir: bundleDir } = loadDeployedHandler());
  sm.invoker = async (event) => {
    try {
      await handler(event);
    } catch (e) {
      errors.push(`${(e as Error).name}: ${(e as Error).message}`);
      throw e;
    }
  };
  client = new SecretsManagerClient({ endpoint: sm.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
});

afterAll(async () => {
  client.destroy();
  await sm.stop();
  await genesys.stop();
  fs.rmSync(bundleDir, { recursive: true, force: true });
  process.env = savedEnv;
  // Nothing the function logged or threw, in any test, holds a secret or a token (planted or issued), a piece of
  // one or an encoding of either.
  expect(logs.length).toBeGreaterThan(0);
  expectNoLeaks([ADMIN_SECRET, ...genesys.issued], [["the rotation function's logs (all tests)", logs.join("\n")], ["errors it threw", errors.join("\n")]]);
});

let spy: jest.SpyInstance[] = [];
beforeEach(() => {
  process.env = {
    ...savedEnv,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    GENESYS_REGION: "us-east-1",
    ROTATION_ADMIN_SECRET_ID: ADMIN,
    ROTATION_CLIENTS: JSON.stringify([
      { secret: SINGLE, strategy: "single-client", clientIds: [CLIENT_A] },
      { secret: ALT, strategy: "alternating-clients", clientIds: [CLIENT_A, CLIENT_B] },
    ]),
    SECRETS_MANAGER_ENDPOINT: sm.endpoint,
    GENESYS_API_BASE: genesys.base,
    GENESYS_LOGIN_BASE: genesys.base,
    // A bound for a hung stand-in only (the "does not answer" case sets its own 300 ms): a busy machine never reaches it.
    ROTATION_HTTP_TIMEOUT_MS: "60000",
    ROTATION_TEST_RETRY_MS: "10",
  };
  sm.secrets.clear();
  sm.create(ADMIN, JSON.stringify({ clientId: ADMIN_ID, clientSecret: ADMIN_SECRET }));
  genesys.secrets.clear();
  genesys.editors.clear();
  genesys.client(ADMIN_ID, ADMIN_SECRET, true);
  genesys.client(CLIENT_A, "unknown-initial-secret-of-client-a-0001");
  genesys.client(CLIENT_B, "unknown-initial-secret-of-client-b-0002");
  genesys.script.token = [];
  genesys.script.regenerate = [];
  genesys.calls.length = 0;
  testStart = logs.length;
  spy = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      logs.push(args.map(String).join(" "));
    }),
  );
});
afterEach(() => {
  spy.forEach((s) => s.mockRestore());
  // Per test too, so a leak names the test that logged it.
  expectNoLeaks([ADMIN_SECRET, ...genesys.issued], [[`the rotation function's logs in "${expect.getState().currentTestName}"`, logs.slice(testStart).join("\n")]]);
});

async function rotateNow(name: string): Promise<{ ok: boolean; error?: string; version: string }> {
  const r = await client.send(new RotateSecretCommand({ SecretId: name }));
  const outcome = await sm.lastRotation!;
  return { ...outcome, version: r.VersionId! };
}

function current(name: string): { clientId: string; clientSecret: string; region: string; tokenUrl: string; apiBaseUrl: string } {
  return JSON.parse(sm.value(name)!);
}

const step = (Step: string, SecretId: string, ClientRequestToken: string) => handler({ Step, SecretId, ClientRequestToken });
const regenerations = () => genesys.calls.filter((c) => c.endsWith("/secret")).length;

describe("single-client", () => {
  it("the first rotation fills a secret that had no value; the value is usable as it is", async () => {
    sm.create(SINGLE);
    const r = await rotateNow(SINGLE);
    expect(r).toEqual(expect.objectContaining({ ok: true }));
    const v = current(SINGLE);
    expect(v).toEqual({ clientId: CLIENT_A, clientSecret: expect.any(String), region: "us-east-1", tokenUrl: "https://login.mypurecloud.com/oauth/token", apiBaseUrl: "https://api.mypurecloud.com" });
    expect(genesys.works(CLIENT_A, v.clientSecret)).toBe(true);
    const stages = sm.find(SINGLE).versions.get(r.version)!.stages;
    expect(stages.has("AWSCURRENT")).toBe(true);
  });

  it("the next rotation moves AWSCURRENT and keeps AWSPREVIOUS; the old secret stops working at once", async () => {
    sm.create(SINGLE);
    await rotateNow(SINGLE);
    const before = current(SINGLE);
    const r = await rotateNow(SINGLE);
    expect(r.ok).toBe(true);
    const after = current(SINGLE);
    expect(after.clientSecret).not.toBe(before.clientSecret);
    expect(genesys.works(CLIENT_A, after.clientSecret)).toBe(true);
    expect(genesys.works(CLIENT_A, before.clientSecret)).toBe(false);
    expect(JSON.parse(sm.value(SINGLE, "AWSPREVIOUS")!).clientSecret).toBe(before.clientSecret);
  });

  it("each step is idempotent: repeated with the same token, the secret is regenerated once", async () => {
    const s = sm.create(SINGLE);
    const token = "11111111-2222-4333-8444-000000000001";
    s.versions.set(token, { stages: new Set(["AWSPENDING"]), created: Date.now() });
    await step("createSecret", s.arn, token);
    await step("createSecret", s.arn, token);
    expect(regenerations()).toBe(1);
    await step("setSecret", s.arn, token);
    await step("testSecret", s.arn, token);
    await step("testSecret", s.arn, token);
    await step("finishSecret", s.arn, token);
    await step("finishSecret", s.arn, token);
    expect(sm.holder(s, "AWSCURRENT")).toBe(token);
    expect(genesys.works(CLIENT_A, current(SINGLE).clientSecret)).toBe(true);
  });

  it.each([
    ["the admin secret is refused (401)", () => genesys.script.token.push("401"), /admin client: .*refused the credentials/],
    ["the admin client lacks oauth:client:edit (403)", () => genesys.script.regenerate.push("403"), /403 .*oauth:client:edit/],
    ["Genesys keeps answering 5xx", () => genesys.script.regenerate.push("500", "503", "500"), /answered 500 after 3 tries/],
    ["Genesys keeps rate limiting", () => { genesys.retryAfterSeconds = "0"; genesys.script.regenerate.push("429", "429", "429", "429"); }, /rate limited .* after 4 tries/],
    ["Genesys does not answer", () => { process.env.ROTATION_HTTP_TIMEOUT_MS = "300"; genesys.script.token.push("hang"); }, /no answer from login.mypurecloud.com within/],
  ])("createSecret fails before regenerating when %s: the current secret stays and works", async (_, arrange, message) => {
    sm.create(SINGLE);
    await rotateNow(SINGLE);
    const before = current(SINGLE);
    arrange();
    const r = await rotateNow(SINGLE);
    genesys.retryAfterSeconds = "1";
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(message);
    expect(current(SINGLE)).toEqual(before);
    expect(genesys.works(CLIENT_A, before.clientSecret)).toBe(true);
  });

  it("retries a 429 (after its Retry-After) and a 5xx, then succeeds", async () => {
    sm.create(SINGLE);
    genesys.retryAfterSeconds = "1";
    genesys.script.regenerate.push("429", "503");
    const r = await rotateNow(SINGLE);
    expect(r.ok).toBe(true);
    expect(regenerations()).toBe(3);
    expect(genesys.works(CLIENT_A, current(SINGLE).clientSecret)).toBe(true);
  });

  it("reads Retry-After: a wait beyond the handler's 20 s budget is not waited out, it fails after the one try", async () => {
    // Counted in attempts, not timed: the handler takes the server's word for the wait and gives up at once.
    sm.create(SINGLE);
    await rotateNow(SINGLE);
    const before = current(SINGLE);
    const tries = regenerations();
    genesys.retryAfterSeconds = "3600";
    genesys.script.regenerate.push("429");
    const r = await rotateNow(SINGLE);
    genesys.retryAfterSeconds = "1";
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/rate limited by [^ ]+ \(429\) after 1 try/);
    expect(regenerations() - tries).toBe(1);
    expect(current(SINGLE)).toEqual(before);
  });

  it("a failed testSecret leaves AWSCURRENT in place; the retried rotation completes with the regenerated secret, not a new one", async () => {
    sm.create(SINGLE);
    await rotateNow(SINGLE);
    const before = current(SINGLE);
    const s = sm.find(SINGLE);
    const token = "11111111-2222-4333-8444-000000000002";
    s.versions.set(token, { stages: new Set(["AWSPENDING"]), created: Date.now() });
    await step("createSecret", s.arn, token);
    await step("setSecret", s.arn, token);
    genesys.script.token.push("500", "500", "500");
    await expect(step("testSecret", s.arn, token)).rejects.toThrow(/did not get a token/);
    expect(current(SINGLE)).toEqual(before);
    // Single client: Genesys already replaced the secret; the pending version holds the one that works now.
    const pending = JSON.parse(sm.value(SINGLE, "AWSPENDING")!);
    expect(genesys.works(CLIENT_A, pending.clientSecret)).toBe(true);
    for (const st of ["createSecret", "setSecret", "testSecret", "finishSecret"]) await step(st, s.arn, token);
    expect(regenerations()).toBe(2);
    expect(current(SINGLE).clientSecret).toBe(pending.clientSecret);
  });
});

describe("alternating-clients", () => {
  it("alternates between the two clients; the client in use keeps working through each rotation", async () => {
    sm.create(ALT);
    expect((await rotateNow(ALT)).ok).toBe(true);
    const first = current(ALT);
    expect(first.clientId).toBe(CLIENT_A);
    const r2 = await rotateNow(ALT);
    expect(r2.ok).toBe(true);
    const second = current(ALT);
    expect(second.clientId).toBe(CLIENT_B);
    expect(genesys.works(CLIENT_A, first.clientSecret)).toBe(true); // zero downtime: the previous one still works
    expect(genesys.works(CLIENT_B, second.clientSecret)).toBe(true);
    expect((await rotateNow(ALT)).ok).toBe(true);
    const third = current(ALT);
    expect(third.clientId).toBe(CLIENT_A);
    expect(genesys.works(CLIENT_B, second.clientSecret)).toBe(true);
    expect(JSON.parse(sm.value(ALT, "AWSPREVIOUS")!).clientId).toBe(CLIENT_B);
  });

  it.each([
    ["createSecret (403)", () => genesys.script.regenerate.push("403"), undefined],
    ["testSecret (token endpoint 5xx)", () => undefined, "testSecret"],
    ["finishSecret (Secrets Manager 500)", () => sm.failNext.set("UpdateSecretVersionStage", 3), undefined],
  ])("a failure in %s leaves the current secret current and working; a retry completes", async (_, arrange, failTest) => {
    sm.create(ALT);
    await rotateNow(ALT);
    const before = current(ALT);
    const s = sm.find(ALT);
    const token = "11111111-2222-4333-8444-000000000003";
    s.versions.set(token, { stages: new Set(["AWSPENDING"]), created: Date.now() });
    arrange();
    let failed = false;
    for (const st of ["createSecret", "setSecret", "testSecret", "finishSecret"]) {
      if (failTest === st) genesys.script.token.push("500", "500", "500");
      try {
        await step(st, s.arn, token);
      } catch {
        failed = true;
        break;
      }
    }
    expect(failed).toBe(true);
    expect(current(ALT)).toEqual(before);
    expect(genesys.works(before.clientId, before.clientSecret)).toBe(true);
    sm.failNext.clear();
    for (const st of ["createSecret", "setSecret", "testSecret", "finishSecret"]) await step(st, s.arn, token);
    const after = current(ALT);
    expect(after.clientId).toBe(CLIENT_B);
    expect(genesys.works(CLIENT_B, after.clientSecret)).toBe(true);
    expect(genesys.works(CLIENT_A, before.clientSecret)).toBe(true);
  });
});

describe("guards", () => {
  it("refuses a secret it does not rotate, a token that is not pending, and rotation that is off", async () => {
    const other = sm.create("genesys/other");
    other.versions.set("t1", { stages: new Set(["AWSPENDING"]), created: Date.now() });
    await expect(step("createSecret", other.arn, "t1")).rejects.toThrow(/not one this function rotates/);
    const s = sm.create(SINGLE);
    await expect(step("createSecret", s.arn, "no-such-version")).rejects.toThrow(/has no version/);
    s.versions.set("t2", { stages: new Set(["AWSPENDING"]), created: Date.now() });
    s.rotationEnabled = false;
    await expect(step("createSecret", s.arn, "t2")).rejects.toThrow(/does not have rotation enabled/);
    expect(regenerations()).toBe(0);
  });

  it("a bad setting is one line naming the variable, not its value", async () => {
    process.env.ROTATION_CLIENTS = "not json " + ADMIN_SECRET;
    const s = sm.create(SINGLE);
    await expect(step("createSecret", s.arn, "t")).rejects.toThrow(/^ROTATION_CLIENTS must be JSON$/);
  });

  it("logs say what happened, as JSON lines, without values", async () => {
    sm.create(SINGLE);
    await rotateNow(SINGLE);
    const lines = logs.slice(testStart).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.step)).toEqual(expect.arrayContaining(["createSecret", "setSecret", "testSecret", "finishSecret"]));
    expect(lines.some((l) => l.outcome === "stored as AWSPENDING" && l.client === CLIENT_A)).toBe(true);
  });
});
