// Real Terraform, offline: init/validate of the synthesized AWS part, the encrypted S3 backend against a real
// S3-compatible server (s3rver) on loopback, and plans proving where a handed-over secret ends up.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DataResource, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { EncryptedS3Backend } from "../index";
import { awsPart, HANDOFF_VARIABLE, offlineAwsProvider } from "./support/aws-part";
import { startLocalS3 } from "./support/local-s3";
import { itWithTerraform, OFFLINE_AWS_ENV, tempDir, terraform, terraformOk } from "./support/terraform-runner";
import { CHILD_LIMITS } from "./support/child-limits";
import { expectNoLeaks } from "./support/leak-check";

const ROOT = path.resolve(__dirname, "..");
// A planted secret: it must show up exactly where the test expects, and never anywhere else.
const PLANTED = "Tf-planted-Handoff-Secret-7a9c4e1b2d3f5a6b8c0d";

/**
 * The default config with its client on the write-only hand-off (secretDelivery secrets-manager), which these tests
 * are about; the default config itself now uses secrets-manager-rotation (see rotation-stack.test.ts).
 */
function synthDefaultApp(): any {
  const out = tempDir("default-synth");
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, "genesys-oauth.config.json"), "utf8"));
  config.environments[0].clients[0].secretDelivery = "secrets-manager";
  const file = path.join(out, "write-only.config.json");
  fs.writeFileSync(file, JSON.stringify(config));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, "dist", "main.js")], { ...CHILD_LIMITS, cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: out, GENESYS_OAUTH_CONFIG: file } }, (err) => {
      if (err) return reject(err);
      resolve(JSON.parse(fs.readFileSync(path.join(out, "stacks", "gen-integration", "cdk.tf.json"), "utf8")));
    });
  });
}

function writeConfig(doc: any): string {
  const dir = tempDir("tf");
  fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(doc, null, 2));
  return dir;
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

const itTf = itWithTerraform();

describe("real Terraform on the synthesized AWS part", () => {
  itTf("init and validate pass offline", async () => {
    const doc = awsPart(await synthDefaultApp(), { ephemeral: true });
    delete doc.terraform.backend;
    offlineAwsProvider(doc);
    const dir = writeConfig(doc);
    await terraformOk(dir, ["init", "-backend=false", "-input=false", "-no-color"]);
    const v = await terraformOk(dir, ["validate", "-json", "-no-color"]);
    expect(JSON.parse(v.stdout)).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
    // The hand-off really is write-only in the app's own output.
    const versions = Object.values<any>(doc.resource.aws_secretsmanager_secret_version);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    for (const v2 of versions) expect(v2.secret_string_wo).toBe(`\${var.${HANDOFF_VARIABLE}}`);
  });

  itTf("the write-only hand-off keeps the secret out of plan JSON and the binary plan; secret_string would not", async () => {
    const base = awsPart(await synthDefaultApp(), { ephemeral: true });
    delete base.terraform.backend;
    offlineAwsProvider(base);

    const env = { ...OFFLINE_AWS_ENV, [`TF_VAR_${HANDOFF_VARIABLE}`]: PLANTED };
    const woDir = writeConfig(base);
    await terraformOk(woDir, ["init", "-backend=false", "-input=false", "-no-color"]);
    await terraformOk(woDir, ["plan", "-input=false", "-no-color", "-lock=false", "-out=plan.bin"], env);
    const woJson = (await terraformOk(woDir, ["show", "-json", "plan.bin"], env)).stdout;
    expect(JSON.parse(woJson).resource_changes.some((c: any) => c.type === "aws_secretsmanager_secret_version")).toBe(true);
    expect(occurrences(woJson, PLANTED)).toBe(0);
    expect(fs.readFileSync(path.join(woDir, "plan.bin")).includes(Buffer.from(PLANTED))).toBe(false);

    // The same hand-off through the plain argument, as the tutorial did it.
    const plain = JSON.parse(JSON.stringify(base));
    plain.variable[HANDOFF_VARIABLE] = { type: "string", sensitive: true };
    for (const v of Object.values<any>(plain.resource.aws_secretsmanager_secret_version)) {
      v.secret_string = v.secret_string_wo;
      delete v.secret_string_wo;
      delete v.secret_string_wo_version;
    }
    const plainDir = writeConfig(plain);
    await terraformOk(plainDir, ["init", "-backend=false", "-input=false", "-no-color"]);
    await terraformOk(plainDir, ["plan", "-input=false", "-no-color", "-lock=false", "-out=plan.bin"], env);
    const plainJson = (await terraformOk(plainDir, ["show", "-json", "plan.bin"], env)).stdout;
    expect(occurrences(plainJson, PLANTED)).toBeGreaterThanOrEqual(3);

    // And the guard sees the difference in the same two plans.
    fs.writeFileSync(path.join(woDir, "plan.json"), woJson);
    fs.writeFileSync(path.join(plainDir, "plan.json"), plainJson);
    const audit = (file: string) =>
      new Promise<{ code: number; out: string; err: string }>((resolve) =>
        execFile(
          process.execPath,
          [path.join(ROOT, "dist", "genesys-pack", "cli.js"), "audit", file, "--format", "json", "--known-env", "PLANTED_SECRET"],
          { ...CHILD_LIMITS, env: { ...process.env, PLANTED_SECRET: PLANTED } },
          (err, stdout, stderr) => resolve({ code: err ? ((err as any).code ?? 1) : 0, out: stdout, err: stderr }),
        ),
      );
    const woAudit = await audit(path.join(woDir, "plan.json"));
    const plainAudit = await audit(path.join(plainDir, "plan.json"));
    expectNoLeaks(PLANTED, [woAudit, plainAudit].flatMap((a, i): Array<[string, string]> => [[`audit ${i} stdout`, a.out], [`audit ${i} stderr`, a.err]]));
    expect(JSON.parse(woAudit.out).findings).toEqual([]);
    expect(plainAudit.code).toBe(1);
    expect(JSON.parse(plainAudit.out).findings.length).toBeGreaterThanOrEqual(3);
  });
});

describe("EncryptedS3Backend against a real S3-compatible server", () => {
  itTf("apply writes state to the bucket, encrypted with the KMS key, locked with use_lockfile", async () => {
    const bucket = "genesys-state-test";
    const s3 = await startLocalS3(bucket);
    try {
      const stack = new TerraformStack(Testing.app(), "backend");
      new EncryptedS3Backend(stack, {
        bucket,
        key: "genesys-oauth/test/terraform.tfstate",
        region: "us-east-1",
        kmsKeyId: "alias/terraform-state",
        endpoints: { s3: s3.endpoint },
        usePathStyle: true,
        skipCredentialsValidation: true,
        skipRequestingAccountId: true,
        skipMetadataApiCheck: true,
        skipRegionValidation: true,
        skipS3Checksum: true,
      });
      const secret = new TerraformVariable(stack, "secret", { type: "string", sensitive: true });
      new DataResource(stack, "holder", { input: { client_secret: secret.stringValue } });
      const dir = writeConfig(JSON.parse(Testing.synth(stack)));
      // s3rver accepts signed requests only with its own well-known test keys.
      const env = { ...OFFLINE_AWS_ENV, AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", TF_VAR_secret: PLANTED };
      await terraformOk(dir, ["init", "-input=false", "-no-color"], env);
      const apply = await terraform(dir, ["apply", "-auto-approve", "-input=false", "-no-color"], env);
      expect(apply.stderr).toBe("");
      expect(apply.code).toBe(0);
      expectNoLeaks(PLANTED, [["terraform apply output", apply.stdout]]);

      // State is in the bucket, not on disk.
      const stored = path.join(s3.directory, bucket, "genesys-oauth", "test");
      expect(fs.readdirSync(stored).some((f) => f.startsWith("terraform.tfstate"))).toBe(true);
      expect(fs.existsSync(path.join(dir, "terraform.tfstate"))).toBe(false);

      const puts = s3.requests.filter((r) => r.method === "PUT");
      const statePut = puts.find((r) => r.path.includes("terraform.tfstate") && !r.path.includes(".tflock"));
      expect(statePut?.headers["x-amz-server-side-encryption"]).toBe("aws:kms");
      expect(statePut?.headers["x-amz-server-side-encryption-aws-kms-key-id"]).toBe("alias/terraform-state");
      // use_lockfile: a .tflock object was written before the state and removed after.
      expect(puts.some((r) => r.path.includes("terraform.tfstate.tflock"))).toBe(true);
      expect(s3.requests.some((r) => r.method === "DELETE" && r.path.includes("terraform.tfstate.tflock"))).toBe(true);
    } finally {
      await s3.stop();
    }
  });
});
