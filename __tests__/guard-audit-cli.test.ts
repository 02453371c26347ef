import * as fs from "node:fs";
import * as path from "node:path";
import { multitoolErrors, sarifSchemaErrors } from "./support/sarif-validator";
import { auditFiles } from "../guard/audit/audit-files";
import { createHash } from "node:crypto";
import { fingerprint } from "../guard/fingerprint";
import { genesysPlan, lookAlikes, oldGenesysState, OLD_STATE_POINTERS, Planted, PLAN_POINTERS } from "./support/audit-fixtures";
import { genesysSecret, randomPassword, runCli, tempDir } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";

const planted: Planted = {
  clientSecret: genesysSecret(),
  password: randomPassword(),
  bcrypt: "$2a$10$" + genesysSecret().slice(0, 22) + genesysSecret().slice(0, 31),
  credentialSecret: genesysSecret(),
};
const secrets = Object.values(planted);
const dir = tempDir();
const statePath = path.join(dir, "old.tfstate");
const planPath = path.join(dir, "plan.json");
const cleanPath = path.join(dir, "clean.tfstate");
fs.writeFileSync(statePath, JSON.stringify(oldGenesysState(planted), null, 2));
fs.writeFileSync(planPath, JSON.stringify(genesysPlan(planted)));
fs.writeFileSync(cleanPath, JSON.stringify(lookAlikes(), null, 2));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pointersOf(json: string, file: string): string[] {
  return JSON.parse(json)
    .findings.filter((f: any) => f.file === file)
    .map((f: any) => f.pointer)
    .sort();
}

describe("secret-guard audit (CLI)", () => {
  it("fingerprints a value as the known vector says", () => {
    // printf 'secret-guard/v1\0not-a-real-secret-value' | sha256sum, first 12 hex digits.
    expect(fingerprint("not-a-real-secret-value")).toBe("sha256:b5e7132b7b0e");
  });

  it("finds every planted secret in an old (pre-1.8) genesyscloud/random state, exactly", () => {
    const r = runCli(["audit", "--format", "json", statePath]);
    expect(r.code).toBe(1);
    expect(pointersOf(r.stdout, statePath)).toEqual([...OLD_STATE_POINTERS].sort());
    const report = JSON.parse(r.stdout);
    const byPointer = new Map(report.findings.map((f: any) => [f.pointer, f]));
    const cs: any = byPointer.get("/resources/0/instances/0/attributes/client_secret");
    expect(cs).toMatchObject({ ruleId: "SG102", severity: "error", address: "genesyscloud_oauth_client.app", attribute: "client_secret", markedSensitive: false });
    // Computed here from the documented form (SHA-256 of "secret-guard/v1\0" + value, 12 hex digits), not by fingerprint().
    expect(cs.fingerprint).toBe("sha256:" + createHash("sha256").update("secret-guard/v1\0" + planted.clientSecret).digest("hex").slice(0, 12));
    expect(cs.message).toMatch(/1\.5\.7/);
    expect(byPointer.get("/resources/1/instances/0/attributes/fields/clientSecret")).toMatchObject({
      address: "module.creds.genesyscloud_integration_credential.cred[0]",
      attribute: "fields.clientSecret",
    });
    expect(byPointer.get("/resources/3/instances/0/attributes/output/value")).toMatchObject({ ruleId: "SG103", address: "terraform_data.copy" });
    expect((byPointer.get("/resources/3/instances/0/attributes/output/value") as any).message).toContain("random_password.db result");
    expect(byPointer.get("/outputs/leaked/value")).toMatchObject({ ruleId: "SG103", address: "output.leaked" });
    expect(report.files).toEqual([{ path: statePath, kind: "state" }]);
    expect(Object.keys(report).sort()).toEqual(["files", "findings", "summary", "tool"]);
  });

  it("uses Terraform's plan marks, sensitive variables and outputs, and finds unmarked copies", () => {
    const r = runCli(["audit", "--format", "json", planPath]);
    expect(r.code).toBe(1);
    expect(pointersOf(r.stdout, planPath)).toEqual([...PLAN_POINTERS].sort());
    const f = new Map(JSON.parse(r.stdout).findings.map((x: any) => [x.pointer, x]));
    expect(f.get("/variables/seed/value")).toMatchObject({ ruleId: "SG101", severity: "warning", address: "var.seed", markedSensitive: true });
    expect(f.get("/output_changes/pw/after")).toMatchObject({ ruleId: "SG101", address: "output.pw" });
    expect(f.get("/resource_changes/1/change/after/fields/password")).toMatchObject({ ruleId: "SG102", address: "module.m.genesyscloud_integration_credential.c[0]" });
    expect(f.get("/resource_changes/1/change/after/notes")).toMatchObject({ ruleId: "SG103", markedSensitive: false });
  });

  it("is quiet on look-alikes (hashes, UUIDs, ARNs, etags, digests, base64 text, ids)", () => {
    const r = runCli(["audit", "--format", "json", cleanPath]);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("never prints a planted value, in any format, in --output files or with known values", () => {
    const out = path.join(dir, "report.sarif");
    const known = path.join(dir, "known.txt");
    fs.writeFileSync(known, `${planted.credentialSecret}\n`);
    const env = { SG_TEST_KNOWN: planted.clientSecret };
    const runs = [
      runCli(["audit", statePath, planPath, cleanPath], { env: { ...env, NO_COLOR: "" } }),
      runCli(["audit", "--format", "json", "--known-env", "SG_TEST_KNOWN", "--known-file", known, statePath, planPath], { env }),
      runCli(["audit", "--format", "sarif", statePath, planPath]),
      runCli(["audit", "--format", "sarif", "--output", out, statePath, planPath]),
      runCli(["audit", "--format", "json", "--fail-on", "none", dir]),
    ];
    expectNoLeaks(secrets, runs.flatMap((r, i): Array<[string, string]> => [[`stdout of run ${i}`, r.stdout], [`stderr of run ${i}`, r.stderr]]));
    expect(runs[3].stdout).toContain("report written to");
    const written = fs.readFileSync(out, "utf8");
    expectNoLeaks(secrets, [["--output file", written]]);
    expect(JSON.parse(written).version).toBe("2.1.0");
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(runs[4].code).toBe(0);
    expect(JSON.parse(runs[4].stdout).files.map((f: any) => f.kind).sort()).toEqual(["plan", "state", "state"]);
    expect(runs[0].stdout).toMatch(/\d+ errors?, \d+ warnings?, \d+ info in 3 files/);
  });

  it("reports known values (--known-env, --known-file) without echoing them", () => {
    const lone = path.join(dir, "lone.tfstate");
    const v = randomPassword();
    const doc: any = lookAlikes();
    doc.resources[0].instances[0].attributes.tags.Note = `see ${v}`;
    fs.writeFileSync(lone, JSON.stringify(doc));
    const r = runCli(["audit", "--format", "json", "--known-env", "SG_TEST_KNOWN", lone], { env: { SG_TEST_KNOWN: v } });
    expectNoLeaks(v, [["stdout", r.stdout], ["stderr", r.stderr]]);
    const f = JSON.parse(r.stdout).findings;
    expect(f.map((x: any) => [x.ruleId, x.pointer])).toEqual([["SG110", "/resources/0/instances/0/attributes/tags/Note"]]);
    expect(f[0].message).toContain("--known-env SG_TEST_KNOWN");
    expect(r.code).toBe(1);
  });

  it("writes SARIF 2.1.0 that validates against the official schema", () => {
    const r = runCli(["audit", "--format", "sarif", statePath, planPath]);
    const log = JSON.parse(r.stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const file = path.join(dir, "audit.sarif");
    fs.writeFileSync(file, r.stdout);
    expect(multitoolErrors(file)).toEqual([]);
    const run = log.runs[0];
    expect(run.results.length).toBe(OLD_STATE_POINTERS.length + PLAN_POINTERS.length);
    for (const rule of run.tool.driver.rules) expect(rule.properties["security-severity"]).toMatch(/^\d+\.\d$/);
    for (const res of run.results) {
      expect(res.partialFingerprints["secretGuardPlace/v1"]).toMatch(/^[0-9a-f]{32}$/);
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
    }
  });

  it("finds literal secrets at schema-sensitive arguments of a cdk.tf.json", () => {
    const synth = path.join(dir, "cdk.tf.json");
    fs.writeFileSync(
      synth,
      JSON.stringify({
        "//": { metadata: { version: "0.21.0" } },
        provider: { genesyscloud: [{ oauthclient_id: "7d2b1f0a-3c4e-4d5f-8a9b-0c1d2e3f4a5b", oauthclient_secret: planted.clientSecret }] },
        resource: {
          genesyscloud_oauth_client: { app: { name: "app", client_secret: "${var.s}", description: "x" } },
          random_password: { p: { length: 32 } },
        },
        variable: { s: { type: "string", sensitive: true } },
      }),
    );
    const r = runCli(["audit", "--format", "json", synth]);
    const report = JSON.parse(r.stdout);
    expect(report.files).toEqual([{ path: synth, kind: "synth" }]);
    // The audit's own literal finding, and the synth rules as synth would report them (SG007, SG003).
    expect(report.findings.map((f: any) => [f.ruleId, f.pointer, f.address])).toEqual([
      ["SG104", "/provider/genesyscloud/0/oauthclient_secret", "provider.genesyscloud"],
      ["SG007", "/resource/genesyscloud_oauth_client/app/client_secret", "genesyscloud_oauth_client.app"],
      ["SG003", "/terraform", "terraform.backend"],
    ]);
    expect(r.code).toBe(1);
  });

  describe("usage and input errors: exit 2, one line on stderr, no stack trace", () => {
    const truncated = path.join(dir, "truncated.tfstate");
    const notJson = path.join(dir, "notes.tfstate");
    const other = path.join(dir, "package.json");
    const shortKnown = path.join(dir, "short.txt");
    beforeAll(() => {
      fs.writeFileSync(shortKnown, "s3cr3t!\n");
      const full = JSON.stringify(oldGenesysState(planted), null, 2);
      fs.writeFileSync(truncated, full.slice(0, Math.floor(full.length / 2)));
      fs.writeFileSync(notJson, `password = ${planted.password}\n`);
      fs.writeFileSync(other, JSON.stringify({ name: "x", version: "1.0.0" }));
    });
    const cases: Array<[string, () => string[], RegExp]> = [
      ["missing file", () => ["audit", path.join(dir, "nope.tfstate")], /nope\.tfstate: no such file/],
      ["not JSON", () => ["audit", notJson], /notes\.tfstate: not valid JSON/],
      ["truncated JSON", () => ["audit", truncated], /truncated\.tfstate: .*truncated/],
      ["unknown format", () => ["audit", "--format", "xml", statePath], /--format .*allowed: text, json, sarif/],
      ["unknown option", () => ["audit", "--frobnicate", statePath], /^error: unknown option --frobnicate for secret-guard audit; see secret-guard audit --help$/m],
      ["JSON of another kind", () => ["audit", other], /package\.json: .*not a Terraform state/],
      ["no path", () => ["audit"], /no PATH given/],
      ["a known value too short to search for", () => ["audit", "--known-file", shortKnown, statePath], /--known-file .*short\.txt line 1: the value is shorter than 8 characters/],
      ["an --output that cannot be written", () => ["audit", "--output", path.join(dir, "no-such-dir", "r.json"), statePath], /--output \(argument 3\): cannot write it \(ENOENT\)/],
    ];
    it.each(cases)("%s", (_name, args, pattern) => {
      const r = runCli(args());
      expect(r.code).toBe(2);
      const lines = r.stderr.split("\n").filter((l) => l.length > 0);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expectNoLeaks(secrets, [["stderr", r.stderr], ["stdout", r.stdout]]);
    });
  });
});

describe("auditFiles (library)", () => {
  it("returns a Report with a summary and one finding per pointer", async () => {
    const report = await auditFiles([statePath, planPath]);
    expect(report.tool.name).toBe("secret-guard");
    const keys = report.findings.map((f) => `${f.file}#${f.pointer}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(report.summary.error + report.summary.warning + report.summary.info).toBe(report.findings.length);
  });
});
