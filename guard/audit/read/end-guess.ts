/**
 * Guesses where a JSON object or array that starts at `start` ends, with one native search instead of a
 * byte-by-byte scan. The guess is only a guess: the caller must confirm it with JSON.parse, which accepts a text
 * only when it is exactly one value (a cut too early leaves a bracket open, a cut too late leaves trailing bytes).
 *
 * Indented files (Terraform state) close a value with a newline, the opening line's indentation and the bracket.
 * One-line files (plan JSON) repeat the first member name in every element of an array, so an element usually
 * ends just before `,{"<first name>":`.
 */
/** Deepest indentation whose closing pattern is kept by index (deeper ones go through the bounded map). */
const MAX_KEPT_INDENT = 64;

export class EndGuess {
  private misses = 0;
  private hits = 0;
  private hitBytes = 0;
  private lastStart = 0;
  private readonly patterns = new Map<string, Buffer>();
  private readonly closingBraces: Buffer[] = [];
  private readonly closingBrackets: Buffer[] = [];
  private lastElement: Buffer | undefined;

  /** The index just past the guessed end inside `buf`, or -1. */
  guess(buf: Buffer, start: number): number {
    if (this.misses > (this.hits >> 2) + 64) return -1; // this file does not follow either layout
    this.lastStart = start;
    // Search no further than a few times the size of the values guessed right so far: a guess that finds nothing
    // costs no more than the work already done, so hostile layouts stay linear.
    const typical = this.hits > 0 ? this.hitBytes / this.hits : 65536;
    const reach = Math.min(buf.length, start + 4096 + Math.ceil(16 * typical));
    const end = this.find(buf.subarray(0, reach), start);
    if (end < 0) this.misses++;
    return end;
  }

  private find(buf: Buffer, start: number): number {
    const open = buf[start];
    const close = open === 0x7b ? 0x7d : 0x5d;
    let p = start - 1;
    while (p >= 0 && buf[p] === 0x20) p--;
    if (p >= 0 && buf[p] === 0x0a) {
      const indent = start - 1 - p;
      const at = buf.indexOf(this.closing(indent, close), start);
      return at < 0 ? -1 : at + 2 + indent; // past the newline, the indentation and the bracket
    }
    const inArray = buf[start - 1] === 0x2c || buf[start - 1] === 0x5b;
    if (open !== 0x7b || !inArray || buf[start + 1] !== 0x22) return -1;
    const nameEnd = buf.indexOf(0x22, start + 2);
    if (nameEnd < 0 || nameEnd - start > 64 || buf[nameEnd + 1] !== 0x3a) return -1;
    const at = buf.indexOf(this.nextElement(buf, start, nameEnd + 2), start);
    return at < 0 ? -1 : at + 1;
  }

  /** `\n`, `indent` spaces and the bracket: the same few patterns for the whole file, so kept by indent (a few). */
  private closing(indent: number, close: number): Buffer {
    const text = () => "\n" + " ".repeat(indent) + String.fromCharCode(close);
    if (indent >= MAX_KEPT_INDENT) return this.pattern(text());
    const byIndent = close === 0x7d ? this.closingBraces : this.closingBrackets;
    return byIndent[indent] ?? (byIndent[indent] = this.pattern(text()));
  }

  /**
   * `},` and the element's first member name (`{"address":`): the elements of one array repeat it, so the last
   * pattern is reused while the bytes match (no string built per element).
   */
  private nextElement(buf: Buffer, from: number, to: number): Buffer {
    const last = this.lastElement;
    if (last && last.length === to - from + 2) {
      let k = from;
      while (k < to && buf[k] === last[k - from + 2]) k++;
      if (k === to) return last;
    }
    return (this.lastElement = this.pattern("}," + buf.toString("latin1", from, to)));
  }

  /** Tells how the last guess fared, so a file that does not fit stops paying for guesses. */
  confirmed(ok: boolean, end = this.lastStart): void {
    if (ok) {
      this.hits++;
      this.hitBytes += Math.max(0, end - this.lastStart);
    } else this.misses++;
  }

  private pattern(text: string): Buffer {
    let b = this.patterns.get(text);
    if (!b) {
      b = Buffer.from(text, "latin1");
      if (this.patterns.size < 256) this.patterns.set(text, b);
    }
    return b;
  }
}
