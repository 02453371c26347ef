import type { TextRegion } from "../../finding";
import type { ByteSource } from "./file-chunks";

/**
 * Where values sit in a JSON file, by JSON pointer, as SARIF regions: 1-based lines and columns, columns in
 * UTF-16 code units (SARIF's default columnKind), the end column just past the value.
 *
 * One streaming pass over the bytes, run only when a SARIF report is written (the audit itself never pays for
 * it): it walks only the containers on the way to a wanted pointer and skips every other value by its brackets
 * and quotes; lines are counted with native newline search, columns only on the current line. Memory is the
 * trie of wanted pointers plus one chunk. A pointer deeper than the file (a member of JSON held in a string, as
 * in a secret_string) or one whose last steps are not in it gets the region of the deepest value on its way
 * that is; "" (the whole file) gets none. Pointers must be the file's own (before any redaction).
 *
 * `captures`: pointers whose value's JSON text is wanted too (a construct's recorded stack trace), at most
 * MAX_CAPTURE bytes each.
 */
export async function locateValues(source: ByteSource, pointers: readonly string[], captures: readonly string[] = []): Promise<LocatedValues> {
  const trie = wantedTrie(pointers, captures);
  if (trie.root.children) {
    const walker = new RegionWalker(trie.root);
    await source.chunks((chunk) => walker.push(chunk));
  }
  return results(trie);
}

/** locateValues on a file already in memory (the synth gate reads cdk.tf.json whole). */
export function locateValuesIn(bytes: Buffer, pointers: readonly string[], captures: readonly string[] = []): LocatedValues {
  const trie = wantedTrie(pointers, captures);
  if (trie.root.children) new RegionWalker(trie.root).push(bytes);
  return results(trie);
}

interface WantedTrie {
  readonly root: Node;
  readonly wanted: ReadonlyArray<string[] | undefined>;
  readonly captured: ReadonlyArray<string[] | undefined>;
}

function wantedTrie(pointers: readonly string[], captures: readonly string[]): WantedTrie {
  const root: Node = {};
  const wanted = pointers.map((p) => (p === "" ? undefined : insert(root, p)));
  const captured = captures.map((p) => (p === "" ? undefined : insert(root, p)));
  for (const c of captured) if (c) nodeAt(root, c)!.capture = true;
  return { root, wanted, captured };
}

function results({ root, wanted, captured }: WantedTrie): LocatedValues {
  return {
    regions: wanted.map((path) => {
      if (!path) return undefined;
      let found: TextRegion | undefined;
      let node: Node | undefined = root;
      for (const step of path) {
        node = node.children?.get(step);
        if (!node) break;
        if (node.region) found = node.region;
      }
      return found;
    }),
    texts: captured.map((path) => (path ? nodeAt(root, path)?.text : undefined)),
  };
}

export interface LocatedValues {
  /** Per pointer asked, in order. */
  readonly regions: ReadonlyArray<TextRegion | undefined>;
  /** Per capture asked: the value's JSON text, when it is in the file. */
  readonly texts: ReadonlyArray<string | undefined>;
}

function nodeAt(root: Node, path: readonly string[]): Node | undefined {
  let node: Node | undefined = root;
  for (const step of path) node = node?.children?.get(step);
  return node;
}

interface Node {
  children?: Map<string, Node>;
  region?: TextRegion;
  /** Keep the value's JSON text (see captureValues). */
  capture?: boolean;
  text?: string;
}

function insert(root: Node, pointer: string): string[] {
  const steps = pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = root;
  for (const s of steps) {
    node.children ??= new Map();
    let next = node.children.get(s);
    if (!next) node.children.set(s, (next = {}));
    node = next;
  }
  return steps;
}

/** Line and UTF-16 column of byte offsets, asked in increasing order while the chunk that holds them is current. */
class LineCounter {
  line = 1;
  column = 1;
  private pos = 0; // bytes counted so far
  private buf: Buffer = Buffer.alloc(0);
  private base = 0; // file offset of buf[0]

  chunk(buf: Buffer, base: number): void {
    this.buf = buf;
    this.base = base;
  }

  /** Skips bytes that are not text (a byte order mark). */
  skipTo(offset: number): void {
    this.pos = offset;
  }

  advance(offset: number): void {
    let i = this.pos - this.base;
    const end = offset - this.base;
    if (end <= i) return;
    const view = this.buf.subarray(0, end);
    for (let nl = view.indexOf(0x0a, i); nl >= 0; nl = view.indexOf(0x0a, i)) {
      this.line++;
      this.column = 1;
      i = nl + 1;
    }
    this.column += utf16Units(view, i, end);
    this.pos = offset;
  }
}

/**
 * UTF-16 code units of the UTF-8 bytes [from, to), by native decoding (a single-line plan is hundreds of MB on
 * one line). A character cut by a chunk's end counts in the chunk where it starts: its leading byte gives its
 * units (two for a 4-byte sequence, a surrogate pair), and its continuation bytes in the next chunk none.
 */
function utf16Units(buf: Buffer, from: number, to: number): number {
  while (from < to && (buf[from] & 0xc0) === 0x80) from++;
  let cut = to;
  while (cut > from && to - cut < 3 && (buf[cut - 1] & 0xc0) === 0x80) cut--;
  let tail = 0;
  const lead = cut > from ? buf[cut - 1] : 0;
  if (lead >= 0xc0 && to - (cut - 1) < (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2)) {
    tail = lead >= 0xf0 ? 2 : 1;
    cut--;
  } else cut = to;
  return (cut > from ? buf.toString("utf8", from, cut).length : 0) + tail;
}

const enum S {
  KeyOrEnd,
  Colon,
  Value,
  CommaOrEnd,
  ArrValueOrEnd,
  ArrCommaOrEnd,
}

const enum Skip {
  None,
  Key,
  String,
  Container,
  Literal,
}

interface Frame {
  readonly node: Node;
  readonly isArray: boolean;
  readonly startLine: number;
  readonly startColumn: number;
  index: number;
  key: string;
  state: S;
}

const BOM = [0xef, 0xbb, 0xbf];

/** Largest value text kept by captureValues: a construct's stack trace is a few KB. */
const MAX_CAPTURE = 256 * 1024;

/** Bytes that matter while skipping a container: quotes and brackets. */
const STRUCTURAL = new Uint8Array(256);
for (const c of [0x22, 0x7b, 0x7d, 0x5b, 0x5d]) STRUCTURAL[c] = 1;

/** Bytes that end a literal (number, true, false, null). */
const LITERAL_END = new Uint8Array(256);
for (const c of [0x2c, 0x7d, 0x5d, 0x20, 0x0a, 0x0d, 0x09]) LITERAL_END[c] = 1;

/** The pass: a JSON walker that tracks the path only along the trie. Never throws on odd input: it stops locating. */
class RegionWalker {
  private readonly lines = new LineCounter();
  private readonly frames: Frame[] = [];
  private offset = 0;
  private bomSeen = 0; // bytes of a byte order mark read (3: done looking)
  private broken = false;
  private done = false;
  // The value (or member name) being skipped, possibly across chunks.
  private skip: Skip = Skip.None;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private target: Node | undefined; // the node whose value is being skipped, to record its end
  private targetLine = 0;
  private targetColumn = 0;
  private keyParts: Buffer[] = []; // a member name's bytes, or a captured value's
  private captured = 0;

  constructor(private readonly root: Node) {}

  push(buf: Buffer): void {
    const base = this.offset;
    this.offset += buf.length;
    if (this.broken || this.done) return;
    this.lines.chunk(buf, base);
    let i = 0;
    // A UTF-8 byte order mark, possibly cut across the first chunks: not a character of the first line.
    while (this.bomSeen < 3 && i < buf.length) {
      if (buf[i] !== BOM[this.bomSeen]) {
        if (this.bomSeen > 0) return void this.stop(i);
        this.bomSeen = 3;
        break;
      }
      i++;
      if (++this.bomSeen === 3) this.lines.skipTo(base + i);
    }
    const n = buf.length;
    while (i < n && !this.broken && !this.done) {
      if (this.skip !== Skip.None) {
        i = this.continueSkip(buf, i, base);
        continue;
      }
      const c = buf[i];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else i = this.walk(buf, i, c, base);
    }
    this.lines.advance(base + n);
  }

  private walk(buf: Buffer, i: number, c: number, base: number): number {
    const top = this.frames[this.frames.length - 1];
    if (!top) {
      if (c !== 0x7b) return this.stop(i);
      return this.open(this.root, false, i, base);
    }
    switch (top.state) {
      case S.KeyOrEnd:
        if (c === 0x7d) return this.close(i, base);
        if (c === 0x2c) return i + 1; // after a member
        if (c !== 0x22) return this.stop(i);
        this.skip = Skip.Key;
        this.escaped = false;
        this.keyParts = [];
        return this.continueSkip(buf, i + 1, base, i + 1);
      case S.Colon:
        if (c !== 0x3a) return this.stop(i);
        top.state = S.Value;
        return i + 1;
      case S.Value:
        top.state = S.KeyOrEnd;
        return this.value(top.node.children?.get(top.key), buf, i, c, base);
      case S.ArrValueOrEnd:
        if (c === 0x5d) return this.close(i, base);
        top.state = S.ArrCommaOrEnd;
        return this.value(top.node.children?.get(String(top.index)), buf, i, c, base);
      case S.ArrCommaOrEnd:
        if (c === 0x5d) return this.close(i, base);
        if (c !== 0x2c) return this.stop(i);
        top.index++;
        top.state = S.ArrValueOrEnd;
        return i + 1;
    }
    return this.stop(i);
  }

  private value(node: Node | undefined, buf: Buffer, i: number, c: number, base: number): number {
    // A captured value is read whole (a pointer below it gets its span), every other wanted container walked.
    if ((c === 0x7b || c === 0x5b) && node?.children && !node.capture) return this.open(node, c === 0x5b, i, base);
    if (node) {
      this.lines.advance(base + i);
      this.targetLine = this.lines.line;
      this.targetColumn = this.lines.column;
    }
    this.target = node;
    this.captured = 0;
    this.keyParts = [];
    this.escaped = false;
    this.inString = false;
    this.depth = 0;
    if (c === 0x22) {
      this.skip = Skip.String;
      return this.continueSkip(buf, i + 1, base, i);
    }
    if (c === 0x7b || c === 0x5b) {
      this.skip = Skip.Container;
      return this.continueSkip(buf, i, base);
    }
    this.skip = Skip.Literal;
    return this.continueSkip(buf, i, base);
  }

  private open(node: Node, isArray: boolean, i: number, base: number): number {
    this.lines.advance(base + i);
    this.frames.push({ node, isArray, startLine: this.lines.line, startColumn: this.lines.column, index: 0, key: "", state: isArray ? S.ArrValueOrEnd : S.KeyOrEnd });
    return i + 1;
  }

  private close(i: number, base: number): number {
    const f = this.frames.pop()!;
    this.lines.advance(base + i + 1);
    if (f.node !== this.root) f.node.region = { startLine: f.startLine, startColumn: f.startColumn, endLine: this.lines.line, endColumn: this.lines.column };
    if (this.frames.length === 0) this.done = true;
    return i + 1;
  }

  /** Scans the skipped value from `i`; returns where the walk goes on (`buf.length` when it continues in the next chunk). */
  private continueSkip(buf: Buffer, i: number, base: number, from = i): number {
    const n = buf.length;
    let end = -1;
    if (this.skip === Skip.Literal) {
      while (i < n && LITERAL_END[buf[i]] === 0) i++;
      if (i < n) end = i;
    } else if (this.skip === Skip.String || this.skip === Skip.Key) {
      end = this.stringEnd(buf, i);
    } else {
      let depth = this.depth;
      if (this.inString) {
        const q = this.stringEnd(buf, i);
        i = q < 0 ? n : q;
        this.inString = q < 0;
      }
      while (i < n) {
        const b = buf[i++];
        if (STRUCTURAL[b] === 0) continue;
        if (b === 0x22) {
          const q = this.stringEnd(buf, i);
          if (q < 0) {
            this.inString = true;
            i = n;
            break;
          }
          i = q;
        } else if (b === 0x7b || b === 0x5b) depth++;
        else if (--depth === 0) {
          end = i;
          break;
        }
      }
      this.depth = depth;
    }
    if (this.skip === Skip.Key) {
      // A member name: kept (copied: the chunk is reused) until its closing quote.
      this.keyParts.push(Buffer.from(buf.subarray(from, end < 0 ? n : end - 1)));
      if (end < 0) return n;
      this.skip = Skip.None;
      const top = this.frames[this.frames.length - 1];
      const raw = Buffer.concat(this.keyParts).toString("utf8");
      this.keyParts = [];
      try {
        top.key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
      } catch {
        return this.stop(end);
      }
      top.state = S.Colon;
      return end;
    }
    const node = this.target;
    if (node?.capture && this.captured <= MAX_CAPTURE) {
      this.captured += (end < 0 ? n : end) - from;
      this.keyParts.push(Buffer.from(buf.subarray(from, end < 0 ? n : end)));
    }
    if (end < 0) return n;
    this.skip = Skip.None;
    this.target = undefined;
    if (node) {
      this.lines.advance(base + end);
      node.region = { startLine: this.targetLine, startColumn: this.targetColumn, endLine: this.lines.line, endColumn: this.lines.column };
      if (node.capture && this.captured <= MAX_CAPTURE) node.text = Buffer.concat(this.keyParts).toString("utf8");
      this.keyParts = [];
      this.captured = 0;
    }
    return end;
  }

  /**
   * Inside a string at `i` (the byte at `i` escaped when `this.escaped`): the index just past its closing quote,
   * found by native search (strings are most of a state's bytes), or -1 when the chunk ends first; then
   * `this.escaped` says whether it ended inside an escape.
   */
  private stringEnd(buf: Buffer, i: number): number {
    if (this.escaped) {
      if (i >= buf.length) return -1;
      this.escaped = false;
      i++;
    }
    for (;;) {
      const q = buf.indexOf(0x22, i);
      const stop = q < 0 ? buf.length : q;
      let backslashes = 0;
      for (let k = stop - 1; k >= i && buf[k] === 0x5c; k--) backslashes++;
      if (q < 0) {
        this.escaped = backslashes % 2 === 1;
        return -1;
      }
      if (backslashes % 2 === 0) return q + 1;
      i = q + 1;
    }
  }

  private stop(i: number): number {
    this.broken = true;
    return i;
  }
}
