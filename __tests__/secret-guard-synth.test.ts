import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { HttpBackend, LocalBackend, S3Backend, TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { withTargetVersions } from "../engine/target-versions";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { GenesyscloudProvider } from "../.gen/providers/genesyscloud/provider";
import { OauthClient } from "../.gen/providers/genesyscloud/oauth-client";
import { IntegrationCredential } from "../.gen/providers/genesyscloud/integration-credential";
import { EncryptedS3Backend, EphemeralResource, GeneratedSecret, GenesysOAuthClient, SecretGuard } from "../index";
import { GENESYS_OAUTH_PACKS } from "../genesys-pack";

const SYNTH_RULES = GENESYS_OAUTH_PACKS.flatMap((p) => p.rules.map((r) => r.info));
import { multitoolErrors, sarifSchemaErrors } from "./support/sarif-validator";
import { expectNoLeaks, filesUnder } from "./support/leak-check";
import { fingerprint } from "../guard/fingerprint";

const ROLE_ID = "0f6b4c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f";
// Planted values: the guard must find them and never print them.
const PLANTED = {
  genesysSecret: "Qm9sZFN0YXJ0X3Rlc3Rfc2VjcmV0X3ZhbHVlXzAwMDE",
  awsKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTEDKEY1",
  password: "planted-Password-for-guard-tests-0003",
};

function guardedStack(backend: "encrypted" | "none" | "plain-s3" | "local" = "encrypted"): TerraformStack {
  const s = new TerraformStack(Testing.app({ context: withTargetVersions() }), "guarded");
  if (backend === "encrypted") new EncryptedS3Backend(s, { bucket: "state-bucket", key: "k/terraform.tfstate", region: "us-east-1", kmsKeyId: "alias/tf" });
  if (backend === "plain-s3") new S3Backend(s, { bucket: "state-bucket", key: "k" });
  if (backend === "local") new LocalBackend(s, {});
  new GenesyscloudProvider(s, "gc", {});
  SecretGuard.of(s);
  return s;
}

/** Output folders of the synths each stack ran (Testing.fullSynth makes one in the temp folder, named only on success). */
const outdirs = new WeakMap<TerraformStack, string[]>();

/** Runs the full synth (aspects, validations, gate); returns the error text, or "" when synth passed. */
function fullSynthError(s: TerraformStack): string {
  const outdirsNow = () => new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("cdktf.outdir.")));
  const before = outdirsNow();
  try {
    Testing.fullSynth(s);
    return "";
  } catch (e) {
    return (e as Error).message;
  } finally {
    const made = [...outdirsNow()].filter((n) => !before.has(n)).map((n) => path.join(os.tmpdir(), n));
    outdirs.set(s, [...(outdirs.get(s) ?? []), ...made]);
  }
}

/**
 * Everything a synth of `s` wrote for people and tools: the error it threw, the report files (secret-guard.json,
 * secret-guard.sarif), the manifest and every construct annotation. Not the stack's cdk.tf.json: that is the
 * configuration itself (the literal the rules report is in it by definition).
 */
function synthOutputs(s: TerraformStack, err: string): Array<[string, string]> {
  const annotations = s.node.findAll().flatMap((c) => c.node.metadata.map((m) => String(m.data)));
  const files = (outdirs.get(s) ?? []).flatMap((dir) => filesUnder(dir, (f) => path.basename(f) !== "cdk.tf.json"));
  return [["synth error", err], ["annotations", annotations.join("\n")], ...files];
}

/**
 * No planted value (a piece of one, an encoding) in anything the synth of `s` wrote. When the aspect failed the
 * synth, no report was written: the stack is synthesized again continuing on error annotations (as a CLI run
 * that does), so the report files of every failing case are read too.
 */
function expectNoPlanted(s: TerraformStack, err: string): void {
  const written = () => (outdirs.get(s) ?? []).some((d) => fs.existsSync(path.join(d, "stacks", s.node.id, "secret-guard.json")));
  if (!written()) {
    (Object.getPrototypeOf(s.synthesizer) as { continueOnErrorAnnotations: boolean }).continueOnErrorAnnotations = true;
    expect(fullSynthError(s)).toBe("");
  }
  const outputs = synthOutputs(s, err);
  expect(outputs.map(([name]) => path.basename(name))).toEqual(expect.arrayContaining(["secret-guard.json", "secret-guard.sarif"]));
  expectNoLeaks(Object.values(PLANTED), outputs);
}

describe("SecretGuard rule pack", () => {
  test("rules are data: unique stable ids, severity, explanation and fix", () => {
    const ids = SYNTH_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of SYNTH_RULES) {
      expect(r.id).toMatch(/^SG0\d\d$/);
      expect(["error", "warning", "info"]).toContain(r.severity);
      expect(r.explanation.length).toBeGreaterThan(20);
      expect(r.fix.length).toBeGreaterThan(10);
    }
  });

  test("a clean stack built from the constructs passes and still writes its reports", () => {
    const s = guardedStack();
    new GenesysOAuthClient(s, "api", { name: "A", roles: [{ id: ROLE_ID }], secretDelivery: "secrets-manager", secretsManager: { name: "x/y" } });
    new AwsProvider(s, "aws", { region: "us-east-1" });
    const g = new GeneratedSecret(s, "gen");
    g.toSensitiveOutput("out");
    g.toSecretsManager({ name: "a/b" });
    const out = Testing.fullSynth(s);
    const dir = path.join(out, "stacks", "guarded");
    const report = JSON.parse(fs.readFileSync(path.join(dir, "secret-guard.json"), "utf8"));
    expect(report.summary.error).toBe(0);
    expect(report.files).toEqual([expect.objectContaining({ kind: "synth" })]);
    const sarif = path.join(dir, "secret-guard.sarif");
    expect(sarifSchemaErrors(JSON.parse(fs.readFileSync(sarif, "utf8")))).toEqual([]);
    expect(multitoolErrors(sarif)).toEqual([]);
  });

  test("SG001: an output of a sensitive attribute without sensitive = true fails with the construct path", () => {
    const s = guardedStack();
    const g = new GeneratedSecret(s, "gen");
    new TerraformOutput(s, "leak", { value: g.value });
    const err = fullSynthError(s);
    expect(err).toMatch(/\[SG001\] output leak takes its value from random_password\.[^.]+\.result but is not marked sensitive/);
    expect(err).toContain("guarded/leak");
  });

  test("SG001 follows sensitive variables and locals", () => {
    const s = guardedStack();
    const v = new TerraformVariable(s, "token", { type: "string", sensitive: true });
    new TerraformOutput(s, "copy", { value: `prefix-${v.stringValue}` });
    expect(fullSynthError(s)).toMatch(/\[SG001\] output copy takes its value from var\.token/);
  });

  test("SG002: literal provider credentials, resource secrets, variable defaults and backend keys; values never printed", () => {
    const s = new TerraformStack(Testing.app({ context: withTargetVersions() }), "guarded");
    new S3Backend(s, { bucket: "state-bucket", key: "k", encrypt: true, secretKey: PLANTED.awsKey, accessKey: "AKIAABCDEFGHIJKLMNOP" });
    s.addOverride("terraform.backend.s3.use_lockfile", true);
    new GenesyscloudProvider(s, "gc", { oauthclientSecret: PLANTED.genesysSecret });
    new AwsProvider(s, "aws", { region: "us-east-1", secretKey: PLANTED.awsKey });
    new IntegrationCredential(s, "cred", { credentialTypeName: "basicAuth", fields: { userName: "svc", password: PLANTED.password } });
    new TerraformVariable(s, "api_password", { type: "string", default: PLANTED.password });
    SecretGuard.of(s);
    const err = fullSynthError(s);
    expect(err).toMatch(/\[SG002\] provider genesyscloud argument oauthclient_secret is a literal secret \(sha256:[0-9a-f]{12}\)/);
    expect(err).toMatch(/\[SG002\] provider aws argument secret_key/);
    expect(err).toMatch(/\[SG002\] genesyscloud_integration_credential\.cred argument fields\.password/);
    expect(err).toMatch(/\[SG002\] variable api_password default/);
    expect(err).toMatch(/\[SG002\] S3 backend setting secret_key/);
    expect(err).not.toMatch(/fields\.userName/);
    expectNoPlanted(s, err);
  });

  test("SG003/SG004/SG005: local backend, no backend, unencrypted or unlocked S3", () => {
    const none = guardedStack("none");
    expect(fullSynthError(none)).toMatch(/\[SG003\] the stack has no backend/);
    const local = guardedStack("local");
    expect(fullSynthError(local)).toMatch(/\[SG003\] the stack uses the local backend/);
    const plain = guardedStack("plain-s3");
    const err = fullSynthError(plain);
    expect(err).toMatch(/\[SG004\] the S3 backend does not set encrypt = true/);
    expect(err).toMatch(/\[SG005\] the S3 backend has no state locking/);
  });

  test("SG002 also covers ephemeral blocks; SG012 warns on a backend it cannot check", () => {
    const s = new TerraformStack(Testing.app({ context: withTargetVersions() }), "guarded");
    new HttpBackend(s, { address: "https://state.example.com/genesys" });
    new EphemeralResource(s, "eph", { type: "random_password", args: { length: 32, override_special: PLANTED.password } });
    const eph = new EphemeralResource(s, "key", { type: "aws_secretsmanager_random_password", args: { password_length: 32 } });
    eph.addOverride("secret_key", PLANTED.awsKey);
    SecretGuard.of(s);
    const err = fullSynthError(s);
    expect(err).toMatch(/\[SG002\] ephemeral\.aws_secretsmanager_random_password\.key argument secret_key is a literal secret/);
    expectNoPlanted(s, err);
    const ok = new TerraformStack(Testing.app({ context: withTargetVersions() }), "guarded");
    new HttpBackend(ok, { address: "https://state.example.com/genesys" });
    SecretGuard.of(ok);
    const out = Testing.fullSynth(ok);
    const report = JSON.parse(fs.readFileSync(path.join(out, "stacks", "guarded", "secret-guard.json"), "utf8"));
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: "SG012", severity: "warning", address: "terraform.backend.http" })]);
  });

  test("SG006 (missing KMS key) is a warning: synth passes, the report records it", () => {
    const s = new TerraformStack(Testing.app({ context: withTargetVersions() }), "guarded");
    new EncryptedS3Backend(s, { bucket: "state-bucket", key: "k" });
    SecretGuard.of(s);
    const out = Testing.fullSynth(s);
    const report = JSON.parse(fs.readFileSync(path.join(out, "stacks", "guarded", "secret-guard.json"), "utf8"));
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: "SG006", severity: "warning", suppressed: false })]);
  });

  test("SG007: client_secret on genesyscloud_oauth_client (the tutorial's mistake), without printing it", () => {
    const s = guardedStack();
    new OauthClient(s, "tutorial", { name: "T", authorizedGrantType: "CLIENT-CREDENTIALS", clientSecret: PLANTED.genesysSecret });
    const err = fullSynthError(s);
    expect(err).toMatch(/\[SG007\] genesyscloud_oauth_client\.tutorial sets client_secret: Genesys generates client secrets/);
    expectNoPlanted(s, err);
  });

  test("SG008: expose_client_secret without an encrypted remote backend", () => {
    const s = guardedStack("plain-s3");
    new OauthClient(s, "c", { name: "T", authorizedGrantType: "CLIENT-CREDENTIALS", exposeClientSecret: true });
    expect(fullSynthError(s)).toMatch(/\[SG008\] genesyscloud_oauth_client\.c keeps its client secret in state/);
  });

  test("SG009 directory_client_secret and SG010 sdk_debug", () => {
    const s = new TerraformStack(Testing.app({ context: withTargetVersions() }), "guarded");
    new EncryptedS3Backend(s, { bucket: "state-bucket", key: "k", kmsKeyId: "alias/x" });
    new GenesyscloudProvider(s, "gc", { sdkDebug: true });
    new OauthClient(s, "c", { name: "T", authorizedGrantType: "CLIENT-CREDENTIALS", directoryClientSecret: "/tmp/secrets" });
    SecretGuard.of(s);
    const err = fullSynthError(s);
    expect(err).toMatch(/\[SG009\] genesyscloud_oauth_client\.c sets directory_client_secret/);
    expect(err).toMatch(/\[SG010\] genesyscloud provider has sdk_debug = true/);
  });

  test("SG011: a secret passed to secret_string while secret_string_wo exists", () => {
    const s = guardedStack();
    new AwsProvider(s, "aws", { region: "us-east-1" });
    const g = new GeneratedSecret(s, "gen");
    const secret = new SecretsmanagerSecret(s, "sm", { name: "x" });
    new SecretsmanagerSecretVersion(s, "v", { secretId: secret.id, secretString: g.value });
    expect(fullSynthError(s)).toMatch(/\[SG011\] aws_secretsmanager_secret_version\.v passes a secret to secret_string.*secret_string_wo/);
  });

  test("the gate sees escape hatches the aspect cannot: an override adding client_secret fails and points at the file", () => {
    const s = guardedStack();
    const c = new GenesysOAuthClient(s, "api", { name: "A", roles: [{ id: ROLE_ID }] });
    s.addOverride(`resource.genesyscloud_oauth_client.${c.client.friendlyUniqueId}.client_secret`, PLANTED.genesysSecret);
    const err = fullSynthError(s);
    expect(err).toMatch(/\[SG007\].*override in .*cdk\.tf\.json#\/resource\/genesyscloud_oauth_client\//);
    expectNoPlanted(s, err);
  });

  test("a map key holding a piece of a secret is printed as its fingerprint, in the error, the reports and the annotations", () => {
    const s = guardedStack();
    const key = "password_" + PLANTED.genesysSecret.slice(4, 16);
    new IntegrationCredential(s, "cred", { credentialTypeName: "basicAuth", fields: { [key]: PLANTED.genesysSecret } });
    const err = fullSynthError(s);
    expect(err).toContain(`[SG002] genesyscloud_integration_credential.cred argument fields.[${fingerprint(key)}]`);
    expectNoPlanted(s, err);
  });

  test("suppressions need a reason of 10+ characters and keep the finding in the report, marked", () => {
    const s = guardedStack();
    const c = new OauthClient(s, "c", { name: "T", authorizedGrantType: "CLIENT-CREDENTIALS", directoryClientSecret: "/secure/tmpfs" });
    expect(() => SecretGuard.suppress(c, "SG009", "short")).toThrow(/at least 10 characters/);
    SecretGuard.suppress(c, "SG009", "tmpfs mounted 0700 for the bootstrap job only");
    const out = Testing.fullSynth(s);
    const report = JSON.parse(fs.readFileSync(path.join(out, "stacks", "guarded", "secret-guard.json"), "utf8"));
    const f = report.findings.find((x: any) => x.ruleId === "SG009");
    expect(f).toEqual(expect.objectContaining({ suppressed: true, severity: "error" }));
    expect(report.summary.error).toBe(0);
    const sarif = path.join(out, "stacks", "guarded", "secret-guard.sarif");
    const result = JSON.parse(fs.readFileSync(sarif, "utf8")).runs[0].results.find((r: any) => r.ruleId === "SG009");
    expect(result.suppressions).toEqual([{ kind: "external", justification: "tmpfs mounted 0700 for the bootstrap job only" }]);
    expect(multitoolErrors(sarif)).toEqual([]);
  });
});
