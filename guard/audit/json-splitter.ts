import { AuditInputError } from "./input-error";
import type { Step } from "./json-pointer";

/** Decides, for a container about to start at `path`, whether to walk into it (true) or cut it out whole (false). */
export type DescendRule = (path: readonly Step[]) => boolean;
/** Receives each cut-out value: its path and its exact JSON text. */
export type PieceSink = (path: Step[], text: string) => void;

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
}

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
 * each piece is checked by JSON.parse later.
 */
export class JsonSplitter {
  private readonly frames: Frame[] = [];
  private readonly path: Step[] = [];
  private rootDone = false;
  private started = false;
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
  ) {}

  push(buf: Buffer): void {
    const n = buf.length;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3; // UTF-8 byte order mark
    }
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
    this.offset += n;
  }

  end(): void {
    if (!this.started) throw new AuditInputError(`${this.file}: is empty, not JSON`);
    if (!this.rootDone || this.cap !== Cap.None) {
      throw new AuditInputError(`${this.file}: JSON ends early at byte ${this.offset} (truncated file?)`);
    }
  }

  private fail(i: number, what: string): never {
    throw new AuditInputError(`${this.file}: not valid JSON at byte ${this.offset + i} (${what})`);
  }

  /** Handles one structural byte of the walked part; returns the next index. */
  private walk(buf: Buffer, i: number, c: number): number {
    const top = this.frames[this.frames.length - 1];
    if (!top) {
      if (this.rootDone) this.fail(i, "data after the end of the document");
      if (c === 0x7b) {
        this.frames.push({ isArray: false, index: 0, key: "", state: S.ObjKeyOrEnd });
        return i + 1;
      }
      if (c === 0x5b || c === 0x22 || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
        throw new AuditInputError(
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
    const childPath = [...this.path, step];
    if (c === 0x7b || c === 0x5b) {
      if (this.descend(childPath)) {
        this.path.push(step);
        this.frames.push({ isArray: c === 0x5b, index: 0, key: "", state: c === 0x5b ? S.ArrValueOrEnd : S.ObjKeyOrEnd });
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
      for (; j < n; j++) {
        const c = buf[j];
        if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
          end = j;
          break;
        }
      }
    } else {
      let depth = this.capDepth;
      let inStr = this.capInStr;
      outer: while (j < n) {
        if (inStr) {
          while (j < n) {
            const s = buf[j];
            if (s === 0x22) break;
            j += s === 0x5c ? 2 : 1;
          }
          if (j >= n) {
            this.capSkip = j - n;
            break outer;
          }
          inStr = false;
          j++;
          if (depth === 0) {
            end = j; // a string scalar or key ends at its closing quote
            break;
          }
          continue;
        }
        const c = buf[j++];
        if (c === 0x22) inStr = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (--depth === 0) {
            end = j;
            break;
          }
        }
      }
      this.capDepth = depth;
      this.capInStr = inStr;
    }
    const stop = end < 0 ? n : end;
    this.capSize += stop - start;
    if (this.capSize > this.maxPiece) {
      throw new AuditInputError(
        `${this.file}: one JSON value (at ${describe(this.capPath)}) is larger than the ${Math.round(this.maxPiece / 1048576)} MiB limit for a single piece`,
      );
    }
    if (end < 0) {
      this.capParts.push(buf.subarray(start, n));
      return n;
    }
    const text =
      this.capParts.length === 0
        ? buf.toString("utf8", start, end)
        : Buffer.concat([...this.capParts, buf.subarray(start, end)]).toString("utf8");
    this.capParts = [];
    this.cap = Cap.None;
    if (this.capForKey) {
      const top = this.frames[this.frames.length - 1];
      try {
        top.key = JSON.parse(text);
      } catch {
        this.fail(end, "bad member name");
      }
      top.state = S.ObjColon;
    } else {
      this.sink(this.capPath, text);
    }
    return end;
  }
}

function describe(path: readonly Step[]): string {
  return path.length === 0 ? "the top" : "/" + path.join("/");
}
