/**
 * The detector catalogue and the engine that asks it. Order is priority: precise token formats first, then
 * connection strings, then key-gated shapes, and the generic entropy hint last, so `detect` answers the
 * strongest reading of a value. Besides the value itself it looks inside JSON-encoded strings, multi-line text
 * (`key = value` lines judged under their own key) and base64 of text, each to a bounded depth.
 */
import { ValidationError } from "../errors";
import { CompiledDetector } from "./compiled-detector";
import type { Detector, DetectorHit } from "./detector";
import { SHIPPED_DETECTORS } from "./families";
import { keyInfo, type KeyInfo } from "./key-info";
import { isSecretKeyName } from "./key-names";
import { textAssignments } from "./text-assignments";
import { decodeBase64Text } from "./text-shapes";

/** How deep encodings nest before we stop unwrapping (JSON in base64 in JSON...). */
const MAX_DEPTH = 3;
/** Largest JSON-encoded or base64 value we decode. */
const MAX_DECODE = 1 << 20;
/** How deep objects and arrays nest inside one JSON-encoded value before we stop (stack safety). */
const MAX_NESTING = 64;
/** Shortest value worth judging. */
const MIN_VALUE = 8;
/** Key names whose plan is remembered (then forgotten all at once). */
const KEY_CACHE = 10_000;

type Visit = (hit: DetectorHit) => boolean; // true: stop

export class DetectorCatalogue {
  private readonly compiled: readonly CompiledDetector[];
  private readonly ids: ReadonlyMap<string, Detector>;

  private constructor(private readonly detectors: readonly Detector[]) {
    const ids = new Map<string, Detector>();
    for (const d of detectors) {
      if (ids.has(d.id)) throw new ValidationError(`duplicate detector id ${d.id}: each detector needs its own id`);
      ids.set(d.id, d);
    }
    this.ids = ids;
    this.compiled = detectors.map((d) => new CompiledDetector(d));
    this.prefilter = new KeywordPrefilter(this.compiled);
  }

  private readonly prefilter: KeywordPrefilter;
  /**
   * Per key: the detectors whose key gate passes, in priority order (keys repeat; gates are regular expressions):
   * all of them, the whole-value ones alone, and the keyword ones alone.
   */
  private readonly plans = new WeakMap<KeyInfo, KeyPlan>();

  private planFor(key: KeyInfo): KeyPlan {
    let plan = this.plans.get(key);
    if (!plan) {
      const byPriority: number[] = [];
      for (let i = 0; i < this.compiled.length; i++) if (this.compiled[i].keyPasses(key)) byPriority.push(i);
      const whole = byPriority.filter((i) => this.compiled[i].wholeValue);
      plan = { byPriority, whole, keyword: byPriority.filter((i) => !this.compiled[i].wholeValue) };
      this.plans.set(key, plan);
    }
    return plan;
  }

  static shipped(): DetectorCatalogue {
    return (shippedCatalogue ??= new DetectorCatalogue(SHIPPED_DETECTORS));
  }

  /** No detectors: a base for testing user detectors alone. */
  static empty(): DetectorCatalogue {
    return new DetectorCatalogue([]);
  }

  /** A new catalogue with `extra` added after the shipped ones (they do not override); a duplicate id throws. */
  withDetectors(extra: readonly Detector[]): DetectorCatalogue {
    return new DetectorCatalogue([...this.detectors, ...extra]);
  }

  all(): readonly Detector[] {
    return this.detectors;
  }

  byId(id: string): Detector | undefined {
    return this.ids.get(id);
  }

  isSecretKey(name: string): boolean {
    return isSecretKeyName(name);
  }

  /** The strongest hit for `value` under `key`, or undefined. */
  detect(key: string, value: string): DetectorHit | undefined {
    // One visitor for all calls (not a closure per call: this runs for nearly every string of a file).
    if (value.length < MIN_VALUE) return undefined;
    // The key's info and plan in one lookup (keys repeat; two lookups per string showed in profiles).
    let named = this.byName.get(key);
    if (!named) {
      const info = keyInfo(key);
      named = { info, plan: this.planFor(info) };
      if (this.byName.size >= KEY_CACHE) this.byName.clear(); // a bound, as keyInfo's
      this.byName.set(key, named);
    }
    const outer = this.found;
    this.found = undefined;
    this.scan(named.info, value, 0, this.takeFirst, named.plan);
    const found = this.found as DetectorHit | undefined;
    this.found = outer;
    return found;
  }

  private readonly byName = new Map<string, { readonly info: KeyInfo; readonly plan: KeyPlan }>();
  private found: DetectorHit | undefined;
  private readonly takeFirst: Visit = (h) => ((this.found = h), true);

  /** Every detector that fires (once each), strongest first. */
  detectAll(key: string, value: string): DetectorHit[] {
    const hits = new Map<string, DetectorHit>();
    this.scan(keyInfo(key), value, 0, (h) => (hits.has(h.detector.id) || hits.set(h.detector.id, h), false));
    return [...hits.values()].sort((a, b) => this.detectors.indexOf(a.detector) - this.detectors.indexOf(b.detector));
  }

  private scan(key: KeyInfo, value: string, depth: number, visit: Visit, plan: KeyPlan = this.planFor(key)): boolean {
    if (value.length < MIN_VALUE) return false;
    const c = value.charCodeAt(0);
    if ((c === 0x7b || c === 0x5b) && depth < MAX_DEPTH && value.length <= MAX_DECODE) {
      // A JSON-encoded document (jsonencode(...)): its members are judged under their own keys.
      const parsed = parseJson(value);
      if (parsed.ok) return this.scanJson(parsed.value, key, depth + 1, visit);
    }
    // One pass over the value says which keyword detectors can match at all; only those (and the whole-value
    // ones whose key gate passes) run.
    if (plan.keyword.length > 0) {
      if (this.prefilter.check(value)) {
        const flags = this.prefilter.flags;
        for (const i of plan.byPriority) {
          if (!this.compiled[i].wholeValue && flags[i] === 0) continue;
          const hit = this.compiled[i].match(key, value, true);
          if (hit && visit(hit)) return true;
        }
      } else {
        for (const i of plan.whole) {
          const hit = this.compiled[i].match(key, value, true);
          if (hit && visit(hit)) return true;
        }
      }
    } else {
      for (const i of plan.whole) {
        const hit = this.compiled[i].match(key, value, true);
        if (hit && visit(hit)) return true;
      }
    }
    if (depth >= MAX_DEPTH) return false;
    if (value.includes("\n") && this.scanLines(value, visit)) return true;
    if (value.length >= 16 && value.length <= MAX_DECODE) {
      const text = decodeBase64Text(value);
      if (text !== undefined && this.scan(key, text, depth + 1, visit, plan)) return true;
    }
    return false;
  }

  /** Lines `name = value` / `name: value` in text: whole-value detectors judge the value under `name`. */
  private scanLines(text: string, visit: Visit): boolean {
    const wholeValue = this.compiled.filter((d) => d.wholeValue);
    for (const { name, value } of textAssignments(text)) {
      if (value.length < MIN_VALUE) continue;
      const key = keyInfo(name);
      for (const d of wholeValue) {
        if (!d.keyPasses(key)) continue;
        const hit = d.match(key, value);
        if (hit && visit(hit)) return true;
      }
    }
    return false;
  }

  /** Members of a parsed document, nested at most MAX_NESTING deep (deeper ones are not judged). */
  private scanJson(v: unknown, key: KeyInfo, depth: number, visit: Visit, nesting = 0): boolean {
    if (typeof v === "string") return this.scan(key, v, depth, visit);
    if (v === null || typeof v !== "object" || nesting >= MAX_NESTING) return false;
    // Plain loops (no entries arrays): JSON-encoded policies and settings are common in states and plans.
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (this.scanJson(v[i], key, depth, visit, nesting + 1)) return true;
      return false;
    }
    for (const k in v) if (this.scanJson((v as Record<string, unknown>)[k], keyInfo(k), depth, visit, nesting + 1)) return true;
    return false;
  }
}

let shippedCatalogue: DetectorCatalogue | undefined;

/** Which detectors run for values under one key. */
interface KeyPlan {
  readonly byPriority: readonly number[];
  readonly whole: readonly number[];
  readonly keyword: readonly number[];
}

/**
 * Which keyword detectors can match a value, from one pass over its characters: each keyword's first two
 * characters (a bigram) point to the keywords starting with them, and a detector is possible only where one of its
 * keywords occurs whole (common bigrams such as "pa" or "ke" would otherwise send most values to the regexes).
 */
class KeywordPrefilter {
  /** Bigram (two 8-bit characters) -> the keywords starting with it, with their detector's index. */
  private readonly byBigram = new Map<number, Array<{ readonly detector: number; readonly keyword: string }>>();
  /** Detectors with a one-character keyword (rare): always possible. */
  private readonly always: number[] = [];
  /** Per detector, 1 when `check` found one of its keywords (overwritten by the next call). */
  readonly flags: Uint8Array;
  /** 1 where a bigram starts some keyword: the fast check before the map. */
  private readonly starts = new Uint8Array(1 << 16);

  constructor(compiled: readonly CompiledDetector[]) {
    this.flags = new Uint8Array(compiled.length);
    compiled.forEach((d, i) => {
      for (const k of d.detector.keywords) {
        const a = k.charCodeAt(0);
        const b = k.charCodeAt(1);
        if (k.length < 2 || a > 0xff || b > 0xff) {
          this.always.push(i);
          continue;
        }
        const key = (a << 8) | b;
        this.starts[key] = 1;
        const list = this.byBigram.get(key);
        if (!list) this.byBigram.set(key, [{ detector: i, keyword: k }]);
        else if (!list.some((e) => e.detector === i && e.keyword === k)) list.push({ detector: i, keyword: k });
      }
    });
  }

  /** Sets `flags` for `value`; true when any is set. (No result object: it runs for nearly every string.) */
  check(value: string): boolean {
    const f = this.flags;
    let any = this.always.length > 0;
    if (this.dirty) f.fill(0);
    this.dirty = false;
    for (const i of this.always) f[i] = 1;
    // The last two characters, 8 bits each: a character above 0xff aliases another bigram, which startsWith
    // then refuses (keywords are 8-bit), so the loop needs no range checks.
    let bigram = value.charCodeAt(0) & 0xff;
    for (let j = 1; j < value.length; j++) {
      bigram = ((bigram << 8) | value.charCodeAt(j)) & 0xffff;
      if (this.starts[bigram] === 1) {
        for (const e of this.byBigram.get(bigram)!) {
          if (f[e.detector] === 0 && value.startsWith(e.keyword, j - 1)) {
            f[e.detector] = 1;
            any = this.dirty = true;
          }
        }
      }
    }
    return any;
  }

  private dirty = true;
}

function parseJson(v: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(v) };
  } catch {
    return { ok: false };
  }
}
