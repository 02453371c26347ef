/**
 * A detector made ready to run: regexes compiled once (sticky), key gate resolved. Matching is linear in the
 * value: the catalogue's one keyword automaton (keyword-automaton.ts) finds where keywords start, the pattern
 * only runs AT those positions with bounded quantifiers (one attempt costs a constant, see
 * linear-pattern.ts), and each WINDOW characters of the value grant at most
 * a fixed number of attempts, so a value flooded with near-miss keywords costs O(length). Windows never cut
 * the text (the regex sees the whole value from the keyword), so a match straddling a window edge is not lost;
 * only a secret preceded by more than ATTEMPTS_PER_WINDOW near-misses in its own window would be.
 */
import { CHECKS } from "./checks";
import { GitleaksSearch } from "./gitleaks-search";
import type { Detector, DetectorHit } from "./detector";
import { entropy, isPlaceholder } from "./text-shapes";
import type { KeyInfo } from "./key-info";

export const WINDOW = 64 * 1024;
export const ATTEMPTS_PER_WINDOW = 512;
/** Key gates look at the first characters of a key only (keys are short; hostile ones are not). */
const MAX_GATED_KEY = 256;

export class CompiledDetector {
  private readonly sticky: RegExp;
  private readonly allow: readonly RegExp[];
  private readonly include?: RegExp;
  private readonly exclude?: RegExp;
  private readonly secretKeyGate: boolean;
  /** A gitleaks rule's own way of searching (a whole-value detector: it has no anchoring keywords). */
  private readonly gitleaks?: GitleaksSearch;
  /**
   * Whether the detector looks only at whole values (no keywords). A field, not a getter: read for every
   * detector of a plan per value, and detector records come in many shapes (a megamorphic load each time).
   */
  readonly wholeValue: boolean;

  constructor(readonly detector: Detector) {
    this.wholeValue = detector.keywords.length === 0;
    const flags = detector.flags ?? "";
    this.sticky = new RegExp(detector.pattern, flags + "y");
    this.allow = (detector.allow ?? []).map((a) => new RegExp(a, flags));
    if (detector.gitleaks) this.gitleaks = new GitleaksSearch(detector, detector.gitleaks);
    const gate = detector.keys;
    this.secretKeyGate = gate === "secret-key";
    if (gate && gate !== "secret-key") {
      if (gate.include) this.include = new RegExp(gate.include);
      if (gate.exclude) this.exclude = new RegExp(gate.exclude);
    }
  }

  get keyGated(): boolean {
    return this.detector.keys !== undefined;
  }

  keyPasses(key: KeyInfo): boolean {
    if (this.secretKeyGate) return key.secretLike;
    const norm = key.norm.length > MAX_GATED_KEY ? key.norm.slice(0, MAX_GATED_KEY) : key.norm;
    if (this.include && !this.include.test(norm)) return false;
    if (this.exclude && this.exclude.test(norm)) return false;
    return true;
  }

  /** A whole-value detector's hit in `value` under `key` (the pattern tried once, at the start); `gatePassed` when the caller already checked the key gate. */
  matchWhole(key: KeyInfo, value: string, gatePassed = false): DetectorHit | undefined {
    if (!gatePassed && !this.keyPasses(key)) return undefined;
    return this.gitleaks ? this.gitleaks.find(value) : this.attempt(value, 0);
  }

  /**
   * A keyword detector's hit in `value`: the pattern tried at `positions[0 .. count)` (where its keywords start,
   * ascending, no repeats; the catalogue's keyword automaton found them), at most ATTEMPTS_PER_WINDOW per WINDOW.
   */
  matchAt(value: string, positions: Int32Array, count: number): DetectorHit | undefined {
    let windowEnd = WINDOW;
    let attempts = 0;
    for (let p = 0; p < count; p++) {
      const at = positions[p];
      if (at >= windowEnd) {
        while (at >= windowEnd) windowEnd += WINDOW;
        attempts = 0;
      }
      if (attempts >= ATTEMPTS_PER_WINDOW) continue; // this window's budget is spent
      attempts++;
      const hit = this.attempt(value, at);
      if (hit) return hit;
    }
    return undefined;
  }

  private attempt(value: string, at: number): DetectorHit | undefined {
    this.sticky.lastIndex = at;
    const m = this.sticky.exec(value);
    if (!m) return undefined;
    const d = this.detector;
    let secret: string | undefined = m[d.secretGroup ?? 0];
    if (secret === undefined) return undefined;
    if (d.check) secret = CHECKS[d.check](secret, m, value);
    if (secret === undefined || isPlaceholder(secret)) return undefined; // a placeholder never fires, whatever matched it
    if (d.minLength !== undefined && secret.length < d.minLength) return undefined;
    if (d.maxLength !== undefined && secret.length > d.maxLength) return undefined;
    if (d.entropy !== undefined && entropy(secret) < d.entropy) return undefined;
    for (const a of this.allow) if (a.test(secret)) return undefined;
    return { detector: d, secret };
  }
}
