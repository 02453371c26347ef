/**
 * Where public Terraform artefacts carry secrets outside any attribute Terraform or a schema marks: provisioner
 * commands in a real plan's configuration, a URL credential in a drifted value, and a pg backend's conn_str in
 * the backend state `terraform init` writes. Each is found at its place, and never printed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli, tempDir } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";
import { itWithTerraform, tempDirsRemovedAfterAll, terraform } from "./support/terraform-runner";
import { ALNUM, fake, fakePassword } from "../guard/detectors/families/sample-values";

const itTf = itWithTerraform();
const tfDir = tempDirsRemovedAfterAll();

interface JsonFinding {
  ruleId: string;
  pointer: string;
  severity: string;
}

function audit(file: string): { findings: JsonFinding[]; outputs: Array<[string, string]> } {
  const json = runCli(["audit", "--format", "json", "--fail-on", "none", "--no-ignore-file", file]);
  expect(json.code).toBe(0);
  const text = runCli(["audit", "--format", "text", "--fail-on", "none", "--no-ignore-file", file]);
  const sarif = runCli(["audit", "--format", "sarif", "--fail-on", "none", "--no-ignore-file", file]);
  const outputs: Array<[string, string]> = [
    ["json", json.stdout + json.stderr],
    ["text", text.stdout + text.stderr],
    ["sarif", sarif.stdout + sarif.stderr],
  ];
  return { findings: JSON.parse(json.stdout).findings as JsonFinding[], outputs };
}

describe("secrets outside marked attributes, in real artefacts", () => {
  itTf("provisioner commands of a real plan: a secret flag, curl -u user:password, a Bearer header, an exported token", async () => {
    const dir = tfDir("sg-provisioners-");
    const flag = fakePassword(7101, 24);
    const basic = fakePassword(7102, 20);
    const bearer = fake(ALNUM, 40, 7103);
    const exported = fake(ALNUM, 32, 7104);
    const commands = [
      `mysql -u admin --password ${flag} -h db.internal < seed.sql`,
      `curl -fsS -u deploy:${basic} https://hooks.example.com/deploy`,
      `curl -H 'Authorization: Bearer ${bearer}' https://api.example.com/v1/release`,
      `export API_TOKEN=${exported} && ./publish.sh`,
    ];
    const hcl = commands.map((c, i) => `resource "terraform_data" "step${i}" {\n  provisioner "local-exec" {\n    command = ${JSON.stringify(c)}\n  }\n}`).join("\n\n");
    fs.writeFileSync(path.join(dir, "main.tf"), hcl + "\n");
    const planted = [flag, basic, bearer, exported];
    for (const args of [["init", "-input=false"], ["plan", "-input=false", "-out=plan.tfplan"]]) {
      const r = await terraform(dir, args);
      if (r.code !== 0) throw new Error(`terraform ${args[0]} failed (exit ${r.code})`);
    }
    const show = await terraform(dir, ["show", "-json", "plan.tfplan"]);
    expect(show.code).toBe(0);
    const planFile = path.join(dir, "plan.json");
    fs.writeFileSync(planFile, show.stdout);
    const { findings, outputs } = audit(planFile);
    const at = (i: number) => findings.find((f) => f.pointer === `/configuration/root_module/resources/${i}/provisioners/0/expressions/command/constant_value`);
    expect(commands.map((_, i) => at(i)?.ruleId ?? "none")).toEqual(["SG160", "SG161", "SG162", "SG163"]);
    expect(commands.map((_, i) => at(i)?.severity)).toEqual(["error", "error", "error", "error"]);
    expectNoLeaks(planted, outputs);
  });

  it("a URL credential in a drifted value (resource_drift) of a plan", () => {
    const dir = tempDir("sg-drift-");
    try {
      const password = fakePassword(7111, 22);
      const drifted = `https://deploy:${password}@git.example.com/platform/config.git`;
      const change = (after: unknown) => ({ actions: ["update"], before: { input: "https://git.example.com/platform/config.git", output: null }, after, after_unknown: {}, before_sensitive: {}, after_sensitive: {} });
      const plan = {
        format_version: "1.2",
        terraform_version: "1.11.4",
        resource_drift: [{ address: "terraform_data.repo", mode: "managed", type: "terraform_data", name: "repo", provider_name: "terraform.io/builtin/terraform", change: change({ input: drifted, output: null }) }],
        planned_values: { root_module: {} },
        resource_changes: [],
        configuration: { root_module: {} },
        applyable: false,
        complete: true,
        errored: false,
      };
      const file = path.join(dir, "drift.plan.json");
      fs.writeFileSync(file, JSON.stringify(plan));
      const { findings, outputs } = audit(file);
      expect(findings.filter((f) => f.pointer === "/resource_drift/0/change/after/input").map((f) => f.severity)).toEqual(["error"]);
      // The value before the drift holds no credential.
      expect(findings.filter((f) => f.pointer === "/resource_drift/0/change/before/input")).toEqual([]);
      expectNoLeaks([password], outputs);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a pg backend's conn_str in the backend state terraform init writes (.terraform/terraform.tfstate)", () => {
    const dir = tempDir("sg-pg-backend-");
    try {
      const password = fakePassword(7121, 24);
      const backendState = {
        version: 3,
        serial: 0,
        lineage: "2c4a1c2e-0d8c-4c7e-9a55-1f1e6f2f3a10",
        backend: { type: "pg", config: { conn_str: `postgres://terraform:${encodeURIComponent(password)}@db.internal:5432/tfstate?sslmode=require`, schema_name: "platform", skip_schema_creation: null, skip_table_creation: null, skip_index_creation: null }, hash: 2143571029 },
        modules: [{ path: ["root"], outputs: {}, resources: {}, depends_on: [] }],
      };
      fs.mkdirSync(path.join(dir, ".terraform"));
      const file = path.join(dir, ".terraform", "terraform.tfstate");
      fs.writeFileSync(file, JSON.stringify(backendState, null, 4));
      const { findings, outputs } = audit(file);
      expect(findings.filter((f) => f.pointer === "/backend/config/conn_str").map((f) => f.severity)).toEqual(["error"]);
      expectNoLeaks([password], outputs);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
