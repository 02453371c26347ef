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
import { decodeBase64, isBase64Text } from "./text-shapes";

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
/**
 * Encoded values (JSON, base64 text) judged clean that are remembered, and their characters in all: they repeat
 * across a file (provider private data, policies), and a repeat costs one lookup instead of decoding and judging
 * every member again. Forgotten all at once. (Plain values are not remembered: a lookup costs what judging does.)
 */
const CLEAN_CACHE = 16_384;
const CLEAN_CACHE_CHARS = 1 << 22;
/** Longest encoded value remembered as clean. */
const CLEAN_MAX_LENGTH = 1 << 16;

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
  /** At most one plan per subset of the detectors (a few in practice). */
  private readonly plansBySignature = new Map<string, KeyPlan>();
  /** Encoded values whose scan (from the top, as `detect` runs it) found nothing, with the plan used. */
  private readonly clean = new Map<string, KeyPlan>();
  private cleanChars = 0;

  private planFor(key: KeyInfo): KeyPlan {
    let plan = this.plans.get(key);
    if (!plan) {
      const byPriority: number[] = [];
      for (let i = 0; i < this.compiled.length; i++) if (this.compiled[i].keyPasses(key)) byPriority.push(i);
      // One plan object per set of detectors, so a value judged clean under one key is clean under every key
      // with the same plan (what a scan finds depends only on the plan and the value).
      const signature = byPriority.join(",");
      plan = this.plansBySignature.get(signature);
      if (!plan) {
        const whole = byPriority.filter((i) => this.compiled[i].wholeValue);
        plan = { byPriority, whole, keyword: byPriority.filter((i) => !this.compiled[i].wholeValue) };
        this.plansBySignature.set(signature, plan);
      }
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
    this.scan(named.info, value, 0, this.takeFirst, named.plan, true);
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

  /**
   * Visits the hits in `value`; true when `visit` said stop. `memo`: the first hit stops the scan (so false means
   * nothing was found), and encoded values found clean may be remembered.
   */
  private scan(key: KeyInfo, value: string, depth: number, visit: Visit, plan: KeyPlan = this.planFor(key), memo = false): boolean {
    if (value.length < MIN_VALUE) return false;
    const c = value.charCodeAt(0);
    if ((c === 0x7b || c === 0x5b) && depth < MAX_DEPTH && value.length <= MAX_DECODE) {
      // A JSON-encoded document (jsonencode(...)): its members are judged under their own keys.
      if (memo && this.clean.get(value) === plan) return false;
      const parsed = parseJson(value);
      if (parsed.ok) {
        if (this.scanJson(parsed.value, key, depth + 1, visit)) return true;
        if (memo) this.rememberClean(value, plan);
        return false;
      }
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
    if (value.length >= 16 && value.length <= MAX_DECODE && isBase64Text(value)) {
      if (memo && this.clean.get(value) === plan) return false;
      if (this.scan(key, decodeBase64(value), depth + 1, visit, plan)) return true;
      if (memo) this.rememberClean(value, plan);
    }
    return false;
  }

  private rememberClean(value: string, plan: KeyPlan): void {
    if (value.length > CLEAN_MAX_LENGTH) return;
    if (this.clean.size >= CLEAN_CACHE || this.cleanChars >= CLEAN_CACHE_CHARS) {
      this.clean.clear();
      this.cleanChars = 0;
    }
    this.clean.set(value, plan);
    this.cleanChars += value.length;
  }

  /**
   * Lines `name = value` / `name: value` in text: whole-value detectors judge the value under `name`. The key's
   * plan is cached, so a name that repeats costs its key gates once, not once per line and detector.
   */
  private scanLines(text: string, visit: Visit): boolean {
    for (const { name, value } of textAssignments(text)) {
      if (value.length < MIN_VALUE) continue;
      const key = keyInfo(name);
      // The key's cached plan: its gates run once per distinct name, not once per line and detector.
      for (const i of this.planFor(key).whole) {
        const hit = this.compiled[i].match(key, value, true);
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
 * Which keyword detectors can match a value, from one pass over its characters: each keyword's first two bigrams
 * point to it, and a detector is possible only where one of its keywords occurs whole (common bigrams such as
 * "pa" or "ke" would otherwise send most values to the regexes). The pass reads the bigram ending at every second
 * character: a keyword of three or more characters spans two bigrams ending at consecutive characters, so one
 * of them is read. Shorter keywords (and keywords beyond 8-bit characters) make their detector always possible.
 */
class KeywordPrefilter {
  /** Bigram (two 8-bit characters) -> the keywords with it at offset 0 or 1, their detector's index and the offset. */
  private readonly byBigram = new Map<number, Array<{ readonly detector: number; readonly keyword: string; readonly offset: number }>>();
  /** Detectors with a keyword of one or two characters (rare): always possible. */
  private readonly always: number[] = [];
  /** Per detector, 1 when `check` found one of its keywords (overwritten by the next call). */
  readonly flags: Uint8Array;
  /** A bit per bigram of some keyword: the fast check before the map (8 KB, so it stays in the first-level cache). */
  private readonly bigrams = new Int32Array((1 << 16) >> 5);

  constructor(compiled: readonly CompiledDetector[]) {
    this.flags = new Uint8Array(compiled.length);
    compiled.forEach((d, i) => {
      for (const k of d.detector.keywords) {
        if (k.length < 3 || k.charCodeAt(0) > 0xff || k.charCodeAt(1) > 0xff || k.charCodeAt(2) > 0xff) {
          if (!this.always.includes(i)) this.always.push(i);
          continue;
        }
        for (let offset = 0; offset < 2; offset++) {
          const key = (k.charCodeAt(offset) << 8) | k.charCodeAt(offset + 1);
          this.bigrams[key >> 5] |= 1 << (key & 31);
          const list = this.byBigram.get(key);
          const entry = { detector: i, keyword: k, offset };
          if (!list) this.byBigram.set(key, [entry]);
          else if (!list.some((e) => e.detector === i && e.keyword === k && e.offset === offset)) list.push(entry);
        }
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
    const bigrams = this.bigrams;
    // 8 bits of each character: one above 0xff aliases another bigram, which startsWith then refuses.
    for (let j = 1; j < value.length; j += 2) {
      const b = ((value.charCodeAt(j - 1) & 0xff) << 8) | (value.charCodeAt(j) & 0xff);
      if ((bigrams[b >> 5] & (1 << (b & 31))) === 0) continue;
      for (const e of this.byBigram.get(b)!) {
        if (f[e.detector] === 0 && value.startsWith(e.keyword, j - 1 - e.offset)) {
          f[e.detector] = 1;
          any = this.dirty = true;
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
