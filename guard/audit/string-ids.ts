/** Slots a lookup probes before it looks in the overflow map. */
const PROBES = 64;
/** Per process: crafted strings cannot be chosen to share a slot. */
const SEED = (Math.random() * 0x100000000) | 0;

/**
 * The ids of distinct strings that the caller keeps in an array (`strings[id]`), found by a hash of their
 * characters in a typed-array table: 4 to 8 bytes a string, where a Map costs about 30 (hundreds of thousands of
 * secrets or findings in a dense state). A probe stops after PROBES slots (strings beyond go to a Map), so
 * strings that share a hash cannot make lookups quadratic.
 */
export class StringIds {
  /** id + 1 per slot, 0 when empty. */
  private slots = new Int32Array(1024);
  private count = 0;
  private overflow: Map<string, number> | undefined;

  /** The id of `s`, or -1. */
  get(s: string, strings: readonly string[]): number {
    const mask = this.slots.length - 1;
    let k = hash(s) & mask;
    for (let n = 0; n < PROBES; n++, k = (k + 1) & mask) {
      const id = this.slots[k] - 1;
      if (id < 0) return -1;
      if (strings[id] === s) return id;
    }
    return this.overflow?.get(s) ?? -1;
  }

  /** Records that `strings[id]` is `s` (not yet in the table). */
  put(s: string, id: number, strings: readonly string[]): void {
    if (++this.count * 2 > this.slots.length) this.grow(strings);
    this.place(s, id);
  }

  private place(s: string, id: number): void {
    const mask = this.slots.length - 1;
    let k = hash(s) & mask;
    for (let n = 0; n < PROBES; n++, k = (k + 1) & mask) {
      if (this.slots[k] === 0) {
        this.slots[k] = id + 1;
        return;
      }
    }
    (this.overflow ??= new Map()).set(s, id);
  }

  /** Twice the slots, every string placed again (the overflow too: its probe run may now have room). */
  private grow(strings: readonly string[]): void {
    const old = this.slots;
    const overflow = this.overflow;
    this.slots = new Int32Array(old.length * 2);
    this.overflow = undefined;
    for (const id of old) if (id !== 0) this.place(strings[id - 1], id - 1);
    if (overflow) for (const [s, id] of overflow) this.place(s, id);
  }
}

/** A seeded hash of the characters of `s`. */
function hash(s: string): number {
  let h = SEED ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}
