/**
 * How a rule read from a gitleaks file searches, as gitleaks does (the shipped detectors anchor at a keyword
 * instead): the rule runs only on a value that holds one of its keywords in any case; its pattern is searched
 * for anywhere in the value, every match in turn until one is a secret; the secret is the rule's secretGroup,
 * else the first capture group that matched something, else the whole match; its entropy must exceed the
 * rule's; and an allowlist (the rule's own, or the file's) that matches dismisses it. The pattern passed the
 * linear-time gate (one attempt costs a bounded amount), so searching a value costs at most its length times that.
 */
import type { Detector, DetectorHit } from "./detector";
import { entropy } from "./text-shapes";

/** One gitleaks allowlist, reduced to what applies to a value in a state or plan (see gitleaks-rules.ts). */
export interface GitleaksAllowlist {
  /** OR: any criterion given dismisses; AND: all of them must. */
  readonly condition: "OR" | "AND";
  /** What `regexes` are tested on: the secret, the whole match, or the match's line within the value. */
  readonly regexTarget: "secret" | "match" | "line";
  /** JavaScript sources (translated from RE2 and gated). */
  readonly regexes: readonly string[];
  /** Lower-case words: a secret that contains one is dismissed. */
  readonly stopwords: readonly string[];
}

/** The part of a Detector that makes it search the gitleaks way. */
export interface GitleaksRuleSearch {
  /** Lower case; none: the pattern runs on every value. */
  readonly keywords: readonly string[];
  readonly allowlists: readonly GitleaksAllowlist[];
  /** The rule's entropy, which a secret must exceed (0: none). */
  readonly entropy: number;
}

interface CompiledAllowlist {
  readonly and: boolean;
  readonly target: GitleaksAllowlist["regexTarget"];
  readonly regexes: readonly RegExp[];
  readonly stopwords: readonly string[];
}

/** Longest value whose lower-case form is remembered. */
const CACHED_LENGTH = 1 << 16;
/** The last value lower-cased, shared by every gitleaks rule: they judge the same value one after the other. */
let lastValue = "";
let lastLower = "";

export class GitleaksSearch {
  private readonly re: RegExp;
  private readonly allowlists: readonly CompiledAllowlist[];

  constructor(
    private readonly detector: Detector,
    private readonly spec: GitleaksRuleSearch,
  ) {
    this.re = new RegExp(detector.pattern, "g");
    this.allowlists = spec.allowlists.map((a) => ({ and: a.condition === "AND", target: a.regexTarget, regexes: a.regexes.map((r) => new RegExp(r)), stopwords: a.stopwords }));
  }

  find(value: string): DetectorHit | undefined {
    const kws = this.spec.keywords;
    if (kws.length > 0) {
      let lower: string;
      if (value === lastValue) lower = lastLower;
      else {
        lower = value.toLowerCase();
        // Only short values are remembered: a long one would stay alive (twice) until the next value.
        if (value.length <= CACHED_LENGTH) (lastValue = value), (lastLower = lower);
      }
      let any = false;
      for (const k of kws) {
        if (lower.includes(k)) {
          any = true;
          break;
        }
      }
      if (!any) return undefined;
    }
    const re = this.re;
    re.lastIndex = 0;
    for (let m = re.exec(value); m !== null; m = re.exec(value)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const secret = this.secretOf(m);
      if (secret.length === 0) continue;
      if (this.spec.entropy > 0 && entropy(secret) <= this.spec.entropy) continue;
      if (this.allowlists.some((a) => dismisses(a, secret, m!, value))) continue;
      return { detector: this.detector, secret };
    }
    return undefined;
  }

  private secretOf(m: RegExpExecArray): string {
    const group = this.detector.secretGroup;
    if (group) return m[group] ?? "";
    for (let g = 1; g < m.length; g++) if (m[g]) return m[g];
    return m[0];
  }
}

function dismisses(a: CompiledAllowlist, secret: string, m: RegExpExecArray, value: string): boolean {
  const hasRegexes = a.regexes.length > 0;
  const hasStopwords = a.stopwords.length > 0;
  if (!hasRegexes && !hasStopwords) return false;
  let regexHit = false;
  if (hasRegexes) {
    const target = a.target === "secret" ? secret : a.target === "match" ? m[0] : lineOf(value, m.index, m.index + m[0].length);
    regexHit = a.regexes.some((r) => r.test(target));
  }
  let stopHit = false;
  if (hasStopwords) {
    const lower = secret.toLowerCase();
    stopHit = a.stopwords.some((w) => lower.includes(w));
  }
  return a.and ? (!hasRegexes || regexHit) && (!hasStopwords || stopHit) : regexHit || stopHit;
}

/** The line of `value` holding [start, end). */
function lineOf(value: string, start: number, end: number): string {
  const from = value.lastIndexOf("\n", start - 1) + 1;
  const to = value.indexOf("\n", end);
  return value.slice(from, to < 0 ? value.length : to);
}
