import { AuditResult } from "../guard/audit/audit-files";
import { CompactFinding, compactFinding, MessageKind } from "../guard/audit/compact-finding";
import { jsonChunks, sarifChunks, textChunks, toJson } from "../guard/report";

const N = 200_000;
const compact = (i: number): CompactFinding =>
  compactFinding("SG101", `/resources/${i}/instances/0/attributes/password`, `random_password.p${i}`, "result", true, `value-${i}`, MessageKind.Marked, "state");

describe("a report with 200,000 findings", () => {
  // Regression: `findings.push(...list)` threw RangeError (stack overflow) on a 1 GiB plan with ~131,000 findings.
  const result = new AuditResult([
    { path: "a.tfstate", kind: "state", findings: [compact(-1)] },
    { path: "big.tfstate", kind: "state", findings: Array.from({ length: N }, (_, i) => compact(i)) },
  ]);

  it("merges the files' findings without overflowing the stack", () => {
    const report = result.toReport();
    expect(report.findings).toHaveLength(N + 1);
    expect(report.summary).toEqual({ error: 0, warning: N + 1, info: 0 });
    expect(report.findings[0].file).toBe("a.tfstate");
    expect(report.findings[N]).toMatchObject({ file: "big.tfstate", pointer: `/resources/${N - 1}/instances/0/attributes/password`, markedSensitive: true });
    expect(report.findings[N].message).toBe(`random_password.p${N - 1} result: value Terraform marked sensitive is stored in clear in this state file`);
    expect(report.findings[N].fingerprint).toMatch(/^sha256:[0-9a-f]{12}$/);
  });

  it("streams JSON, SARIF and text in small pieces, the JSON identical to toJson", () => {
    let json = "";
    let biggest = 0;
    for (const c of jsonChunks(result)) {
      json += c;
      biggest = Math.max(biggest, c.length);
    }
    expect(biggest).toBeLessThan(4096);
    expect(json).toBe(toJson(result.toReport()));
    expect(JSON.parse(json).findings).toHaveLength(N + 1);
    // SARIF is capped at GitHub's 25,000 results by default (see guard-audit-ci-gate.test.ts); streamed uncapped here.
    let sarif = 0;
    for (const c of sarifChunks(result, { limits: { maxResults: Infinity, maxGzipBytes: Infinity } })) sarif += c.length;
    expect(sarif).toBeGreaterThan(N * 500);
    let capped = 0;
    for (const c of sarifChunks(result)) capped += c.length;
    expect(capped).toBeLessThan(sarif / 4);
    let lines = 0;
    for (const c of textChunks(result)) lines += c.split("\n").length - 1;
    expect(lines).toBeGreaterThan(2 * N);
  });
});
