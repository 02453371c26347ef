import { createHash } from "node:crypto";
import type { Finding, Severity } from "../finding";
import { SEVERITY_RANK } from "../finding";
import type { AuditResult } from "../audit/audit-files";
import { oneLine } from "../safe-text";
import type { FailOn } from "../audit/fail-on";
import { failsAt } from "../audit/fail-on";
import { verdictOf } from "./plan-audit";

/**
 * The callback body (JSON:API, type task-results): the status, a one-line message and one outcome per finding
 * group. A group is the findings of one rule on one value (same fingerprint), or on one address when the finding
 * is not about a value. An outcome names rule, addresses, fingerprint and fix: never a value. Everything in it
 * comes from the report, whose messages, addresses and pointers the audit already redacted.
 */
export type TaskStatus = "passed" | "failed";

/**
 * Outcomes per callback: HashiCorp's run tasks integration API allows "up to 10 detailed results"; a callback with
 * more could be refused (422) and the run would lose its verdict. The most severe groups are sent; the message
 * says how many there are.
 */
export const MAX_OUTCOMES = 10;
/** Places listed in one outcome's body; the rest are counted. */
const MAX_PLACES = 20;
/** Longest message, description: HCP Terraform shows them on one line. */
const MAX_LINE = 300;

const SEVERITY_TAG: Record<Severity, { label: string; level: "error" | "warning" | "info" }> = {
  error: { label: "High", level: "error" },
  warning: { label: "Medium", level: "warning" },
  info: { label: "Low", level: "info" },
};

export interface TaskResultBody {
  data: {
    type: "task-results";
    attributes: { status: TaskStatus; message: string };
    relationships?: { outcomes: { data: Outcome[] } };
  };
}

export interface Outcome {
  type: "task-result-outcomes";
  attributes: {
    "outcome-id": string;
    description: string;
    body: string;
    tags: Record<string, Array<{ label: string; level: string }>>;
  };
}

/** A result without outcomes (a stage with nothing to audit, a plan that could not be read). */
export function simpleResult(status: TaskStatus, message: string): TaskResultBody {
  return { data: { type: "task-results", attributes: { status, message: clip(oneLine(message)) } } };
}

interface Group {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly fingerprint: string;
  readonly findings: Finding[];
}

/**
 * The result of an audited plan: verdict under --fail-on, counts, and the finding groups that count, as outcomes
 * when `outcomes` (the request's capabilities.outcomes) says the platform accepts them.
 */
export function auditResultBody(result: AuditResult, failOn: FailOn, { outcomes: withOutcomes = true, extra = "" }: { outcomes?: boolean; extra?: string } = {}): { body: TaskResultBody; status: TaskStatus; groups: number } {
  const status = verdictOf(result, failOn);
  const groups = new Map<string, Group>();
  for (let i = 0; i < result.findingCount; i++) {
    const f = result.finding(i);
    if (f.suppressed || f.baseline) continue; // they do not count toward the verdict: not listed
    const key = `${f.ruleId}\0${f.fingerprint || "address:" + f.address}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ruleId: f.ruleId, severity: f.severity, fingerprint: f.fingerprint, findings: [] }));
    g.findings.push(f);
  }
  const sorted = [...groups.values()].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.findings[0].pointer < b.findings[0].pointer ? -1 : 1));
  const outcomes = sorted.slice(0, MAX_OUTCOMES).map((g) => outcomeOf(g, result, failOn));
  const s = result.summary;
  const counts = `${s.error} error${s.error === 1 ? "" : "s"}, ${s.warning} warning${s.warning === 1 ? "" : "s"}, ${s.info} info`;
  const more = sorted.length > MAX_OUTCOMES ? `; ${MAX_OUTCOMES} of ${sorted.length} finding groups listed (secret-guard audit on the plan lists all)` : "";
  const marks = (s.suppressed ? `; ${s.suppressed} suppressed` : "") + (s.baseline !== undefined ? `; ${s.baseline} in the baseline` : "");
  const head = status === "failed" ? "secrets in the plan" : sorted.length ? "no finding at or above --fail-on" : "no secrets found in the plan";
  const message = `secret-guard: ${head}: ${counts} (fail-on ${failOn})${marks}${more}${extra}`;
  const body: TaskResultBody = { data: { type: "task-results", attributes: { status, message: clip(oneLine(message)) } } };
  if (withOutcomes && outcomes.length) body.data.relationships = { outcomes: { data: outcomes } };
  return { body, status, groups: sorted.length };
}

function outcomeOf(g: Group, result: AuditResult, failOn: FailOn): Outcome {
  const rule = result.rules.get(g.ruleId);
  const first = g.findings[0];
  const addresses = [...new Set(g.findings.map((f) => f.address).filter((a) => a !== ""))];
  const where = addresses.length === 0 ? "(whole plan)" : addresses.length === 1 ? addresses[0] : `${addresses[0]} and ${addresses.length - 1} more`;
  const id = g.fingerprint ? `${g.ruleId}-${g.fingerprint.replace(/^sha256:/, "")}` : `${g.ruleId}-${createHash("sha256").update(first.address).digest("hex").slice(0, 12)}`;
  const lines = [
    `**${md(g.ruleId)} ${md(rule?.name ?? "")}** (${g.severity})`,
    "",
    md(oneLine(first.message)),
    "",
    g.fingerprint ? `Value fingerprint: \`${g.fingerprint}\` (the value itself is never shown)` : "",
    "",
    `Places (${g.findings.length}):`,
    ...g.findings.slice(0, MAX_PLACES).map((f) => `- ${code(f.address || "(no address)")}${f.attribute ? " " + code(f.attribute) : ""} at ${code(f.pointer || "(whole file)")}${f.markedSensitive ? " (marked sensitive)" : ""}`),
    ...(g.findings.length > MAX_PLACES ? [`- and ${g.findings.length - MAX_PLACES} more`] : []),
    "",
    rule?.explanation ? `Why: ${md(rule.explanation)}` : "",
    "",
    rule?.fix ? `Fix: ${md(rule.fix)}` : "",
  ];
  return {
    type: "task-result-outcomes",
    attributes: {
      "outcome-id": id,
      description: clip(oneLine(`${g.ruleId} ${rule?.name ?? ""}: ${where}`)),
      body: lines.filter((l, i, all) => !(l === "" && (i === 0 || all[i - 1] === ""))).join("\n").trim(),
      tags: {
        Status: [failsAt(g.severity, failOn) ? { label: "Failed", level: "error" } : { label: "Warning", level: "warning" }],
        Severity: [SEVERITY_TAG[g.severity]],
      },
    },
  };
}

/** Markdown-neutral text: punctuation that could start markup (links, images, HTML, emphasis) is escaped. */
function md(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()<>#!|~]/g, (c) => "\\" + c);
}

/** A code span for an address or pointer (backticks inside are replaced, so the span cannot be closed early). */
function code(text: string): string {
  return "`" + oneLine(text).replace(/`/g, "'") + "`";
}

function clip(s: string): string {
  return s.length <= MAX_LINE ? s : s.slice(0, MAX_LINE - 3) + "...";
}
