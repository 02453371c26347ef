import { promises as fsp } from "node:fs";
import * as nodePath from "node:path";
import { InputError } from "../errors";
import type { Finding } from "../finding";

/** The ignore file the audit reads from the working folder when present. */
export const DEFAULT_IGNORE_FILE = ".secret-guardignore";
/** A suppression needs a reason someone can check later. */
export const MIN_REASON = 10;
/** An ignore file is a short hand-written list; anything bigger is not one. */
const MAX_IGNORE_BYTES = 4 * 1024 * 1024;

const ALLOWED =
  'an entry is "<selector> <reason>": the selector is sha256:<12 hex digits> (a fingerprint) or FILE:POINTER ' +
  `(an RFC 6901 JSON pointer, empty for the whole file; quote the selector as a JSON string when it has spaces), the reason at least ${MIN_REASON} characters; # starts a comment`;

/** One entry of an ignore file. */
export interface IgnoreEntry {
  /** 1-based line in the ignore file. */
  readonly line: number;
  readonly kind: "fingerprint" | "place";
  /** The fingerprint, or the normalized file of a place selector. */
  readonly fingerprint?: string;
  readonly file?: string;
  readonly pointer?: string;
  readonly reason: string;
}

/**
 * A parsed ignore file: matches findings by fingerprint (every place holding that value) or by exact file and
 * JSON pointer, and remembers which entries matched something.
 */
export class IgnoreList {
  private readonly byFingerprint = new Map<string, IgnoreEntry>();
  private readonly byPlace = new Map<string, IgnoreEntry>();
  private readonly used = new Set<IgnoreEntry>();

  constructor(
    /** The ignore file as named to the user. */
    readonly file: string,
    readonly entries: readonly IgnoreEntry[],
  ) {
    // The first entry for a selector wins; a later duplicate is reported as matching nothing.
    for (const e of entries) {
      if (e.kind === "fingerprint") {
        if (!this.byFingerprint.has(e.fingerprint!)) this.byFingerprint.set(e.fingerprint!, e);
      } else {
        const key = placeKey(e.file!, e.pointer!);
        if (!this.byPlace.has(key)) this.byPlace.set(key, e);
      }
    }
  }

  /** The reason a finding is suppressed, or undefined. A place entry wins over a fingerprint entry. */
  match(f: Pick<Finding, "file" | "pointer" | "fingerprint">): string | undefined {
    const e = (this.byPlace.size ? this.byPlace.get(placeKey(normalizeFile(f.file), f.pointer)) : undefined) ?? (f.fingerprint ? this.byFingerprint.get(f.fingerprint) : undefined);
    if (!e) return undefined;
    this.used.add(e);
    return e.reason;
  }

  /** Line numbers of the entries that matched no finding (call after matching every finding). */
  unmatchedLines(): number[] {
    return this.entries.filter((e) => !this.used.has(e)).map((e) => e.line);
  }
}

function placeKey(file: string, pointer: string): string {
  return `${file}\0${pointer}`;
}

/** A file name as compared between an ignore file or baseline and a finding: relative to the working folder when inside it. */
export function normalizeFile(file: string): string {
  const abs = nodePath.resolve(file);
  const rel = nodePath.relative(process.cwd(), abs);
  const out = rel === "" ? "." : rel.startsWith("..") || nodePath.isAbsolute(rel) ? abs : rel;
  return out.split(nodePath.sep).join("/");
}

/**
 * Reads an ignore file. `required` false: a missing file is no ignore list (the default `.secret-guardignore`).
 * Errors are one line naming the file and line, never the line's content.
 */
export async function loadIgnoreFile(file: string, required: boolean): Promise<IgnoreList | undefined> {
  let text: string;
  const where = required ? `--ignore-file ${file}` : file;
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) throw new InputError(`${where}: not a regular file`);
    if (st.size > MAX_IGNORE_BYTES) throw new InputError(`${file}: larger than ${MAX_IGNORE_BYTES >> 20} MiB; an ignore file holds one short entry per line`);
    text = await fsp.readFile(file, "utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (!required && code === "ENOENT") return undefined;
    throw new InputError(`${where}: cannot read file (${code ?? "error"})`);
  }
  return new IgnoreList(file, parseIgnoreText(text, file));
}

/** Parses the text of an ignore file (see loadIgnoreFile). */
export function parseIgnoreText(text: string, file: string): IgnoreEntry[] {
  const entries: IgnoreEntry[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    entries.push(parseEntry(line, i + 1, file));
  }
  return entries;
}

function parseEntry(line: string, n: number, file: string): IgnoreEntry {
  const bad = (what: string) => new InputError(`${file} line ${n}: ${what}; ${ALLOWED}`);
  let selector: string;
  let rest: string;
  let quoted = false;
  if (line.startsWith('"')) {
    const end = closingQuote(line);
    if (end < 0) throw bad("the quoted selector has no closing quote");
    try {
      selector = JSON.parse(line.slice(0, end + 1)) as string;
    } catch {
      throw bad("the quoted selector is not a valid JSON string");
    }
    rest = line.slice(end + 1);
    if (rest !== "" && !/^\s/.test(rest)) throw bad("the quoted selector must be followed by a space and the reason");
    quoted = true;
  } else {
    const m = /^(\S+)(.*)$/.exec(line)!;
    selector = m[1];
    rest = m[2];
  }
  const reason = rest.trim();
  if (/^sha256:/i.test(selector) && !quoted) {
    if (!/^sha256:[0-9a-f]{12}$/i.test(selector)) throw bad("the fingerprint selector is not sha256: followed by 12 hex digits");
    checkReason(reason, bad);
    return { line: n, kind: "fingerprint", fingerprint: selector.toLowerCase(), reason };
  }
  const at = pointerStart(selector);
  if (at < 0) throw bad("the selector is neither a fingerprint nor FILE:POINTER");
  const target = selector.slice(0, at);
  const pointer = selector.slice(at + 1);
  if (target === "") throw bad("the FILE:POINTER selector has no file");
  if (!validPointer(pointer)) throw bad("the FILE:POINTER selector's pointer is not an RFC 6901 JSON pointer (empty, or / segments with ~ only as ~0 or ~1)");
  checkReason(reason, bad);
  return { line: n, kind: "place", file: normalizeFile(target), pointer, reason };
}

function checkReason(reason: string, bad: (what: string) => InputError): void {
  if (reason === "") throw bad("the entry has no reason");
  if (reason.length < MIN_REASON) throw bad(`the reason is shorter than ${MIN_REASON} characters`);
}

/** Index of the closing quote of a JSON string starting at 0, or -1. */
function closingQuote(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === '"') return i;
  }
  return -1;
}

/**
 * Where the pointer part of FILE:POINTER starts (the index of its colon): the first colon followed by "/" or the end,
 * after a Windows drive letter. -1 when there is none.
 */
function pointerStart(selector: string): number {
  const from = /^[A-Za-z]:[\\/]/.test(selector) ? 2 : 0;
  for (let i = selector.indexOf(":", from); i >= 0; i = selector.indexOf(":", i + 1)) {
    if (i + 1 === selector.length || selector[i + 1] === "/") return i;
  }
  return -1;
}

function validPointer(p: string): boolean {
  return p === "" || (p.startsWith("/") && !/~(?![01])/.test(p));
}
