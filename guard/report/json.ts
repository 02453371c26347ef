import type { Finding, Report } from "../finding";
import type { RuleBook } from "../rules/rule-book";
import { joinChunks, ReportSource, sourceOf, spliced } from "./source";

/** The JSON report: exactly the documented shape, one finding per (file, pointer), stable key order. */
export function toJson(report: Report, rules?: RuleBook): string {
  return joinChunks(jsonChunks(sourceOf(report, rules)));
}

/** The JSON report in pieces (one per finding), for writing a large report as a stream. */
export function jsonChunks(report: ReportSource): Generator<string> {
  const skeleton = {
    tool: { name: report.tool.name, version: report.tool.version },
    files: report.files.map((f) => ({ path: f.path, kind: f.kind, ...(f.notes?.length ? { notes: f.notes } : {}) })),
    findings: [],
    summary: {
      error: report.summary.error,
      warning: report.summary.warning,
      info: report.summary.info,
      // Only when an ignore file suppressed something / a baseline was given.
      ...(report.summary.suppressed !== undefined ? { suppressed: report.summary.suppressed } : {}),
      ...(report.summary.baseline !== undefined ? { baseline: report.summary.baseline } : {}),
    },
  };
  return spliced(skeleton, "findings", 1, report.findingCount, (i) => jsonFinding(report.finding(i)));
}

function jsonFinding(f: Finding) {
  return {
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
    ...(f.suppressionReason ? { suppressionReason: f.suppressionReason } : {}),
    ...(f.baseline ? { baseline: true } : {}),
  };
}
