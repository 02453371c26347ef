import type { Report } from "../finding";

/** The JSON report: exactly the documented shape, one finding per (file, pointer), stable key order. */
export function toJson(report: Report): string {
  const out = {
    tool: { name: report.tool.name, version: report.tool.version },
    files: report.files.map((f) => ({ path: f.path, kind: f.kind })),
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.file,
      pointer: f.pointer,
      address: f.address,
      attribute: f.attribute,
      markedSensitive: f.markedSensitive,
      fingerprint: f.fingerprint,
      message: f.message,
      suppressed: f.suppressed,
    })),
    summary: { error: report.summary.error, warning: report.summary.warning, info: report.summary.info },
  };
  return JSON.stringify(out, null, 2) + "\n";
}
