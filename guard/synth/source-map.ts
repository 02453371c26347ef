import * as fs from "node:fs";
import * as path from "node:path";
import type { SourcePlace } from "../finding";

/**
 * Maps a place in a built JavaScript file (the app bundle, dist/app.js) back to its TypeScript source through the
 * file's source map (Source Map v3: a `//# sourceMappingURL=` comment naming a .map file next to it). Only what a
 * stack frame needs: the original file and line of a generated line and column. Maps are read once per file, and
 * only when a frame of that file is asked for (a finding's construct), never on a clean synth.
 */
export function originalPlace(place: SourcePlace): SourcePlace | undefined {
  const map = mapOf(place.file);
  return map?.lookup(place.line, place.column);
}

const maps = new Map<string, SourceMap | undefined>();

function mapOf(file: string): SourceMap | undefined {
  if (!file.endsWith(".js") || !path.isAbsolute(file)) return undefined;
  if (maps.has(file)) return maps.get(file);
  let map: SourceMap | undefined;
  try {
    const url = sourceMappingUrl(file);
    if (url && !/^[a-z]+:/i.test(url)) {
      const mapFile = path.resolve(path.dirname(file), url);
      map = new SourceMap(JSON.parse(fs.readFileSync(mapFile, "utf8")), path.dirname(mapFile));
    }
  } catch {
    map = undefined; // no usable map: the frame stays as it is
  }
  maps.set(file, map);
  return map;
}

/** The URL in the file's last `//# sourceMappingURL=` comment (read from its last 4 KB). */
function sourceMappingUrl(file: string): string | undefined {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 4096));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    const text = tail.toString("utf8");
    const at = text.lastIndexOf("//# sourceMappingURL=");
    if (at < 0) return undefined;
    return text.slice(at + "//# sourceMappingURL=".length).split(/\s/)[0] || undefined;
  } finally {
    fs.closeSync(fd);
  }
}

const BASE64 = new Int8Array(128).fill(-1);
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach((c, i) => (BASE64[c.charCodeAt(0)] = i));

/** A decoded source map: per generated line, its segments as (generated column, source, line, column), 0-based. */
class SourceMap {
  private readonly lines: Int32Array[] = [];
  private readonly sources: string[];

  constructor(raw: { mappings?: unknown; sources?: unknown; sourceRoot?: unknown }, dir: string) {
    const root = typeof raw.sourceRoot === "string" ? raw.sourceRoot : "";
    this.sources = (Array.isArray(raw.sources) ? raw.sources : []).map((s) => path.resolve(dir, root, String(s)));
    this.decode(typeof raw.mappings === "string" ? raw.mappings : "");
  }

  /** `line` and `column` 1-based, as in a V8 stack frame. */
  lookup(line: number, column: number): SourcePlace | undefined {
    const segs = this.lines[line - 1];
    if (!segs) return undefined;
    // The last segment starting at or before the column.
    let lo = 0;
    let hi = segs.length / 4 - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[4 * mid] <= column - 1) (best = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    if (best < 0 || segs[4 * best + 1] < 0) return undefined;
    const file = this.sources[segs[4 * best + 1]];
    return file === undefined ? undefined : { file, line: segs[4 * best + 2] + 1, column: segs[4 * best + 3] + 1 };
  }

  private decode(mappings: string): void {
    let src = 0;
    let srcLine = 0;
    let srcCol = 0;
    let segs: number[] = [];
    let genCol = 0;
    const field = [0, 0, 0, 0, 0];
    let nFields = 0;
    let value = 0;
    let shift = 0;
    const endSegment = () => {
      if (nFields === 0) return;
      genCol += field[0];
      if (nFields >= 4) {
        src += field[1];
        srcLine += field[2];
        srcCol += field[3]; // a fifth field (a name) is not needed
        segs.push(genCol, src, srcLine, srcCol);
      } else segs.push(genCol, -1, 0, 0);
      nFields = 0;
    };
    for (let i = 0; i <= mappings.length; i++) {
      const c = i < mappings.length ? mappings.charCodeAt(i) : 59;
      if (c === 59 /* ; */ || c === 44 /* , */) {
        endSegment();
        if (c === 59) {
          this.lines.push(Int32Array.from(segs));
          segs = [];
          genCol = 0;
        }
        continue;
      }
      const digit = c < 128 ? BASE64[c] : -1;
      if (digit < 0) throw new Error("bad source map");
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
        continue;
      }
      const v = value & 1 ? -(value >>> 1) : value >>> 1;
      if (nFields < 5) field[nFields++] = v;
      value = 0;
      shift = 0;
    }
  }
}
