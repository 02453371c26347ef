// Values in sensitive slots (SG104 literals in configuration, SG102 schema-sensitive values Terraform did not mark)
// weighed against their slot: placeholders (also those that only restate the argument: `mock_secret_key`) give no
// finding, weak or dummy values are SG108 warnings, an aws_ssm_parameter of type String is plain text by design
// (SG109 warning, not followed) unless the value has a secret's shape or the parameter a secret's name; real-looking
// values stay errors. Unit samples first, then the stages, then a REAL plan made by terraform and an old state.
import * as fs from "node:fs";
import * as path from "node:path";
import { isSlotPlaceholder } from "../guard/detectors/slot-placeholder";
import { isWeakValue } from "../guard/detectors/weak-value";
import { shippedDetectors } from "../guard/detectors/shipped-detectors";
import { ALNUM, fake, fakePassword, withChecksum } from "../guard/detectors/families/sample-values";
import { MessageKind } from "../guard/audit/compact-finding";
import type { BlockFacts } from "../guard/provider-facts";
import type { Region } from "../guard/audit/locate/piece-layout";
import { ALL_MARKED, NOTHING_MARKED } from "../guard/audit/locate/sensitivity-marks";
import type { StageInput, Verdict } from "../guard/audit/detect/stage";
import { configurationLiteralStage } from "../guard/audit/detect/configuration-literal-stage";
import { providerSchemaStage } from "../guard/audit/detect/provider-schema-stage";
import { terraformMarksStage } from "../guard/audit/detect/terraform-marks-stage";
import { PASS_ONE_STAGES } from "../guard/audit/detect/pass-one-stages";
import { runCli } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";
import { itWithTerraform, tempDirsRemovedAfterAll, terraform } from "./support/terraform-runner";

const tempDir = tempDirsRemovedAfterAll();
const itTf = itWithTerraform();
const shapes = shippedDetectors();

// Planted values: compared, never printed (assertions below report verdicts and rule ids only).
const REAL_PASSWORD = fakePassword(7101, 20);
const REAL_SECRET_KEY = fake(ALNUM + "+/", 40, 7102);
const GH_TOKEN = withChecksum("gh" + "p_", 7103);
const URL_CORE = fake(ALNUM, 18, 7104);
const CONFIG_URL = `https://config.internal.example/${URL_CORE}/v1`;

/** Which of `values` a predicate gets wrong, by index (never the value). */
function wrong(values: readonly string[], test: (v: string) => boolean, expected: boolean): number[] {
  return values.flatMap((v, i) => (test(v) === expected ? [] : [i]));
}

describe("placeholders judged with their slot's name", () => {
  it("values that only restate the slot, say they are unused, or are placeholders by make-up", () => {
    const cases: Array<[string, string]> = [
      ["mock_access_key", "access_key"],
      ["my-access-key", "access_key"],
      ["mock_secret_key", "secret_key"],
      ["my-secret-key", "secret_key"],
      ["mysecretpassword", "master_password"],
      ["MyDbPassword", "db_password"],
      ["unused", "private_key"],
      ["nothing", "master_password"],
      ["not-a-real-token", "token"],
      ["dummy", "password"],
      ["changeme", "password"],
      ["${var.db_password}", "password"],
      ["<token>", "token"],
      ["xxxxxxxxxxxx", "secret_key"],
    ];
    expect(cases.flatMap(([v, slot], i) => (isSlotPlaceholder(v, slot) ? [] : [i]))).toEqual([]);
  });

  it("look-alikes are not placeholders: short words, digits, words that merely start like a credential word, real values", () => {
    const cases: Array<[string, string]> = [
      ["foo", "access_key"],
      ["1234", "access_key"],
      ["foobarbaz", "password"],
      ["Aa1234321Bb", "password"], // runs of three kinds of character: a dummy written to pass a complexity rule
      ["secretariat", "password"],
      ["keyboard", "secret_key"],
      ["passage", "password"],
      ["my-access-key-9", "access_key"],
      [REAL_PASSWORD, "password"],
      [REAL_SECRET_KEY, "secret_key"],
    ];
    expect(cases.flatMap(([v, slot], i) => (isSlotPlaceholder(v, slot) ? [i] : []))).toEqual([]);
  });
});

describe("weak values", () => {
  it("short, plain or mostly runs", () => {
    expect(wrong(["1234", "foo", "bar", "hunter2", "foobarbaz", "password1", "admin123", "Aa1234321Bb", "abababababab"], isWeakValue, true)).toEqual([]);
  });

  it("generated secrets, passphrases and passwords with three kinds of character are not weak", () => {
    expect(wrong([REAL_PASSWORD, REAL_SECRET_KEY, GH_TOKEN, "correcthorsebatterystaple", "Tr0ub4dor&3x", fake(ALNUM, 12, 7105)], isWeakValue, false)).toEqual([]);
  });
});

function facts(sensitive: string[]): BlockFacts {
  return { sensitive: new Set(sensitive), writeOnly: new Set() };
}

function input(value: string, r: Region, key: string, f: BlockFacts, members: Record<string, unknown> = {}): StageInput {
  return {
    value,
    place: { region: r, regionIndex: 0, address: r.address, attribute: key, cty: [key], names: [key], key },
    facts: f,
    fileKind: "plan",
    terraformVersion: "1.5.7",
    shapes,
    sibling: (name) => members[name],
  };
}

function firstVerdict(i: StageInput): Verdict | undefined {
  for (const s of PASS_ONE_STAGES) {
    const v = s.judge(i);
    if (v) return v;
  }
  return undefined;
}

const brief = (v: Verdict | undefined) => (v ? `${v.ruleId}${v.follow !== undefined ? " followed" : ""}` : "none");

describe("configuration literal stage: the value weighed against its slot", () => {
  const db = { steps: [], address: "aws_db_instance.db", marks: NOTHING_MARKED, schema: { kind: "resources" as const, type: "aws_db_instance" }, literal: "schema" as const };
  const provider = { steps: [], address: "provider.aws", marks: NOTHING_MARKED, schema: { kind: "provider" as const, type: "aws" }, literal: "schema" as const };
  const ssm = { steps: [], address: "aws_ssm_parameter.p", marks: NOTHING_MARKED, schema: { kind: "resources" as const, type: "aws_ssm_parameter" }, literal: "schema" as const };
  const judge = (i: StageInput) => brief(configurationLiteralStage.judge(i));

  it("placeholder: none; weak: SG108 not followed; real: SG104 followed", () => {
    expect(judge(input("mock_password", db, "password", facts(["password"])))).toBe("none");
    expect(judge(input("my-access-key", provider, "access_key", facts([])))).toBe("none");
    expect(judge(input("foobarbaz", db, "password", facts(["password"])))).toBe("SG108");
    expect(judge(input("1234", provider, "access_key", facts([])))).toBe("SG108");
    expect(judge(input(REAL_PASSWORD, db, "password", facts(["password"])))).toBe("SG104 followed");
    expect(judge(input(REAL_SECRET_KEY, provider, "secret_key", facts([])))).toBe("SG104 followed");
    const weak = configurationLiteralStage.judge(input("foobarbaz", db, "password", facts(["password"])))!;
    expect([weak.kind, weak.detail, weak.marked]).toEqual([MessageKind.Weak, "literal in configuration", false]);
  });

  it("aws_ssm_parameter: String is SG109 unless the value has a secret's shape or the name a secret's; other types SG104", () => {
    const f = facts(["value"]);
    const plain = configurationLiteralStage.judge(input(CONFIG_URL, ssm, "value", f, { type: "String", name: "/app/api-url" }))!;
    expect([plain.ruleId, plain.kind, plain.follow === undefined]).toEqual(["SG109", MessageKind.PlainText, true]);
    expect(plain.detail).toMatch(/type String: .*plain text by design.*use SecureString for a secret/);
    expect(judge(input(CONFIG_URL, ssm, "value", f, { type: "StringList" }))).toBe("SG109");
    expect(judge(input("cc-testapi", ssm, "value", f, { type: "String" }))).toBe("SG109");
    // A detector recognises a secret: the slot gives way to the catalogue, whose verdict is an error.
    expect(judge(input(GH_TOKEN, ssm, "value", f, { type: "String" }))).toBe("none");
    const shaped = firstVerdict(input(GH_TOKEN, ssm, "value", f, { type: "String" }));
    expect(shaped?.byShape === true && shaped.follow === GH_TOKEN).toBe(true);
    expect(judge(input(REAL_PASSWORD, ssm, "value", f, { type: "String", name: "/prod/db/password" }))).toBe("SG104 followed");
    expect(judge(input(CONFIG_URL, ssm, "value", f, { type: "SecureString" }))).toBe("SG104 followed");
    expect(judge(input(CONFIG_URL, ssm, "value", f, {}))).toBe("SG104 followed"); // type unknown (a reference)
    expect(judge(input("unused", ssm, "value", f, { type: "SecureString" }))).toBe("none");
  });
});

describe("provider schema stage: the same weighing for values Terraform did not mark", () => {
  const state = (type: string, marks = NOTHING_MARKED): Region => ({ steps: ["attributes"], address: `${type}.x`, marks, schema: { kind: "resources", type } });

  it("placeholder none, weak SG108 (says why the slot is sensitive), String parameter SG109, real SG102", () => {
    expect(brief(providerSchemaStage.judge(input("nothing", state("aws_rds_cluster"), "master_password", facts(["master_password"]))))).toBe("none");
    const weak = providerSchemaStage.judge(input("bar", state("aws_rds_cluster"), "master_password", facts(["master_password"])))!;
    expect([weak.ruleId, weak.detail, weak.follow]).toEqual(["SG108", "schema-sensitive, not marked in the file", undefined]);
    expect(brief(providerSchemaStage.judge(input(CONFIG_URL, state("aws_ssm_parameter"), "value", facts(["value"]), { type: "String" })))).toBe("SG109");
    expect(brief(providerSchemaStage.judge(input(REAL_PASSWORD, state("aws_rds_cluster"), "master_password", facts(["master_password"]))))).toBe("SG102 followed");
  });

  it("Terraform's marks on a String parameter: still SG101, but not followed unless it has a secret's shape", () => {
    const f = facts(["value"]);
    expect(brief(terraformMarksStage.judge(input(CONFIG_URL, state("aws_ssm_parameter", ALL_MARKED), "value", f, { type: "String" })))).toBe("SG101");
    expect(brief(terraformMarksStage.judge(input(GH_TOKEN, state("aws_ssm_parameter", ALL_MARKED), "value", f, { type: "String" })))).toBe("SG101 followed");
    expect(brief(terraformMarksStage.judge(input(CONFIG_URL, state("aws_ssm_parameter", ALL_MARKED), "value", f, { type: "SecureString" })))).toBe("SG101 followed");
  });
});

interface Found {
  ruleId: string;
  severity: string;
  pointer: string;
  address: string;
  attribute: string;
  message: string;
}

function audit(file: string): { findings: Found[]; stdout: string; stderr: string } {
  const r = runCli(["audit", "--format", "json", "--fail-on", "none", file]);
  try {
    return { findings: JSON.parse(r.stdout).findings, stdout: r.stdout, stderr: r.stderr };
  } catch {
    throw new Error(`no JSON report (exit ${r.code}): ${r.stderr.split("\n")[0].slice(0, 200)}`);
  }
}

/** `rule severity` of the finding at a pointer, or "none". */
const ruleAt = (fs_: Found[], pointer: string) => {
  const f = fs_.find((x) => x.pointer === pointer);
  return f ? `${f.ruleId} ${f.severity}` : "none";
};

describe("end to end", () => {
  itTf("a real plan: placeholder, weak and real provider credentials and passwords; SSM parameters by type", async () => {
    const dir = tempDir("sg-slots-plan-");
    const providerBase = `  region = "us-east-1"\n  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n`;
    const cluster = (name: string, password: string) =>
      `resource "aws_rds_cluster" "${name}" {\n  cluster_identifier = "c-${name}"\n  engine = "aurora-mysql"\n  master_username = "admin"\n  master_password = "${password}"\n  skip_final_snapshot = true\n}`;
    const param = (name: string, type: string, paramName: string, value: string) =>
      `resource "aws_ssm_parameter" "${name}" {\n  name = "${paramName}"\n  type = "${type}"\n  value = "${value}"\n}`;
    fs.writeFileSync(
      path.join(dir, "main.tf"),
      [
        `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "5.100.0" }\n  }\n}`,
        `provider "aws" {\n${providerBase}  access_key = "mock_access_key"\n  secret_key = "my-secret-key"\n}`,
        `provider "aws" {\n  alias = "weak"\n${providerBase}  access_key = "1234"\n  secret_key = "foobarbaz"\n}`,
        `provider "aws" {\n  alias = "real"\n${providerBase}  access_key = "AK${"IA"}${fake("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 7106)}"\n  secret_key = "${REAL_SECRET_KEY}"\n}`,
        cluster("placeholder", "nothing"),
        cluster("weak", "Aa1234321Bb"),
        cluster("real", REAL_PASSWORD),
        param("url", "String", "/app/config-url", CONFIG_URL),
        param("token", "String", "/app/ci", GH_TOKEN),
        param("secure", "SecureString", "/app/url", CONFIG_URL + "/s"),
        param("named", "String", "/prod/db/password", REAL_PASSWORD + "n"),
        // The String parameter's URL also sits in a tag: a copy of plain text, not of a secret.
        `resource "aws_s3_bucket" "b" {\n  bucket = "sg-slots-bucket"\n  tags = { endpoint = "${CONFIG_URL}" }\n}`,
        ``,
      ].join("\n\n"),
    );
    const planted = [REAL_SECRET_KEY, REAL_PASSWORD, GH_TOKEN, URL_CORE];
    const masked = (text: string) => planted.reduce((t, v) => t.split(v).join("<planted>"), text);
    const ok = async (args: string[]) => {
      const res = await terraform(dir, args);
      if (res.code !== 0) throw new Error(`terraform ${args[0]} failed: ${masked(res.stderr).slice(0, 600)}`);
      return res;
    };
    await ok(["init", "-input=false"]);
    await ok(["plan", "-input=false", "-out", "tfplan"]);
    const planFile = path.join(dir, "plan.json");
    fs.writeFileSync(planFile, (await ok(["show", "-json", "tfplan"])).stdout);
    const plan = JSON.parse(fs.readFileSync(planFile, "utf8"));
    const resIndex = (address: string) => plan.configuration.root_module.resources.findIndex((x: any) => x.address === address);
    const changeIndex = (address: string) => plan.resource_changes.findIndex((x: any) => x.address === address);
    const conf = (address: string, attr: string) => `/configuration/root_module/resources/${resIndex(address)}/expressions/${attr}/constant_value`;
    const prov = (key: string, attr: string) => `/configuration/provider_config/${key}/expressions/${attr}/constant_value`;
    // The corpus is sound: every resource is in the plan, the values sit where the test looks.
    const addresses = ["aws_rds_cluster.placeholder", "aws_rds_cluster.weak", "aws_rds_cluster.real", "aws_ssm_parameter.url", "aws_ssm_parameter.token", "aws_ssm_parameter.secure", "aws_ssm_parameter.named", "aws_s3_bucket.b"];
    expect(addresses.filter((a) => resIndex(a) < 0 || changeIndex(a) < 0)).toEqual([]);
    expect(plan.configuration.provider_config["aws.weak"].expressions.secret_key.constant_value === "foobarbaz").toBe(true);
    const bucket = changeIndex("aws_s3_bucket.b");
    expect(plan.resource_changes[bucket].change.after.tags.endpoint === CONFIG_URL).toBe(true);

    const { findings, stdout, stderr } = audit(planFile);
    const got = {
      providerPlaceholderKey: ruleAt(findings, prov("aws", "access_key")),
      providerPlaceholderSecret: ruleAt(findings, prov("aws", "secret_key")),
      providerWeakKey: ruleAt(findings, prov("aws.weak", "access_key")),
      providerWeakSecret: ruleAt(findings, prov("aws.weak", "secret_key")),
      providerRealSecret: ruleAt(findings, prov("aws.real", "secret_key")),
      clusterPlaceholder: ruleAt(findings, conf("aws_rds_cluster.placeholder", "master_password")),
      clusterWeak: ruleAt(findings, conf("aws_rds_cluster.weak", "master_password")),
      clusterReal: ruleAt(findings, conf("aws_rds_cluster.real", "master_password")),
      paramUrl: ruleAt(findings, conf("aws_ssm_parameter.url", "value")),
      paramSecure: ruleAt(findings, conf("aws_ssm_parameter.secure", "value")),
      paramNamed: ruleAt(findings, conf("aws_ssm_parameter.named", "value")),
      tagCopy: ruleAt(findings, `/resource_changes/${bucket}/change/after/tags/endpoint`),
    };
    expect(got).toEqual({
      providerPlaceholderKey: "none",
      providerPlaceholderSecret: "none",
      providerWeakKey: "SG108 warning",
      providerWeakSecret: "SG108 warning",
      providerRealSecret: "SG104 error",
      clusterPlaceholder: "none",
      clusterWeak: "SG108 warning",
      clusterReal: "SG104 error",
      paramUrl: "SG109 warning",
      paramSecure: "SG104 error",
      paramNamed: "SG104 error",
      tagCopy: "none",
    });
    // The GitHub token in a String parameter is an error of its detector, not the plain-text warning.
    const token = findings.find((f) => f.pointer === conf("aws_ssm_parameter.token", "value"));
    expect(token ? `${token.severity} ${/^SG1[2-9]\d$|^SG[2-5]\d\d$/.test(token.ruleId)}` : "none").toBe("error true");
    const url = findings.find((f) => f.pointer === conf("aws_ssm_parameter.url", "value"))!;
    expect(url.message).toMatch(/plain text by design.*use SecureString for a secret/);
    const weak = findings.find((f) => f.pointer === conf("aws_rds_cluster.weak", "master_password"))!;
    expect(weak.message).toMatch(/weak or dummy value in a sensitive argument.*if it is real, it is in clear/);
    expectNoLeaks(planted, [["json stdout", stdout], ["json stderr", stderr]]);
    for (const format of ["text", "sarif"]) {
      const t = runCli(["audit", "--format", format, "--fail-on", "none", planFile]);
      expectNoLeaks(planted, [[`${format} stdout`, t.stdout], [`${format} stderr`, t.stderr]]);
    }
  });

  it("a cdk.tf.json: the audit and the synth rule (SG002) agree: placeholders none, weak and String parameters warnings", () => {
    const dir = tempDir("sg-slots-cdktf-");
    const file = path.join(dir, "cdk.tf.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        "//": { metadata: { backend: "s3", stackName: "app", version: "0.21.0" }, outputs: {} },
        terraform: { backend: { s3: { bucket: "b", key: "k", region: "us-east-1", encrypt: true, use_lockfile: true, kms_key_id: "alias/k", access_key: "my-access-key" } } },
        provider: { aws: [{ region: "us-east-1", access_key: "mock_access_key", secret_key: "foobarbaz" }] },
        variable: { db_password: { type: "string", sensitive: true, default: "mysecretpassword" } },
        resource: {
          aws_db_instance: { placeholder: { instance_class: "db.t3.micro", username: "admin", password: "unused" }, real: { instance_class: "db.t3.micro", username: "admin", password: REAL_PASSWORD } },
          aws_ssm_parameter: { url: { name: "/app/config-url", type: "String", value: CONFIG_URL }, token: { name: "/app/ci", type: "String", value: GH_TOKEN } },
        },
      }),
    );
    const { findings, stdout, stderr } = audit(file);
    expect({
      backend: ruleAt(findings, "/terraform/backend/s3/access_key"),
      providerKey: ruleAt(findings, "/provider/aws/0/access_key"),
      providerSecret: ruleAt(findings, "/provider/aws/0/secret_key"),
      variable: ruleAt(findings, "/variable/db_password/default"),
      placeholder: ruleAt(findings, "/resource/aws_db_instance/placeholder/password"),
      real: ruleAt(findings, "/resource/aws_db_instance/real/password"),
      url: ruleAt(findings, "/resource/aws_ssm_parameter/url/value"),
      token: ruleAt(findings, "/resource/aws_ssm_parameter/token/value").split(" ")[1],
    }).toEqual({
      backend: "none",
      providerKey: "none",
      providerSecret: "SG108 warning",
      variable: "none",
      placeholder: "none",
      real: "SG104 error",
      url: "SG109 warning",
      token: "error",
    });
    expectNoLeaks([REAL_PASSWORD, GH_TOKEN, URL_CORE], [["json stdout", stdout], ["json stderr", stderr]]);
  });

  it("a state written before Terraform 1.8 (no marks): placeholder none, weak SG108, String parameter SG109, real SG102", () => {
    const dir = tempDir("sg-slots-state-");
    const instance = (attributes: Record<string, unknown>) => ({ schema_version: 0, attributes, sensitive_attributes: [] });
    const resource = (type: string, name: string, attributes: Record<string, unknown>) => ({ mode: "managed", type, name, provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [instance(attributes)] });
    const file = path.join(dir, "terraform.tfstate");
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: 4,
        terraform_version: "1.5.7",
        serial: 3,
        lineage: "0b5c7a52-4f0e-4b8e-9f57-3c1d2e3f4a5b",
        outputs: {},
        resources: [
          resource("aws_db_instance", "placeholder", { identifier: "db-a", password: "mock_password" }),
          resource("aws_db_instance", "weak", { identifier: "db-b", password: "1234" }),
          resource("aws_db_instance", "real", { identifier: "db-c", password: REAL_PASSWORD }),
          resource("aws_ssm_parameter", "url", { name: "/app/config-url", type: "String", value: CONFIG_URL }),
          resource("aws_ssm_parameter", "secure", { name: "/app/url", type: "SecureString", value: CONFIG_URL + "/s" }),
        ],
        check_results: null,
      }),
    );
    const { findings, stdout, stderr } = audit(file);
    const at = (i: number, attr: string) => ruleAt(findings, `/resources/${i}/instances/0/attributes/${attr}`);
    expect([at(0, "password"), at(1, "password"), at(2, "password"), at(3, "value"), at(4, "value")]).toEqual(["none", "SG108 warning", "SG102 error", "SG109 warning", "SG102 error"]);
    expectNoLeaks([REAL_PASSWORD, URL_CORE], [["json stdout", stdout], ["json stderr", stderr]]);
  });
});
