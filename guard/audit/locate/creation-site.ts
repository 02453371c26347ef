import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { SourcePlace } from "../../finding";

/**
 * The construct that wrote a cdk.tf.json finding, and where the app created it. cdktf writes each element's
 * metadata as `"//": {"metadata": {"path", "uniqueId", "stackTrace"}}` inside the element's block
 * (`/resource/TYPE/NAME`, `/data/TYPE/NAME`, `/provider/TYPE/INDEX`, `/output/NAME`, `/variable/NAME`); the
 * stack trace is there when the app recorded one (see engine/creation-traces.ts).
 */

/** Where the stack trace of the element holding `pointer` may be, deepest element first. */
export function elementTracePointers(pointer: string): string[] {
  const steps = pointer.split("/").slice(1);
  const out: string[] = [];
  for (const depth of [3, 2]) {
    if (steps.length >= depth && steps[depth - 1] !== "//") out.push("/" + steps.slice(0, depth).join("/") + "/~1~1/metadata/stackTrace");
  }
  return out;
}

/**
 * The app's line that created the construct: the first frame of the recorded trace (JSON text of an array of
 * V8 frames, "new X (file:line:column)") that is not library code (isLibraryFrame), with its file relative to
 * `root` (the repository, where code scanning resolves relative URIs). Undefined when there is none. A frame's
 * relative path is the app's (relative to where cdktf ran it): given `from`, the folder of the audited cdk.tf.json,
 * it is found from the nearest folder above that holds it (the project in a monorepo's infra/, say).
 */
export function creationSite(traceJson: string, root: string = process.cwd(), from?: string): SourcePlace | undefined {
  let frames: unknown;
  try {
    frames = JSON.parse(traceJson);
  } catch {
    return undefined;
  }
  if (!Array.isArray(frames)) return undefined;
  for (const frame of frames) {
    if (typeof frame !== "string") continue;
    const place = framePlace(frame);
    if (!place) continue;
    if (isLibraryFrame(place.file)) continue;
    let file = place.file.startsWith("file://") ? fileURLToPath(place.file) : place.file;
    if (!path.isAbsolute(file) && from !== undefined) file = besideAncestor(file, from) ?? file;
    if (path.isAbsolute(file)) file = path.relative(root, file);
    return { file: file.split(path.sep).join("/"), line: place.line, column: place.column };
  }
  return undefined;
}

/**
 * A frame of code the app did not write: Node itself, installed packages, and the provider bindings cdktf
 * generates (`.gen/`, cdktf.json's default codeMakerOutput), whose constructors every resource passes through.
 */
export function isLibraryFrame(file: string): boolean {
  return file.startsWith("node:") || /(^|[\\/])(node_modules|\.gen)[\\/]/.test(file);
}

/** "new X (/a/b.ts:12:5)", "/a/b.ts:12:5", "async f (file:///a/b.ts:3:1)": the file, line and column of a frame. */
export function framePlace(frame: string): SourcePlace | undefined {
  const text = frame.replace(/^\s*at\s+/, "");
  const inParens = text.endsWith(")") ? text.slice(text.lastIndexOf("(") + 1, -1) : text;
  // From the end, without a regex: the text comes from a file.
  const c2 = inParens.lastIndexOf(":");
  const c1 = c2 > 0 ? inParens.lastIndexOf(":", c2 - 1) : -1;
  if (c1 <= 0) return undefined;
  const line = inParens.slice(c1 + 1, c2);
  const column = inParens.slice(c2 + 1);
  if (!/^\d{1,9}$/.test(line) || !/^\d{1,9}$/.test(column)) return undefined;
  return { file: inParens.slice(0, c1), line: Number(line), column: Number(column) };
}

/** `rel` resolved against the nearest of `dir` and its ancestors where that file exists; undefined if none does. */
function besideAncestor(rel: string, dir: string): string | undefined {
  for (let d = path.resolve(dir); ; ) {
    const candidate = path.join(d, rel);
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}
