import type { TrackedSecret } from "./secret-index";

/** Hits of one secret closer together than this are kept as one run (a false candidate costs a read, nothing more). */
const RUN_GAP = 64 * 1024;

/**
 * Where tracked secrets occur in a file, as runs of nearby hits per secret (file order), read back with a forward
 * cursor. Memory grows with the number of runs, not of hits: a 16-character secret repeated through 150 MB of
 * attributes is a handful of runs, not millions of offsets.
 */
export class SecretHits {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly secrets: TrackedSecret[] = [];
  /** Per secret, 1 + the run it is extending (0: none); typed, as a dense state has 200,000 secrets. */
  private open = new Int32Array(1024);
  private cursor = 0;
  private active: number[] = [];

  /** Records a hit; offsets arrive in increasing order. */
  add(offset: number, secret: TrackedSecret): void {
    if (secret >= this.open.length) {
      const wider = new Int32Array(Math.max(secret + 1, this.open.length * 2));
      wider.set(this.open);
      this.open = wider;
    }
    const run = this.open[secret] - 1;
    if (run >= 0 && offset - this.ends[run] <= RUN_GAP) {
      if (offset > this.ends[run]) this.ends[run] = offset;
      return;
    }
    this.open[secret] = this.starts.length + 1;
    this.starts.push(offset);
    this.ends.push(offset);
    this.secrets.push(secret);
  }

  /** True when a hit may lie in [start, end). Ask in increasing `start` order. */
  anyIn(start: number, end: number): boolean {
    return this.overlapping(start, end).length > 0;
  }

  /** The distinct secrets that may occur in [start, end). Ask in increasing `start` order. */
  secretsIn(start: number, end: number): TrackedSecret[] {
    const runs = this.overlapping(start, end);
    if (runs.length === 0) return [];
    const out = new Set<TrackedSecret>();
    for (const r of runs) out.add(this.secrets[r]);
    return [...out];
  }

  private overlapping(start: number, end: number): number[] {
    while (this.cursor < this.starts.length && this.starts[this.cursor] < end) this.active.push(this.cursor++);
    // Runs that ended before this query can never overlap a later one.
    if (this.active.length > 0) this.active = this.active.filter((r) => this.ends[r] >= start);
    return this.active.filter((r) => this.starts[r] < end);
  }
}
