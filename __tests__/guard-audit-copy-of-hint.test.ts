/**
 * A copy is as strong as what it copies: the same value as one a detector only warns about (the entropy hint)
 * is an SG111 warning where it is copied (tags_all beside tags, an output beside an input), not an SG103 error;
 * a value an error-level detector (or Terraform's marks) found keeps SG103 copies. Built with real terraform;
 * values are synthetic and never printed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fake, ALNUM, DIGITS } from "../guard/detectors/families/sample-values";
import { runCli } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";
import { itWithTerraform, tempDirsRemovedAfterAll, terraformOk } from "./support/terraform-runner";

const tempDir = tempDirsRemovedAfterAll();
const itTf = itWithTerraform();

itTf("copies of a hint are warnings; copies of a token are errors", async () => {
  const dir = tempDir("sg-copy-hint-");
  // A random-looking value under a secret-like name: only the entropy hint (SG125, a warning) reads it.
  const hint = fake(ALNUM, 28, 9101);
  // A Slack bot token (an error wherever it is), and a value Terraform marks (its unmarked copy is SG103).
  const password = fake(ALNUM, 32, 9105);
  const token = "xox" + "b-" + fake(DIGITS, 10, 9103) + "-" + fake(DIGITS, 13, 9104) + "-" + fake(ALNUM, 24, 9102);
  const tf = `
variable "hint" {
  type = string
}
variable "token" {
  type = string
}
variable "password" {
  type      = string
  sensitive = true
}
resource "terraform_data" "app" {
  input = {
    tags     = { api_secret = var.hint, chat = var.token, pw = var.password }
    tags_all = { copy_a = var.hint, copy_b = var.token, copy_c = nonsensitive(var.password) }
  }
}
`;
  fs.writeFileSync(path.join(dir, "main.tf"), tf);
  await terraformOk(dir, ["init", "-input=false", "-no-color"]);
  await terraformOk(dir, ["apply", "-auto-approve", "-input=false", "-no-color"], { TF_VAR_hint: hint, TF_VAR_token: token, TF_VAR_password: password });

  const r = runCli(["audit", "-f", "json", path.join(dir, "terraform.tfstate")]);
  expectNoLeaks([hint, token, password], [["stdout", r.stdout], ["stderr", r.stderr]]);
  const findings = JSON.parse(r.stdout).findings as Array<{ ruleId: string; pointer: string; severity: string }>;
  const at = (leaf: string) => findings.filter((f) => f.pointer.includes("/input/") && f.pointer.endsWith(`/${leaf}`)).map((f) => `${f.ruleId}:${f.severity}`);
  expect(at("api_secret")).toEqual(["SG125:warning"]);
  expect(at("copy_a")).toEqual(["SG111:warning"]);
  expect(at("chat")).toEqual(["SG135:error"]);
  expect(at("copy_b")).toEqual(["SG135:error"]);
  expect(at("pw")).toEqual(["SG101:warning"]);
  expect(at("copy_c")).toEqual(["SG103:error"]);
});
