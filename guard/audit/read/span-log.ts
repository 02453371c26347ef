const BLOCK = 1 << 16; // spans per block: growing never copies what is already recorded
const BIG = 0xffffffff;
const FIRST_BLOCK = 64;

/** A copy with four times the room (the first block only, up to BLOCK). */
function grow(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(Math.min(BLOCK, a.length * 4));
  b.set(a);
  return b;
} // marks a gap or length that does not fit 32 bits; the exact value is in `big`

/**
 * Where the pieces of one file start and end, in file order: recorded by the first pass so the second can jump
 * over the pieces that hold no secret without scanning them. 8 bytes a piece (the gap since the previous piece
 * and the length, 32 bits each; about 10 MB for a 1 GB plan).
 */
export class SpanLog {
  private readonly gaps: Uint32Array[] = [];
  private readonly lengths: Uint32Array[] = [];
  private readonly big = new Map<number, number>();
  private count = 0;
  private lastEnd = 0;
  // Read cursor: span index and its start.
  private cursor = 0;
  private cursorStart = -1;
  private cursorPrevEnd = 0;

  add(start: number, end: number): void {
    const at = this.count % BLOCK;
    if (at === 0) {
      // The first block starts small (most files have few pieces; a folder can have 50,000 files) and grows.
      this.gaps.push(new Uint32Array(this.count === 0 ? FIRST_BLOCK : BLOCK));
      this.lengths.push(new Uint32Array(this.count === 0 ? FIRST_BLOCK : BLOCK));
    } else if (this.count < BLOCK && at >= this.gaps[0].length) {
      this.gaps[0] = grow(this.gaps[0]);
      this.lengths[0] = grow(this.lengths[0]);
    }
    const b = this.gaps.length - 1;
    this.gaps[b][at] = this.put(2 * this.count, start - this.lastEnd);
    this.lengths[b][at] = this.put(2 * this.count + 1, end - start);
    this.lastEnd = end;
    this.count++;
  }

  /** The end of the recorded span that starts at `start`, or -1. Ask in increasing `start` order. */
  endOf(start: number): number {
    while (this.cursor < this.count && this.startAt() < start) this.next();
    if (this.cursor === this.count || this.startAt() !== start) return -1;
    return this.startAt() + this.get(2 * this.cursor + 1, this.lengths);
  }

  private put(key: number, v: number): number {
    if (v < BIG) return v;
    this.big.set(key, v);
    return BIG;
  }

  private get(key: number, from: Uint32Array[]): number {
    const v = from[Math.floor((key >> 1) / BLOCK)][(key >> 1) % BLOCK];
    return v === BIG ? (this.big.get(key) as number) : v;
  }

  private startAt(): number {
    if (this.cursorStart < 0) this.cursorStart = this.cursorPrevEnd + this.get(2 * this.cursor, this.gaps);
    return this.cursorStart;
  }

  private next(): void {
    this.cursorPrevEnd = this.startAt() + this.get(2 * this.cursor + 1, this.lengths);
    this.cursor++;
    this.cursorStart = -1;
  }
}
