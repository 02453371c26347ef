/**
 * The detector catalogue and the engine that asks it. Order is priority: precise token formats first, then
 * connection strings, then key-gated shapes, and the generic entropy hint last, so `detect` answers the
 * strongest reading of a value. Besides the value itself it looks inside JSON-encoded strings, multi-line text
 * (`key = value` lines judged under their own key) and base64 of text, each to a bounded depth.
 */
import { ValidationError } from "../errors";
import { ATTEMPTS_PER_WINDOW, CompiledDetector, WINDOW } from "./compiled-detector";
import type { Detector, DetectorHit } from "./detector";
import { SHIPPED_DETECTORS, USER_DETECTORS_AT } from "./families";
import { KeywordAutomaton } from "./keyword-automaton";
import { keyInfo, type KeyInfo } from "./key-info";
import { isSecretKeyName } from "./key-names";
import { lineAssignment, textAssignments, type TextAssignment } from "./text-assignments";
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

  /**
   * `userAt`: where withDetectors inserts (after the shipped vendor formats, before the generic readings).
   */
  private constructor(
    private readonly detectors: readonly Detector[],
    private readonly userAt = detectors.length,
  ) {
    const ids = new Map<string, Detector>();
    for (const d of detectors) {
      if (ids.has(d.id)) throw new ValidationError(`duplicate detector id ${d.id}: each detector needs its own id`);
      ids.set(d.id, d);
    }
    this.ids = ids;
    this.compiled = detectors.map((d) => new CompiledDetector(d));
    // One automaton over the distinct keywords of all detectors; per keyword, the detectors it belongs to.
    const keywordIds = new Map<string, number>();
    const detectorsOf: number[][] = [];
    this.keywordsOf = detectors.map((d, i) => {
      const ids: number[] = [];
      for (const k of d.keywords) {
        let id = keywordIds.get(k);
        if (id === undefined) keywordIds.set(k, (id = detectorsOf.length)), detectorsOf.push([]);
        if (!ids.includes(id)) ids.push(id), detectorsOf[id].push(i);
      }
      return Int32Array.from(ids);
    });
    this.detectorsOf = detectorsOf.map((l) => Int32Array.from(l));
    this.automaton = new KeywordAutomaton([...keywordIds.keys()], { window: WINDOW, perWindow: ATTEMPTS_PER_WINDOW });
    this.seen = new Int32Array(detectors.length);
    this.candidates = new Int32Array(detectors.length);
    // gitleaks rules run only on a value holding one of their keywords, in any case: one more automaton, over
    // those keywords folded, so a file of 200 rules costs one pass per value, not 200 searches.
    const folded = new Map<string, number>();
    const foldedDetectors: number[][] = [];
    this.keyedByFold = new Uint8Array(detectors.length);
    detectors.forEach((d, i) => {
      for (const k of d.gitleaks?.keywords ?? []) {
        let id = folded.get(k);
        if (id === undefined) folded.set(k, (id = foldedDetectors.length)), foldedDetectors.push([]);
        if (!foldedDetectors[id].includes(i)) foldedDetectors[id].push(i);
        this.keyedByFold[i] = 1;
      }
    });
    this.foldedDetectorsOf = foldedDetectors.map((l) => Int32Array.from(l));
    this.foldedAutomaton = folded.size > 0 ? new KeywordAutomaton([...folded.keys()], { window: WINDOW, perWindow: 1, foldCase: true }) : undefined;
    this.foldedFound = new Int32Array(detectors.length);
  }

  /** The gitleaks rules' keywords, in any case (undefined: no such rule); per keyword, its rules. */
  private readonly foldedAutomaton: KeywordAutomaton | undefined;
  private readonly foldedDetectorsOf: readonly Int32Array[];
  /** Per detector: 1 when it is a gitleaks rule with keywords (it runs only where one is found). */
  private readonly keyedByFold: Uint8Array;
  /** Per detector: equal to `foldedScan` when the current value holds one of its keywords. */
  private readonly foldedFound: Int32Array;
  private foldedScan = 0;

  /** Reads `value` for the gitleaks rules' keywords (once per value or line judged, before its whole-value detectors run). */
  private findFoldedKeywords(value: string): void {
    const a = this.foldedAutomaton;
    if (!a) return;
    const id = ++this.foldedScan;
    if (!a.scan(value)) return;
    for (let f = 0; f < a.foundCount; f++) {
      const dets = this.foldedDetectorsOf[a.found[f]];
      for (let j = 0; j < dets.length; j++) this.foldedFound[dets[j]] = id;
    }
  }

  /** Whether whole-value detector `i` runs on the value last read by findFoldedKeywords. */
  private wholeRuns(i: number): boolean {
    return this.keyedByFold[i] === 0 || this.foldedFound[i] === this.foldedScan;
  }

  private readonly automaton: KeywordAutomaton;
  /** Per detector, the ids of its keywords in the automaton; per keyword id, its detectors. */
  private readonly keywordsOf: readonly Int32Array[];
  private readonly detectorsOf: readonly Int32Array[];
  /** Per detector: equal to `scanId` once the current value's candidates hold it. */
  private readonly seen: Int32Array;
  private scanId = 0;
  /** Scratch: the detectors to run on the current value (see candidatesIn). */
  private readonly candidates: Int32Array;
  /** Scratch: one detector's keyword positions, ascending. */
  private positions = new Int32Array(256);
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
        const member = new Uint8Array(this.compiled.length);
        for (const i of byPriority) member[i] = 1;
        plan = { byPriority, whole, keyword: byPriority.filter((i) => !this.compiled[i].wholeValue), member };
        this.plansBySignature.set(signature, plan);
      }
      this.plans.set(key, plan);
    }
    return plan;
  }

  static shipped(): DetectorCatalogue {
    return (shippedCatalogue ??= new DetectorCatalogue(SHIPPED_DETECTORS, USER_DETECTORS_AT));
  }

  /** No detectors: a base for testing user detectors alone. */
  static empty(): DetectorCatalogue {
    return new DetectorCatalogue([]);
  }

  /**
   * A new catalogue with `extra` added after the shipped vendor formats and before the generic readings (so a
   * team's own token format answers before a generic shape does; shipped detectors are never removed); a
   * duplicate id throws.
   */
  withDetectors(extra: readonly Detector[]): DetectorCatalogue {
    const at = this.userAt;
    return new DetectorCatalogue([...this.detectors.slice(0, at), ...extra, ...this.detectors.slice(at)], at + extra.length);
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
    // One pass of the keyword automaton over the value says where each detector's keywords start; only those
    // detectors (and the whole-value ones whose key gate passes) run, in priority order.
    if (plan.whole.length > 0) this.findFoldedKeywords(value);
    if (plan.keyword.length > 0 && this.automaton.scan(value)) {
      // (The automaton holds this value's positions until the next scan: nested scans come after this loop.)
      // The detectors to run: those of the plan with a keyword found, merged with its whole-value ones, by
      // priority (not a walk over the whole plan: with hundreds of detectors most values find one or two).
      const found = this.candidatesIn(plan);
      const whole = plan.whole;
      for (let f = 0, w = 0; f < found || w < whole.length; ) {
        let hit: DetectorHit | undefined;
        if (w < whole.length && (f >= found || whole[w] < this.candidates[f])) {
          const i = whole[w++];
          if (this.wholeRuns(i)) hit = this.compiled[i].matchWhole(key, value, true);
        } else {
          const i = this.candidates[f++];
          const count = this.positionsOf(i); // first: it may replace `positions`
          hit = this.compiled[i].matchAt(value, this.positions, count);
        }
        if (hit && visit(hit)) return true;
      }
    } else {
      for (const i of plan.whole) {
        if (!this.wholeRuns(i)) continue;
        const hit = this.compiled[i].matchWhole(key, value, true);
        if (hit && visit(hit)) return true;
      }
    }
    if (depth >= MAX_DEPTH) return false;
    if (value.includes("\n")) {
      if (this.scanLines(value, visit)) return true;
    } else {
      // One line (a config map entry, a source snippet): `NAME=value` is judged under NAME as a file's line is.
      const line = lineAssignment(value);
      if (line && this.scanAssignment(line, visit)) return true;
    }
    if (value.length >= 16 && value.length <= MAX_DECODE && isBase64Text(value)) {
      if (memo && this.clean.get(value) === plan) return false;
      if (this.scan(key, decodeBase64(value), depth + 1, visit, plan)) return true;
      if (memo) this.rememberClean(value, plan);
    }
    return false;
  }

  /**
   * Fills `candidates` with the detectors of `plan` that have a keyword in the automaton's last scan, each once,
   * in priority order; their count.
   */
  private candidatesIn(plan: KeyPlan): number {
    const id = ++this.scanId;
    const a = this.automaton;
    const c = this.candidates;
    let n = 0;
    for (let f = 0; f < a.foundCount; f++) {
      const dets = this.detectorsOf[a.found[f]];
      for (let j = 0; j < dets.length; j++) {
        const i = dets[j];
        if (this.seen[i] === id || plan.member[i] === 0) continue;
        this.seen[i] = id;
        // Insertion in order: a value finds few detectors.
        let k = n++;
        while (k > 0 && c[k - 1] > i) (c[k] = c[k - 1]), k--;
        c[k] = i;
      }
    }
    return n;
  }

  /** Fills `positions` with where detector `i`'s keywords start in the last scan (ascending, no repeats); the count. */
  private positionsOf(i: number): number {
    const a = this.automaton;
    const kws = this.keywordsOf[i];
    if (this.positions.length > 1 << 16) this.positions = new Int32Array(256); // a hostile value's, not kept
    let n = 0;
    if (kws.length === 1) {
      for (let o = a.first(kws[0]); o >= 0; o = a.next(o)) n = this.push(n, a.positionOf(o));
      return n;
    }
    // Several keywords: merge their lists (each ascending), taking the smallest head each time.
    const heads = kws.map((w) => a.first(w));
    for (;;) {
      let best = -1;
      let at = -1;
      for (let k = 0; k < heads.length; k++) {
        if (heads[k] < 0) continue;
        const p = a.positionOf(heads[k]);
        if (best < 0 || p < at) (best = k), (at = p);
      }
      if (best < 0) return n;
      heads[best] = a.next(heads[best]);
      if (n === 0 || this.positions[n - 1] !== at) n = this.push(n, at);
    }
  }

  private push(n: number, at: number): number {
    if (n === this.positions.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.positions);
      this.positions = grown;
    }
    this.positions[n] = at;
    return n + 1;
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
    for (const line of textAssignments(text)) if (this.scanAssignment(line, visit)) return true;
    return false;
  }

  private scanAssignment({ name, value }: TextAssignment, visit: Visit): boolean {
    if (value.length < MIN_VALUE) return false;
    const key = keyInfo(name);
    // The key's cached plan: its gates run once per distinct name, not once per line and detector.
    const whole = this.planFor(key).whole;
    if (whole.length > 0) this.findFoldedKeywords(value);
    for (const i of whole) {
      if (!this.wholeRuns(i)) continue;
      const hit = this.compiled[i].matchWhole(key, value, true);
      if (hit && visit(hit)) return true;
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
  /** Per detector: 1 when its key gate passes. */
  readonly member: Uint8Array;
}

function parseJson(v: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(v) };
  } catch {
    return { ok: false };
  }
}
