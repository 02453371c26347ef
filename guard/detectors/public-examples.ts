/**
 * Documented example values: keys vendors print in their documentation (AWS's example key pair, Stripe's test
 * key) or ship in public code (the Firebase samples' Google API keys that public scanners allow-list). Such a
 * value is public and grants nothing, so a finding on it is a warning that says "documented example value",
 * never an error (see docs/guard.md, "Documented example values"). The catalogue is data
 * (public-examples.json): SHA-256 digests of whole values, plus the markers vendors put in their examples.
 */
import { createHash } from "node:crypto";
import catalogue from "./public-examples.json";

export interface PublicExampleEntry {
  readonly vendor: string;
  /** What the value is, for messages: "the example access key id of the AWS documentation". */
  readonly what: string;
  /** Where the vendor publishes it. */
  readonly source: string;
  /** Its first characters (public, part of the vendor's format) and length: a cheap first test. */
  readonly prefix: string;
  readonly length: number;
  /** Hex SHA-256 of the whole value. */
  readonly sha256: string;
}

export interface PublicExampleCatalogue {
  /** Case-sensitive markers that make a token-like value an example wherever they sit ("EXAMPLE"). */
  readonly markers: readonly string[];
  /** Lower-case words that do so as a whole word, not as part of a domain name ("example", not "example.com"). */
  readonly words: readonly string[];
  readonly values: readonly PublicExampleEntry[];
}

/** Longest value judged by its markers: a longer one is a document, not a token. */
const MAX_MARKED = 256;

export class PublicExamples {
  private readonly byDigest = new Map<string, PublicExampleEntry>();
  private readonly shapes = new Set<string>();

  constructor(private readonly data: PublicExampleCatalogue) {
    for (const v of data.values) {
      this.byDigest.set(v.sha256, v);
      this.shapes.add(`${v.length} ${v.prefix}`);
    }
  }

  static shipped(): PublicExamples {
    return (shipped ??= new PublicExamples(catalogue as PublicExampleCatalogue));
  }

  /**
   * What the documented example `value` is, or undefined when it is not one. Never returns the value. A value
   * published verbatim (its digest is listed) is an example wherever it sits; the example markers count only on a
   * vendor-format token (`token`: a detector's secret), never on a whole marked or schema-sensitive value, where
   * a real password may well contain the word "example".
   */
  describe(value: string, token = true): string | undefined {
    if (value.length >= 4 && this.shapes.has(`${value.length} ${value.slice(0, 4)}`)) {
      const entry = this.byDigest.get(createHash("sha256").update(value).digest("hex"));
      if (entry) return `${entry.what} (${entry.vendor})`;
    }
    return token && this.marked(value) ? "a value marked as an example, as vendors' documentation marks theirs" : undefined;
  }

  /** A token-like value (short, one word: no space or quote) holding an example marker. */
  private marked(value: string): boolean {
    if (value.length > MAX_MARKED || /[\s"{}]/.test(value)) return false;
    for (const m of this.data.markers) if (value.includes(m)) return true;
    if (this.data.words.length === 0) return false;
    const lower = value.toLowerCase();
    for (const w of this.data.words) {
      for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
        const before = at === 0 ? "" : lower[at - 1];
        const after = lower[at + w.length] ?? "";
        // A whole word, and not a domain name (db.example.com, user@example.org).
        if (!isLetter(before) && !isLetter(after) && after !== "." && before !== "@" && before !== ".") return true;
      }
    }
    return false;
  }
}

function isLetter(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
}

let shipped: PublicExamples | undefined;

/** The shipped catalogue's answer: what documented example `value` is (a detector's token when `token`), or undefined. */
export function documentedExample(value: string, token = true): string | undefined {
  return PublicExamples.shipped().describe(value, token);
}
