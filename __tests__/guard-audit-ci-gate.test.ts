// CI gate features of `secret-guard audit`: .secret-guardignore, --baseline, and SARIF within GitHub code
// scanning's limits. Planted values are only ever checked with booleans, never printed.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import type { Finding, Report } from "../guard/finding";
import { toSarif, TRUNCATED_PROPERTY } from "../guard/report";
import { oldGenesysState, Planted } from "./support/audit-fixtures";
import { CLI, CliResult, genesysSecret, randomPassword, tempDir } from "./support/audit-cli";
import { writeBigState } from "./support/big-state";
import { multitoolErrors, sarifSchemaErrors } from "./support/sarif-validator";
import { CHILD_LIMITS } from "./support/child-limits";
import { expectNoLeaks } from "./support/leak-check";

const planted: Planted = {
  clientSecret: genesysSecret(),
  password: randomPassword(),
  bcrypt: "$2a$10$" + genesysSecret().slice(0, 22) + genesysSecret().slice(0, 31),
  credentialSecret: genesysSecret(),
};
const secrets = Object.values(planted);
const dir = tempDir("sg-ci-gate-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the built CLI in `cwd` (where it looks for .secret-guardignore). */
function run(args: string[], cwd = dir): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { ...CHILD_LIMITS, cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function noLeak(r: CliResult, where: string): void {
  expectNoLeaks(secrets, [[`${where} stdout`, r.stdout], [`${where} stderr`, r.stderr]]);
}

/** A folder of its own under `dir` (so each test picks its own .secret-guardignore, or none). */
function folder(name: string): string {
  const d = path.join(dir, name);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

const CLIENT = "/resources/0/instances/0/attributes/client_secret";
const LEAKED = "/outputs/leaked/value";
const BCRYPT = "/resources/2/instances/0/attributes/bcrypt_hash";

function stateIn(d: string, name = "old.tfstate", doc: unknown = oldGenesysState(planted)): string {
  fs.writeFileSync(path.join(d, name), JSON.stringify(doc, null, 2));
  return name;
}

function byPointer(report: any): Map<string, any> {
  return new Map(report.findings.map((f: any) => [f.pointer, f]));
}

describe(".secret-guardignore", () => {
  const d = folder("ignore");
  const file = stateIn(d);
  const plain = JSON.parse(run(["audit", "--format", "json", "--no-ignore-file", file], d).stdout);
  const fpClient = byPointer(plain).get(CLIENT).fingerprint as string;
  const fpBcrypt = byPointer(plain).get(BCRYPT).fingerprint as string;
  const REASON_FP = "client rotated 2026-01, the old one is revoked";
  const REASON_PLACE = "bcrypt hash of a throwaway password";

  beforeAll(() => {
    fs.writeFileSync(
      path.join(d, ".secret-guardignore"),
      [
        "# reviewed 2026-01",
        "",
        `${fpClient} ${REASON_FP}`,
        `./${file}:${BCRYPT}   ${REASON_PLACE}`,
        `"${file}:/resources/9/nothing here" stale entry for a deleted resource`,
      ].join("\n") + "\n",
    );
  });

  it("suppresses by fingerprint (every place holding the value) and by file:pointer, keeping the findings and reasons in JSON", () => {
    const r = run(["audit", "--format", "json", file], d);
    noLeak(r, "json");
    const report = JSON.parse(r.stdout);
    const f = byPointer(report);
    expect(report.findings).toHaveLength(plain.findings.length);
    expect(f.get(CLIENT)).toMatchObject({ suppressed: true, suppressionReason: REASON_FP });
    expect(f.get(LEAKED)).toMatchObject({ fingerprint: fpClient, suppressed: true, suppressionReason: REASON_FP });
    expect(f.get(BCRYPT)).toMatchObject({ fingerprint: fpBcrypt, suppressed: true, suppressionReason: REASON_PLACE });
    const suppressed = report.findings.filter((x: any) => x.suppressed).length;
    expect(suppressed).toBe(3);
    expect(report.summary).toEqual({ error: plain.summary.error - 3, warning: 0, info: 0, suppressed: 3 });
    expect(r.code).toBe(1); // the rest still fail the run
    expect(r.stderr).toBe("secret-guard: warning: 1 entry in .secret-guardignore matched no finding (line 5)\n");
  });

  it("keeps the reasons in SARIF (suppressions) and text", () => {
    const sarif = run(["audit", "--format", "sarif", file], d);
    noLeak(sarif, "sarif");
    const log = JSON.parse(sarif.stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const results = log.runs[0].results;
    const at = (p: string) => results.find((x: any) => x.properties.pointer === p);
    expect(at(CLIENT).suppressions).toEqual([{ kind: "external", justification: REASON_FP }]);
    expect(at(BCRYPT).suppressions).toEqual([{ kind: "external", justification: REASON_PLACE }]);
    expect(results.filter((x: any) => x.suppressions).length).toBe(3);

    const text = run(["audit", file], d);
    noLeak(text, "text");
    expect(text.stdout).toContain(`[suppressed: ${REASON_FP}]`);
    expect(text.stdout).toContain(`[suppressed: ${REASON_PLACE}]`);
    expect(text.stdout).toContain("(3 suppressed)");
  });

  it("suppressed findings do not fail the run", () => {
    const all = folder("ignore-all");
    const f = stateIn(all);
    const fps = [...new Set(plain.findings.map((x: any) => x.fingerprint as string))];
    const list = path.join(all, "reviewed.ignore");
    fs.writeFileSync(list, fps.map((fp) => `${fp} reviewed by security on 2026-01-05`).join("\n"));
    const r = run(["audit", "--format", "json", "--ignore-file", "reviewed.ignore", f], all);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report.findings.every((x: any) => x.suppressed)).toBe(true);
    expect(report.summary).toEqual({ error: 0, warning: 0, info: 0, suppressed: plain.findings.length });
    // --no-ignore-file turns the default file off.
    fs.copyFileSync(list, path.join(all, ".secret-guardignore"));
    expect(run(["audit", f], all).code).toBe(0);
    expect(run(["audit", "--no-ignore-file", f], all).code).toBe(1);
  });

  it.each([
    ["a short reason", "sha256:0123456789ab too short", /line 2: the reason is shorter than 10 characters/],
    ["a bad fingerprint", "sha256:0123 a long enough reason", /line 2: the fingerprint selector is not sha256: followed by 12 hex digits/],
    ["no selector kind", "just-a-word a long enough reason", /line 2: the selector is neither a fingerprint nor FILE:POINTER/],
    ["a bad pointer", "old.tfstate:/a~2b a long enough reason", /line 2: the FILE:POINTER selector's pointer is not an RFC 6901 JSON pointer/],
    ["no reason", "old.tfstate:/outputs", /line 2: the entry has no reason/],
  ])("a bad line (%s) is exit 2 and one line naming the file and line, never its content", (_, line, expected) => {
    const bad = folder("bad-" + randomBytes(4).toString("hex"));
    const f = stateIn(bad);
    fs.writeFileSync(path.join(bad, ".secret-guardignore"), `# header\n${line}\n`);
    const r = run(["audit", f], bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toHaveLength(2); // one line and its newline
    expect(r.stderr).toMatch(/^secret-guard audit: \.secret-guardignore line 2: /);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr.includes("long enough reason") || r.stderr.includes("too short") || r.stderr.includes("just-a-word")).toBe(false);
  });

  it("a missing --ignore-file is an input error; --ignore-file with --no-ignore-file a usage error", () => {
    const r = run(["audit", "--ignore-file", "nope.ignore", file], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ignore-file nope\.ignore: cannot read file \(ENOENT\)/);
    expect(run(["audit", "--ignore-file", "x", "--no-ignore-file", file], d).code).toBe(2);
  });
});

describe("--baseline", () => {
  const d = folder("baseline");
  const file = stateIn(d);
  const baseline = path.join(d, "previous.json");
  beforeAll(() => {
    const r = run(["audit", "--no-ignore-file", "--format", "json", "--output", "previous.json", file], d);
    expect(r.code).toBe(1);
  });

  it("the same findings: exit 0, every finding marked baseline (JSON), unchanged (SARIF), noted in text", () => {
    const r = run(["audit", "--no-ignore-file", "--format", "json", "--baseline", baseline, file], d);
    noLeak(r, "json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f: any) => f.baseline === true)).toBe(true);
    expect(report.summary).toEqual({ error: 0, warning: 0, info: 0, baseline: report.findings.length });

    const sarif = run(["audit", "--no-ignore-file", "--format", "sarif", "--baseline", baseline, file], d);
    expect(sarif.code).toBe(0);
    const log = JSON.parse(sarif.stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].results.every((x: any) => x.baselineState === "unchanged")).toBe(true);

    const text = run(["audit", "--no-ignore-file", "--baseline", baseline, file], d);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("[in baseline]");
    expect(text.stdout).toContain(`already in the baseline (not counted)`);
  });

  it("a new secret: exit 1 with only the new finding counted", () => {
    const doc: any = oldGenesysState(planted);
    const fresh = randomPassword();
    secrets.push(fresh);
    doc.resources.push({
      mode: "managed",
      type: "random_password",
      name: "api",
      provider: 'provider["registry.terraform.io/hashicorp/random"]',
      instances: [{ schema_version: 3, attributes: { id: "none", length: 64, result: fresh, special: true }, sensitive_attributes: [] }],
    });
    stateIn(d, "next.tfstate", doc);
    const r = run(["audit", "--no-ignore-file", "--format", "json", "--baseline", "previous.json", "next.tfstate"], d);
    expect(r.code).toBe(1);
    noLeak(r, "json");
    const report = JSON.parse(r.stdout);
    const added = report.findings.filter((x: any) => !x.baseline);
    expect(added.map((x: any) => x.pointer)).toEqual(["/resources/4/instances/0/attributes/result"]);
    expect(report.summary.error).toBe(1);
    expect(report.summary.baseline).toBe(report.findings.length - 1);
    const log = JSON.parse(run(["audit", "--no-ignore-file", "--format", "sarif", "--baseline", "previous.json", "next.tfstate"], d).stdout);
    expect(log.runs[0].results.filter((x: any) => x.baselineState === "new").map((x: any) => x.properties.pointer)).toEqual(["/resources/4/instances/0/attributes/result"]);
  });

  it("a moved file and renumbered resources keep their findings in the baseline (same rule and fingerprint)", () => {
    const doc: any = oldGenesysState(planted);
    doc.resources.unshift({ mode: "managed", type: "terraform_data", name: "first", provider: 'provider["terraform.io/builtin/terraform"]', instances: [{ schema_version: 0, attributes: { id: "x" }, sensitive_attributes: [] }] });
    const moved = folder("baseline/moved");
    stateIn(moved, "renamed.tfstate", doc);
    const r = run(["audit", "--no-ignore-file", "--format", "json", "--baseline", baseline, "moved/renamed.tfstate"], d);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.findings.some((f: any) => f.pointer === "/resources/1/instances/0/attributes/client_secret")).toBe(true);
    expect(report.findings.every((f: any) => f.baseline === true)).toBe(true);
  });

  it("a missing or invalid baseline is exit 2 and one line naming the file", () => {
    const missing = run(["audit", "--baseline", "gone.json", file], d);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("secret-guard audit: --baseline gone.json: cannot read file (ENOENT)\n");
    fs.writeFileSync(path.join(d, "broken.json"), "{ not json");
    expect(run(["audit", "--baseline", "broken.json", file], d).stderr).toMatch(/^secret-guard audit: --baseline broken\.json: not valid JSON[^\n]*\n$/);
    fs.writeFileSync(path.join(d, "shape.json"), JSON.stringify({ findings: [{ ruleId: "SG102", file: "a", pointer: "" }] }));
    const shape = run(["audit", "--baseline", "shape.json", file], d);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toMatch(/--baseline shape\.json: findings\[0\]\.fingerprint is missing or not a string\n$/);
    const sarif = run(["audit", "--format", "sarif", "--output", "r.sarif", file], d);
    expect(sarif.code).toBe(1);
    expect(run(["audit", "--baseline", "r.sarif", file], d).stderr).toMatch(/--baseline r\.sarif: is a SARIF log/);
  });
});

describe("SARIF within GitHub code scanning's limits", () => {
  it("caps a run at 25,000 results, most severe first, with a note, a notification and one stderr line; JSON stays complete", () => {
    const d = folder("big");
    // ~1.37 kB per resource, one SG101 warning each and an SG103 error every 1000th: about 26,300 findings.
    const n = writeBigState(path.join(d, "big.tfstate"), 36 * 1000 * 1000, (i) => randomBytes(24).toString("base64url") + "-" + i, 1);
    expect(n).toBeGreaterThan(25_500);

    const json = run(["audit", "--no-ignore-file", "--format", "json", "--output", "big.json", "big.tfstate"], d);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe("");
    const report = JSON.parse(fs.readFileSync(path.join(d, "big.json"), "utf8"));
    const total = report.findings.length;
    expect(total).toBeGreaterThan(25_000);
    const errors = report.findings.filter((f: any) => f.severity === "error").length;
    expect(errors).toBeGreaterThan(0);

    const r = run(["audit", "--no-ignore-file", "--format", "sarif", "--output", "big.sarif", "big.tfstate"], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`secret-guard: SARIF capped at 25000 of ${total} results (GitHub code scanning limit); the JSON report is complete\n`);
    const text = fs.readFileSync(path.join(d, "big.sarif"), "utf8");
    expect(gzipSync(text).length).toBeLessThan(10_000_000);
    const log = JSON.parse(text);
    const runLog = log.runs[0];
    expect(runLog.results).toHaveLength(25_000);
    expect(runLog.results.filter((x: any) => x.level === "error")).toHaveLength(errors); // every error kept
    expect(runLog.properties[TRUNCATED_PROPERTY]).toMatchObject({ shown: 25_000, total });
    expect(runLog.properties[TRUNCATED_PROPERTY].reason).toMatch(/25000 results per run/);
    expect(runLog.invocations[0].executionSuccessful).toBe(true);
    expect(runLog.invocations[0].toolExecutionNotifications).toHaveLength(1);
    expect(runLog.invocations[0].toolExecutionNotifications[0].level).toBe("warning");
    expect(runLog.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^SARIF capped at 25000 of \d+ results/);
    expect(sarifSchemaErrors(log)).toEqual([]);
    fs.rmSync(d, { recursive: true, force: true });
  });

  const finding = (i: number, over: Partial<Finding> = {}): Finding => ({
    ruleId: i % 10 === 0 ? "SG103" : "SG101",
    severity: i % 10 === 0 ? "error" : i % 10 === 1 ? "info" : "warning",
    file: "plan.json",
    pointer: `/resources/${i}/values/${randomBytes(16).toString("hex")}`,
    address: `aws_secretsmanager_secret_version.v${i}`,
    attribute: "secret_string",
    markedSensitive: true,
    fingerprint: "sha256:" + randomBytes(6).toString("hex"),
    message: `aws_secretsmanager_secret_version.v${i} secret_string: value Terraform marked sensitive is stored in clear`,
    suppressed: false,
    ...over,
  });
  const reportOf = (findings: Finding[]): Report => ({ tool: { name: "secret-guard", version: "0.0.0" }, files: [{ path: "plan.json", kind: "plan" }], findings, summary: { error: 0, warning: 0, info: 0 } });

  it("keeps errors, then warnings, then info, unsuppressed before suppressed", () => {
    const findings = Array.from({ length: 60 }, (_, i) => finding(i, i % 10 === 0 && i >= 30 ? { suppressed: true, suppressionReason: "reviewed and accepted" } : {}));
    const caps: number[][] = [];
    const log = JSON.parse(toSarif(reportOf(findings), undefined, { limits: { maxResults: 10, maxGzipBytes: 10_000_000 }, onCap: (s, t) => caps.push([s, t]) }));
    expect(caps).toEqual([[10, 60]]);
    const kept = log.runs[0].results;
    expect(kept).toHaveLength(10);
    // 3 unsuppressed errors, then warnings (7 of 48), in report order; no suppressed error, no info.
    expect(kept.filter((x: any) => x.level === "error" && !x.suppressions)).toHaveLength(3);
    expect(kept.filter((x: any) => x.level === "warning")).toHaveLength(7);
    const pointers = kept.map((x: any) => x.properties.pointer);
    expect(pointers).toEqual(findings.filter((f) => pointers.includes(f.pointer)).map((f) => f.pointer));
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it("caps by the gzipped size too, measured while streaming", () => {
    const findings = Array.from({ length: 3000 }, (_, i) => finding(i));
    const limit = 200_000;
    const caps: number[][] = [];
    const text = toSarif(reportOf(findings), undefined, { limits: { maxResults: 25_000, maxGzipBytes: limit }, onCap: (s, t) => caps.push([s, t]) });
    expect(gzipSync(text).length).toBeLessThanOrEqual(limit);
    const log = JSON.parse(text);
    const shown = log.runs[0].results.length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(3000);
    expect(caps).toEqual([[shown, 3000]]);
    expect(log.runs[0].properties[TRUNCATED_PROPERTY].reason).toMatch(/gzipped SARIF file of at most 200000 bytes/);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const file = path.join(dir, "gzip-capped.sarif");
    fs.writeFileSync(file, text);
    expect(multitoolErrors(file)).toEqual([]);
  });

  it("an uncapped log has no note", () => {
    const log = JSON.parse(toSarif(reportOf([finding(0), finding(1)])));
    expect(log.runs[0].properties).toBeUndefined();
    expect(log.runs[0].invocations).toBeUndefined();
    expect(log.runs[0].results).toHaveLength(2);
  });
});
