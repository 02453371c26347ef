const BLOCK = 1 << 16; // spans per block: growing never copies what is already recorded

/**
 * Where the pieces of one file start and end, in file order: recorded by the first pass so the second can jump
 * over the pieces that hold no secret without scanning them. 16 bytes a piece (about 14 MB for a 1 GB state).
 */
export class SpanLog {
  private readonly blocks: Float64Array[] = [];
  private count = 0;
  private cursor = 0;

  add(start: number, end: number): void {
    const at = this.count % BLOCK;
    if (at === 0) this.blocks.push(new Float64Array(2 * BLOCK));
    const b = this.blocks[this.blocks.length - 1];
    b[2 * at] = start;
    b[2 * at + 1] = end;
    this.count++;
  }

  /** The end of the recorded span that starts at `start`, or -1. Ask in increasing `start` order. */
  endOf(start: number): number {
    while (this.cursor < this.count && this.startAt(this.cursor) < start) this.cursor++;
    if (this.cursor === this.count || this.startAt(this.cursor) !== start) return -1;
    return this.blocks[Math.floor(this.cursor / BLOCK)][2 * (this.cursor % BLOCK) + 1];
  }

  private startAt(k: number): number {
    return this.blocks[Math.floor(k / BLOCK)][2 * (k % BLOCK)];
  }
}
