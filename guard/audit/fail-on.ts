import type { ReportSummary, Severity } from "../finding";
import { SEVERITY_RANK } from "../finding";

/** --fail-on's levels, for `audit`'s exit code and a run task's verdict. */
export const FAIL_ON = ["error", "warning", "info", "none"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Whether a finding of this severity fails under --fail-on. */
export function failsAt(severity: Severity, failOn: FailOn): boolean {
  return failOn !== "none" && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}

/**
 * Whether a report fails under --fail-on: an unsuppressed finding at or above the level (the summary counts only
 * those; with --baseline, only those not in the baseline).
 */
export function reportFails(summary: ReportSummary, failOn: FailOn): boolean {
  return (Object.keys(SEVERITY_RANK) as Severity[]).some((sev) => summary[sev] > 0 && failsAt(sev, failOn));
}
