// The rotation delivery as synthesized by the app: the stack deploys the very bundle the handler tests ran (same
// file, same hash), nothing references client_secret, real Terraform inits, validates and plans the AWS part
// offline, and the guard's audit finds no secret in the synthesized stack or in the plan JSON.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { createHash } from "node:crypto";
import { awsPart, offlineAwsProvider } from "./support/aws-part";
import { BUNDLE_ZIP } from "./support/rotation-bundle";
import { itWithTerraform, OFFLINE_AWS_ENV, tempDirsRemovedAfterAll, terraformOk } from "./support/terraform-runner";
import { CHILD_LIMITS } from "./support/child-limits";

const ROOT = path.resolve(__dirname, "..");
const CLIENT_ID = "c0ffee00-1234-4567-89ab-0123456789ab";
const temp = tempDirsRemovedAfterAll();

const ROTATION_CONFIG = {
  defaults: { client: { grantType: "CLIENT-CREDENTIALS" }, backend: { type: "s3", bucket: "state-bucket", region: "us-east-1", kmsKeyId: "alias/tf" } },
  environments: [
    {
      name: "prod",
      stackName: "gen-rotation",
      region: "eu-west-1",
      aws: { region: "eu-west-1" },
      clients: [
        { name: "Reporting API", roles: [{ name: "Analytics Viewer" }], secretDelivery: "secrets-manager-rotation", secretsManager: { name: "genesys/prod/reporting" } },
        {
          name: "Export API",
          roles: [{ name: "Analytics Viewer" }],
          secretDelivery: "secrets-manager-rotation",
          secretsManager: { name: "genesys/prod/export", kmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/0b1c2d3e-4f50-4a1b-8c2d-3e4f5a6b7c8d" },
          rotation: { strategy: "alternating-clients", automaticallyAfterDays: 7 },
        },
      ],
      rotationFunction: { adminSecret: "genesys/prod/rotation-admin", logRetentionDays: 365 },
    },
  ],
};

function run(cmd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(cmd, args, { ...CHILD_LIMITS, cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

async function synth(config?: object): Promise<{ out: string; stackDir: string; doc: any }> {
  const out = temp("rotation-synth");
  const env: Record<string, string> = { CDKTF_OUTDIR: out };
  if (config) {
    env.GENESYS_OAUTH_CONFIG = path.join(out, "config.json");
    fs.writeFileSync(env.GENESYS_OAUTH_CONFIG, JSON.stringify(config));
  }
  const r = await run(process.execPath, [path.join(ROOT, "dist", "main.js")], env);
  if (r.code !== 0) throw new Error(`synth failed: ${r.stderr}`);
  const stack = config ? "gen-rotation" : "gen-integration";
  const stackDir = path.join(out, "stacks", stack);
  return { out, stackDir, doc: JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8")) };
}

const b64sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("base64");

describe("secrets-manager-rotation stack", () => {
  it("Lambda's 4 KB environment: 20 rotated clients synthesize; 60 fail at synth in one line each (exit 2), not at apply", async () => {
    const config = (n: number) => {
      const c = JSON.parse(JSON.stringify(ROTATION_CONFIG));
      c.environments[0].clients = Array.from({ length: n }, (_, i) => ({
        name: `Client ${i}`,
        roles: [{ name: "Analytics Viewer" }],
        secretDelivery: "secrets-manager-rotation",
        secretsManager: { name: `genesys/prod/client-${i}` },
      }));
      return c;
    };
    const { doc } = await synth(config(20));
    expect(Object.keys(doc.resource.aws_secretsmanager_secret_rotation)).toHaveLength(20);
    const out = temp("rotation-env");
    const file = path.join(out, "config.json");
    fs.writeFileSync(file, JSON.stringify(config(60)));
    const r = await run(process.execPath, [path.join(ROOT, "dist", "main.js")], { CDKTF_OUTDIR: path.join(out, "cdktf.out"), GENESYS_OAUTH_CONFIG: file });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: \[gen-rotation\/secret-rotation\] RotationFunction gen-rotation\/secret-rotation: 60 rotated clients need about \d+ bytes of Lambda environment at apply, over Lambda's 4096-byte limit/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("the default config rotates: no client_secret anywhere, the secret has no value from Terraform", async () => {
    const { doc, stackDir } = await synth();
    const text = JSON.stringify(doc);
    // No reference to the attribute, no argument of that name (an output named ..._client_secret_arn is fine).
    expect(text).not.toMatch(/\.client_secret\b|"client_secret"|"directory_client_secret"/);
    expect(Object.keys(doc.resource.aws_secretsmanager_secret_version ?? {}).filter((k) => k.includes("production-api-client"))).toEqual([]);
    const client = Object.values<any>(doc.resource.genesyscloud_oauth_client)[0];
    expect(client.expose_client_secret).toBe(false);
    const rotation = Object.values<any>(doc.resource.aws_secretsmanager_secret_rotation)[0];
    expect(rotation).toEqual(expect.objectContaining({ rotate_immediately: true, rotation_rules: { automatically_after_days: 30 } }));
    // The guard's synth report is clean, and so is an audit of the synthesized folder.
    expect(JSON.parse(fs.readFileSync(path.join(stackDir, "secret-guard.json"), "utf8")).findings).toEqual([]);
    const audit = await run(process.execPath, [path.join(ROOT, "dist", "genesys-pack", "cli.js"), "audit", stackDir, "--format", "json", "--no-ignore-file"]);
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout).findings).toEqual([]);
  });

  it("deploys the bundle the handler tests ran: same file, same hash; least-privilege role and its own log group", async () => {
    const { doc, stackDir } = await synth(ROTATION_CONFIG);
    const fns = Object.values<any>(doc.resource.aws_lambda_function);
    expect(fns).toHaveLength(1); // one function per environment
    const fn = fns[0];
    const deployed = path.join(stackDir, fn.filename);
    expect(fs.readFileSync(deployed).equals(fs.readFileSync(BUNDLE_ZIP))).toBe(true);
    expect(fn.source_code_hash).toBe(b64sha(BUNDLE_ZIP));
    expect(fn.timeout).toBe(60);
    // The app (dist/main.js) is on cdktf's AWS provider 5.100.0, which knows nodejs22.x at most (rotation-runtime.test.ts).
    expect(fn.runtime).toBe("nodejs22.x");
    expect(fn.environment.variables.GENESYS_REGION).toBe("eu-west-1");
    expect(fn.environment.variables.ROTATION_ADMIN_SECRET_ID).toBe("genesys/prod/rotation-admin");
    const clients = JSON.parse(fn.environment.variables.ROTATION_CLIENTS.replace(/\$\{[^}]+\}/g, CLIENT_ID));
    expect(clients.map((c: any) => [c.secret, c.strategy, c.clientIds.length])).toEqual([
      ["genesys/prod/reporting", "single-client", 1],
      ["genesys/prod/export", "alternating-clients", 2],
    ]);
    expect(Object.keys(doc.resource.genesyscloud_oauth_client)).toHaveLength(3);
    const policy: string = Object.values<any>(doc.resource.aws_iam_role_policy)[0].policy;
    expect(policy).toContain('"secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"');
    expect(policy).not.toMatch(/secretsmanager:\*|"Resource" = "\*"[^}]*secretsmanager:Put/);
    expect(policy).toContain("secret:genesys/prod/rotation-admin-??????");
    // The region through the data source's `id` (its `name` is deprecated on AWS 6: a warning on every plan).
    expect(policy).toMatch(/secretsmanager:\$\{data\.aws_region\.[\w-]+\.id\}:/);
    expect(JSON.stringify(doc)).not.toMatch(/data\.aws_region\.[\w-]+\.name/);
    expect(policy).toContain("kms:Decrypt");
    expect(Object.values<any>(doc.resource.aws_cloudwatch_log_group)[0]).toEqual(expect.objectContaining({ retention_in_days: 365 }));
    const perms = Object.values<any>(doc.resource.aws_lambda_permission);
    expect(perms).toHaveLength(2);
    for (const p of perms) expect(p).toEqual(expect.objectContaining({ principal: "secretsmanager.amazonaws.com", action: "lambda:InvokeFunction" }));
    const rotations = Object.values<any>(doc.resource.aws_secretsmanager_secret_rotation).map((r) => r.rotation_rules.automatically_after_days);
    expect(rotations.sort()).toEqual([30, 7]);
  });

  it("a bad rotation setting is one line naming the field, exit 2", async () => {
    const bad = JSON.parse(JSON.stringify(ROTATION_CONFIG));
    bad.environments[0].clients[1].rotation.strategy = "blue-green";
    const out = temp("rotation-bad");
    const file = path.join(out, "config.json");
    fs.writeFileSync(file, JSON.stringify(bad));
    const r = await run(process.execPath, [path.join(ROOT, "dist", "main.js")], { CDKTF_OUTDIR: out, GENESYS_OAUTH_CONFIG: file });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("environments[0].clients[1].rotation.strategy must be one of single-client, alternating-clients");
  });

  itWithTerraform()("real Terraform: init, validate and plan offline; the plan JSON holds no secret and audits clean", async () => {
    const { doc, stackDir } = await synth(ROTATION_CONFIG);
    const text = JSON.stringify(doc).replace(/\$\{genesyscloud_oauth_client\.[A-Za-z0-9_-]+\.id\}/g, CLIENT_ID);
    const part = awsPart(JSON.parse(text), { ephemeral: false });
    delete part.terraform.backend;
    delete part.variable;
    offlineAwsProvider(part);
    const dir = temp("rotation-tf");
    fs.cpSync(path.join(stackDir, "assets"), path.join(dir, "assets"), { recursive: true });
    fs.writeFileSync(path.join(dir, "main.tf.json"), JSON.stringify(part, null, 2));
    await terraformOk(dir, ["init", "-backend=false", "-input=false", "-no-color"]);
    const v = await terraformOk(dir, ["validate", "-json", "-no-color"]);
    expect(JSON.parse(v.stdout)).toEqual(expect.objectContaining({ valid: true, error_count: 0 }));
    await terraformOk(dir, ["plan", "-input=false", "-no-color", "-lock=false", "-out=plan.bin"], OFFLINE_AWS_ENV);
    const planJson = (await terraformOk(dir, ["show", "-json", "plan.bin"], OFFLINE_AWS_ENV)).stdout;
    const plan = JSON.parse(planJson);
    const types = plan.resource_changes.map((c: any) => c.type);
    for (const t of ["aws_lambda_function", "aws_lambda_permission", "aws_iam_role", "aws_iam_role_policy", "aws_cloudwatch_log_group", "aws_secretsmanager_secret", "aws_secretsmanager_secret_rotation"]) {
      expect(types).toContain(t);
    }
    expect(types).not.toContain("aws_secretsmanager_secret_version");
    const fn = plan.resource_changes.find((c: any) => c.type === "aws_lambda_function");
    expect(fn.change.after.source_code_hash).toBe(b64sha(BUNDLE_ZIP));
    expect(planJson).not.toMatch(/client_secret|secret_string/);
    fs.writeFileSync(path.join(dir, "plan.json"), planJson);
    const audit = await run(process.execPath, [path.join(ROOT, "dist", "genesys-pack", "cli.js"), "audit", path.join(dir, "plan.json"), "--format", "json", "--no-ignore-file", "--fail-on", "info"]);
    expect(audit.stderr).toBe("");
    expect(JSON.parse(audit.stdout).findings).toEqual([]);
    expect(audit.code).toBe(0);
  });
});
