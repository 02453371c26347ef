// Credential errors are one line everywhere (issue 19, item 6): the built CLI, the real AWS SDK v3 credential chain,
// a temp HOME, and the instance metadata service pointed at a closed loopback port, so nothing depends on whether
// this machine has one. Also: no SDK or deprecation warning, and the end-of-life note only on a terminal, once.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { endOfLifeNote, quietRuntimeNotices } from "../guard/commands/runtime-notices";
import { CLI, tempDir } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";

const ROOT = path.resolve(__dirname, "..");
let home = "";
let closedPort = 0;
const dirs: string[] = [];

beforeAll(async () => {
  home = tempDir("sg-cred-home-");
  dirs.push(home);
  // A port that was just free: connecting to it is refused at once.
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  closedPort = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
});
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The CLI with only these variables (no AWS_*, GENESYSCLOUD_* or TF_* from the machine), HOME a temp folder. */
function cli(args: string[], env: Record<string, string> = {}, cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: home, AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${closedPort}`, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fleetConfig(): string {
  const d = tempDir("sg-cred-cfg-");
  dirs.push(d);
  const file = path.join(d, "fleet.json");
  fs.copyFileSync(path.join(ROOT, "genesys-oauth.config.json"), file);
  return file;
}

const NO_AWS = "set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an instance role is available";

describe("AWS credentials", () => {
  test("rotate without any: one line, exit 2, before any request; no SDK warning", () => {
    const r = cli(["rotate", "--config", fleetConfig(), "--endpoint", `http://127.0.0.1:${closedPort}`]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: `error: no AWS credentials for secret-guard rotate (environment prod): ${NO_AWS}\n` });
  });

  test("rotate with a profile that is not defined: names the profile and where to define it", () => {
    const r = cli(["rotate", "--config", fleetConfig()], { AWS_PROFILE: "deploy-role" });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: no AWS credentials from profile deploy-role for secret-guard rotate (environment prod): define it in ~/.aws/credentials or ~/.aws/config (or AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE), or run aws sso login --profile deploy-role if it uses SSO\n",
    );
  });

  test("rotate with a profile from the shared credentials file gets past the credential check (the secret key never printed)", () => {
    const aws = path.join(home, ".aws");
    fs.mkdirSync(aws, { recursive: true });
    const secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTEDKEY0";
    fs.writeFileSync(path.join(aws, "credentials"), `[deploy]\naws_access_key_id = AKIAPLANTED000000000\naws_secret_access_key = ${secretKey}\n`);
    try {
      // Secrets Manager is a closed port: the rotation itself fails (exit 1), one line per client, no warning.
      const r = cli(["rotate", "--config", fleetConfig(), "--endpoint", `http://127.0.0.1:${closedPort}`], { AWS_PROFILE: "deploy", AWS_MAX_ATTEMPTS: "1" });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("");
      expect(r.stdout.trim().split("\n").every((l) => /^\[FAIL\] rotate: /.test(l))).toBe(true);
      expectNoLeaks(secretKey, [["stdout", r.stdout], ["stderr", r.stderr]]);
    } finally {
      fs.rmSync(aws, { recursive: true, force: true });
    }
  });

  test("audit s3:// without any: one line naming the URL, exit 2", () => {
    const r = cli(["audit", "s3://acme-state/prod/terraform.tfstate"], { AWS_REGION: "eu-west-1" });
    expect(r).toEqual({ code: 2, stdout: "", stderr: `error: no AWS credentials for s3://acme-state/prod/terraform.tfstate: ${NO_AWS}\n` });
  });

  test("doctor --state s3:// without any: the same line, before any check", () => {
    const r = cli(["doctor", "--config", fleetConfig(), "--state", "s3://acme-state/prod/terraform.tfstate"], {
      AWS_REGION: "eu-west-1",
      GENESYSCLOUD_ACCESS_TOKEN: "planted-token-000000",
      GENESYSCLOUD_REGION: "us-east-1",
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`error: no AWS credentials for s3://acme-state/prod/terraform.tfstate: ${NO_AWS}\n`);
  });
});

describe("Genesys and HCP Terraform credentials", () => {
  test("doctor without Genesys credentials: one line, exit 2", () => {
    const r = cli(["doctor", "--config", fleetConfig()], { GENESYSCLOUD_OAUTHCLIENT_ID: "0b5b7c4e-0000-4000-8000-000000000000", GENESYSCLOUD_REGION: "us-east-1" });
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "error: no Genesys Cloud credentials (GENESYSCLOUD_OAUTHCLIENT_SECRET not set) for secret-guard doctor (environment prod): set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET with GENESYSCLOUD_REGION, or GENESYSCLOUD_ACCESS_TOKEN\n",
    });
  });

  test("audit --from-stack of a cloud backend without a token: one line, exit 2", () => {
    const d = tempDir("sg-cred-cloud-");
    dirs.push(d);
    fs.writeFileSync(path.join(d, "cdk.tf.json"), JSON.stringify({ terraform: { cloud: { organization: "acme", workspaces: { name: "prod" } } } }));
    const r = cli(["audit", "--from-stack", d]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: no HCP Terraform token for https://app.terraform.io/app/acme/workspaces/prod: set TFE_TOKEN or TF_TOKEN_app_terraform_io, or run terraform login app.terraform.io\n",
    });
  });
});

describe("runtime notices", () => {
  test("the SDK's NodeVersionSupportWarning and deprecation warnings are off, even when the SDK is loaded and asked to warn", () => {
    // Static keys reach Secrets Manager (a closed port): the SDK client is built and used.
    const r = cli(["rotate", "--config", fleetConfig(), "--endpoint", `http://127.0.0.1:${closedPort}`], {
      AWS_ACCESS_KEY_ID: "AKIAPLANTED000000000",
      AWS_SECRET_ACCESS_KEY: "planted-secret-key-0000000000000000000000",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "false",
      AWS_MAX_ATTEMPTS: "1",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toMatch(/Warning|planted-secret-key/);
  });

  test("a process warning that is not a deprecation still shows", () => {
    const r = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(path.join(ROOT, "dist", "guard", "commands", "runtime-notices.js"))}).quietRuntimeNotices({ write() {} }); process.emitWarning("kept", "ExperimentalWarning"); process.emitWarning("dropped", "DeprecationWarning");`], { encoding: "utf8" });
    expect(r.stderr).toMatch(/ExperimentalWarning: kept/);
    expect(r.stderr).not.toMatch(/dropped/);
  });

  test("the end-of-life note: Node < 22 only, on a terminal only, once per process", () => {
    expect(endOfLifeNote("v20.19.2")).toBe("note: Node 20 is past its end of life (2026-04-30); use Node 22, 24 or 26");
    expect(endOfLifeNote("v18.20.0")).toBe("note: Node 18 is past its end of life (2025-04-30); use Node 22, 24 or 26");
    for (const v of ["v22.0.0", "v24.1.0", "v26.0.0"]) expect(endOfLifeNote(v)).toBeUndefined();
    const written: string[] = [];
    const terminal = { isTTY: true, write: (t: string) => written.push(t) };
    const noted = process.env.GENESYS_OAUTH_EOL_NOTED;
    // An npm script that already said it (scripts/launcher/node-support.js) keeps its child quiet.
    process.env.GENESYS_OAUTH_EOL_NOTED = "1";
    quietRuntimeNotices(terminal, "v20.19.2");
    delete process.env.GENESYS_OAUTH_EOL_NOTED;
    quietRuntimeNotices(terminal, "v22.11.0");
    quietRuntimeNotices({ isTTY: false, write: (t: string) => written.push(t) }, "v20.19.2");
    expect(written).toEqual([]);
    quietRuntimeNotices(terminal, "v20.19.2");
    if (noted !== undefined) process.env.GENESYS_OAUTH_EOL_NOTED = noted;
    quietRuntimeNotices(terminal, "v20.19.2");
    expect(written).toEqual(["note: Node 20 is past its end of life (2026-04-30); use Node 22, 24 or 26\n"]);
  });

  test("on a real terminal (script's pseudo-terminal) the built CLI on this Node says it once, before its output", () => {
    const major = Number(process.versions.node.split(".")[0]);
    const r = spawnSync("script", ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --version`, "/dev/null"], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: home } });
    expect(r.status).toBe(0);
    const lines = r.stdout.split(/\r?\n/).filter(Boolean);
    const notes = lines.filter((l) => l.startsWith("note: "));
    expect(notes).toEqual(major < 22 ? [`note: Node ${major} is past its end of life (${major === 20 ? "2026-04-30" : "2025-04-30"}); use Node 22, 24 or 26`] : []);
    expect(lines[lines.length - 1]).toMatch(/^secret-guard \d+\.\d+\.\d+/);
  });
});
