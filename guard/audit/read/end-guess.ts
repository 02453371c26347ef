/**
 * Guesses where a JSON object or array that starts at `start` ends, with one native search instead of a
 * byte-by-byte scan. The guess is only a guess: the caller must confirm it with JSON.parse, which accepts a text
 * only when it is exactly one value (a cut too early leaves a bracket open, a cut too late leaves trailing bytes).
 *
 * Indented files (Terraform state) close a value with a newline, the opening line's indentation and the bracket.
 * One-line files (plan JSON) repeat the first member name in every element of an array, so an element usually
 * ends just before `,{"<first name>":`.
 */
export class EndGuess {
  private misses = 0;
  private hits = 0;
  private hitBytes = 0;
  private lastStart = 0;
  private readonly patterns = new Map<string, Buffer>();

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
      const at = buf.indexOf(this.pattern("\n" + " ".repeat(indent) + String.fromCharCode(close)), start);
      return at < 0 ? -1 : at + 2 + indent; // past the newline, the indentation and the bracket
    }
    const inArray = buf[start - 1] === 0x2c || buf[start - 1] === 0x5b;
    if (open !== 0x7b || !inArray || buf[start + 1] !== 0x22) return -1;
    const nameEnd = buf.indexOf(0x22, start + 2);
    if (nameEnd < 0 || nameEnd - start > 64 || buf[nameEnd + 1] !== 0x3a) return -1;
    const at = buf.indexOf(this.pattern("}," + buf.toString("latin1", start, nameEnd + 2)), start);
    return at < 0 ? -1 : at + 1;
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
