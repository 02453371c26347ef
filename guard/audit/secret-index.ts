import { fingerprint } from "../fingerprint";

/** A secret value the audit looks for everywhere in a file (layer 3 and 4). */
export interface TrackedSecret {
  readonly value: string;
  readonly fingerprint: string;
  /** Where it came from, for messages: "terraform_data.x input.client_secret", "var.pw", "--known-env NAME". */
  origin: string;
  /** SG103 for a copy of a marked or schema-sensitive value, SG110 for a user-supplied known value. */
  ruleId: "SG103" | "SG110";
  /** The value as it appears inside a JSON-encoded string (escaped by JSON, or by Go's HTML-safe encoder). */
  readonly variants: readonly string[];
  /** 8 characters of the value that JSON never escapes, to find candidates in raw piece text; "" when none. */
  readonly gram: string;
}

const GRAM = 8;
const HASH_BITS = 20;
const HASH_MASK = (1 << HASH_BITS) - 1;
const P = 31;
const P_TOP = (() => {
  let x = 1;
  for (let i = 0; i < GRAM - 1; i++) x = Math.imul(x, P);
  return x;
})();
/** Below this many secrets, native `includes` per secret beats the rolling hash. */
const FEW = 12;

/** The secrets worth following: long enough and not an identifier. */
export function worthTracking(v: string): boolean {
  if (v.length < 8 || v.length > 65536) return false;
  if (/^\d+$/.test(v) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return false;
  if (v.startsWith("arn:") || v.includes("${")) return false;
  return true;
}

/** Multi-value search: finds which tracked secrets can occur in a text with one rolling-hash pass. */
export class SecretIndex {
  private readonly byValue = new Map<string, TrackedSecret>();
  private readonly ungated: TrackedSecret[] = [];
  private readonly gated: TrackedSecret[] = [];
  private readonly byHash = new Map<number, TrackedSecret[]>();
  private readonly flags = new Uint8Array(1 << HASH_BITS);

  get size(): number {
    return this.byValue.size;
  }

  has(value: string): boolean {
    return this.byValue.has(value);
  }

  /** Adds a value; the first origin recorded for a value wins. */
  add(value: string, origin: string, ruleId: TrackedSecret["ruleId"]): void {
    const known = this.byValue.get(value);
    if (known) {
      // A value the user named is reported as such, even where Terraform also marked it.
      if (ruleId === "SG110" && known.ruleId !== "SG110") {
        known.ruleId = ruleId;
        known.origin = origin;
      }
      return;
    }
    const json = JSON.stringify(value).slice(1, -1);
    const goHtml = json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
    const variants = [...new Set([value, json, goHtml, JSON.stringify(json).slice(1, -1)])];
    const gram = pickGram(value);
    const s: TrackedSecret = { value, fingerprint: fingerprint(value), origin, ruleId, variants, gram };
    this.byValue.set(value, s);
    if (!gram) {
      this.ungated.push(s);
      return;
    }
    this.gated.push(s);
    const h = hashAt(gram, 0);
    this.flags[mix(h)] = 1;
    const list = this.byHash.get(h);
    if (list) list.push(s);
    else this.byHash.set(h, [s]);
  }

  /** Secrets that may occur in `text` (raw JSON text or a decoded string): a superset, confirm with `matchIn`. */
  candidatesIn(text: string): TrackedSecret[] {
    const out: TrackedSecret[] = [...this.ungated];
    if (this.gated.length <= FEW) {
      for (const s of this.gated) if (text.includes(s.gram)) out.push(s);
      return out;
    }
    const n = text.length;
    if (n < GRAM) return out;
    const seen = new Set<TrackedSecret>();
    let h = hashAt(text, 0);
    for (let i = 0; ; i++) {
      if (this.flags[mix(h)] === 1) {
        const list = this.byHash.get(h);
        if (list) for (const s of list) if (!seen.has(s) && text.startsWith(s.gram, i)) seen.add(s);
      }
      if (i + GRAM >= n) break;
      h = (Math.imul(h - Math.imul(text.charCodeAt(i), P_TOP), P) + text.charCodeAt(i + GRAM)) | 0;
    }
    for (const s of seen) out.push(s);
    return out;
  }

  /** The first candidate whose value (or an escaped form of it) is inside `s`. */
  matchIn(s: string, candidates: readonly TrackedSecret[]): TrackedSecret | undefined {
    for (const c of candidates) {
      if (s.length < c.value.length) continue;
      for (const v of c.variants) if (s.includes(v)) return c;
    }
    return undefined;
  }
}

function hashAt(text: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + GRAM; i++) h = (Math.imul(h, P) + text.charCodeAt(i)) | 0;
  return h;
}

function mix(h: number): number {
  return (h ^ (h >>> 13)) & HASH_MASK;
}

/** 8 characters from the longest run JSON never escapes (printable ASCII without `"`, `\`, `<`, `>`, `&`). */
function pickGram(v: string): string {
  let best = "";
  for (const run of v.split(/[^\x20-\x7e]|["\\<>&]/)) if (run.length > best.length) best = run;
  return best.length >= GRAM ? best.slice(0, GRAM) : "";
}
