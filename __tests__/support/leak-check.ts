import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The one leak check of the tests: whether anything the tool wrote (stdout, stderr, report files, annotations,
 * logs) holds a planted secret, a piece of one, or a common encoding of either. A piece is any window of WINDOW
 * characters (every longer piece contains one). The encodings are those a value takes on its way out:
 *   raw, JSON string escaping (once and twice), URL encoding (encodeURIComponent), markdown escaping (backslash
 *   before punctuation, as GitHub job summaries show it), and base64 / base64url of the whole value.
 * Windows are taken of every form (a base64 of a substring depends on its alignment, so besides the whole value's
 * base64 only the windows of that one encoding are looked for: prefixes and 3-aligned pieces).
 * A failure names the planted value by its index and length, the encoding, the window's offset and where it was
 * found; never the value or the text around it.
 */

/** Length of the shortest piece of a planted value that must not appear. */
export const WINDOW = 8;

/** What was written: one text, texts by name ("stdout", a file path), or [name, text] pairs. */
export type Outputs = string | Readonly<Record<string, string>> | ReadonlyArray<readonly [string, string]>;

interface Needle {
  readonly value: number;
  readonly encoding: string;
  readonly offset: number;
}

/** Markdown escaping: a backslash before each ASCII punctuation character (GitHub's job summary does this). */
export function markdownEscape(v: string): string {
  return v.replace(/[\\`*_{}[\]()#+\-.!|<>~"'$%&,/:;=?@^]/g, (c) => "\\" + c);
}

/** The forms a value takes in output, by encoding name. */
export function encodingsOf(value: string): Array<[string, string]> {
  const json = JSON.stringify(value).slice(1, -1);
  const b64 = Buffer.from(value, "utf8").toString("base64");
  const forms: Array<[string, string]> = [
    ["raw", value],
    ["json", json],
    ["json twice", JSON.stringify(json).slice(1, -1)],
    ["url", encodeURIComponent(value)],
    ["markdown", markdownEscape(value)],
    // The last quantum of a base64 depends on what follows: only the stable part is a piece of every encoding.
    ["base64", b64.slice(0, Math.floor(value.length / 3) * 4)],
    ["base64url", Buffer.from(value, "utf8").toString("base64url").slice(0, Math.floor(value.length / 3) * 4)],
  ];
  return forms;
}

function named(outputs: Outputs): Array<readonly [string, string]> {
  if (typeof outputs === "string") return [["output", outputs]];
  if (Array.isArray(outputs)) return outputs as Array<readonly [string, string]>;
  return Object.entries(outputs as Record<string, string>);
}

export interface LeakOptions {
  /**
   * For structured planted values (URLs, connection strings, JSON with member names, vendor formats): windows made
   * of letters and name punctuation only (`https://`, `webhooks`, `AccessKe`) are format words the output may
   * legitimately use, and are not looked for. Every window with a digit or another symbol still is.
   */
  readonly skipWords?: boolean;
  /**
   * Public markers of a format inside planted values (a detector's keywords: `.atlasv1.`, `hooks.slack.com`),
   * which rule help texts print: each value is checked as the pieces between them.
   */
  readonly publicParts?: readonly string[];
}

/** The pieces of `value` between the public parts (the value itself when there are none). */
function materialOf(value: string, publicParts: readonly string[]): string[] {
  let pieces = [value];
  for (const p of publicParts) if (p.length > 0) pieces = pieces.flatMap((x) => x.split(p));
  return pieces.filter((x) => x.length > 0);
}

/** Letters and the punctuation of names and URLs only: a word of a format, not material of a value. */
function isWord(w: string): boolean {
  // Escapes of an encoded form (`\/`, `%2F`) do not make a word material.
  return /^[A-Za-z_\-.:/]+$/.test(w.replace(/\\|%[0-9A-F]{2}/g, ""));
}

/**
 * Every leak of `planted` in `outputs`, described without the value (empty when none). Linear in the outputs:
 * each is read once, its windows looked up among all needles.
 */
export function findLeaks(planted: string | readonly string[], outputs: Outputs, options: LeakOptions = {}): string[] {
  const values = typeof planted === "string" ? [planted] : planted;
  const needles = new Map<string, Needle>();
  const short: Array<{ text: string; needle: Needle }> = [];
  values.forEach((v, value) => {
    if (v.length === 0) throw new Error(`planted value #${value} is empty: a leak check on it could not fail`);
    // A value shorter than a window is looked for whole; a longer one by its pieces of a window or more.
    const material = v.length < WINDOW ? [v] : materialOf(v, options.publicParts ?? []).filter((x) => x.length >= WINDOW);
    for (const [encoding, form] of material.flatMap(encodingsOf)) {
      if (form.length < WINDOW) {
        if (encoding === "raw" || form.length > 0) short.push({ text: form, needle: { value, encoding, offset: 0 } });
        continue;
      }
      for (let i = 0; i + WINDOW <= form.length; i++) {
        const w = form.slice(i, i + WINDOW);
        if (options.skipWords && isWord(w)) continue;
        if (!needles.has(w)) needles.set(w, { value, encoding, offset: i });
      }
    }
  });
  const found: string[] = [];
  const seen = new Set<string>();
  const report = (where: string, at: number, n: Needle) => {
    const key = `${n.value} ${where}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(`planted value #${n.value} (length ${values[n.value].length}): a ${n.encoding} piece (offset ${n.offset}) is in ${where} at offset ${at}`);
  };
  for (const [where, text] of named(outputs)) {
    for (let i = 0; i + WINDOW <= text.length; i++) {
      const n = needles.get(text.slice(i, i + WINDOW));
      if (n) report(where, i, n);
    }
    for (const s of short) {
      const at = text.indexOf(s.text);
      if (at >= 0) report(where, at, s.needle);
    }
  }
  return found;
}

/** Throws (naming index, length, encoding and offsets only) when any planted value leaks into the outputs. */
export function expectNoLeaks(planted: string | readonly string[], outputs: Outputs, options: LeakOptions = {}): void {
  const leaks = findLeaks(planted, outputs, options);
  if (leaks.length > 0) throw new Error(`a planted value leaked:\n  ${leaks.slice(0, 20).join("\n  ")}`);
}

/** Whether any planted value leaks (for `expect(...).toBe(false)` where a boolean reads better). */
export function leaksAny(planted: string | readonly string[], outputs: Outputs, options: LeakOptions = {}): boolean {
  return findLeaks(planted, outputs, options).length > 0;
}

/**
 * Every file under `dir` (recursively) as [path, text]: report files, job summaries, annotations the tool wrote.
 * `filter` picks which (default: all but node_modules).
 */
export function filesUnder(dir: string, filter: (file: string) => boolean = () => true): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules") walk(p);
      } else if (e.isFile() && filter(p)) out.push([p, fs.readFileSync(p, "utf8")]);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}
