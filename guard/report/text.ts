import type { Finding, Report, Severity } from "../finding";
import { ruleById } from "../rules";

export interface TextOptions {
  /** ANSI colours; the CLI turns them on only for a TTY without NO_COLOR. */
  readonly color?: boolean;
}

const COLOUR: Record<Severity, string> = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m" };
const DIM = "\x1b[2m";
const BOLD = "\x1b[1m";
const RESET = "\x1b[0m";

/** A report for people: grouped by file, then by rule, with a summary line. */
export function toText(report: Report, options: TextOptions = {}): string {
  const paint = (code: string, s: string) => (options.color ? code + s + RESET : s);
  const lines: string[] = [];
  for (const file of report.files) {
    const inFile = report.findings.filter((f) => f.file === file.path);
    lines.push(paint(BOLD, `${file.path}`) + ` (${file.kind}): ${inFile.length === 0 ? "no findings" : count(inFile.length, "finding")}`);
    const byRule = new Map<string, Finding[]>();
    for (const f of inFile) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    for (const [ruleId, list] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const rule = ruleById(ruleId);
      const sev = list[0].severity;
      lines.push(`  ${paint(COLOUR[sev], `${sev} ${ruleId}`)} ${rule?.name ?? ""} (${list.length})`);
      for (const f of list) {
        const sup = f.suppressed ? paint(DIM, ` [suppressed${f.suppressionReason ? ": " + f.suppressionReason : ""}]`) : "";
        lines.push(`    ${f.message}${sup}`);
        lines.push(paint(DIM, `      at ${f.pointer || "(whole file)"}${f.fingerprint ? "  " + f.fingerprint : ""}${f.markedSensitive ? "  marked sensitive" : ""}`));
      }
      if (rule?.fix) lines.push(paint(DIM, `    fix: ${rule.fix}`));
    }
  }
  const s = report.summary;
  const suppressed = report.findings.filter((f) => f.suppressed).length;
  lines.push(
    `${paint(COLOUR.error, count(s.error, "error"))}, ${paint(COLOUR.warning, count(s.warning, "warning"))}, ${count(s.info, "info", "info")} in ${count(report.files.length, "file")}` +
      (suppressed ? ` (${suppressed} suppressed)` : ""),
  );
  return lines.join("\n") + "\n";
}

function count(n: number, word: string, plural = word + "s"): string {
  return `${n} ${n === 1 ? word : plural}`;
}
