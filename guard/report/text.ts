import type { Report, Severity } from "../finding";
import type { RuleBook } from "../rules/rule-book";
import { joinChunks, ReportSource, sourceOf } from "./source";
import { escapeControls as esc } from "../safe-text";

export interface TextOptions {
  /** Rules the findings name (default: the generic guard's). */
  readonly rules?: RuleBook;
  /** ANSI colours; the CLI turns them on only for a TTY without NO_COLOR. */
  readonly color?: boolean;
}

const COLOUR: Record<Severity, string> = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m" };
const DIM = "\x1b[2m";
const BOLD = "\x1b[1m";
const RESET = "\x1b[0m";

/**
 * A report for people: grouped by file, then by rule, with a summary line. Everything that comes from input
 * (paths, messages, pointers) has its control characters escaped (guard/safe-text.ts).
 */
export function toText(report: Report, options: TextOptions = {}): string {
  return joinChunks(textChunks(sourceOf(report, options.rules), options));
}

/** The text report in pieces (a few lines each), for writing a large report as a stream. */
export function* textChunks(report: ReportSource, options: TextOptions = {}): Generator<string> {
  const paint = (code: string, s: string) => (options.color ? code + s + RESET : s);
  // Finding indexes by file, then by rule, in report order.
  const byFile = new Map<string, Map<string, number[]>>();
  let suppressed = 0;
  for (let i = 0; i < report.findingCount; i++) {
    const f = report.finding(i);
    if (f.suppressed) suppressed++;
    let byRule = byFile.get(f.file);
    if (!byRule) byFile.set(f.file, (byRule = new Map()));
    const list = byRule.get(f.ruleId);
    if (list) list.push(i);
    else byRule.set(f.ruleId, [i]);
  }
  for (const file of report.files) {
    const byRule = byFile.get(file.path) ?? new Map<string, number[]>();
    let inFile = 0;
    for (const list of byRule.values()) inFile += list.length;
    yield paint(BOLD, esc(file.path)) + ` (${esc(file.kind)}): ${inFile === 0 ? "no findings" : count(inFile, "finding")}\n`;
    for (const note of file.notes ?? []) yield `  note: ${esc(note)}\n`;
    for (const [ruleId, list] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const rule = report.rules.get(ruleId);
      const sev = report.finding(list[0]).severity;
      yield `  ${paint(COLOUR[sev], `${sev} ${ruleId}`)} ${esc(rule?.name ?? "")} (${list.length})\n`;
      for (const i of list) {
        const f = report.finding(i);
        const sup = f.suppressed ? paint(DIM, ` [suppressed${f.suppressionReason ? ": " + esc(f.suppressionReason) : ""}]`) : "";
        const base = f.baseline ? paint(DIM, " [in baseline]") : "";
        yield `    ${esc(f.message)}${sup}${base}\n` +
          paint(DIM, `      at ${esc(f.pointer) || "(whole file)"}${f.fingerprint ? "  " + f.fingerprint : ""}${f.markedSensitive ? "  marked sensitive" : ""}`) +
          "\n";
      }
      if (rule?.fix) yield paint(DIM, `    fix: ${esc(rule.fix)}`) + "\n";
    }
  }
  yield summaryLine(report.summary, report.files.length, { color: options.color, suppressed }) + "\n";
}

/**
 * The closing summary of an audit, the same words whether the report goes to stdout (its last line) or to a file
 * (`secret-guard audit --output`): `2 errors, 1 warning, 0 info in 3 files (1 suppressed)`.
 */
export function summaryLine(
  s: { error: number; warning: number; info: number; suppressed?: number; baseline?: number },
  files: number,
  options: { color?: boolean; suppressed?: number } = {},
): string {
  const paint = (code: string, t: string) => (options.color ? code + t + RESET : t);
  const suppressed = options.suppressed ?? s.suppressed ?? 0;
  return (
    `${paint(COLOUR.error, count(s.error, "error"))}, ${paint(COLOUR.warning, count(s.warning, "warning"))}, ${count(s.info, "info", "info")} in ${count(files, "file")}` +
    (suppressed ? ` (${suppressed} suppressed)` : "") +
    (s.baseline !== undefined ? `; ${s.baseline} already in the baseline (not counted)` : "")
  );
}

function count(n: number, word: string, plural = word + "s"): string {
  return `${n} ${n === 1 ? word : plural}`;
}
