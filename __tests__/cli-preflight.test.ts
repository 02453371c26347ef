// `secret-guard preflight DIR`: before cdktf diff/deploy, the credentials each synthesized stack needs are there.
// The real app's synth output and cdk.tf.json fixtures, the built CLI, the real AWS SDK v3 chain (a shared
// credentials file in a temp HOME for the profile case; IMDS at a closed loopback port).
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { CLI, genesysSecret, tempDir } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";

const ROOT = path.resolve(__dirname, "..");
const dirs: string[] = [];
let home = "";
let closedPort = 0;
let synth = "";

function dir(prefix: string): string {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
}

beforeAll(async () => {
  home = dir("sg-pre-home-");
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  closedPort = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  // The default app, synthesized as `cdktf synth` would (s3 backend, aws and genesyscloud providers).
  synth = dir("sg-pre-synth-");
  execFileSync(process.execPath, [path.join(ROOT, "dist", "app.js")], { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: synth }, stdio: "ignore" });
});
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The built CLI with only these variables (nothing from this machine's AWS_*, GENESYSCLOUD_* or TF_*). */
function preflight(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, "preflight", ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: home, AWS_EC2_METADATA_SERVICE_ENDPOINT: `http://127.0.0.1:${closedPort}`, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A cdktf output folder with these stacks (name -> cdk.tf.json document). */
function outdir(stacks: Record<string, unknown>): string {
  const out = dir("sg-pre-out-");
  const manifest: Record<string, unknown> = {};
  for (const [name, doc] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(out, "stacks", name), { recursive: true });
    fs.writeFileSync(path.join(out, "stacks", name, "cdk.tf.json"), JSON.stringify(doc));
    manifest[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}` };
  }
  fs.writeFileSync(path.join(out, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks: manifest }));
  return out;
}

const GENESYS = { GENESYSCLOUD_OAUTHCLIENT_ID: "0b5b7c4e-0000-4000-8000-000000000000", GENESYSCLOUD_OAUTHCLIENT_SECRET: genesysSecret(), GENESYSCLOUD_REGION: "us-east-1" };
const AWS_KEYS = { AWS_ACCESS_KEY_ID: "AKIAPLANTED000000000", AWS_SECRET_ACCESS_KEY: "planted/secret/key/000000000000000000000" };
const NO_AWS = "set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an instance role is available";
const planted = [GENESYS.GENESYSCLOUD_OAUTHCLIENT_SECRET, AWS_KEYS.AWS_SECRET_ACCESS_KEY];

function expectNoSecret(r: { stdout: string; stderr: string }) {
  expectNoLeaks(planted, [["stdout", r.stdout], ["stderr", r.stderr]]);
}

describe("the default app's synth output", () => {
  test("nothing configured: one line per missing credential, exit 2", () => {
    const r = preflight([synth]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        `error: stack gen-integration: no AWS credentials for the s3 backend (bucket my-terraform-state-bucket) and the aws provider (region us-east-1): ${NO_AWS}`,
        "error: stack gen-integration: no Genesys Cloud credentials (GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET not set) for the genesyscloud provider: set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN",
        "error: stack gen-integration: no Genesys Cloud region for the genesyscloud provider: set GENESYSCLOUD_REGION to a region key such as us-east-1",
        "",
      ].join("\n"),
    });
  });

  test("everything in the environment: nothing printed, exit 0 (for the output folder and for one stack's folder)", () => {
    for (const target of [synth, path.join(synth, "stacks", "gen-integration")]) {
      const r = preflight([target], { ...AWS_KEYS, ...GENESYS });
      expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    }
  });

  test.each([
    ["only the client id", { GENESYSCLOUD_OAUTHCLIENT_ID: GENESYS.GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_REGION: "us-east-1" }, "no Genesys Cloud credentials (GENESYSCLOUD_OAUTHCLIENT_SECRET not set) for the genesyscloud provider: set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN"],
    ["a region that is no region key", { ...GENESYS, GENESYSCLOUD_REGION: "mypurecloud.com" }, "GENESYSCLOUD_REGION is not a Genesys Cloud region key for the genesyscloud provider: use one of "],
  ])("Genesys env: %s", (_what, genesys, message) => {
    const r = preflight([synth], { ...AWS_KEYS, ...genesys });
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([expect.stringContaining(`error: stack gen-integration: ${message}`)]);
    expectNoSecret(r);
  });

  test("an access token (with the region) is enough for the genesyscloud provider", () => {
    expect(preflight([synth], { ...AWS_KEYS, GENESYSCLOUD_ACCESS_TOKEN: "planted-token-000000", GENESYSCLOUD_REGION: "us-east-1" })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("AWS_PROFILE: resolved through the shared credentials file in HOME; a profile that is not there is named", () => {
    const aws = path.join(home, ".aws");
    fs.mkdirSync(aws, { recursive: true });
    fs.writeFileSync(path.join(aws, "credentials"), `[deploy]\naws_access_key_id = AKIAPLANTED000000001\naws_secret_access_key = ${AWS_KEYS.AWS_SECRET_ACCESS_KEY}\n`);
    try {
      expect(preflight([synth], { ...GENESYS, AWS_PROFILE: "deploy" })).toEqual({ code: 0, stdout: "", stderr: "" });
      const r = preflight([synth], { ...GENESYS, AWS_PROFILE: "staging" });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        "error: stack gen-integration: no AWS credentials from profile staging for the s3 backend (bucket my-terraform-state-bucket) and the aws provider (region us-east-1): define it in ~/.aws/credentials or ~/.aws/config (or AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE), or run aws sso login --profile staging if it uses SSO\n",
      );
    } finally {
      fs.rmSync(aws, { recursive: true, force: true });
    }
  });
});

describe("backends and provider blocks", () => {
  const cloud = (extra: Record<string, unknown> = {}) => ({ terraform: { cloud: { organization: "acme", workspaces: { name: "prod" }, ...extra } } });

  test("a cloud backend needs a token for its host: TF_TOKEN_<host>, TFE_TOKEN or terraform login's file", () => {
    const out = outdir({ hcp: cloud(), tfe: cloud({ hostname: "tfe.example-corp.com" }) });
    const r = preflight([out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        "error: stack hcp: no HCP Terraform token for the cloud backend (app.terraform.io, organization acme): set TFE_TOKEN or TF_TOKEN_app_terraform_io, or run terraform login app.terraform.io",
        "error: stack tfe: no HCP Terraform token for the cloud backend (tfe.example-corp.com, organization acme): set TFE_TOKEN or TF_TOKEN_tfe_example__corp_com, or run terraform login tfe.example-corp.com",
        "",
      ].join("\n"),
    );
    expect(preflight([out], { TF_TOKEN_app_terraform_io: "planted.atlasv1.token", TF_TOKEN_tfe_example__corp_com: "planted.atlasv1.token" }).code).toBe(0);
    expect(preflight([out], { TFE_TOKEN: "planted.atlasv1.token" }).code).toBe(0);
    const cliDir = dir("sg-pre-tfrc-");
    fs.writeFileSync(path.join(cliDir, "credentials.tfrc.json"), JSON.stringify({ credentials: { "app.terraform.io": { token: "planted.atlasv1.token" } } }));
    const saved = preflight([out], { TF_CLI_CONFIG_DIR: cliDir });
    expect(saved.stderr).toBe("error: stack tfe: no HCP Terraform token for the cloud backend (tfe.example-corp.com, organization acme): set TFE_TOKEN or TF_TOKEN_tfe_example__corp_com, or run terraform login tfe.example-corp.com\n");
  });

  test("a remote backend too; a token written in the block counts", () => {
    const out = outdir({
      old: { terraform: { backend: { remote: { organization: "acme", workspaces: { name: "prod" } } } } },
      inline: { terraform: { backend: { remote: { organization: "acme", token: "planted.atlasv1.token", workspaces: { name: "prod" } } } } },
    });
    expect(preflight([out]).stderr).toBe(
      "error: stack old: no HCP Terraform token for the remote backend (app.terraform.io, organization acme): set TFE_TOKEN or TF_TOKEN_app_terraform_io, or run terraform login app.terraform.io\n",
    );
  });

  test("provider blocks that set their own credentials, and a local backend, need nothing from the environment", () => {
    const out = outdir({
      app: {
        terraform: { backend: { local: { path: "terraform.tfstate" } } },
        provider: {
          aws: [{ region: "eu-west-1", access_key: "${var.key}", secret_key: "${var.secret}" }],
          genesyscloud: [{ oauthclient_id: "${var.id}", oauthclient_secret: "${var.secret}", aws_region: "eu-west-1" }],
          random: [{}],
        },
      },
    });
    expect(preflight([out])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("an aliased provider block is named by its alias; a block's profile is resolved on its own", () => {
    const out = outdir({
      app: {
        terraform: { backend: { s3: { bucket: "acme-state", key: "app.tfstate", region: "eu-west-1" } } },
        provider: { aws: [{ region: "eu-west-1" }, { alias: "audit", region: "us-east-1", profile: "audit-ro" }], genesyscloud: [{ alias: "eu", aws_region: "eu-west-1" }] },
      },
    });
    const r = preflight([out], AWS_KEYS);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        "error: stack app: no AWS credentials from profile audit-ro for the aws provider (alias audit) (region us-east-1): define it in ~/.aws/credentials or ~/.aws/config (or AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE), or run aws sso login --profile audit-ro if it uses SSO",
        "error: stack app: no Genesys Cloud credentials (GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET not set) for the genesyscloud provider (alias eu): set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET, or GENESYSCLOUD_ACCESS_TOKEN",
        "",
      ].join("\n"),
    );
    expectNoSecret(r);
  });
});

describe("--stack and bad input", () => {
  const two = () =>
    outdir({
      "needs-aws": { terraform: { backend: { s3: { bucket: "acme-state", key: "a.tfstate", region: "eu-west-1" } } } },
      "needs-nothing": { terraform: { backend: { local: {} } } },
    });

  test("--stack checks only the named stacks; repeatable", () => {
    const out = two();
    expect(preflight([out, "--stack", "needs-nothing"])).toEqual({ code: 0, stdout: "", stderr: "" });
    const both = preflight([out, "--stack", "needs-nothing", "--stack", "needs-aws"]);
    expect(both.stderr).toBe(`error: stack needs-aws: no AWS credentials for the s3 backend (bucket acme-state): ${NO_AWS}\n`);
  });

  test.each([
    ["an unknown stack", (out: string) => [out, "--stack", "nope"], /^secret-guard preflight: --stack \(argument 4\) is not a stack in .*; stacks: needs-aws, needs-nothing\n$/],
    ["no DIR", () => [], /^secret-guard preflight: expected one DIR, got 0 arguments; usage: secret-guard preflight DIR \[--stack NAME\]\.\.\.\n$/],
    ["a DIR that does not exist", (out: string) => [path.join(out, "nope")], /^secret-guard preflight: DIR .*nope: no such file or folder\n$/],
    ["a folder that is no synth output", () => [dir("sg-pre-empty-")], /^secret-guard preflight: DIR .*: neither a cdktf output folder \(manifest\.json\) nor a stack folder \(cdk\.tf\.json\); run cdktf synth first\n$/],
    ["a mistyped option", (out: string) => [out, "--stak", "x"], /^error: unknown option --stak for secret-guard preflight \(did you mean --stack\?\); see secret-guard preflight --help\n$/],
  ])("%s: one line, exit 2", (_what, args, message) => {
    const r = preflight(args(two()));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });

  test("a cdk.tf.json that is not JSON names the file", () => {
    const out = two();
    fs.writeFileSync(path.join(out, "stacks", "needs-aws", "cdk.tf.json"), "{ not json");
    const r = preflight([out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`secret-guard preflight: ${path.join(out, "stacks", "needs-aws", "cdk.tf.json")}: not JSON\n`);
  });
});
