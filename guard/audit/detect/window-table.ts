/** Length of the window of a secret the byte scan compares. */
export const GRAM = 8;

/**
 * The 8-byte windows of the secrets the byte scan compares: a chained hash in typed arrays (outside the JS heap),
 * 17 bytes a window plus a 4-byte bucket, sized once for the windows it will hold. (An open-addressing table
 * must stay a quarter empty and doubles in steps: up to twice the memory for 200,000 secrets.)
 */
export class WindowTable {
  readonly mask: number;
  /** First window of each bucket, -1 when none. */
  readonly head: Int32Array;
  /** The next window of the same bucket, -1 at the end. */
  readonly next: Int32Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** The secret a window belongs to. */
  readonly secret: Int32Array;
  /** Where the window starts in the secret's run. */
  readonly at: Uint8Array;
  private count = 0;

  /** `step`: the scan's pace; `capacity`: the most windows put() will be given. */
  constructor(
    readonly step: number,
    capacity: number,
  ) {
    let buckets = 1 << 10;
    while (buckets < capacity) buckets *= 2;
    this.mask = buckets - 1;
    this.head = new Int32Array(buckets).fill(-1);
    this.next = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.hi = new Int32Array(capacity);
    this.secret = new Int32Array(capacity);
    this.at = new Uint8Array(capacity);
  }

  /** How many windows equal to (lo, hi) the table holds, counting up to `cap`. */
  uses(lo: number, hi: number, cap: number): number {
    let n = 0;
    for (let k = this.head[slot(lo, hi, this.mask)]; k >= 0 && n < cap; k = this.next[k]) if (this.lo[k] === lo && this.hi[k] === hi) n++;
    return n;
  }

  put(lo: number, hi: number, secret: number, at: number): void {
    const k = this.count++;
    const b = slot(lo, hi, this.mask);
    this.lo[k] = lo;
    this.hi[k] = hi;
    this.secret[k] = secret;
    this.at[k] = at;
    this.next[k] = this.head[b];
    this.head[b] = k;
  }
}

/** The bucket of a window (its bytes as two little-endian int32). */
export function slot(lo: number, hi: number, mask: number): number {
  const h = Math.imul((Math.imul(lo, 0x9e3779b1) ^ hi) | 0, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}
