import { InputError } from "../../errors";
import { EndGuess } from "./end-guess";
import { Step, toPointer } from "./json-pointer";
import { checkParsedPiece, JsonShapeError, MAX_NESTING, safePointer } from "./json-shape";

/**
 * Decides, for a container about to start at `path`, whether to walk into it (true) or cut it out whole (false).
 * A container to walk into may still come out whole when it is small: see `piecesOf`.
 */
export type DescendRule = (path: readonly Step[]) => boolean;
/** A cut-out value: where it sits in the file, its text and its parsed value (both only during the sink call). */
export interface Piece {
  readonly start: number;
  readonly end: number;
  text(): string;
  /** JSON.parse of the text; throws InputError when it is not valid JSON. */
  value(): unknown;
}
/** Receives each cut-out value with its path. */
export type PieceSink = (path: Step[], piece: Piece) => void;
/** For a value about to be cut out at file offset `start`: the offset just past it to jump there unread, or -1 to read it. */
export type JumpRule = (start: number) => number;

const enum S {
  ObjKeyOrEnd,
  ObjKey,
  ObjColon,
  ObjValue,
  ObjCommaOrEnd,
  ArrValueOrEnd,
  ArrValue,
  ArrCommaOrEnd,
}

interface Frame {
  isArray: boolean;
  index: number;
  key: string;
  state: S;
  /** Member names seen so far in a walked object: a repeated one is refused (JSON.parse would keep only the last). */
  names?: Set<string>;
}

/** Bytes that end a literal (number, true, false, null). */
const LITERAL_END = new Uint8Array(256);
for (const c of [0x2c, 0x7d, 0x5d, 0x20, 0x0a, 0x0d, 0x09]) LITERAL_END[c] = 1;
/** Bytes that matter between the strings of a container. */
const STRUCTURAL = new Uint8Array(256);
for (const c of [0x22, 0x7b, 0x7d, 0x5b, 0x5d]) STRUCTURAL[c] = 1;

const BOM = [0xef, 0xbb, 0xbf];

/** Largest container to cut whole although the layout says to walk into it. */
const SMALL = 1 << 20;

const enum Cap {
  None,
  Container,
  String,
  Literal,
}

/**
 * A byte-level streaming JSON splitter. It walks the top of a document (the containers `descend` picks) token
 * by token, and cuts every other value out as text at its boundaries, so the caller can hand bounded pieces to
 * native JSON.parse. It never holds more than one piece (plus the current chunk); a piece larger than
 * `maxPiece` bytes is refused, so a single giant value cannot exhaust memory.
 *
 * It checks structure (brackets, quotes, commas) well enough to tell truncated or non-JSON input; the grammar of
 * each piece is checked by JSON.parse later. With a `jump` rule it can skip values whose extent it already knows
 * (from an earlier pass over the same file) without scanning them.
 */
export class JsonSplitter {
  private readonly piece: CutPiece;
  private readonly guess = new EndGuess();
  private skip = 0; // bytes still to jump over at the next chunk
  private readonly frames: Frame[] = [];
  private readonly path: Step[] = [];
  private rootDone = false;
  private started = false;
  private bomSeen = 0; // bytes of the UTF-8 byte order mark read so far (3: done looking)
  private offset = 0; // bytes before the current chunk

  private cap: Cap = Cap.None;
  private capForKey = false;
  private capPath: Step[] = [];
  private capParts: Buffer[] = [];
  private capSize = 0;
  private capDepth = 0;
  private capInStr = false;
  private capSkip = 0; // bytes to skip at the next chunk (the escaped byte after a trailing backslash)

  constructor(
    private readonly file: string,
    private readonly descend: DescendRule,
    private readonly sink: PieceSink,
    private readonly maxPiece: number,
    private readonly jump?: JumpRule,
  ) {
    this.piece = new CutPiece(file);
  }

  push(buf: Buffer): void {
    const n = buf.length;
    let i = 0;
    if (n > 0) this.started = true;
    if (this.bomSeen < 3) {
      // A UTF-8 byte order mark, possibly cut across the first chunks (a pipe's first read can be short).
      while (i < n && this.bomSeen < 3 && buf[i] === BOM[this.bomSeen]) {
        i++;
        this.bomSeen++;
      }
      if (i < n && this.bomSeen < 3) {
        if (this.bomSeen > 0) this.fail(i, "a broken byte order mark");
        this.bomSeen = 3; // no mark: the document starts here
      }
    }
    if (this.skip >= n) {
      this.skip -= n;
      this.offset += n;
      return;
    }
    i += this.skip;
    while (i < n) {
      if (this.cap !== Cap.None) {
        i = this.continueCapture(buf, i);
        continue;
      }
      const c = buf[i];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        i++;
        continue;
      }
      i = this.walk(buf, i, c);
    }
    this.skip = i - n; // a jump past this chunk
    this.offset += n;
  }

  end(): void {
    if (!this.started) throw new InputError(`${this.file}: is empty, not JSON`);
    if (!this.rootDone || this.cap !== Cap.None || this.skip > 0) {
      throw new InputError(`${this.file}: JSON ends early at byte ${this.offset} (truncated file?)`);
    }
  }

  private fail(i: number, what: string): never {
    throw new InputError(`${this.file}: not valid JSON at byte ${this.offset + i} (${what})`);
  }

  /** Handles one structural byte of the walked part; returns the next index. */
  private walk(buf: Buffer, i: number, c: number): number {
    const top = this.frames[this.frames.length - 1];
    if (!top) {
      if (this.rootDone) this.fail(i, "data after the end of the document");
      if (c === 0x7b) {
        this.frames.push({ isArray: false, index: 0, key: "", state: S.ObjKeyOrEnd, names: new Set() });
        return i + 1;
      }
      if (c === 0x5b || c === 0x22 || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
        throw new InputError(
          `${this.file}: JSON whose top level is not an object; expected a Terraform state, plan JSON or cdk.tf.json`,
        );
      }
      this.fail(i, "does not start with '{'");
    }
    switch (top.state) {
      case S.ObjKeyOrEnd:
      case S.ObjKey:
        if (c === 0x7d && top.state === S.ObjKeyOrEnd) return this.pop(i);
        if (c !== 0x22) this.fail(i, "expected a member name");
        return this.beginCapture(buf, i, Cap.String, true, this.path);
      case S.ObjColon:
        if (c !== 0x3a) this.fail(i, "expected ':'");
        top.state = S.ObjValue;
        return i + 1;
      case S.ObjValue:
        top.state = S.ObjCommaOrEnd;
        return this.beginValue(buf, i, c, top.key);
      case S.ObjCommaOrEnd:
        if (c === 0x2c) {
          top.state = S.ObjKey;
          return i + 1;
        }
        if (c === 0x7d) return this.pop(i);
        return this.fail(i, "expected ',' or '}'");
      case S.ArrValueOrEnd:
      case S.ArrValue:
        if (c === 0x5d && top.state === S.ArrValueOrEnd) return this.pop(i);
        top.state = S.ArrCommaOrEnd;
        return this.beginValue(buf, i, c, top.index);
      case S.ArrCommaOrEnd:
        if (c === 0x2c) {
          top.index++;
          top.state = S.ArrValue;
          return i + 1;
        }
        if (c === 0x5d) return this.pop(i);
        return this.fail(i, "expected ',' or ']'");
    }
  }

  private pop(i: number): number {
    this.frames.pop();
    if (this.frames.length === 0) this.rootDone = true;
    else this.path.pop();
    return i + 1;
  }

  private beginValue(buf: Buffer, i: number, c: number, step: Step): number {
    if (this.jump) {
      const to = this.jump(this.offset + i);
      if (to >= 0) return to - this.offset;
    }
    const childPath = [...this.path, step];
    if (c === 0x7b || c === 0x5b) {
      // A container to walk is still cut whole when small: one JSON.parse beats walking it token by token.
      const walk = this.descend(childPath);
      const end = this.cutGuessed(buf, i, childPath, walk ? Math.min(SMALL, this.maxPiece) : this.maxPiece);
      if (end >= 0) return end;
      if (walk) {
        if (this.frames.length >= MAX_NESTING) {
          throw new JsonShapeError(`${this.file}: nesting deeper than ${MAX_NESTING} levels at ${safePointer(childPath)}`);
        }
        this.path.push(step);
        this.frames.push({ isArray: c === 0x5b, index: 0, key: "", state: c === 0x5b ? S.ArrValueOrEnd : S.ObjKeyOrEnd, names: c === 0x5b ? undefined : new Set() });
        return i + 1;
      }
      return this.beginCapture(buf, i, Cap.Container, false, childPath);
    }
    if (c === 0x22) return this.beginCapture(buf, i, Cap.String, false, childPath);
    if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
      return this.beginCapture(buf, i, Cap.Literal, false, childPath);
    }
    return this.fail(i, "expected a value");
  }

  /** Cuts out the container at `i` where EndGuess says it ends, if JSON.parse agrees; returns the next index or -1. */
  private cutGuessed(buf: Buffer, i: number, path: Step[], limit: number): number {
    const end = this.guess.guess(buf, i);
    if (end < 0 || end - i > limit) return -1;
    const piece = this.piece.set(path, this.offset + i, this.offset + end, [], buf, i, end);
    const ok = piece.parses();
    this.guess.confirmed(ok, end);
    if (ok) this.sink(path, piece);
    piece.release();
    return ok ? end : -1;
  }

  private beginCapture(buf: Buffer, i: number, kind: Cap, forKey: boolean, path: Step[]): number {
    this.cap = kind;
    this.capForKey = forKey;
    this.capPath = path;
    this.capParts = [];
    this.capSize = 0;
    this.capDepth = 0;
    this.capInStr = kind === Cap.String;
    this.capSkip = 0;
    // Strings start inside the quote; containers and literals at their first byte.
    return this.scan(buf, i, kind === Cap.String ? i + 1 : i);
  }

  private continueCapture(buf: Buffer, i: number): number {
    return this.scan(buf, i, i + this.capSkip);
  }

  /** Scans the captured value from `from` (its bytes began at `start` in this chunk); returns the next index. */
  private scan(buf: Buffer, start: number, from: number): number {
    const n = buf.length;
    let j = from;
    let end = -1;
    this.capSkip = 0;
    if (this.cap === Cap.Literal) {
      while (j < n && LITERAL_END[buf[j]] === 0) j++;
      if (j < n) end = j;
    } else {
      let depth = this.capDepth;
      let inStr = this.capInStr;
      while (j < n) {
        if (inStr) {
          const q = closingQuote(buf, j);
          if (q < 0) {
            this.capSkip = endsInEscape(buf, j) ? 1 : 0;
            j = n;
            break;
          }
          inStr = false;
          j = q + 1;
          if (depth === 0) {
            end = j; // a string scalar or key ends at its closing quote
            break;
          }
          continue;
        }
        while (j < n && STRUCTURAL[buf[j]] === 0) j++;
        if (j === n) break;
        const c = buf[j++];
        if (c === 0x22) inStr = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (--depth === 0) {
          end = j;
          break;
        }
      }
      this.capDepth = depth;
      this.capInStr = inStr;
    }
    const stop = end < 0 ? n : end;
    this.capSize += stop - start;
    if (this.capSize > this.maxPiece) {
      throw new InputError(
        `${this.file}: one JSON value (at ${describe(this.capPath)}) is larger than the ${Math.round(this.maxPiece / 1048576)} MiB limit for a single piece`,
      );
    }
    if (end < 0) {
      // A copy: the reader reuses its chunk buffer once push() returns.
      this.capParts.push(Buffer.from(buf.subarray(start, n)));
      return n;
    }
    this.cap = Cap.None;
    if (this.capForKey) {
      const top = this.frames[this.frames.length - 1];
      top.key = this.capParts.length === 0 && !hasBackslash(buf, start, end) ? buf.toString("utf8", start + 1, end - 1) : this.parseKey(buf, start, end);
      top.state = S.ObjColon;
      if (top.names) {
        if (top.names.has(top.key)) {
          throw new JsonShapeError(
            `${this.file}: a member name appears twice in the object at ${safePointer(this.path)} (its member ${top.names.size + 1}); JSON readers keep only one of them, so the file is refused`,
          );
        }
        top.names.add(top.key);
      }
      this.capParts = [];
      return end;
    }
    const piece = this.piece.set(this.capPath, this.offset + end - this.capSize, this.offset + end, this.capParts, buf, start, end);
    this.capParts = [];
    this.sink(this.capPath, piece);
    piece.release();
    return end;
  }

  private parseKey(buf: Buffer, start: number, end: number): string {
    try {
      return JSON.parse(Buffer.concat([...this.capParts, buf.subarray(start, end)]).toString("utf8"));
    } catch {
      return this.fail(end, "bad member name");
    }
  }
}

const EMPTY: Buffer = Buffer.alloc(0);

/** The value just cut out; decoded and parsed only when asked. */
class CutPiece implements Piece {
  start = 0;
  end = 0;
  private path: readonly Step[] = [];
  private earlier: Buffer[] = []; // its bytes in earlier chunks
  private buf: Buffer = EMPTY;
  private from = 0;
  private to = 0;
  private decoded: string | undefined;
  private parsed: unknown;
  private isParsed = false;

  constructor(private readonly file: string) {}

  set(path: readonly Step[], start: number, end: number, earlier: Buffer[], buf: Buffer, from: number, to: number): this {
    this.path = path;
    this.start = start;
    this.end = end;
    this.earlier = earlier;
    this.buf = buf;
    this.from = from;
    this.to = to;
    this.decoded = undefined;
    this.parsed = undefined;
    this.isParsed = false;
    return this;
  }

  /** Lets go of the chunks and the text. */
  release(): void {
    this.set([], 0, 0, [], EMPTY, 0, 0);
  }

  text(): string {
    if (this.decoded === undefined) {
      this.decoded =
        this.earlier.length === 0
          ? this.buf.toString("utf8", this.from, this.to)
          : Buffer.concat([...this.earlier, this.buf.subarray(this.from, this.to)]).toString("utf8");
    }
    return this.decoded;
  }

  /** True when the text is exactly one JSON value (the value is kept); a refused shape (JsonShapeError) is thrown. */
  parses(): boolean {
    try {
      this.value();
      return true;
    } catch (e) {
      if (e instanceof JsonShapeError) throw e;
      return false;
    }
  }

  value(): unknown {
    if (!this.isParsed) {
      const text = this.text();
      try {
        this.parsed = JSON.parse(text);
      } catch {
        // Never echo JSON.parse's message: it quotes the text, which may hold a secret.
        throw new InputError(`${this.file}: not valid JSON in the value at ${toPointer(this.path) || "the top"}`);
      }
      // Valid JSON the audit must not read as JSON.parse does: repeated member names, stack-deep nesting.
      checkParsedPiece(text, this.parsed, this.file, this.path);
      this.isParsed = true;
    }
    return this.parsed;
  }
}

function hasBackslash(buf: Buffer, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (buf[k] === 0x5c) return true;
  return false;
}

/** The index of the closing quote of a string whose content continues at `from`, or -1 when not in `buf`. */
function closingQuote(buf: Buffer, from: number): number {
  for (let q = buf.indexOf(0x22, from); q >= 0; q = buf.indexOf(0x22, q + 1)) {
    let p = q - 1;
    while (p >= from && buf[p] === 0x5c) p--;
    if (((q - 1 - p) & 1) === 0) return q; // an even run of backslashes escapes nothing
  }
  return -1;
}

/** True when the string content from `from` to the end of `buf` ends in an unpaired backslash. */
function endsInEscape(buf: Buffer, from: number): boolean {
  let p = buf.length - 1;
  while (p >= from && buf[p] === 0x5c) p--;
  return ((buf.length - 1 - p) & 1) === 1;
}

function describe(path: readonly Step[]): string {
  return path.length === 0 ? "the top" : "/" + path.join("/");
}
