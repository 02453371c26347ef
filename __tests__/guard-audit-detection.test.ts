import * as fs from "node:fs";
import * as path from "node:path";
import { runCli, tempDir } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";

/** Detection cases of the audit beyond the real-Terraform corpus: synth rules in the audit, encodings, keys. */
describe("secret-guard audit: what it finds", () => {
  const dir = tempDir("sg-detect-");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  /** A v4 state with one terraform_data resource holding the given instance. */
  const stateWith = (name: string, instance: Record<string, unknown>) =>
    JSON.stringify({
      version: 4,
      terraform_version: "1.11.4",
      serial: 1,
      lineage: "x",
      outputs: {},
      resources: [{ mode: "managed", type: "terraform_data", name, provider: "p", instances: [{ schema_version: 0, ...instance }] }],
    });
  const findings = (stdout: string) => JSON.parse(stdout).findings as Array<{ ruleId: string; pointer: string; address: string; message: string }>;

  it("runs the synth rules on a cdk.tf.json: an output exposing a secret through nonsensitive(), an S3 backend without a KMS key", () => {
    const file = path.join(dir, "cdk.tf.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        "//": { metadata: { backend: "s3", stackName: "app", version: "0.21.0" }, outputs: {} },
        terraform: { backend: { s3: { bucket: "b", key: "k", region: "us-east-1", encrypt: true, use_lockfile: true } } },
        resource: { random_password: { p: { length: 32 } } },
        output: { leak: { value: "${nonsensitive(random_password.p.result)}" } },
      }),
    );
    for (const format of ["json", "sarif"]) {
      const r = runCli(["audit", "--format", format, file]);
      expect(r.code).toBe(1);
      const ids = format === "json" ? findings(r.stdout).map((f) => f.ruleId) : JSON.parse(r.stdout).runs[0].results.map((x: { ruleId: string }) => x.ruleId);
      expect(ids).toEqual(expect.arrayContaining(["SG001", "SG006"]));
    }
  });

  it("ephemeral blocks of a cdk.tf.json (both engines' shapes): their labels are names, not secrets; a literal in their body is found", () => {
    const file = path.join(dir, "ephemeral", "cdk.tf.json");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const id = "eph-key_password_883C8FB2";
    const token = "ghp_" + "Zq9xK2mP4vL7nR8wQ3tY6uJ1hG5fD0sA2cV9";
    const doc = (body: Record<string, unknown>) => ({
      terraform: { backend: { s3: { bucket: "b", key: "k", region: "us-east-1", encrypt: true, use_lockfile: true, kms_key_id: "alias/k" } } },
      provider: { aws: [{}], random: [{}] },
      // cdktn writes the construct metadata into the block too; cdktf 0.21's workaround does not.
      ephemeral: { random_password: { [id]: { "//": { metadata: { path: "s/eph-key/password", uniqueId: id } }, length: 64, special: false } }, aws_ssm_parameter: { other: body } },
      resource: {
        aws_secretsmanager_secret: { s: { name: "x" } },
        aws_secretsmanager_secret_version: { v: { secret_id: "${aws_secretsmanager_secret.s.id}", secret_string_wo: `\${ephemeral.random_password.${id}.result}`, secret_string_wo_version: 1 } },
      },
    });
    fs.writeFileSync(file, JSON.stringify(doc({ name: "/cc/x", with_decryption: true })));
    const clean = runCli(["audit", "--format", "json", file]);
    expect(findings(clean.stdout)).toEqual([]);
    expect(clean.code).toBe(0);
    fs.writeFileSync(file, JSON.stringify(doc({ name: token })));
    const r = runCli(["audit", "--format", "json", file]);
    expectNoLeaks(token, [["stdout", r.stdout], ["stderr", r.stderr]]);
    expect(findings(r.stdout).map((f) => `${f.address} ${f.pointer}`)).toEqual(["ephemeral.aws_ssm_parameter.other /ephemeral/aws_ssm_parameter/other/name"]);
  });

  it("looks inside base64 (user_data) and JSON-encoded strings, and does not dismiss a real value that contains ${", () => {
    const token = "ghp_" + "Zq9xK2mP4vL7nR8wQ3tY6uJ1hG5fD0sA2cV4";
    const password = "pa${ss}Zq9xK2mP4vL7nR8wQ3";
    const file = path.join(dir, "encoded.tfstate");
    fs.writeFileSync(
      file,
      stateWith("x", { attributes: { input: { value: { user_data_base64: Buffer.from(`#!/bin/sh\nexport GITHUB_TOKEN=${token}\n`).toString("base64"), db_password: password }, type: ["object", {}] } }, sensitive_attributes: [] }),
    );
    const r = runCli(["audit", "--format", "json", file]);
    expectNoLeaks([token, password], [["stdout", r.stdout], ["stderr", r.stderr]]);
    const pointers = findings(r.stdout).map((f) => f.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["/resources/0/instances/0/attributes/input/value/user_data_base64", "/resources/0/instances/0/attributes/input/value/db_password"]));
  });

  it("a secret used as a map key is a finding, and appears in no pointer, address or message of any format", () => {
    const hook = "https://hooks.slack.com/services/T0ABCDEFG/B0ABCDEFG/Zq9xK2mP4vL7nR8wQ3tY6uJ1";
    const marked = "Zq9xK2mP4vL7nR8wQ3tY6uJ1hG5fD0sAa";
    const file = path.join(dir, "keys.tfstate");
    fs.writeFileSync(
      file,
      stateWith("hooks", {
        index_key: hook,
        attributes: { input: { value: { [hook]: "enabled", client_secret: marked }, type: ["object", {}] } },
        sensitive_attributes: [[{ type: "get_attr", value: "input" }, { type: "get_attr", value: "client_secret" }]],
      }),
    );
    for (const format of ["text", "json", "sarif"]) {
      const r = runCli(["audit", "--format", format, file]);
      // The hook's path (its scheme and host are no secret, and rule texts print URLs).
      expectNoLeaks([hook.slice(hook.indexOf("/services/")), marked], [[`${format} stdout`, r.stdout], [`${format} stderr`, r.stderr]]);
      if (format === "json") {
        const f = findings(r.stdout);
        expect(f.some((x) => x.pointer.endsWith("/index_key"))).toBe(true);
        expect(f.some((x) => /a key \(map key or for_each key\) is a secret/.test(x.message))).toBe(true);
        expect(f.some((x) => x.pointer.endsWith("/client_secret") && x.address.startsWith("terraform_data.hooks[") && x.address.includes("sha256:"))).toBe(true);
      }
    }
  });
});
