import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { randomInt } from "node:crypto";
import { runCli, tempDir } from "./support/audit-cli";
import { expectNoLeaks, findLeaks } from "./support/leak-check";
import { itWithTerraform, TF } from "./support/terraform-runner";
import { CHILD_LIMITS } from "./support/child-limits";
import { IdentifierRedactor, tokenShaped } from "../guard/audit/detect/identifier-redaction";
import { SecretIndex } from "../guard/audit/detect/secret-index";
import { shippedDetectors } from "../guard/detectors/shipped-detectors";
import { fingerprint } from "../guard/fingerprint";
import { ALNUM as ALPHANUMERIC, BASE64URL, fake } from "../guard/detectors/families/sample-values";

/**
 * Issue 20, "never print, residue included": an identifier (for_each key, module key, map key, pointer segment)
 * that is a secret, holds a piece of 8+ characters of one, or is token-shaped is printed as its fingerprint, in
 * every format; normal identifiers stay as they are.
 */
const itTf = itWithTerraform();
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Random letters and digits with every 8-character window mixing classes (so each piece is informative). */
function token(n: number): string {
  for (;;) {
    let s = "";
    for (let i = 0; i < n; i++) s += ALNUM[randomInt(ALNUM.length)];
    let ok = true;
    for (let i = 0; i + 8 <= n && ok; i++) ok = /[0-9]/.test(s.slice(i, i + 8)) || (/[a-z]/.test(s.slice(i, i + 8)) && /[A-Z]/.test(s.slice(i, i + 8)));
    if (ok) return s;
  }
}

describe("identifier redaction (unit)", () => {
  const shapes = shippedDetectors();

  it("replaces a 40-character prefix and an 8-character piece of a tracked secret, keeps normal identifiers", () => {
    const secret = token(64);
    const index = new SecretIndex();
    index.add(secret, "var.marked", "SG103");
    const prefixKey = `terraform_data.x["${secret.slice(0, 40)}"]`;
    const pieceKey = `module.app["svc-${secret.slice(20, 28)}-x"].terraform_data.y`;
    const pointer = `/resources/0/instances/0/attributes/input/value/${secret.slice(5, 13)}`;
    const normal = ['aws_s3_bucket.logs["eu-west-1"]', "module.network.aws_vpc.main", "input.client_secret", "/resources/3/instances/0/attributes/tags/Name", "production_database_password"];
    const r = new IdentifierRedactor(index, shapes).prepare([prefixKey, pieceKey, pointer, ...normal]);
    const out = [prefixKey, pieceKey, pointer].map((t) => r.redact(t));
    expectNoLeaks(secret, out.join("\n"));
    expect(out[0]).toBe(`terraform_data.x["[${fingerprint(secret.slice(0, 40))}]"]`);
    expect(out[1]).toBe(`module.app["[${fingerprint(`svc-${secret.slice(20, 28)}-x`)}]"].terraform_data.y`);
    expect(out[2]).toBe(`/resources/0/instances/0/attributes/input/value/[${fingerprint(secret.slice(5, 13))}]`);
    for (const n of normal) expect(r.redact(n)).toBe(n);
    // Without prepare() the pieces are unknown: the test above can fail.
    expect(new IdentifierRedactor(index, shapes).redact(pieceKey)).toBe(pieceKey);
  });

  it("a secret of one character class: 12 characters of it in a row are redacted, an 8-letter word it shares is not", () => {
    const lower = fake("abcdefghijklmnopqrstuvwxyz", 32, 9101);
    const index = new SecretIndex();
    index.add(lower, "aws_db_instance.db password", "SG103");
    const prefixKey = `aws_ssm_parameter.lowerkey["${lower.slice(0, 20)}"]`;
    const wordKey = `aws_ssm_parameter.named["${lower.slice(3, 11)}"]`;
    const r = new IdentifierRedactor(index, shapes).prepare([prefixKey, wordKey]);
    expect(r.redact(prefixKey)).toBe(`aws_ssm_parameter.lowerkey["[${fingerprint(lower.slice(0, 20))}]"]`);
    expectNoLeaks(lower, r.redact(prefixKey));
    expect(r.redact(wordKey)).toBe(wordKey);
  });

  it("a marked secret holding the word example is tracked like any other (only a vendor token is judged by that word)", () => {
    const secret = "Example-Pr0d-" + token(10);
    const index = new SecretIndex();
    index.add(secret, "aws_db_instance.db password", "SG103");
    const key = `aws_ssm_parameter.exkey["${secret}"]`;
    const r = new IdentifierRedactor(index, shapes).prepare([key]);
    expectNoLeaks(secret, r.redact(key));
  });

  it("a piece shared only as a word or a number (one character class) does not redact a name", () => {
    const index = new SecretIndex();
    index.add("production-" + token(20), "var.pw", "SG103");
    index.add("20240101" + token(12), "var.pw2", "SG103");
    const names = ["aws_db_instance.production", 'aws_s3_bucket.backup["20240101"]'];
    const r = new IdentifierRedactor(index, shapes).prepare(names);
    for (const n of names) expect(r.redact(n)).toBe(n);
  });

  it("token-shaped parts are tokens; names, cdktf ids, UUIDs, ARNs, hashes and regions are not", () => {
    // Synthetic tokens (deterministic: fake()), random-looking ones of 32 to 64 characters and prefixed ones.
    const tokens = [fake(ALPHANUMERIC, 40, 7), fake(ALPHANUMERIC, 32, 11), fake(BASE64URL, 43, 13), fake(ALPHANUMERIC, 64, 17), "gh" + "p_" + fake(ALPHANUMERIC, 36, 19), "xox" + "b-" + "1234567890-1234567890123-" + fake(ALPHANUMERIC, 24, 23)];
    for (const t of tokens) expect([t.length, tokenShaped(t, shapes)]).toEqual([t.length, true]);
    const names = [
      "eu-west-1",
      "GenesysOauthClientRotation_Secret_83BF8E41",
      "aws_iam_role_policy_attachment",
      "LambdaExecutionRoleForRotation",
      "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
      "arn:aws:iam::123456789012:role/service-role/rotation",
      "3f786850e387550fdab836ed7e6dc881de23001b",
      "my-app-production-eu-west-1-logs-bucket",
      "ProdApiGatewayStage2024V2",
    ];
    for (const n of names) expect([n, tokenShaped(n, shapes)]).toEqual([n, false]);
  });
});

describe("identifier redaction on real Terraform state and plan", () => {
  const tf = TF as { env: Record<string, string> };
  const run = (dir: string, args: string[], env: Record<string, string> = {}) =>
    execFileSync("terraform", args, { ...CHILD_LIMITS, cwd: dir, encoding: "utf8", env: { ...process.env, ...tf.env, ...env }, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });

  itTf("for_each key = a secret, = a 40-char prefix of a marked secret, a module key with an 8-char piece, a token-shaped key: fingerprints in every format", () => {
    const dir = tempDir("sg-residue-");
    try {
      const marked = token(64);
      const whole = token(44);
      const tokenKey = fake(ALPHANUMERIC, 40, 29); // token-shaped (the unit test's kind), tracked nowhere
      fs.mkdirSync(path.join(dir, "m"));
      fs.writeFileSync(path.join(dir, "m", "main.tf"), `variable "s" {\n  type = string\n  sensitive = true\n}\nresource "terraform_data" "y" {\n  input = { password = var.s }\n}\n`);
      fs.writeFileSync(
        path.join(dir, "main.tf"),
        [
          `variable "marked" {\n  type = string\n  sensitive = true\n}`,
          `variable "whole" {\n  type = string\n  sensitive = true\n}`,
          `variable "token_key" {\n  type = string\n}`,
          `resource "terraform_data" "holder" {\n  input = { client_secret = var.whole }\n}`,
          `resource "terraform_data" "by_secret" {\n  for_each = toset([nonsensitive(var.whole)])\n  input = { client_secret = var.marked }\n}`,
          `resource "terraform_data" "by_prefix" {\n  for_each = toset([nonsensitive(substr(var.marked, 0, 40))])\n  input = { client_secret = var.marked }\n}`,
          `resource "terraform_data" "by_token" {\n  for_each = toset([var.token_key])\n  input = { client_secret = var.marked }\n}`,
          `resource "terraform_data" "logs" {\n  for_each = toset(["eu-west-1"])\n  input = { client_secret = var.marked }\n}`,
          `module "app" {\n  for_each = toset(["svc-\${nonsensitive(substr(var.marked, 20, 8))}-x"])\n  source = "./m"\n  s = var.marked\n}`,
        ].join("\n"),
      );
      const env = { TF_VAR_marked: marked, TF_VAR_whole: whole, TF_VAR_token_key: tokenKey };
      run(dir, ["init", "-input=false"]);
      run(dir, ["plan", "-input=false", "-out=plan.bin"], env);
      fs.writeFileSync(path.join(dir, "plan.json"), run(dir, ["show", "-json", "plan.bin"]));
      run(dir, ["apply", "-auto-approve", "-input=false"], env);
      const planted = [marked, whole, tokenKey];
      // The identifiers really hold the values (the test could fail).
      const stateText = fs.readFileSync(path.join(dir, "terraform.tfstate"), "utf8");
      expect(findLeaks(planted, stateText).length).toBeGreaterThan(0);
      expect(stateText.includes(`"index_key": "${marked.slice(0, 40)}"`)).toBe(true);

      for (const file of ["terraform.tfstate", "plan.json"]) {
        const input = path.join(dir, file);
        const outputs: Array<[string, string]> = [];
        const byFormat = new Map<string, string>();
        for (const format of ["text", "json", "sarif"]) {
          const r = runCli(["audit", "--format", format, input]);
          expect(r.code).toBe(1);
          outputs.push([`${file} ${format} stdout`, r.stdout], [`${file} ${format} stderr`, r.stderr]);
          byFormat.set(format, r.stdout);
          const out = path.join(dir, `report-${format}.${format === "text" ? "txt" : format}`);
          const w = runCli(["audit", "--format", format, "--output", out, input]);
          outputs.push([`${file} ${format} --output stdout`, w.stdout + w.stderr], [`${file} ${format} --output file`, fs.readFileSync(out, "utf8")]);
        }
        expectNoLeaks(planted, outputs);
        const addresses = (JSON.parse(byFormat.get("json")!).findings as Array<{ address: string }>).map((f) => f.address);
        const fp = (s: string) => `[${fingerprint(s)}]`;
        expect(addresses).toEqual(
          expect.arrayContaining([
            `terraform_data.by_secret["${fp(whole)}"]`,
            `terraform_data.by_prefix["${fp(marked.slice(0, 40))}"]`,
            `terraform_data.by_token["${fp(tokenKey)}"]`,
            `module.app["${fp(`svc-${marked.slice(20, 28)}-x`)}"].terraform_data.y`,
            'terraform_data.logs["eu-west-1"]',
          ]),
        );
        // Text and SARIF carry the same fingerprints (SARIF: in its messages and logical locations).
        for (const format of ["text", "sarif"]) {
          const text = byFormat.get(format)!;
          for (const s of [whole, marked.slice(0, 40), tokenKey, `svc-${marked.slice(20, 28)}-x`]) expect([format, text.includes(fingerprint(s))]).toEqual([format, true]);
          expect(text.includes('terraform_data.logs[\\"eu-west-1\\"]') || text.includes('terraform_data.logs["eu-west-1"]')).toBe(true);
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
