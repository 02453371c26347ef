/** A secret value the audit looks for everywhere in a file (layer 3 and 4). Kept small: files can hold many. */
export interface TrackedSecret {
  readonly value: string;
  /** Where it came from, for messages: "terraform_data.x input.client_secret", "var.pw", "--known-env NAME". */
  origin: string;
  /** SG103 for a copy of a marked or schema-sensitive value, SG110 for a user-supplied known value. */
  ruleId: "SG103" | "SG110";
  /** Only its shape made it a secret (a detector hit), not a fact (a mark, a schema, a literal, the user's word). */
  byShape?: boolean;
}

/** Length of the window of a secret the byte scan compares. */
export const GRAM = 8;
/** The scan looks at every STEP-th window; a secret needs GRAM + STEP - 1 safe characters to be seen at that pace. */
const MAX_STEP = 8;
/** How much of a secret's plain run offers windows to choose from. */
const RUN_LIMIT = 64;
/** How many secrets may share one window before a secret counts as crowded. */
const CROWDED = 64;

/** Open-addressing table of secret windows in typed arrays (outside the JS heap, a few bytes a window). */
interface WindowTable {
  readonly step: number;
  readonly mask: number;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** Index into `gated` plus one (0: empty slot). */
  readonly secret: Int32Array;
  /** Where the window starts in the secret's run. */
  readonly at: Uint8Array;
}

/** The secrets worth following: long enough and not an identifier. */
export function worthTracking(v: string): boolean {
  if (v.length < 8 || v.length > 65536) return false;
  if (/^\d+$/.test(v) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return false;
  if (v.startsWith("arn:") || v.includes("${")) return false;
  return true;
}

/**
 * Multi-value search: finds where tracked secrets can occur in raw file bytes. It compares 8-byte windows at
 * every STEP-th file offset against every window of each secret's safe run that such a sample can land on, so it
 * touches a few bytes in eight instead of every byte.
 */
export class SecretIndex {
  private readonly byValue = new Map<string, TrackedSecret>();
  private readonly ungated: TrackedSecret[] = [];
  private readonly gated: TrackedSecret[] = [];
  private table: WindowTable | undefined;
  /** Ungated secrets with a plain run of 4 to 7 characters, by the run's first four (as an int32). */
  private readonly shortRuns = new Map<number, TrackedSecret[]>();
  /** Ungated secrets without even 4 plain characters in a row: followed only where they stand whole. */
  private readonly residual: TrackedSecret[] = [];

  get size(): number {
    return this.byValue.size;
  }

  has(value: string): boolean {
    return this.byValue.has(value);
  }

  /** Adds a value; the first origin recorded for a value wins. */
  add(value: string, origin: string, ruleId: TrackedSecret["ruleId"], byShape = false): void {
    const known = this.byValue.get(value);
    if (known) {
      // A fact outranks a shape: the copy's message then names the place Terraform (or the schema) marked.
      if (known.byShape && !byShape && ruleId === known.ruleId) {
        known.byShape = false;
        known.origin = origin;
      }
      // A value the user named is reported as such, even where Terraform also marked it.
      if (ruleId === "SG110" && known.ruleId !== "SG110") {
        known.ruleId = ruleId;
        known.origin = origin;
      }
      return;
    }
    const s: TrackedSecret = byShape ? { value, origin, ruleId, byShape } : { value, origin, ruleId };
    this.byValue.set(value, s);
    if (pickRun(value)) {
      this.gated.push(s);
      this.table = undefined;
    } else {
      this.ungated.push(s);
      const run = longestRun(value);
      if (run.length >= 4) {
        const key = int32At(run, 0);
        const list = this.shortRuns.get(key);
        if (list) list.push(s);
        else this.shortRuns.set(key, [s]);
      } else {
        this.residual.push(s);
      }
    }
  }

  /** Secrets that can occur anywhere without a hit (no 8 characters JSON never escapes). */
  get everywhere(): readonly TrackedSecret[] {
    return this.ungated;
  }

  /**
   * Calls `hit` for places in `bytes` (which start at file offset `base`) where a gated secret's run may start;
   * every copy, escaped or not, gets at least one hit as long as each window is scanned in one piece of bytes.
   */
  scanBytes(bytes: Uint8Array, base: number, hit: (offset: number, secret: TrackedSecret) => void): void {
    if (this.gated.length === 0 || bytes.length < GRAM) return;
    const t = this.table ?? (this.table = this.build());
    const { step, mask, lo: los, hi: his, secret, at } = t;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const last = bytes.length - GRAM;
    for (let i = (step - (base % step)) % step; i <= last; i += step) {
      const lo = view.getInt32(i, true);
      const hi = view.getInt32(i + 4, true);
      for (let k = slot(lo, hi, mask); secret[k] !== 0; k = (k + 1) & mask) {
        if (los[k] === lo && his[k] === hi) hit(base + i - at[k], this.gated[secret[k] - 1]);
      }
    }
  }

  private build(): WindowTable {
    const runs = this.gated.map((s) => pickRun(s.value));
    // Each secret takes `step` windows; with very many secrets a smaller step keeps the table small (the scan
    // then samples more offsets, which costs less than the memory saved).
    let step = runs.length > 200_000 ? 2 : runs.length > 50_000 ? 4 : MAX_STEP;
    for (const r of runs) step = Math.min(step, r.length - GRAM + 1);
    let size = 1 << 10;
    while (size * 3 < 4 * step * runs.length) size *= 2; // at most three quarters full
    const t: WindowTable = { step, mask: size - 1, lo: new Int32Array(size), hi: new Int32Array(size), secret: new Int32Array(size), at: new Uint8Array(size) };
    // How many secrets already use a window (counted along its probe chain, up to CROWDED).
    const usesOf = (lo: number, hi: number) => {
      let n = 0;
      for (let k = slot(lo, hi, t.mask); t.secret[k] !== 0 && n < CROWDED; k = (k + 1) & t.mask) if (t.lo[k] === lo && t.hi[k] === hi) n++;
      return n;
    };
    // For each alignment a secret needs one window at a position q = a (mod step); of those its run offers, take
    // the one fewest other secrets use. A secret that shares every such window with many others (a file crafted
    // with 30,000 secrets of one prefix) would make each hit name them all: it is followed only where it stands
    // whole, without the window scan.
    const kept: TrackedSecret[] = [];
    runs.forEach((run, n) => {
      const qs: number[] = [];
      for (let a = 0; a < step; a++) {
        let best = -1;
        let bestUses = Infinity;
        for (let q = a; q + GRAM <= run.length && bestUses > 0; q += step) {
          const u = usesOf(int32At(run, q), int32At(run, q + 4));
          if (u < bestUses) (best = q), (bestUses = u);
        }
        if (bestUses >= CROWDED) {
          this.ungated.push(this.gated[n]);
          return;
        }
        qs.push(best);
      }
      kept.push(this.gated[n]);
      for (const q of qs) {
        const lo = int32At(run, q);
        const hi = int32At(run, q + 4);
        let k = slot(lo, hi, t.mask);
        while (t.secret[k] !== 0) k = (k + 1) & t.mask;
        t.lo[k] = lo;
        t.hi[k] = hi;
        t.secret[k] = kept.length;
        t.at[k] = q;
      }
    });
    if (kept.length !== this.gated.length) {
      this.gated.length = 0;
      for (const k of kept) this.gated.push(k); // a loop: push(...list) overflows the stack past ~100,000
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
   * tables, and only the secrets they name are compared.
   */
  findIn(s: string): TrackedSecret | undefined {
    if (s.length < GRAM) return undefined;
    const exact = this.byValue.get(s);
    if (exact && exact.ruleId === "SG110") return exact;
    let best: TrackedSecret | undefined = exact;
    this.scanString(s, (c) => {
      if (c === best || (best && (best.ruleId === "SG110" ? c.ruleId !== "SG110" || c.value.length <= best.value.length : c.ruleId !== "SG110" && c.value.length <= best.value.length))) return;
      if (s.length >= c.value.length && this.formsOf(c).some((v) => s.includes(v))) best = c;
    });
    return best;
  }

  /** The first candidate whose value (or an escaped form of it) is inside `s` (for a few candidates). */
  matchIn(s: string, candidates: readonly TrackedSecret[]): TrackedSecret | undefined {
    for (const c of candidates) if (s.length >= c.value.length && this.formsOf(c).some((v) => s.includes(v))) return c;
    return undefined;
  }

  /** Calls `hit` for each secret a window of `s` names (may repeat); plus the few residual secrets. */
  private scanString(s: string, hit: (secret: TrackedSecret) => void): void {
    if (this.gated.length > 0 && s.length >= GRAM) {
      const t = this.table ?? (this.table = this.build());
      const { step, mask, lo: los, hi: his, secret } = t;
      for (let i = 0; i + GRAM <= s.length; i += step) {
        const lo = asciiInt32(s, i);
        const hi = lo === undefined ? undefined : asciiInt32(s, i + 4);
        if (lo === undefined || hi === undefined) continue;
        for (let k = slot(lo, hi, mask); secret[k] !== 0; k = (k + 1) & mask) {
          if (los[k] === lo && his[k] === hi) hit(this.gated[secret[k] - 1]);
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
    return ESCAPABLE.test(c.value) ? variants(c.value) : [c.value];
  }
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

/** The longest run of characters JSON never escapes. */
function longestRun(v: string): string {
  let best = "";
  for (const run of v.split(/[^\x20-\x7e]|["\\<>&]/)) if (run.length > best.length) best = run;
  return best;
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

/** Four characters (bytes: the run is ASCII) as a little-endian int32, like DataView.getInt32(at, true). */
function int32At(run: string, at: number): number {
  return run.charCodeAt(at) | (run.charCodeAt(at + 1) << 8) | (run.charCodeAt(at + 2) << 16) | (run.charCodeAt(at + 3) << 24);
}

function key(lo: number, hi: number): number {
  return (Math.imul(lo, 0x9e3779b1) ^ hi) | 0;
}

function slot(lo: number, hi: number, mask: number): number {
  const h = Math.imul(key(lo, hi), 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

/** The start (up to RUN_LIMIT characters) of the longest run JSON never escapes (printable ASCII without `"`, `\`, `<`, `>`, `&`). */
function pickRun(v: string): string {
  let best = "";
  for (const run of v.split(/[^\x20-\x7e]|["\\<>&]/)) if (run.length > best.length) best = run;
  return best.length >= GRAM ? best.slice(0, RUN_LIMIT) : "";
}
