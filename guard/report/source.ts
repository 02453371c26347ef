import type { Finding, Report, ScannedFile } from "../finding";
import { genericRuleBook } from "../rules";
import type { RuleBook } from "../rules/rule-book";

/**
 * What the formatters read: a report whose findings are produced one at a time, by index, so a report with
 * hundreds of thousands of findings never exists as one array of full findings (or as one string).
 */
export interface ReportSource {
  readonly tool: Report["tool"];
  readonly files: readonly ScannedFile[];
  readonly summary: Report["summary"];
  readonly findingCount: number;
  /** The i-th finding in report order; may build a fresh object on every call. */
  finding(i: number): Finding;
  /** Explanations, fixes and severities of the rules the findings name. */
  readonly rules: RuleBook;
}

export function sourceOf(report: Report, rules: RuleBook = genericRuleBook()): ReportSource {
  return {
    rules,
    tool: report.tool,
    files: report.files,
    summary: report.summary,
    findingCount: report.findings.length,
    finding: (i) => report.findings[i],
  };
}

/** Joins a formatter's chunks (the string formatters for small reports). */
export function joinChunks(chunks: Iterable<string>): string {
  let out = "";
  for (const c of chunks) out += c;
  return out;
}

/** JSON.stringify(value, null, 2) of a value nested `depth` levels deep in a pretty-printed document. */
export function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n" + "  ".repeat(depth));
}

/**
 * Streams a pretty-printed document whose one array member `key` (at `depth`, empty in `skeleton`) holds
 * `count` items: the same bytes as JSON.stringify of the whole document with the items in place.
 */
export function* spliced(skeleton: unknown, key: string, depth: number, count: number, item: (i: number) => unknown): Generator<string> {
  const text = JSON.stringify(skeleton, null, 2) + "\n";
  const hole = `\n${"  ".repeat(depth)}${JSON.stringify(key)}: []`;
  const at = text.indexOf(hole); // raw newlines only occur between members, never inside strings
  if (at < 0) throw new Error(`report skeleton has no empty ${key}`);
  const cut = at + hole.length - 1;
  if (count === 0) {
    yield text;
    return;
  }
  yield text.slice(0, cut);
  const pad = "\n" + "  ".repeat(depth + 1);
  for (let i = 0; i < count; i++) yield (i ? "," : "") + pad + nested(item(i), depth + 1);
  yield "\n" + "  ".repeat(depth) + text.slice(cut);
}
