// Precision of the audit end to end (the built CLI): documented examples are warnings, enum values and
// hand-written *.tf.json files do not trip the synth rules, copies are whole tokens and never name their own
// place; and, from a REAL plan made by terraform, provider credentials named like secrets, a password in a
// user_data script, a token in base64 user_data and a symbol-laden password in a variable are found, never printed.
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";
import { fake, ALNUM, BASE32, withChecksum } from "../guard/detectors/families/sample-values";
import { itWithTerraform, tempDirsRemovedAfterAll, terraform } from "./support/terraform-runner";

const tempDir = tempDirsRemovedAfterAll();
const itTf = itWithTerraform();

interface Found {
  ruleId: string;
  severity: string;
  pointer: string;
  address: string;
  attribute: string;
  message: string;
}

function audit(file: string): { code: number; findings: Found[]; stdout: string; stderr: string } {
  const r = runCli(["audit", "--format", "json", "--fail-on", "error", file]);
  let findings: Found[] = [];
  try {
    findings = JSON.parse(r.stdout).findings;
  } catch {
    throw new Error(`no JSON report (exit ${r.code}): ${r.stderr.split("\n")[0].slice(0, 200)}`);
  }
  return { code: r.code, findings, stdout: r.stdout, stderr: r.stderr };
}

const summary = (fs_: Found[]) => fs_.map((f) => `${f.ruleId} ${f.severity} ${f.pointer}`);

/** A version 4 state with one resource instance; `sensitive` lists attribute names Terraform marked. */
function state(type: string, name: string, attributes: Record<string, unknown>, sensitive: string[] = []): object {
  return {
    version: 4,
    terraform_version: "1.11.4",
    serial: 1,
    lineage: "3f1c2b4a-0d9e-4c7b-8a6f-5e4d3c2b1a09",
    outputs: {},
    resources: [
      {
        mode: "managed",
        type,
        name,
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 0, attributes, sensitive_attributes: sensitive.map((a) => [{ type: "get_attr", value: a }]) }],
      },
    ],
    check_results: null,
  };
}

describe("documented example values are warnings, never errors", () => {
  it("AWS's documented example key pair in a Lambda environment: SG107 warnings, exit 0, no copies", () => {
    const dir = tempDir("sg-precision-");
    const keyId = "AK" + "IA" + "IOSFODNN7" + "EXA" + "MPLE";
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXA" + "MPLE" + "KEY";
    const file = path.join(dir, "terraform.tfstate");
    const env = { AWS_ACCESS_KEY_ID: keyId, AWS_SECRET_ACCESS_KEY: secret, NOTE: `uses ${keyId}` };
    fs.writeFileSync(file, JSON.stringify(state("aws_lambda_function", "fn", { function_name: "fn", environment: [{ variables: env }] })));
    const r = audit(file);
    const ids = summary(r.findings);
    expect(ids).toEqual(
      expect.arrayContaining([
        "SG107 warning /resources/0/instances/0/attributes/environment/0/variables/AWS_ACCESS_KEY_ID",
        "SG107 warning /resources/0/instances/0/attributes/environment/0/variables/AWS_SECRET_ACCESS_KEY",
      ]),
    );
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.findings.every((f) => f.ruleId === "SG107" && /documented example value/.test(f.message))).toBe(true);
    expect(r.code).toBe(0);
  });
});

describe("an example never hides a real secret", () => {
  it("the word example inside a real schema-sensitive password keeps it an error; a documented example beside a live key does not hide the key", () => {
    const dir = tempDir("sg-precision-");
    const password = fake(ALNUM, 6, 671) + "-example-" + fake(ALNUM, 12, 672);
    const pwFile = path.join(dir, "pw.tfstate");
    fs.writeFileSync(pwFile, JSON.stringify(state("aws_db_instance", "db", { identifier: "db", password })));
    expect(audit(pwFile).findings.filter((f) => f.attribute === "password").map((f) => `${f.ruleId} ${f.severity}`)).toEqual(["SG102 error"]);
    const live = "s" + "k_live_" + fake(ALNUM, 24, 673);
    const content = "AWS_ACCESS_KEY_ID=" + "AKIA" + "IOSFODNN7" + "EXAMPLE\nstripe_key = " + live + "\n";
    const mixFile = path.join(dir, "mix.tfstate");
    fs.writeFileSync(mixFile, JSON.stringify(state("local_file", "f", { filename: "x.env", content })));
    const mix = audit(mixFile);
    expect(mix.findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(["SG140 error"]);
    expectNoLeaks([password, live], { stdout: mix.stdout, stderr: mix.stderr });
  });
});

describe("synth rules on configuration files", () => {
  it("an enum value under a secret-like name (customer_master_key_spec) is not a literal secret; a real one is", () => {
    const dir = tempDir("sg-precision-");
    const file = path.join(dir, "cdk.tf.json");
    const apiPassword = fake(ALNUM, 24, 611);
    fs.writeFileSync(
      file,
      JSON.stringify({
        "//": { metadata: { backend: "s3", stackName: "app", version: "0.21.0" }, outputs: {} },
        terraform: { backend: { s3: { bucket: "b", key: "k", region: "us-east-1", encrypt: true, use_lockfile: true, kms_key_id: "alias/k" } } },
        resource: {
          aws_kms_key: { k: { customer_master_key_spec: "SYMMETRIC_DEFAULT", key_usage: "ENCRYPT_DECRYPT" } },
          aws_s3_bucket_server_side_encryption_configuration: { e: { bucket: "b", rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms" } }] } },
          aws_db_instance: { db: { master_password: apiPassword, engine: "postgres" } },
        },
      }),
    );
    const r = audit(file);
    const ids = summary(r.findings);
    expect(ids.filter((s) => s.includes("aws_kms_key") || s.includes("server_side"))).toEqual([]);
    expect(ids.some((s) => s.endsWith("/resource/aws_db_instance/db/master_password"))).toBe(true);
    expectNoLeaks(apiPassword, [["stdout", r.stdout], ["stderr", r.stderr]]);
  });

  it("a hand-written locals.tf.json / variables.tf.json: no backend or output rules, literal secrets still found", () => {
    const dir = tempDir("sg-precision-");
    const token = withChecksum("gh" + "p_", 612);
    const locals = path.join(dir, "locals.tf.json");
    const variables = path.join(dir, "variables.tf.json");
    fs.writeFileSync(locals, JSON.stringify({ locals: { name: "app", api_token: token } }));
    fs.writeFileSync(variables, JSON.stringify({ variable: { region: { type: "string", default: "us-east-1" } }, output: { region: { value: "${var.region}" } } }));
    const l = audit(locals);
    expect(l.findings.map((f) => f.ruleId).filter((id) => /^SG0(0[13-6]|1[12])$/.test(id))).toEqual([]);
    expect(l.findings.some((f) => f.pointer === "/locals/api_token" && f.severity === "error")).toBe(true);
    expectNoLeaks(token, [["stdout of the audit of locals.tf.json", l.stdout], ["its stderr", l.stderr]]);
    expect(audit(variables).findings).toEqual([]);
    // The same document with cdktf's metadata is a whole stack: "no backend" applies.
    const stack = path.join(dir, "cdk.tf.json");
    fs.writeFileSync(stack, JSON.stringify({ "//": { metadata: { version: "0.21.0", stackName: "app", backend: "local" } }, locals: { name: "app" } }));
    expect(audit(stack).findings.map((f) => f.ruleId)).toContain("SG003");
  });
});

describe("copies (SG103)", () => {
  it("a short schema-sensitive value inside resource names is not a copy; a random secret copied into a tag is", () => {
    const dir = tempDir("sg-precision-");
    const strong = fake(ALNUM, 28, 621);
    const file = path.join(dir, "terraform.tfstate");
    const doc: any = state("terraform_data", "x", { input: { value: { api_key: "cc-testapi", token: strong }, type: ["object", {}] }, output: null }, []);
    doc.resources[0].instances[0].sensitive_attributes = [
      [{ type: "get_attr", value: "input" }, { type: "get_attr", value: "api_key" }],
      [{ type: "get_attr", value: "input" }, { type: "get_attr", value: "token" }],
    ];
    doc.resources.push({
      mode: "managed",
      type: "aws_s3_bucket",
      name: "logs",
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 0, attributes: { bucket: "cc-testapi-logs", id: "cc-testapi-logs", tags: { Name: "cc-testapi", note: `token=${strong};`, owner: `team-${strong}-x` } }, sensitive_attributes: [] }],
    });
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = audit(file);
    const copies = r.findings.filter((f) => f.ruleId === "SG103");
    expect(copies.map((f) => f.pointer)).toEqual(["/resources/1/instances/0/attributes/tags/note"]);
    expect(copies[0].message).toContain("from terraform_data.x input.token");
    expectNoLeaks(strong, [["stdout", r.stdout], ["stderr", r.stderr]]);
  });

  it("a message never names the finding's own place as the origin of its copy", () => {
    const dir = tempDir("sg-precision-");
    const pw = "Zq9#xK2$mP4!vL7&nR8*wQ3" + fake(ALNUM, 6, 622);
    const file = path.join(dir, "plan.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        format_version: "1.2",
        terraform_version: "1.11.4",
        variables: { db_admin_password: { value: pw } },
        planned_values: { root_module: {} },
        resource_changes: [],
        configuration: { root_module: { variables: { db_admin_password: {} } } },
      }),
    );
    const r = audit(file);
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) {
      const own = f.attribute ? `${f.address} ${f.attribute}` : f.address;
      expect(f.message.includes(`from ${own}`)).toBe(false);
    }
    expectNoLeaks(pw, [["stdout", r.stdout], ["stderr", r.stderr]]);
  });
});

describe("a real plan: provider credentials, user_data and variables", () => {
  itTf("finds each planted value at its place, names provider address and attribute, never prints a value", async () => {
    const dir = tempDir("sg-precision-plan-");
    const keyId = "AK" + "IA" + fake(BASE32, 16, 631);
    const secretKey = fake(ALNUM + "+/", 40, 632);
    const sessionToken = fake(ALNUM, 28, 633); // no token shape: found by the provider argument's name
    const scriptPassword = fake(ALNUM, 22, 634);
    const ghToken = withChecksum("gh" + "p_", 635);
    const variablePassword = "Zq9#xK2$mP4!vL7&" + fake(ALNUM, 8, 636) + "*wQ3";
    fs.writeFileSync(
      path.join(dir, "main.tf"),
      [
        `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "5.100.0" }\n  }\n}`,
        `variable "db_admin_password" {\n  type = string\n}`,
        `provider "aws" {\n  region = "us-east-1"\n  access_key = "${keyId}"\n  secret_key = "${secretKey}"\n  token = "${sessionToken}"\n` +
          `  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n}`,
        `resource "aws_instance" "web" {\n  ami = "ami-12345678"\n  instance_type = "t3.micro"\n  user_data = <<-EOT\n    #!/bin/bash\n    export DB_PASSWORD='${scriptPassword}'\n  EOT\n}`,
        `resource "aws_instance" "b64" {\n  ami = "ami-12345678"\n  instance_type = "t3.micro"\n  user_data_base64 = base64encode("#!/bin/bash\\ncurl -H 'Authorization: token ${ghToken}' https://api.github.com/user\\n")\n}`,
        ``,
      ].join("\n\n"),
    );
    const masked = (text: string) => [keyId, secretKey, sessionToken, scriptPassword, ghToken, variablePassword].reduce((t, v) => t.split(v).join("<planted>"), text);
    const ok = async (args: string[]) => {
      const res = await terraform(dir, args);
      if (res.code !== 0) throw new Error(`terraform ${args[0]} failed: ${masked(res.stderr).slice(0, 600)}`);
      return res;
    };
    await ok(["init", "-input=false"]);
    await ok(["plan", "-input=false", "-var", `db_admin_password=${variablePassword}`, "-out", "tfplan"]);
    const planFile = path.join(dir, "plan.json");
    fs.writeFileSync(planFile, (await ok(["show", "-json", "tfplan"])).stdout);
    const plan = JSON.parse(fs.readFileSync(planFile, "utf8"));
    // The corpus is sound: the values sit where the test looks.
    const pe = plan.configuration.provider_config.aws.expressions;
    expect([pe.access_key.constant_value === keyId, pe.secret_key.constant_value === secretKey, pe.token.constant_value === sessionToken]).toEqual([true, true, true]);
    const web = plan.configuration.root_module.resources.findIndex((x: any) => x.address === "aws_instance.web");
    const b64 = plan.resource_changes.findIndex((x: any) => x.address === "aws_instance.b64");
    expect(web).toBeGreaterThanOrEqual(0);
    expect(b64).toBeGreaterThanOrEqual(0);

    const r = audit(planFile);
    const at = (pointer: string) => r.findings.find((f) => f.pointer === pointer);
    for (const attr of ["access_key", "secret_key", "token"]) {
      const f = at(`/configuration/provider_config/aws/expressions/${attr}/constant_value`);
      expect(f ? `${f.severity} ${f.address} ${f.attribute}` : `none at provider ${attr}`).toBe(`error provider.aws ${attr}`);
    }
    const script = at(`/configuration/root_module/resources/${web}/expressions/user_data/constant_value`);
    expect(script ? script.severity : "none at user_data").toBe("error");
    const encoded = at(`/resource_changes/${b64}/change/after/user_data_base64`);
    expect(encoded ? encoded.severity : "none at user_data_base64").toBe("error");
    expect(at("/variables/db_admin_password/value") ? "found" : "none at the variable").toBe("found");
    const planted = [keyId, secretKey, sessionToken, scriptPassword, ghToken, variablePassword];
    expectNoLeaks(planted, [["json stdout", r.stdout], ["json stderr", r.stderr]]);
    // Text and SARIF say no more than JSON.
    for (const format of ["text", "sarif"]) {
      const t = runCli(["audit", "--format", format, "--fail-on", "none", planFile]);
      expectNoLeaks(planted, [[`${format} stdout`, t.stdout], [`${format} stderr`, t.stderr]]);
    }
  });
});
