/**
 * One Aho-Corasick automaton over the keywords of every detector of a catalogue: a value is read once, one
 * table step per character, whatever the number of detectors, and the scan leaves where each keyword occurs.
 *
 * Layout (built once per catalogue): characters are mapped to columns (one per distinct code unit of some
 * keyword, column 0 for every other character), and the transitions form a complete table of states x columns
 * (failure links resolved at build time), 16 bits a cell while the states fit (a 150-detector catalogue's
 * table is then about 130 KB, half what 32 bits take, and stays in the second-level cache). States that end a
 * keyword are numbered last, so "did a keyword end here?" is one comparison.
 * Keywords are case-sensitive UTF-16 strings; non-ASCII keywords (astral ones as two code units) are handled
 * like any other.
 *
 * Occurrences are kept per keyword, in order of position, at most `perWindow` per `window` characters of
 * the value for each keyword: a detector never attempts more than that many positions per window (see
 * compiled-detector.ts), so a keyword at every offset of a hostile value costs bounded memory.
 */
import { ValidationError } from "../errors";

export interface AutomatonLimits {
  readonly window: number;
  readonly perWindow: number;
  /**
   * Match in any case (gitleaks' keywords): the keywords are given in lower case, and every code unit whose lower
   * case is one code unit reads as that one.
   */
  readonly foldCase?: boolean;
}

export class KeywordAutomaton {
  /** Per code unit: its column (0: in no keyword). */
  private readonly columnOf: Uint16Array;
  /** Transition table: [state * columns + column] -> next state. */
  private readonly step: Uint16Array | Int32Array;
  /** States at or above this one end at least one keyword. */
  private readonly firstOutput: number;
  private readonly columns: number;
  /** Per output state (index: state - first output state): its keywords in outList[outStart[i] .. outStart[i + 1]). */
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  private readonly lengths: Int32Array;

  // The last scan's occurrences: per keyword a list in order of position (first/last occurrence index, -1 none).
  private readonly firstOf: Int32Array;
  private readonly lastOf: Int32Array;
  /** Per keyword: the window its count is for, and the count. */
  private readonly windowOf: Int32Array;
  private readonly countOf: Int32Array;
  private occStart = new Int32Array(64);
  private occNext = new Int32Array(64);
  private occurrences = 0;
  /** Keywords found by the last scan (the first `foundCount` entries). */
  readonly found: Int32Array;
  foundCount = 0;

  constructor(
    readonly keywords: readonly string[],
    private readonly limits: AutomatonLimits,
  ) {
    const k = keywords.length;
    this.lengths = Int32Array.from(keywords, (w) => w.length);
    this.firstOf = new Int32Array(k).fill(-1);
    this.lastOf = new Int32Array(k).fill(-1);
    this.windowOf = new Int32Array(k);
    this.countOf = new Int32Array(k);
    this.found = new Int32Array(k);

    // Columns: one per distinct code unit.
    this.columnOf = new Uint16Array(0x10000);
    let columns = 1;
    for (const w of keywords) {
      if (w.length === 0) throw new ValidationError("a detector keyword is empty: keywords need at least one character");
      for (let i = 0; i < w.length; i++) if (this.columnOf[w.charCodeAt(i)] === 0) this.columnOf[w.charCodeAt(i)] = columns++;
    }
    this.columns = columns;
    if (limits.foldCase) {
      for (let u = 0; u < 0x10000; u++) {
        const lower = String.fromCharCode(u).toLowerCase();
        if (lower.length === 1 && this.columnOf[u] === 0) this.columnOf[u] = this.columnOf[lower.charCodeAt(0)];
      }
    }

    // The trie (state 0 is the root), with the keywords ending at each state.
    const children: Array<Map<number, number>> = [new Map()];
    const ends: number[][] = [[]];
    keywords.forEach((w, id) => {
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const c = this.columnOf[w.charCodeAt(i)];
        let t = children[s].get(c);
        if (t === undefined) {
          t = children.length;
          children.push(new Map());
          ends.push([]);
          children[s].set(c, t);
        }
        s = t;
      }
      ends[s].push(id);
    });
    const states = children.length;

    // Breadth first: failure links, complete transitions and output sets (own keywords + the failure state's).
    const delta = new Int32Array(states * columns);
    const fail = new Int32Array(states);
    const out: number[][] = ends.map((e) => [...e]);
    const queue: number[] = [];
    for (const [c, t] of children[0]) {
      delta[c] = t;
      queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      const f = fail[s];
      if (out[f].length > 0) out[s].push(...out[f]);
      for (let c = 0; c < columns; c++) {
        const t = children[s].get(c);
        if (t === undefined) delta[s * columns + c] = delta[f * columns + c];
        else {
          fail[t] = delta[f * columns + c];
          delta[s * columns + c] = t;
          queue.push(t);
        }
      }
    }

    // Renumber: the root first, states without output next, states with output last.
    const order: number[] = [0];
    for (let s = 1; s < states; s++) if (out[s].length === 0) order.push(s);
    const firstOutput = order.length;
    for (let s = 1; s < states; s++) if (out[s].length > 0) order.push(s);
    const renamed = new Int32Array(states);
    order.forEach((old, i) => (renamed[old] = i));
    this.step = states <= 0x10000 ? new Uint16Array(states * columns) : new Int32Array(states * columns);
    for (let i = 0; i < states; i++) {
      const old = order[i];
      for (let c = 0; c < columns; c++) this.step[i * columns + c] = renamed[delta[old * columns + c]];
    }
    this.firstOutput = firstOutput;
    this.outStart = new Int32Array(states - firstOutput + 1);
    const list: number[] = [];
    for (let i = firstOutput; i < states; i++) {
      this.outStart[i - firstOutput] = list.length;
      list.push(...out[order[i]]);
    }
    this.outStart[states - firstOutput] = list.length;
    this.outList = Int32Array.from(list);
  }

  /** Reads `value` once; true when some keyword occurs (then `found`, `first` and `next` describe where). */
  scan(value: string): boolean {
    // Forget the last scan's keywords only (usually none).
    for (let i = 0; i < this.foundCount; i++) {
      const w = this.found[i];
      this.firstOf[w] = this.lastOf[w] = -1;
    }
    this.foundCount = 0;
    this.occurrences = 0;
    // A hostile value may have grown the occurrence lists: do not keep that memory for the next million values.
    if (this.occStart.length > 1 << 16) (this.occStart = new Int32Array(64)), (this.occNext = new Int32Array(64));
    const step = this.step;
    const columnOf = this.columnOf;
    const firstOutput = this.firstOutput;
    const columns = this.columns;
    const n = value.length;
    let s = 0;
    for (let j = 0; j < n; j++) {
      s = step[s * columns + columnOf[value.charCodeAt(j)]];
      if (s >= firstOutput) this.record(s, j);
    }
    return this.foundCount > 0;
  }

  /** Position of the first kept occurrence of keyword `w`, or -1; `occurrence` for `positionOf`/`next`. */
  first(w: number): number {
    return this.firstOf[w];
  }

  /** The occurrence after `occurrence` of the same keyword, or -1. */
  next(occurrence: number): number {
    return this.occNext[occurrence];
  }

  positionOf(occurrence: number): number {
    return this.occStart[occurrence];
  }

  private record(s: number, end: number): void {
    const o = s - this.firstOutput;
    const { window, perWindow } = this.limits;
    for (let i = this.outStart[o], stop = this.outStart[o + 1]; i < stop; i++) {
      const w = this.outList[i];
      const start = end + 1 - this.lengths[w];
      const win = (start / window) | 0;
      if (this.firstOf[w] < 0) {
        this.found[this.foundCount++] = w;
        this.windowOf[w] = win;
        this.countOf[w] = 0;
      } else if (this.windowOf[w] !== win) {
        this.windowOf[w] = win;
        this.countOf[w] = 0;
      }
      // The first `perWindow` of each window are all a detector may attempt; later ones are not kept.
      if (this.countOf[w] >= perWindow) continue;
      this.countOf[w]++;
      const at = this.occurrences++;
      if (at === this.occStart.length) this.grow();
      this.occStart[at] = start;
      this.occNext[at] = -1;
      if (this.firstOf[w] < 0) this.firstOf[w] = at;
      else this.occNext[this.lastOf[w]] = at;
      this.lastOf[w] = at;
    }
  }

  private grow(): void {
    const starts = new Int32Array(this.occStart.length * 2);
    starts.set(this.occStart);
    const next = new Int32Array(starts.length);
    next.set(this.occNext);
    this.occStart = starts;
    this.occNext = next;
  }
}
