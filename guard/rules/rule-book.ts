import type { RuleInfo } from "../finding";
import type { RulePack } from "./rule";

/**
 * Every rule a run can report, by id: the synth packs in use, the audit's own rules and the detector catalogue
 * (shipped and user detectors). Reports read explanations, fixes and severities from here.
 */
export class RuleBook {
  private readonly byId = new Map<string, RuleInfo>();

  constructor(...sources: ReadonlyArray<RulePack | readonly RuleInfo[]>) {
    for (const s of sources) {
      const infos: readonly RuleInfo[] = "rules" in s ? s.rules.map((r) => r.info) : s;
      for (const info of infos) if (!this.byId.has(info.id)) this.byId.set(info.id, info);
    }
  }

  get(id: string): RuleInfo | undefined {
    return this.byId.get(id);
  }

  all(): readonly RuleInfo[] {
    return [...this.byId.values()];
  }

  /** A rule the book does not know (never expected): reported as an error with its id as its text. */
  getOrUnknown(id: string): RuleInfo {
    return this.byId.get(id) ?? { id, name: id, severity: "error", explanation: id, fix: "" };
  }
}
