import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { genesysSecret, randomPassword, runCli, tempDir } from "./support/audit-cli";
import { itWithTerraform, TF } from "./support/terraform-runner";
import { CHILD_LIMITS } from "./support/child-limits";
import { expectNoLeaks } from "./support/leak-check";

/** Real Terraform output, made offline: terraform_data (no provider) and an aws plan (no API calls). */
const tf = TF as { env: Record<string, string> };
const itTf = itWithTerraform();

function terraform(dir: string, args: string[], extraEnv: Record<string, string> = {}): string {
  return execFileSync("terraform", args, { ...CHILD_LIMITS, cwd: dir, encoding: "utf8", env: { ...process.env, ...tf.env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
}

function findings(stdout: string): Map<string, any> {
  return new Map(JSON.parse(stdout).findings.map((f: any) => [f.pointer, f]));
}

describe("secret-guard audit on real Terraform files", () => {
  itTf("terraform_data state: the marked input is a warning, its unmarked copy in output an error", () => {
    const dir = tempDir("sg-tfdata-");
    const secret = genesysSecret();
    fs.writeFileSync(
      path.join(dir, "main.tf"),
      `variable "s" {\n  type = string\n  sensitive = true\n}\nresource "terraform_data" "x" {\n  input = { client_secret = var.s, note = "plain" }\n}\n`,
    );
    terraform(dir, ["init", "-input=false"]);
    terraform(dir, ["apply", "-auto-approve", "-input=false"], { TF_VAR_s: secret });
    const state = path.join(dir, "terraform.tfstate");
    const r = runCli(["audit", "--format", "json", state]);
    expectNoLeaks(secret, [["stdout", r.stdout], ["stderr", r.stderr]]);
    const f = findings(r.stdout);
    expect([...f.keys()].sort()).toEqual([
      "/resources/0/instances/0/attributes/input/value/client_secret",
      "/resources/0/instances/0/attributes/output/value/client_secret",
    ]);
    expect(f.get("/resources/0/instances/0/attributes/input/value/client_secret")).toMatchObject({
      ruleId: "SG101",
      severity: "warning",
      markedSensitive: true,
      address: "terraform_data.x",
      attribute: "input.client_secret",
    });
    expect(f.get("/resources/0/instances/0/attributes/output/value/client_secret")).toMatchObject({
      ruleId: "SG103",
      severity: "error",
      markedSensitive: false,
      attribute: "output.client_secret",
    });
    expect(r.code).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  itTf("aws plan JSON: a jsonencoded password is found in all three places Terraform writes it", () => {
    const dir = tempDir("sg-awsplan-");
    const pw = randomPassword();
    fs.writeFileSync(
      path.join(dir, "main.tf"),
      `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "5.100.0" }\n  }\n}\n` +
        `provider "aws" {\n  region = "us-east-1"\n  access_key = "test"\n  secret_key = "test"\n  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n}\n` +
        `variable "pw" {\n  type = string\n  sensitive = true\n}\n` +
        `resource "aws_secretsmanager_secret" "s" {\n  name = "app"\n}\n` +
        `resource "aws_secretsmanager_secret_version" "v" {\n  secret_id = aws_secretsmanager_secret.s.id\n  secret_string = jsonencode({ password = var.pw })\n}\n`,
    );
    terraform(dir, ["init", "-input=false"]);
    terraform(dir, ["plan", "-input=false", "-out", "tfplan"], { TF_VAR_pw: pw });
    const planJson = terraform(dir, ["show", "-json", "tfplan"]);
    const planFile = path.join(dir, "plan.json");
    fs.writeFileSync(planFile, planJson);
    let copies = 0;
    for (let i = planJson.indexOf(JSON.stringify(pw).slice(1, -1).slice(0, 20)); i >= 0; i = planJson.indexOf(JSON.stringify(pw).slice(1, -1).slice(0, 20), i + 1)) copies++;
    expect(copies).toBeGreaterThanOrEqual(3);
    const r = runCli(["audit", "--format", "json", planFile]);
    expectNoLeaks(pw, [["stdout", r.stdout], ["stderr", r.stderr]]);
    const f = findings(r.stdout);
    const pointers = [...f.keys()].sort();
    expect(pointers).toEqual(
      expect.arrayContaining([
        "/variables/pw/value",
        "/planned_values/root_module/resources/1/values/secret_string",
        "/resource_changes/1/change/after/secret_string",
      ]),
    );
    expect(f.get("/resource_changes/1/change/after/secret_string")).toMatchObject({ ruleId: "SG101", markedSensitive: true, address: "aws_secretsmanager_secret_version.v" });
    expect(f.get("/variables/pw/value")).toMatchObject({ ruleId: "SG101", address: "var.pw" });
    // Provider credentials literal in configuration: schema facts for the aws provider mark neither (dummy "test" values).
    expect(JSON.parse(r.stdout).files).toEqual([{ path: planFile, kind: "plan" }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
