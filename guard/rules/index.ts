import type { RuleInfo } from "../finding";
import { AUDIT_RULES } from "./audit-rules";
import { SYNTH_RULES } from "./synth-rules";

/** Every rule the guard knows, synth-time (SG0xx) then audit (SG1xx). */
export const ALL_RULES: readonly RuleInfo[] = [...SYNTH_RULES, ...AUDIT_RULES];

const BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

export function ruleById(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

export { AUDIT_RULES, SYNTH_RULES };
