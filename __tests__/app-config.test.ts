import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Testing } from "cdktf";
import { withTargetVersions } from "../engine/target-versions";
import { loadConfig, parseConfig } from "../app/config";
import { buildApp } from "../app/build-app";
import { GenesysConfigError } from "../constructs/errors";
import { fleetConfig, writeConfig } from "./support/fleet";
import { tempDir } from "./support/terraform-runner";
import { CHILD_LIMITS } from "./support/child-limits";
import { expectNoLeaks } from "./support/leak-check";

const ROOT = path.resolve(__dirname, "..");
const MAIN = path.join(ROOT, "dist", "main.js");

function configError(config: unknown, file = "fleet.json"): string {
  try {
    const fleet = parseConfig(config, file);
    buildApp(Testing.app({ context: withTargetVersions() }), fleet, {});
  } catch (e) {
    if (e instanceof GenesysConfigError) return e.message;
    throw e;
  }
  return "";
}

function mutate(fn: (c: any) => void): any {
  const c = fleetConfig(1, 3);
  fn(c);
  return c;
}

function runMain(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN], { ...CHILD_LIMITS, cwd: ROOT, env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as any).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("fleet config", () => {
  test("the default config loads: one environment reproducing the tutorial, corrected", () => {
    const fleet = loadConfig(path.join(ROOT, "genesys-oauth.config.json"));
    expect(fleet.environments).toHaveLength(1);
    const [env] = fleet.environments;
    expect(env.backend).toEqual(expect.objectContaining({ type: "s3", bucket: "my-terraform-state-bucket", key: "gen-integration/terraform.tfstate" }));
    expect(env.clients[0]).toEqual(expect.objectContaining({ grantType: "CLIENT-CREDENTIALS", secretDelivery: "secrets-manager-rotation" }));
  });

  test("3 environments x 20 clients synthesize 3 stacks with 20 clients each", () => {
    const app = Testing.app({ context: withTargetVersions() });
    const stacks = buildApp(app, parseConfig(fleetConfig(3, 20), "fleet.json"), {});
    expect(stacks.map((s) => s.node.id)).toEqual(["genesys-oauth-env-0", "genesys-oauth-env-1", "genesys-oauth-env-2"]);
    for (const s of stacks) {
      const doc = JSON.parse(Testing.synth(s));
      expect(Object.keys(doc.resource.genesyscloud_oauth_client)).toHaveLength(20);
      expect(doc.terraform.backend.s3).toEqual(expect.objectContaining({ encrypt: true, use_lockfile: true, key: `genesys-oauth/${s.node.id.replace("genesys-oauth-", "")}/terraform.tfstate` }));
    }
  });

  test.each([
    ["unknown grant type", (c: any) => (c.environments[0].clients[1].grantType = "client_credentials"),
      /^fleet\.json: environments\[0\]\.clients\[1\]\.grantType must be one of CODE, TOKEN, SAML2BEARER, SAML2-BEARER, PASSWORD, CLIENT-CREDENTIALS \(got "client_credentials"\)$/],
    ["missing roles", (c: any) => delete c.environments[0].clients[0].roles,
      /^fleet\.json: environments\[0\]\.clients\[0\]: GenesysOAuthClient client-integration-0-0: roles must list at least one role for grantType CLIENT-CREDENTIALS$/],
    ["bad region", (c: any) => (c.environments[0].region = "mycompany.mygen.com"),
      /^fleet\.json: environments\[0\]\.region must be one of us-east-1, .* \(got "mycompany\.mygen\.com"\)$/],
    ["unencrypted backend", (c: any) => (c.environments[0].backend = { encrypt: false }),
      /^fleet\.json: environments\[0\]\.backend\.encrypt must be true: state holds secrets, unencrypted backends are refused \(got false\)$/],
    ["local backend", (c: any) => (c.environments[0].backend = { type: "local" }),
      /^fleet\.json: environments\[0\]\.backend\.type must be one of s3, cloud \(got "local"\)$/],
    ["unknown field", (c: any) => (c.environments[0].clients[2].grant_types = ["x"]),
      /^fleet\.json: environments\[0\]\.clients\[2\]: unknown field "grant_types"; allowed: name, description, grantType, /],
    ["token lifetime", (c: any) => (c.environments[0].clients[0].tokenLifetimeSeconds = 100),
      /^fleet\.json: environments\[0\]\.clients\[0\]\.tokenLifetimeSeconds must be at least 300 \(got 100\)$/],
    ["duplicate client name", (c: any) => (c.environments[0].clients[2].name = "integration 0-0"),
      /^fleet\.json: environments\[0\]\.clients\[2\]\.name "integration 0-0" duplicates environments\[0\]\.clients\[0\] in the same org \(Genesys would answer 409\)$/],
    ["names that share one Terraform address", (c: any) => (c.environments[0].clients[2].name = "Integration-0 0"),
      /^fleet\.json: environments\[0\]\.clients\[2\]\.name "Integration-0 0" and environments\[0\]\.clients\[0\]\.name "Integration 0-0" differ only in punctuation/],
    ["a string that could be a pasted secret is not echoed", (c: any) => (c.environments[0].clients[0].tokenLifetimeSeconds = "Zq8v0Tn3KxPasted"),
      /^fleet\.json: environments\[0\]\.clients\[0\]\.tokenLifetimeSeconds must be a whole number$/],
    ["duplicate environment", (c: any) => c.environments.push({ ...c.environments[0], clients: [] }),
      /^fleet\.json: environments\[1\]\.name "env-0" is already used by environments\[0\]$/],
    ["dynamodb locking without table", (c: any) => (c.environments[0].backend = { locking: "dynamodb" }),
      /^fleet\.json: environments\[0\]\.backend\.dynamodbTable is required for locking "dynamodb"$/],
  ])("%s: one line naming the file, the path and what is allowed", (_name, fn, message) => {
    const err = configError(mutate(fn));
    expect(err).toMatch(message);
    expect(err).not.toContain("\n");
  });

  test("the same name in two different orgs is fine", () => {
    const c = fleetConfig(2, 1);
    c.environments[1].clients[0].name = c.environments[0].clients[0].name;
    expect(configError(c)).toBe("");
  });

  test("an HCP Terraform (cloud) backend is accepted and synthesized", () => {
    const c = fleetConfig(1, 3); // client 2 keeps its secret in state (secrets-manager): needs an encrypted backend
    c.environments[0].backend = { type: "cloud", organization: "acme", workspace: "genesys-prod" };
    const [s] = buildApp(Testing.app({ context: withTargetVersions() }), parseConfig(c, "f.json"), {});
    const doc = JSON.parse(Testing.synth(s));
    expect(doc.terraform.cloud).toEqual(expect.objectContaining({ organization: "acme", workspaces: { name: "genesys-prod" } }));
    expect(doc.terraform.backend).toBeUndefined();
    // The guard takes HCP Terraform as encrypted and locked: no backend findings at all.
    const out = Testing.fullSynth(s);
    const report = JSON.parse(fs.readFileSync(path.join(out, "stacks", s.node.id, "secret-guard.json"), "utf8"));
    expect(report.findings).toEqual([]);
  });

  test("an adopted client synthesizes an import block with its id", () => {
    const c = fleetConfig(1, 1);
    c.environments[0].clients[0].adoptClientId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    const [s] = buildApp(Testing.app({ context: withTargetVersions() }), parseConfig(c, "f.json"), {});
    const doc = JSON.parse(Testing.synth(s));
    expect(doc.import).toEqual([
      expect.objectContaining({ id: "7c9e6679-7425-40de-944b-e07fc1f90ae7", to: expect.stringMatching(/^genesyscloud_oauth_client\./) }),
    ]);
  });
});

describe("the app (dist/main.js)", () => {
  test("synthesizes the default config: real genesyscloud schema names, random_password, sensitive outputs, encrypted locked backend, no credentials", async () => {
    const out = tempDir("synth");
    const planted = "Pl4nted" + "Adm1nSecr3t" + "Qz7Wx2Vb9Nk4";
    const r = await runMain({
      CDKTF_OUTDIR: out,
      GENESYSCLOUD_OAUTHCLIENT_ID: "11111111-2222-4333-8444-555555555555",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: planted,
      GENESYSCLOUD_REGION: "us-east-1",
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const file = path.join(out, "stacks", "gen-integration", "cdk.tf.json");
    const text = fs.readFileSync(file, "utf8");
    expectNoLeaks(planted, [["cdk.tf.json", text], ["stdout", r.stdout], ["stderr", r.stderr]]);
    expect(text).not.toContain("11111111-2222-4333-8444-555555555555");
    const doc = JSON.parse(text);
    expect(doc.terraform.required_providers.genesyscloud.source).toBe("registry.terraform.io/mypurecloud/genesyscloud");
    const client = Object.values<any>(doc.resource.genesyscloud_oauth_client)[0];
    expect(client).toEqual(expect.objectContaining({ name: "Production-API-Client", authorized_grant_type: "CLIENT-CREDENTIALS", expose_client_secret: false }));
    expect(client.client_secret).toBeUndefined();
    expect(Object.values<any>(doc.resource.random_password)[0]).toEqual(expect.objectContaining({ length: 64, special: false }));
    expect(Object.values<any>(doc.output).filter((o) => o.sensitive === true).length).toBeGreaterThanOrEqual(1);
    expect(doc.terraform.backend.s3).toEqual(expect.objectContaining({ encrypt: true, use_lockfile: true, kms_key_id: "alias/terraform-state" }));
    for (const v of Object.values<any>(doc.resource.aws_secretsmanager_secret_version)) {
      expect(v.secret_string).toBeUndefined();
      expect(v.secret_string_wo).toMatch(/^\$\{/);
    }
    expect(fs.existsSync(path.join(out, "stacks", "gen-integration", "secret-guard.sarif"))).toBe(true);
    // What CI runs next: the audit of the synthesized output is clean (no literal secrets, ids are not secrets).
    const audit = await new Promise<{ code: number; out: string }>((resolve) =>
      execFile(process.execPath, [path.join(ROOT, "dist", "genesys-pack", "cli.js"), "audit", out], CHILD_LIMITS, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as any).code ?? 1) : 0, out: stdout + stderr }),
      ),
    );
    expect(audit.out).toMatch(/0 errors, 0 warnings, 0 info in 1 file/);
    expect(audit.code).toBe(0);
  });

  test("bad config: exit 2, one line on stderr naming file and path, no stack trace, nothing written", async () => {
    const out = path.join(tempDir("synth-bad"), "cdktf.out");
    const file = writeConfig(mutate((c) => (c.environments[0].clients[0].grantType = "client_credentials")));
    const r = await runMain({ CDKTF_OUTDIR: out, GENESYS_OAUTH_CONFIG: file });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: .*genesys-oauth\.config\.json: environments\[0\]\.clients\[0\]\.grantType must be one of /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a config file that is not JSON or does not exist: exit 2 with one line", async () => {
    const file = writeConfig("{");
    fs.writeFileSync(file, "{ not json");
    const bad = await runMain({ GENESYS_OAUTH_CONFIG: file, CDKTF_OUTDIR: path.join(tempDir("x"), "o") });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/not valid JSON/);
    // V8 quotes the text around a JSON error; the config loader must not (it could be a pasted secret).
    const pasted = "Zq8v0Tn3KxPastedSecret0123456789";
    fs.writeFileSync(file, `{\n  "environments": [],\n  "client_secret": ${pasted}\n}`);
    const quoted = await runMain({ GENESYS_OAUTH_CONFIG: file, CDKTF_OUTDIR: path.join(tempDir("x"), "o") });
    expect(quoted.code).toBe(2);
    expect(quoted.stderr).toMatch(/not valid JSON \(at line 3, column 20\)/);
    expectNoLeaks(pasted, [["stderr", quoted.stderr], ["stdout", quoted.stdout]]);
    const missing = await runMain({ GENESYS_OAUTH_CONFIG: "/nonexistent/config.json", CDKTF_OUTDIR: path.join(tempDir("x"), "o") });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: \/nonexistent\/config\.json: cannot read config \(ENOENT\)/);
  });
});

describe("config files as people write them (newcomer item 7)", () => {
  let dir = "";
  beforeEach(() => (dir = tempDir("config-words")));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the documented config example (docs/config.md), with its // comments, loads as written", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs", "config.md"), "utf8");
    const example = /```jsonc\n([\s\S]*?)```/.exec(doc)![1];
    expect(example).toMatch(/\/\/ /);
    const file = path.join(dir, "readme.json");
    fs.writeFileSync(file, example);
    const fleet = loadConfig(file);
    expect(fleet.environments.map((e) => e.stackName)).toEqual(["genesys-oauth-prod"]);
    expect(() => buildApp(Testing.app({ context: withTargetVersions() }), fleet, {})).not.toThrow();
  });

  test("a UTF-8 byte-order mark and /* */ comments are accepted; // inside strings is kept", () => {
    const text = fs.readFileSync(path.join(ROOT, "genesys-oauth.config.json"), "utf8");
    const file = path.join(dir, "bom.json");
    fs.writeFileSync(file, "\uFEFF/* fleet */\n" + text.replace('"environments"', '// the orgs\n  "environments"'));
    expect(loadConfig(file).environments).toHaveLength(1);
  });

  test("a JSON mistake after comments still names the right line and column", () => {
    const file = path.join(dir, "broken.json");
    fs.writeFileSync(file, '{\n  // comment\n  "environments": [,]\n}\n');
    expect(() => loadConfig(file)).toThrow(/broken\.json: not valid JSON \(at line 3, column 20\)$/);
  });

  test.each([
    ["blank name", (c: any) => (c.environments[0].clients[0].name = "   "), /clients\[0\]\.name must not be empty or only spaces$/],
    ["empty name", (c: any) => (c.environments[0].clients[0].name = ""), /clients\[0\]\.name must not be empty$/],
    ["role id not a UUID", (c: any) => (c.environments[0].clients[0].roles = [{ id: "Admin" }]), /roles\[0\]\.id must be an id: a lowercase UUID such as /],
    ["scopes not a list", (c: any) => (c.environments[0].clients[0].scopes = "a"), /scopes must be a list \(\[\.\.\.\]\)$/],
  ])("validator messages in words: %s", (_n, fn, message) => {
    const err = configError(mutate(fn));
    expect(err).toMatch(message);
    expect(err).not.toMatch(/must match pattern|must NOT have|fewer than/);
  });
});
