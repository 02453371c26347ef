import type { KnownValue } from "../audit/audit-file";
import { auditFile } from "../audit/audit-file";
import { AuditResult, auditRuleBook, fileAuditOptions } from "../audit/audit-files";
import type { FailOn } from "../audit/fail-on";
import { reportFails } from "../audit/fail-on";
import type { IgnoreList } from "../audit/ignore-file";
import type { Baseline } from "../audit/baseline";
import type { ByteSource } from "../audit/read/file-chunks";
import type { DetectorCatalogue } from "../detectors/catalogue";
import type { ProviderFacts } from "../provider-facts";
import { TERRAFORM_SECRETS_PACK } from "../rules";
import type { RulePack } from "../rules/rule";

/**
 * What `secret-guard audit` would use, loaded once when the server starts (a bad ignore file or detector file
 * stops it there, not at the first run): the same engine, rules, detectors, known values, ignore list, baseline
 * and --fail-on.
 */
export interface PlanAuditSettings {
  readonly facts: ProviderFacts;
  readonly detectors: DetectorCatalogue;
  readonly packs?: readonly RulePack[];
  readonly known: readonly KnownValue[];
  readonly maxPieceBytes?: number;
  readonly ignore?: IgnoreList;
  readonly baseline?: Baseline;
  readonly failOn: FailOn;
}

/** Thrown out of an audit whose run was stopped (the server shut down): nobody waits for its result. */
export class AuditStopped extends Error {}

/** Bytes handed to the audit between two turns of the event loop. */
const SLICE_BYTES = 1024 * 1024;

/**
 * A plan in memory as the audit's source, handed over a slice at a time with a turn of the event loop between
 * slices: a big plan's audit then leaves room for other requests (each must get its 200 at once), for SIGTERM,
 * and for `signal`, which stops it at the next slice.
 */
function interruptibleSource(display: string, parts: readonly Buffer[], signal?: AbortSignal): ByteSource {
  return {
    display,
    chunks: async (take) => {
      let since = 0;
      for (const part of parts) {
        if (signal?.aborted) throw new AuditStopped("the audit was stopped");
        take(part);
        since += part.length;
        if (since < SLICE_BYTES) continue;
        since = 0;
        await new Promise((r) => setImmediate(r));
      }
      if (signal?.aborted) throw new AuditStopped("the audit was stopped");
    },
  };
}

/**
 * Audits a plan held in memory as `audit` audits a file; findings are named as in `display`. `signal` stops it
 * (AuditStopped) between slices of the plan.
 */
export async function auditPlan(parts: readonly Buffer[], display: string, s: PlanAuditSettings, signal?: AbortSignal): Promise<AuditResult> {
  const packs = s.packs ?? [TERRAFORM_SECRETS_PACK];
  const r = await auditFile(interruptibleSource(display, parts, signal), display, fileAuditOptions({ packs, facts: s.facts, detectors: s.detectors, known: s.known, maxPieceBytes: s.maxPieceBytes }));
  const result = new AuditResult([{ path: display, kind: r.kind, findings: r.findings }], auditRuleBook(packs, s.detectors));
  if (s.ignore || s.baseline) result.mark((f) => ({ suppressionReason: s.ignore?.match(f), baseline: s.baseline?.has(f) }), s.baseline !== undefined);
  return result;
}

/** The audit's verdict: failed when an unsuppressed finding (not in the baseline) is at or above --fail-on, as `audit` exits 1. */
export function verdictOf(result: AuditResult, failOn: FailOn): "passed" | "failed" {
  return reportFails(result.summary, failOn) ? "failed" : "passed";
}
