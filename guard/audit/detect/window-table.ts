/** Length of the window of a secret the byte scan compares. */
export const GRAM = 8;

/**
 * The 8-byte windows of the secrets the byte scan compares: a chained hash in typed arrays (outside the JS heap),
 * 17 bytes a window plus a 4-byte bucket, sized once for the windows it will hold. (An open-addressing table
 * must stay a quarter empty and doubles in steps: up to twice the memory for 200,000 secrets.)
 *
 * In front of the buckets, a bit per hash value (`filter`, at most FILTER_BITS bits: 128 KB) says whether any
 * window may have it. The scan of a whole file samples millions of offsets and nearly all of them miss: one bit
 * read in a table that stays in the cache answers those, where the buckets (4 bytes each, as many as windows,
 * read at random) missed the cache on most offsets.
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
  /** A bit per value of `h >>> filterShift` (h: mix of the window): set when some window has that value. */
  readonly filter: Int32Array;
  readonly filterShift: number;
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
    // About 16 bits a window (few false hits), within FILTER_BITS.
    let bits = 1 << 10;
    while (bits < capacity * 16 && bits < FILTER_BITS) bits *= 2;
    this.filter = new Int32Array(bits >>> 5);
    this.filterShift = 32 - Math.log2(bits);
  }

  /** How many windows equal to (lo, hi) the table holds, counting up to `cap`. */
  uses(lo: number, hi: number, cap: number): number {
    let n = 0;
    for (let k = this.head[slot(lo, hi, this.mask)]; k >= 0 && n < cap; k = this.next[k]) if (this.lo[k] === lo && this.hi[k] === hi) n++;
    return n;
  }

  put(lo: number, hi: number, secret: number, at: number): void {
    const k = this.count++;
    const h = mix(lo, hi);
    const f = h >>> this.filterShift;
    this.filter[f >>> 5] |= 1 << (f & 31);
    const b = (h ^ (h >>> 15)) & this.mask;
    this.lo[k] = lo;
    this.hi[k] = hi;
    this.secret[k] = secret;
    this.at[k] = at;
    this.next[k] = this.head[b];
    this.head[b] = k;
  }
}

/** Most bits of a table's filter (128 KB). */
const FILTER_BITS = 1 << 20;

/** The hash of a window (its bytes as two little-endian int32); its bucket is slot(), its filter bit the top bits. */
export function mix(lo: number, hi: number): number {
  return Math.imul((Math.imul(lo, 0x9e3779b1) ^ hi) | 0, 0x85ebca6b);
}

/** The bucket of a window. */
export function slot(lo: number, hi: number, mask: number): number {
  const h = mix(lo, hi);
  return (h ^ (h >>> 15)) & mask;
}
