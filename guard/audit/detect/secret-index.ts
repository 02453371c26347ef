import { GRAM, mix, WindowTable } from "./window-table";
import { StringIds } from "../string-ids";
import { grown } from "../grown";
import { documentedExample } from "../../detectors/public-examples";
import { entropy, isPlaceholder } from "../../detectors/text-shapes";

export { GRAM };

/**
 * A secret value the audit looks for everywhere in a file (layer 3 and 4), by its number in the SecretIndex
 * (0, 1, 2... in the order added). The index keeps value, origin and rule in flat arrays: a file can hold
 * hundreds of thousands of secrets, and an object per secret (plus a map entry) cost more than its value.
 */
export type TrackedSecret = number;

/** SG103 for a copy of a marked or schema-sensitive value, SG110 for a user-supplied known value. */
export type TrackedRule = "SG103" | "SG111" | "SG110";

/**
 * Where a secret came from, for messages: one text ("var.pw", "--known-env NAME"), or an address and attribute
 * path ("terraform_data.x" "input.client_secret"), kept apart so that the secret shares its finding's strings.
 */
export type Origin = string | { readonly address: string; readonly attribute: string };

/**
 * The scan looks at every STEP-th window; a secret needs GRAM + STEP - 1 safe characters to be seen at that pace,
 * and takes STEP windows in the table. The pace is the widest the secrets' runs allow, up to this.
 */
const MAX_STEP = 32;
/** How much of a secret's plain run offers windows to choose from. */
const RUN_LIMIT = 64;
/** How many secrets may share one window before a secret counts as crowded. */
const CROWDED = 64;

/** Bits of a secret's flags. */
const KNOWN = 1; // SG110 (else SG103)
const BY_SHAPE = 2;
const GATED = 4; // found through the window table (it has a plain run of GRAM characters and is not crowded)
const WEAK = 8; // an SG103 value too short or too plain to call a copy (kept so identifiers holding it are redacted)
const HINT = 16; // found only by a warning-level detector: its copies are SG111 warnings

/**
 * The secrets worth following: long enough and not an identifier. (A documented example value is followed too,
 * so identifiers holding it are redacted, but never reported as a copy: copyWorthy.)
 */
export function worthTracking(v: string): boolean {
  if (v.length < 8 || v.length > 65536) return false;
  if (/^\d+$/.test(v) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return false;
  if (v.startsWith("arn:") || v.includes("${")) return false;
  return true;
}

/** A short name: letters with separators, no digit (`cc-testapi`, `prod_db`): it sits inside other names. */
const SHORT_NAME = /^[A-Za-z]{1,15}(?:[-_. ][A-Za-z]{1,15}){0,7}$/;

/**
 * Whether an occurrence of a followed value elsewhere is worth reporting as a copy (SG103): long enough and
 * random enough that finding it again is no coincidence. A short name (`cc-testapi`, under 16 characters, letters
 * and separators only), a placeholder, or a value of low entropy for its length is not: it recurs in resource
 * names and descriptions by chance.
 */
export function copyWorthy(v: string): boolean {
  if (v.length < 8) return false;
  if (v.length < 16 && SHORT_NAME.test(v)) return false;
  if (v.length <= 256 && isPlaceholder(v)) return false;
  // At least three quarters of the most a string of this length can have, and 3 bits per character beyond 16.
  return asciiEntropy(v.length > 4096 ? v.slice(0, 4096) : v) >= Math.min(3, 0.75 * Math.log2(v.length));
}

/** Counts per ASCII character, reused (copyWorthy runs for every followed value of a file). */
const COUNTS = new Uint16Array(128);

/** entropy() without a map for ASCII text (the usual secret); other text goes to entropy(). */
function asciiEntropy(v: string): number {
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 127) return entropy(v);
  COUNTS.fill(0);
  for (let i = 0; i < v.length; i++) COUNTS[v.charCodeAt(i)]++;
  let h = 0;
  for (let c = 0; c < 128; c++) {
    if (COUNTS[c] === 0) continue;
    const p = COUNTS[c] / v.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Letters, digits, `_` and `-`: the characters of a name or a token; a copy must not continue into more of them. */
function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/** An escape sequence (`\n`, `\t`, `\u0026`) ends just before `at`: its last character is not part of a word. */
function escapeEndsAt(s: string, at: number): boolean {
  return (at >= 2 && s.charCodeAt(at - 2) === 92) || (at >= 6 && s.charCodeAt(at - 6) === 92 && s.charCodeAt(at - 5) === 117);
}

/**
 * Whether `v` occurs in `s` as a whole token: not continued by name characters on either side (where `v` itself
 * starts or ends with one), so `abc123` is in `key=abc123;` and `"abc123"` but not in `app-abc123-logs`.
 */
export function occursAsToken(s: string, v: string): boolean {
  const checkBefore = isTokenChar(v.charCodeAt(0));
  const checkAfter = isTokenChar(v.charCodeAt(v.length - 1));
  for (let at = s.indexOf(v); at >= 0; at = s.indexOf(v, at + 1)) {
    if (checkBefore && at > 0 && isTokenChar(s.charCodeAt(at - 1)) && !escapeEndsAt(s, at)) continue;
    const end = at + v.length;
    if (checkAfter && end < s.length && isTokenChar(s.charCodeAt(end))) continue;
    return true;
  }
  return false;
}

/**
 * Multi-value search: finds where tracked secrets can occur in raw file bytes. It compares 8-byte windows at
 * every STEP-th file offset against every window of each secret's safe run that such a sample can land on, so it
 * touches a few bytes in eight instead of every byte.
 */
export class SecretIndex {
  private readonly values: string[] = [];
  private flags = new Uint8Array(64);
  private originIds = new Int32Array(64);
  /** Each secret's longest plain run (runStart/runLength read it), found once when added. */
  private runs = new Float64Array(64);
  /** Distinct origins (consecutive secrets of one place share one): a text, or an address and attribute. */
  private readonly originHeads: string[] = [];
  private readonly originTails: (string | undefined)[] = [];
  private readonly byValue = new StringIds();
  private readonly ungated: TrackedSecret[] = [];
  /** How many secrets are GATED. */
  private gated = 0;
  private table: WindowTable | undefined;
  /**
   * The byte scan's own table and list (see copyScan): only the secrets pass 2 can report. Undefined until a scan
   * needs them, and again after any change.
   */
  private copies: { readonly table: WindowTable | undefined; readonly everywhere: readonly TrackedSecret[] } | undefined;
  /** Ungated secrets with a plain run of 4 to 7 characters, by the run's first four (as an int32). */
  private readonly shortRuns = new Map<number, TrackedSecret[]>();
  /** Ungated secrets without even 4 plain characters in a row: followed only where they stand whole. */
  private readonly residual: TrackedSecret[] = [];

  get size(): number {
    return this.values.length;
  }

  has(value: string): boolean {
    return this.byValue.get(value, this.values) >= 0;
  }

  value(s: TrackedSecret): string {
    return this.values[s];
  }

  origin(s: TrackedSecret): string {
    const o = this.originIds[s];
    const tail = this.originTails[o];
    return tail === undefined ? this.originHeads[o] : `${this.originHeads[o]}${tail ? " " + tail : ""}`;
  }

  ruleId(s: TrackedSecret): TrackedRule {
    const f = this.flags[s];
    return f & KNOWN ? "SG110" : f & HINT ? "SG111" : "SG103";
  }

  /** Only its shape made it a secret (a detector hit), not a fact (a mark, a schema, a literal, the user's word). */
  byShape(s: TrackedSecret): boolean {
    return (this.flags[s] & BY_SHAPE) !== 0;
  }

  /**
   * Adds a value; the first origin recorded for a value wins. `hint`: only a warning-level detector found it
   * (SG103 values only): its copies are then SG111 warnings, until a stronger reading finds the same value.
   */
  add(value: string, origin: Origin, ruleId: TrackedRule, byShape = false, hint = false): void {
    const known = this.byValue.get(value, this.values);
    if (known >= 0) {
      const f = this.flags[known];
      // A fact outranks a shape: the copy's message then names the place Terraform (or the schema) marked.
      if (f & BY_SHAPE && !byShape && ruleId !== "SG110" && !(f & KNOWN)) {
        this.flags[known] = f & ~BY_SHAPE & ~HINT;
        this.originIds[known] = this.originId(origin);
      } else if (f & HINT && !hint && ruleId !== "SG110") {
        // An error-level reading of a value a hint found first: its copies are errors, named after it.
        this.flags[known] = f & ~HINT;
        this.originIds[known] = this.originId(origin);
      }
      // A value the user named is reported as such, even where Terraform also marked it.
      if (ruleId === "SG110" && !(f & KNOWN)) {
        this.flags[known] = (this.flags[known] | KNOWN) & ~WEAK;
        this.originIds[known] = this.originId(origin);
        this.copies = undefined; // a weak value the user named is now looked for
      }
      return;
    }
    const s = this.values.length;
    if (s === this.flags.length) {
      this.flags = grown(this.flags);
      this.originIds = grown(this.originIds);
      this.runs = grown(this.runs);
    }
    this.values.push(value);
    this.copies = undefined;
    // A documented example (by digest; by its markers too when a detector found it as a token) is never a copy.
    const weak = ruleId === "SG103" && (!copyWorthy(value) || documentedExample(value, byShape) !== undefined);
    this.flags[s] = (ruleId === "SG110" ? KNOWN : 0) | (byShape ? BY_SHAPE : 0) | (weak ? WEAK : 0) | (hint && byShape && ruleId === "SG103" ? HINT : 0);
    this.originIds[s] = this.originId(origin);
    this.byValue.put(value, s, this.values);
    const run = longestRun(value);
    this.runs[s] = run;
    if (runLength(run) >= GRAM) {
      this.flags[s] |= GATED;
      this.gated++;
      this.table = undefined;
    } else {
      this.ungated.push(s);
      if (runLength(run) >= 4) {
        const key = int32At(value, runStart(run));
        const list = this.shortRuns.get(key);
        if (list) list.push(s);
        else this.shortRuns.set(key, [s]);
      } else {
        this.residual.push(s);
      }
    }
  }

  /** The number of `origin`, reusing the last one when it is the same place (a secret and its JSON members). */
  private originId(origin: Origin): number {
    const head = typeof origin === "string" ? origin : origin.address;
    const tail = typeof origin === "string" ? undefined : origin.attribute;
    const last = this.originHeads.length - 1;
    if (last >= 0 && this.originHeads[last] === head && this.originTails[last] === tail) return last;
    this.originHeads.push(head);
    this.originTails.push(tail);
    return last + 1;
  }

  /**
   * Secrets pass 2 can report that can occur anywhere without a hit of scanBytes (no 8 characters JSON never
   * escapes, or crowded windows).
   */
  get everywhere(): readonly TrackedSecret[] {
    return this.copyScan().everywhere;
  }

  /**
   * Calls `hit` for places in `bytes` (which start at file offset `base`) where a secret pass 2 can report may
   * start (a weak value never is a copy: copyWorthy); every copy, escaped or not, gets at least one hit as long
   * as each window is scanned in one piece of bytes.
   */
  scanBytes(bytes: Uint8Array, base: number, hit: (offset: number, secret: TrackedSecret) => void): void {
    if (bytes.length < GRAM) return;
    const t = this.copyScan().table;
    if (!t) return;
    const { step, mask, head, next, lo: los, hi: his, secret, at, filter, filterShift } = t;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const last = bytes.length - GRAM;
    for (let i = (step - (base % step)) % step; i <= last; i += step) {
      const lo = view.getInt32(i, true);
      const hi = view.getInt32(i + 4, true);
      const h = mix(lo, hi);
      const f = h >>> filterShift;
      if ((filter[f >>> 5] & (1 << (f & 31))) === 0) continue; // no window has this hash: the usual offset
      for (let k = head[(h ^ (h >>> 15)) & mask]; k >= 0; k = next[k]) {
        if (los[k] === lo && his[k] === hi) hit(base + i - at[k], secret[k]);
      }
    }
  }

  /** The table of every gated secret (scanString: findIn, candidatesIn); a crowded secret is ungated for good. */
  private build(): WindowTable {
    return this.buildTable(
      (s) => (this.flags[s] & GATED) !== 0,
      this.gated,
      (s) => {
        this.flags[s] &= ~GATED;
        this.gated--;
        this.ungated.push(s);
      },
    );
  }

  /**
   * What the byte scan of pass 2 looks for: the secrets it can report (known values, and values worth a copy),
   * in their own table. A weak value (a short name, a placeholder, a plain word: copyWorthy) is never reported as
   * a copy, so it takes no part: its short run no longer sets the pace of the scan for every other secret (one
   * 10-character value made the scan read every third offset), nor, without a run, sends pass 2 through every
   * piece. It stays in the other table, for identifiers (redaction).
   */
  private copyScan(): { readonly table: WindowTable | undefined; readonly everywhere: readonly TrackedSecret[] } {
    if (this.copies) return this.copies;
    const { flags, runs } = this;
    let weak = 0;
    for (let s = 0; s < this.values.length; s++) if (flags[s] & WEAK) weak++;
    // Without a weak value both scans look for the same secrets: one table (the memory of a second is saved).
    if (weak === 0) return (this.copies = { table: this.gated > 0 ? (this.table ?? (this.table = this.build())) : undefined, everywhere: this.ungated });
    const everywhere: TrackedSecret[] = [];
    let count = 0;
    for (let s = 0; s < this.values.length; s++) {
      if (flags[s] & WEAK) continue;
      if (runLength(runs[s]) >= GRAM) count++;
      else everywhere.push(s);
    }
    // Those without a run first, in the order added, then the crowded ones (as the full table lists them).
    const table = count === 0 ? undefined : this.buildTable((s) => !(flags[s] & WEAK) && runLength(runs[s]) >= GRAM, count, (s) => everywhere.push(s));
    return (this.copies = { table, everywhere });
  }

  /**
   * A window table of the secrets `include` takes (`count` of them); `crowded` is told of each one left out because
   * every window it could use is shared by CROWDED others.
   */
  private buildTable(include: (s: TrackedSecret) => boolean, count: number, crowded: (s: TrackedSecret) => void): WindowTable {
    const { values, runs } = this;
    // Each secret takes `step` windows; with very many secrets a smaller step keeps the table small (the scan
    // then samples more offsets, which costs less than the memory saved).
    let step = count > 200_000 ? 2 : count > 50_000 ? 4 : count > 10_000 ? 8 : MAX_STEP;
    for (let s = 0; s < values.length; s++) if (include(s)) step = Math.min(step, Math.min(RUN_LIMIT, runLength(runs[s])) - GRAM + 1);
    const t = new WindowTable(step, step * count);
    // For each alignment a secret needs one window at a position q = a (mod step); of those its run offers, take
    // the one fewest other secrets use. A secret that shares every such window with many others (a file crafted
    // with 30,000 secrets of one prefix) would make each hit name them all: it is followed only where it stands
    // whole, without the window scan.
    const qs: number[] = [];
    for (let s = 0; s < values.length; s++) {
      if (!include(s)) continue;
      const v = values[s];
      // The start (up to RUN_LIMIT characters) of its longest plain run.
      const run = runs[s];
      const from = runStart(run);
      const length = Math.min(RUN_LIMIT, runLength(run));
      qs.length = 0;
      for (let a = 0; a < step; a++) {
        let best = -1;
        let bestUses = Infinity;
        for (let q = a; q + GRAM <= length && bestUses > 0; q += step) {
          const u = t.uses(int32At(v, from + q), int32At(v, from + q + 4), CROWDED);
          if (u < bestUses) (best = q), (bestUses = u);
        }
        if (bestUses >= CROWDED) break;
        qs.push(best);
      }
      if (qs.length < step) {
        crowded(s);
        continue;
      }
      for (const q of qs) t.put(int32At(v, from + q), int32At(v, from + q + 4), s, q);
    }
    return t;
  }

  /** Every tracked secret that may occur in `s`. */
  candidatesIn(s: string): TrackedSecret[] {
    const found = new Set<TrackedSecret>();
    this.scanString(s, (secret) => found.add(secret));
    return [...found];
  }

  /**
   * The tracked secret inside `s` (as it is or in an escaped form), preferring a known value, then the longest.
   * Linear in the length of `s` whatever the number of secrets: windows of the string are looked up in the
   * tables, and only the secrets they name are compared. `copies`: only what propagation reports, a known value
   * anywhere or a copy-worthy value standing as a whole token (never a piece of a name).
   */
  findIn(s: string, copies = false): TrackedSecret | undefined {
    if (s.length < GRAM) return undefined;
    const exact = this.byValue.get(s, this.values);
    if (exact >= 0 && this.flags[exact] & KNOWN) return exact;
    let best: TrackedSecret | undefined = exact >= 0 && (!copies || !(this.flags[exact] & WEAK)) ? exact : undefined;
    const plain = isPlain(s);
    this.scanString(s, (c) => {
      if (c === best) return;
      const length = this.values[c].length;
      if (best !== undefined) {
        const bestLength = this.values[best].length;
        const cKnown = (this.flags[c] & KNOWN) !== 0;
        if (this.flags[best] & KNOWN ? !cKnown || length <= bestLength : !cKnown && length <= bestLength) return;
      }
      if (s.length >= length && (copies ? this.isCopyIn(c, s, plain) : this.isIn(c, s, plain))) best = c;
    });
    return best;
  }

  /** The first candidate whose value (or an escaped form of it) is inside `s` (for a few candidates); `copies` as in findIn. */
  matchIn(s: string, candidates: readonly TrackedSecret[], copies = false): TrackedSecret | undefined {
    const plain = isPlain(s);
    for (const c of candidates) if (s.length >= this.values[c].length && (copies ? this.isCopyIn(c, s, plain) : this.isIn(c, s, plain))) return c;
    return undefined;
  }

  /** A known value anywhere in `s`; any other value only when worth a copy and standing as a whole token. */
  private isCopyIn(c: TrackedSecret, s: string, plain: boolean): boolean {
    const f = this.flags[c];
    if (f & KNOWN) return this.isIn(c, s, plain);
    if (f & WEAK) return false;
    return plain ? occursAsToken(s, this.values[c]) : this.formsOf(c).some((v) => occursAsToken(s, v));
  }

  /** Whether secret `c` is inside `s`, as it is or escaped; `plain`: isPlain(s), so only the value itself can be. */
  private isIn(c: TrackedSecret, s: string, plain: boolean): boolean {
    return plain ? s.includes(this.values[c]) : this.formsOf(c).some((v) => s.includes(v));
  }

  /** Calls `hit` for each secret a window of `s` names (may repeat); plus the few residual secrets. */
  private scanString(s: string, hit: (secret: TrackedSecret) => void): void {
    if (this.gated > 0 && s.length >= GRAM) {
      const t = this.table ?? (this.table = this.build());
      const { step, mask, head, next, lo: los, hi: his, secret, filter, filterShift } = t;
      for (let i = 0; i + GRAM <= s.length; i += step) {
        const lo = asciiInt32(s, i);
        const hi = lo === undefined ? undefined : asciiInt32(s, i + 4);
        if (lo === undefined || hi === undefined) continue;
        const h = mix(lo, hi);
        const f = h >>> filterShift;
        if ((filter[f >>> 5] & (1 << (f & 31))) === 0) continue;
        for (let k = head[(h ^ (h >>> 15)) & mask]; k >= 0; k = next[k]) {
          if (los[k] === lo && his[k] === hi) hit(secret[k]);
        }
      }
    }
    if (this.shortRuns.size > 0) {
      for (let i = 0; i + 4 <= s.length; i++) {
        const key = asciiInt32(s, i);
        const list = key === undefined ? undefined : this.shortRuns.get(key);
        if (list) for (const c of list) hit(c);
      }
    }
    // Without 4 plain characters in a row a secret cannot be indexed: compared only while they are few.
    if (this.residual.length <= 64) for (const c of this.residual) hit(c);
  }

  /** The forms of a candidate, computed when compared (few per string; caching them all would cost memory per secret). */
  private formsOf(c: TrackedSecret): string[] {
    const v = this.values[c];
    return ESCAPABLE.test(v) ? variants(v) : [v];
  }
}

/**
 * A string without `\` or `~` holds no escaped form of a value other than the value itself: every JSON escape
 * starts with a backslash, and the JSON-pointer form writes `~0` and `~1`.
 */
function isPlain(s: string): boolean {
  return !s.includes("\\") && !s.includes("~");
}

/** Characters that any of the escaped forms writes differently: without them every form is the value itself. */
// eslint-disable-next-line no-control-regex
const ESCAPABLE = /["\\<>&~\/\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Four ASCII characters of `s` at `at` as a little-endian int32 (like the bytes), or undefined if one is not ASCII. */
function asciiInt32(s: string, at: number): number | undefined {
  const a = s.charCodeAt(at);
  const b = s.charCodeAt(at + 1);
  const c = s.charCodeAt(at + 2);
  const d = s.charCodeAt(at + 3);
  if ((a | b | c | d) > 0x7f) return undefined;
  return a | (b << 8) | (c << 16) | (d << 24);
}

/**
 * The forms a value takes inside other strings: as it is, JSON-escaped (once and twice), escaped by Go's HTML-safe
 * encoder (`\u003c`), and as a JSON-pointer segment (`~0`, `~1`).
 */
export function variants(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const goHtml = json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  const pointer = value.replace(/~/g, "~0").replace(/\//g, "~1");
  return [...new Set([value, json, goHtml, JSON.stringify(json).slice(1, -1), pointer])];
}

/** Where a run starts and how long it is, in one number. */
const RUN_SPAN = 0x20000;
const runStart = (run: number) => Math.floor(run / RUN_SPAN);
const runLength = (run: number) => run % RUN_SPAN;

/**
 * The longest run of characters JSON never escapes (printable ASCII without `"`, `\`, `<`, `>`, `&`), the first of
 * equal ones, as runStart/runLength read it.
 */
function longestRun(v: string): number {
  let best = 0;
  let bestLength = 0;
  let from = 0;
  for (let i = 0; i <= v.length; i++) {
    const c = i < v.length ? v.charCodeAt(i) : 0;
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26) continue;
    if (i - from > bestLength) (best = from), (bestLength = i - from);
    from = i + 1;
  }
  return best * RUN_SPAN + bestLength;
}

/** Four characters (bytes: the run is ASCII) as a little-endian int32, like DataView.getInt32(at, true). */
function int32At(run: string, at: number): number {
  return run.charCodeAt(at) | (run.charCodeAt(at + 1) << 8) | (run.charCodeAt(at + 2) << 16) | (run.charCodeAt(at + 3) << 24);
}

