import type { Report } from "../guard/finding";
import { toJson, toSarif, toText } from "../guard/report";

const report = (n: number): Report => ({
  tool: { name: "secret-guard", version: "1.2.3" },
  files: [
    { path: "dir/a b.tfstate", kind: "state" },
    { path: "plan.json", kind: "plan" },
  ],
  findings: Array.from({ length: n }, (_, i) => ({
    ruleId: i % 3 === 0 ? "SG103" : "SG101",
    severity: i % 3 === 0 ? ("error" as const) : ("warning" as const),
    file: i % 2 ? "plan.json" : "dir/a b.tfstate",
    pointer: `/resources/${i}/x~1y`,
    address: `a.b${i}`,
    attribute: i % 4 ? "fields.password" : "",
    markedSensitive: i % 2 === 0,
    fingerprint: i % 5 ? "sha256:0123456789ab" : "",
    message: `m "quoted" \n ${i}`,
    suppressed: i === 7,
    ...(i === 7 ? { suppressionReason: "ok" } : {}),
  })),
  summary: { error: 1, warning: 2, info: 0 },
});

describe("report formatters (streamed pieces joined)", () => {
  it.each([0, 1, 9])("JSON is exactly JSON.stringify of the documented shape (%i findings)", (n) => {
    const r = report(n);
    const expected = {
      tool: r.tool,
      files: r.files,
      findings: r.findings, // suppressed findings keep their reason
      summary: r.summary,
    };
    expect(toJson(r)).toBe(JSON.stringify(expected, null, 2) + "\n");
  });

  it.each([0, 9])("SARIF is pretty-printed JSON with one result per finding (%i findings)", (n) => {
    const text = toSarif(report(n));
    const log = JSON.parse(text);
    expect(text).toBe(JSON.stringify(log, null, 2) + "\n");
    expect(log.runs[0].results).toHaveLength(n);
    if (n) expect(log.runs[0].results[7].suppressions).toEqual([{ kind: "external", justification: "ok" }]);
  });

  it("text groups by file then rule", () => {
    const text = toText(report(9));
    expect(text.split("\n")[0]).toBe("dir/a b.tfstate (state): 5 findings");
    expect(text).toContain("(1 suppressed)");
    expect(text.endsWith("in 2 files (1 suppressed)\n")).toBe(true);
  });
});
