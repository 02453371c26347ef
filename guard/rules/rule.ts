import type { RuleInfo } from "../finding";
import type { ConfigDocument } from "./config-document";

/** A rule's hit in a Terraform JSON configuration. Messages never hold a value: fingerprints stand in. */
export interface RuleHit {
  /** JSON pointer into the configuration document. */
  readonly pointer: string;
  readonly address: string;
  readonly attribute: string;
  /** fingerprint() of the secret value, "" when the hit is not about a value. */
  readonly fingerprint: string;
  readonly message: string;
  /** Construct path from cdktf's `//` metadata, when the block has it. */
  readonly constructPath?: string;
}

/** A hit with the id of the rule that made it. */
export interface ConfigFinding extends RuleHit {
  readonly ruleId: string;
}

/**
 * One synth rule (cdk-nag's shape): what it is (`info`: id, severity, explanation, fix) and how it is checked,
 * together in one module.
 */
export interface SynthRule {
  readonly info: RuleInfo;
  /**
   * Rules this one says more precisely at the same place (a pack's own rule for an argument that a generic rule
   * would also flag): their hits at a pointer this rule hits are dropped.
   */
  readonly supersedes?: readonly string[];
  /**
   * The rule judges any Terraform JSON configuration, not only a whole cdktf stack (literal secrets). Without
   * it a rule runs only on cdktf's output (a `cdk.tf.json` with its `//` metadata): a hand-written `*.tf.json`
   * is one file of a module, so "no backend" or "output not sensitive" cannot be judged from it alone.
   */
  readonly anyConfiguration?: boolean;
  check(doc: ConfigDocument): Iterable<RuleHit>;
}

/** Rules that are applied together, e.g. the generic Terraform pack or the Genesys pack. */
export interface RulePack {
  readonly name: string;
  readonly rules: readonly SynthRule[];
}

/** A pack made of other packs and rules (cdk-nag's NagPack composition); a rule id may appear only once. */
export function rulePack(name: string, ...parts: ReadonlyArray<RulePack | SynthRule>): RulePack {
  const rules: SynthRule[] = [];
  const ids = new Set<string>();
  for (const p of parts) {
    for (const r of "rules" in p ? p.rules : [p]) {
      if (ids.has(r.info.id)) throw new Error(`rule pack ${name}: rule ${r.info.id} is included twice`);
      ids.add(r.info.id);
      rules.push(r);
    }
  }
  return { name, rules };
}

/** The packs' rules that judge any configuration file (anyConfiguration), for a hand-written `*.tf.json`. */
export function anyConfigurationRules(packs: readonly RulePack[]): RulePack[] {
  return packs.map((p) => ({ name: p.name, rules: p.rules.filter((r) => r.anyConfiguration === true) })).filter((p) => p.rules.length > 0);
}

/** Whether a parsed top-level `//` member is cdktf's metadata (`{"metadata": {...}}`), not a JSON comment. */
export function isCdktfMetadata(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && typeof (value as { metadata?: unknown }).metadata === "object";
}

/** Runs packs over a configuration; one finding per rule and place, in pack order. */
export function runRulePacks(doc: ConfigDocument, packs: readonly RulePack[]): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const seen = new Set<string>();
  const superseded = new Set<string>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      for (const hit of rule.check(doc)) {
        const key = `${rule.info.id} ${hit.pointer}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ ruleId: rule.info.id, ...hit });
        for (const id of rule.supersedes ?? []) superseded.add(`${id} ${hit.pointer}`);
      }
    }
  }
  return superseded.size ? out.filter((f) => !superseded.has(`${f.ruleId} ${f.pointer}`)) : out;
}
