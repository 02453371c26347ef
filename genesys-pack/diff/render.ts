import type { Severity } from "../../guard/finding";
import type { Change } from "./compare";
import { oneLine } from "../../guard/safe-text";

export interface DiffReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly before: string;
  readonly after: string;
  readonly changes: readonly Change[];
  readonly summary: { error: number; warning: number; info: number };
}

/** GitHub refuses comments over 65,536 characters; stay under with room to spare. */
export const MARKDOWN_LIMIT = 65_000;

export function summarizeChanges(changes: readonly Change[]): DiffReport["summary"] {
  const s = { error: 0, warning: 0, info: 0 };
  for (const c of changes) s[c.severity]++;
  return s;
}

export function diffToJson(report: DiffReport): string {
  const out = {
    tool: { name: report.tool.name, version: report.tool.version },
    before: report.before,
    after: report.after,
    changes: report.changes.map((c) => ({ kind: c.kind, severity: c.severity, stack: c.stack, address: c.address, client: c.client, message: c.message })),
    summary: { error: report.summary.error, warning: report.summary.warning, info: report.summary.info },
  };
  return JSON.stringify(out, null, 2) + "\n";
}

const ICON: Record<Severity, string> = { error: "🛑", warning: "⚠️", info: "ℹ️" };

/** Markdown-safe inline text: no table breaks, no HTML, no line breaks, no control characters. */
export function md(text: string): string {
  return oneLine(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/`/g, "'");
}

const code = (text: string) => (text ? `\`${md(text)}\`` : "");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function counts(changes: readonly Change[]) {
  const s = summarizeChanges(changes);
  return `${plural(s.error, "error")}, ${plural(s.warning, "warning")}, ${s.info} info`;
}

/**
 * The pull-request comment: a summary table, error-level changes listed first and visible, then one collapsed
 * section per stack. Never longer than `limit` characters: whatever does not fit is counted in a closing note.
 */
export function diffToMarkdown(report: DiffReport, limit = MARKDOWN_LIMIT): string {
  const { changes } = report;
  const stacks = [...new Set(changes.map((c) => c.stack))].sort();
  const head: string[] = [
    "## secret-guard diff",
    "",
    `${code(report.before)} → ${code(report.after)}: **${plural(report.summary.error, "error")}**, ${plural(report.summary.warning, "warning")}, ${report.summary.info} info.`,
    "",
  ];
  if (changes.length === 0) {
    head.push("No security-relevant changes to OAuth clients, secret delivery or the state backend.");
    return head.join("\n") + "\n";
  }
  head.push("| Stack | Errors | Warnings | Info |", "|---|---:|---:|---:|");
  for (const s of stacks) {
    const sc = summarizeChanges(changes.filter((c) => c.stack === s));
    head.push(`| ${md(s)} | ${sc.error} | ${sc.warning} | ${sc.info} |`);
  }
  head.push("");

  const shown = new Set<Change>();
  const noteReserve = 400;
  let text = head.join("\n") + "\n";
  let full = false;
  const push = (line: string, ...items: Change[]): boolean => {
    if (full || text.length + line.length + 1 > limit - noteReserve) {
      full = true;
      return false;
    }
    text += line + "\n";
    for (const i of items) shown.add(i);
    return true;
  };

  const errors = changes.filter((c) => c.severity === "error");
  if (errors.length > 0) {
    push(`### ${ICON.error} Errors`);
    push("");
    for (const c of errors) {
      const who = c.client ? ` (${md(c.client)})` : "";
      push(`- **${md(c.stack)}** ${code(c.address)}${who}: ${md(c.message)} — ${code(c.kind)}`, c);
    }
    push("");
  }
  for (const s of stacks) {
    const own = changes.filter((c) => c.stack === s);
    if (full) break;
    // Open and close a section together, so a cut never leaves an unclosed <details>.
    const open = `<details><summary><b>${md(s)}</b>: ${counts(own)}</summary>\n\n| | Kind | Address | Client | Change |\n|---|---|---|---|---|`;
    const close = "\n</details>\n";
    if (text.length + open.length + close.length + 2 > limit - noteReserve) {
      full = true;
      break;
    }
    text += open + "\n";
    for (const c of own) {
      const row = `| ${ICON[c.severity]} ${c.severity} | ${code(c.kind)} | ${code(c.address)} | ${md(c.client)} | ${md(c.message)} |`;
      if (text.length + row.length + close.length + 1 > limit - noteReserve) {
        full = true;
        break;
      }
      text += row + "\n";
      shown.add(c);
    }
    text += close;
  }
  const omitted = changes.length - shown.size;
  if (omitted > 0) {
    text += `\n_${plural(omitted, "change")} omitted to keep this comment under ${limit.toLocaleString("en-US")} characters; run \`secret-guard diff --format json\` for the full list._\n`;
  }
  return text;
}
