// `secret-guard rotate`: RotateSecret through the real AWS SDK against the Secrets Manager stand-in, which runs the
// deployed rotation function against the Genesys stand-in; then waits for AWSCURRENT to move.
import * as fs from "node:fs";
import * as path from "node:path";
import { SecretsManagerStandin } from "./support/secrets-manager-standin";
import { GenesysStandin } from "./support/genesys-standin";
import { loadDeployedHandler } from "./support/rotation-bundle";
import { capture, secretGuard, tempDir, writeJson } from "./support/day2";
import { expectNoLeaks } from "./support/leak-check";
import { ALNUM, fake } from "../guard/detectors/families/sample-values";

const ADMIN_ID = "0a0a0a0a-1111-4222-8333-444444444444";
const ADMIN_SECRET = "PlAnTeD-AdMiN-SeCrEt-Zx1Cv2Bn3Mm4Ll5Kk6Jj7Hh8";
const CLIENT_A = "aaaaaaaa-0000-4000-8000-00000000000a";
const CLIENT_B = "bbbbbbbb-0000-4000-8000-00000000000b";
const CLIENT_C = "cccccccc-0000-4000-8000-00000000000c";

let sm: SecretsManagerStandin;
let genesys: GenesysStandin;
let dir: string;
let bundleDir: string;
let configFile: string;
const savedEnv = { ...process.env };
const logs: string[] = [];

const ENV = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1" };

beforeAll(async () => {
  sm = await new SecretsManagerStandin().start();
  genesys = await new GenesysStandin().start();
  dir = tempDir("rotate-cli");
  const loaded = loadDeployedHandler();
  bundleDir = loaded.dir;
  sm.invoker = (event) => loaded.handler(event);
  Object.assign(process.env, ENV, {
    GENESYS_REGION: "us-east-1",
    ROTATION_ADMIN_SECRET_ID: "admin",
    ROTATION_CLIENTS: JSON.stringify([
      { secret: "genesys/prod/reporting", strategy: "single-client", clientIds: [CLIENT_A] },
      { secret: "genesys/prod/export", strategy: "alternating-clients", clientIds: [CLIENT_B, CLIENT_C] },
    ]),
    SECRETS_MANAGER_ENDPOINT: sm.endpoint,
    GENESYS_API_BASE: genesys.base,
    GENESYS_LOGIN_BASE: genesys.base,
    ROTATION_TEST_RETRY_MS: "10",
  });
  jest.spyOn(console, "log").mockImplementation((...a: unknown[]) => void logs.push(a.map(String).join(" ")));
  configFile = writeJson(path.join(dir, "config.json"), {
    environments: [
      {
        name: "prod",
        region: "us-east-1",
        backend: { type: "s3", bucket: "state", region: "us-east-1" },
        clients: [
          { name: "Reporting", roles: [{ name: "Analytics Viewer" }], secretDelivery: "secrets-manager-rotation", secretsManager: { name: "genesys/prod/reporting" } },
          { name: "Export", roles: [{ name: "Analytics Viewer" }], secretDelivery: "secrets-manager-rotation", secretsManager: { name: "genesys/prod/export" }, rotation: { strategy: "alternating-clients" } },
          { name: "Portal", roles: [{ name: "Analytics Viewer" }] },
        ],
      },
    ],
  });
});

afterAll(async () => {
  jest.restoreAllMocks();
  process.env = savedEnv;
  await sm.stop();
  await genesys.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

beforeEach(() => {
  sm.secrets.clear();
  sm.create("admin", JSON.stringify({ clientId: ADMIN_ID, clientSecret: ADMIN_SECRET }));
  sm.create("genesys/prod/reporting");
  sm.create("genesys/prod/export");
  genesys.client(ADMIN_ID, ADMIN_SECRET, true);
  genesys.client(CLIENT_A, "initial-a-" + fake(ALNUM, 24, 1));
  genesys.client(CLIENT_B, "initial-b-" + fake(ALNUM, 24, 2));
  genesys.client(CLIENT_C, "initial-c-" + fake(ALNUM, 24, 3));
  genesys.script.regenerate = [];
});

async function rotate(args: string[]) {
  // Each option once (a second --endpoint is refused): the test's own --endpoint replaces the stand-in's.
  const endpoint = args.includes("--endpoint") ? [] : ["--endpoint", sm.endpoint];
  const r = await capture((io) => secretGuard(["rotate", "--config", configFile, ...endpoint, "--poll-ms", "20", ...args], io), { env: { ...process.env, ...ENV } });
  expectNoLeaks([ADMIN_SECRET, ...genesys.issued], [["stdout", r.stdout], ["stderr", r.stderr], ["the rotation function's logs", logs.join("\n")]]);
  return r;
}

it("rotates every rotated client of the environment and waits for AWSCURRENT", async () => {
  const r = await rotate([]);
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^\[ok\] rotate: Reporting \(genesys\/prod\/reporting\): AWSCURRENT is now version [0-9a-f-]{36} /);
  expect(lines[1]).toMatch(/^\[ok\] rotate: Export \(genesys\/prod\/export\): AWSCURRENT is now version /);
  expect(genesys.works(CLIENT_A, JSON.parse(sm.value("genesys/prod/reporting")!).clientSecret)).toBe(true);
  expect(genesys.works(CLIENT_B, JSON.parse(sm.value("genesys/prod/export")!).clientSecret)).toBe(true);
});

it("rotates one client by name", async () => {
  const r = await rotate(["--client", "Export"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("Export (genesys/prod/export)");
  expect(r.stdout).not.toContain("Reporting");
  expect(sm.value("genesys/prod/reporting")).toBeUndefined();
});

it("a rotation that fails is reported after the timeout, exit 1", async () => {
  genesys.script.regenerate.push("403");
  const r = await rotate(["--client", "Reporting", "--timeout-ms", "800"]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^\[FAIL\] rotate: Reporting \(genesys\/prod\/reporting\): version .* did not become AWSCURRENT within 0.8 s/);
});

it("a second rotation while one is incomplete is refused by Secrets Manager: one line, exit 1", async () => {
  genesys.script.regenerate.push("403");
  await rotate(["--client", "Reporting", "--timeout-ms", "100"]);
  const r = await rotate(["--client", "Reporting", "--timeout-ms", "100"]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/InvalidRequestException: A previous rotation isn't complete/);
});

it.each([
  [["--client", "Portal"], /--client \(argument \d+\) is not a client of environment prod with secretDelivery secrets-manager-rotation/],
  [["--environment", "staging"], /--environment \(argument \d+\) is not an environment of/],
  [["--timeout-ms", "soon"], /--timeout-ms must be a whole number/],
  [["--endpoint", "http://example.com"], /--endpoint must be https/],
])("bad input %j: one line naming the field, exit 2", async (args, message) => {
  const r = await rotate(args as string[]);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(message);
});
