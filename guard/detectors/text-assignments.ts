/**
 * `name = value` and `name: value` lines in text (INI, properties, .env, YAML, AWS credentials files, heredocs,
 * and the one line of a config map entry or a source snippet), found with indexOf so the cost is linear in the
 * text. The forms people write a credential in: `NAME=value`, `export NAME=value`, `name: value`,
 * `name := "value"`, `"name": "value",` (JSON inside text), `const name = 'value';`, `- name: value` (a YAML
 * list item) and `vendor token - 'value'` (a note). The name is what key-gated detectors judge the value under.
 */
export interface TextAssignment {
  readonly name: string;
  readonly value: string;
}

const MAX_NAME = 64;
/** Up to three words: `twilio token`, `telegram bot` name a vendor's secret as well as `TWILIO_TOKEN` does. */
const NAME = /^[A-Za-z_][A-Za-z0-9_.\-]{0,63}(?: [A-Za-z_][A-Za-z0-9_.\-]{0,31}){0,2}$/;
/** Words that declare a name in code or shells (`const`, `export`, `private static final String`): not part of it. */
const DECLARATION = new Set([
  "export", "set", "const", "let", "var", "val", "declare", "readonly", "local", "private", "public", "protected",
  "static", "final", "String", "string", "str", "def", "my", "our", "ENV",
]);
/** A single line longer than this is not read as an assignment (a blob, not a setting). */
const MAX_SINGLE_LINE = 4096;

export function* textAssignments(text: string): Generator<TextAssignment> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const a = parseLine(text.slice(start, end));
    if (a) yield a;
    start = end + 1;
  }
}

/**
 * The assignment a one-line value holds, if it looks like one: a cheap look for a separator near the start
 * first, since nearly every value judged is not an assignment.
 */
export function lineAssignment(value: string): TextAssignment | undefined {
  if (value.length > MAX_SINGLE_LINE) return undefined;
  const at = separatorAt(value);
  // Most values with a separator are URLs (`https://`) and ARNs (`arn:aws:...`): no name a key gate reads.
  if (at < 0 || (value.charCodeAt(at) === 0x3a && value.charCodeAt(at + 1) === 0x2f) || value.startsWith("arn:")) return undefined;
  return parseLine(value);
}

/** Where the first `=`, `:` or ` - ` is within reach of a name, or -1. */
function separatorAt(s: string): number {
  const limit = Math.min(s.length, MAX_NAME + 48);
  for (let i = 1; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d || c === 0x3a) return i; // = :
    if (c === 0x2d && s.charCodeAt(i - 1) === 0x20 && s.charCodeAt(i + 1) === 0x20) return i - 1; // " - "
  }
  return -1;
}

function parseLine(line: string): TextAssignment | undefined {
  let s = line.trim();
  if (s.startsWith("- ")) s = s.slice(2).trimStart(); // a YAML list item
  const at = separatorAt(s);
  if (at <= 0) return undefined;
  let name = unquote(s.slice(0, at).trim());
  if (name.startsWith("$")) name = name.slice(1); // $name = ... (PHP, Perl, PowerShell)
  name = withoutDeclaration(name);
  if (name.length === 0 || name.length > MAX_NAME + 2 || !NAME.test(name)) return undefined;
  // The separator: `=`, `:`, `:=`, `=>`, ` - `.
  let from = at + 1;
  const c = s.charCodeAt(at);
  if (c === 0x20) from = at + 3;
  else if ((c === 0x3a && s.charCodeAt(from) === 0x3d) || (c === 0x3d && s.charCodeAt(from) === 0x3e)) from++;
  return { name, value: valueOf(s.slice(from).trim()) };
}

/** `const KEY`, `private static final String KEY` -> `KEY`: declaration words before the name dropped. */
function withoutDeclaration(name: string): string {
  if (!name.includes(" ")) return name;
  const words = name.split(" ");
  let i = 0;
  while (i < words.length - 1 && DECLARATION.has(words[i])) i++;
  // A declaration names one identifier; words left over are a name in words (`private ai key - '...'`).
  return i > 0 && i === words.length - 1 ? words[i] : name;
}

/** The value: a quoted string up to its closing quote, else the rest without a trailing `,`/`;` or ` # comment`. */
function valueOf(v: string): string {
  const q = v[0];
  if (q === '"' || q === "'" || q === "`") {
    const close = v.indexOf(q, 1);
    if (close > 0) return v.slice(1, close);
  }
  const comment = v.indexOf(" #");
  if (comment > 0) v = v.slice(0, comment).trimEnd();
  if (v.endsWith(",") || v.endsWith(";")) v = v.slice(0, -1).trimEnd();
  return unquote(v);
}

function unquote(v: string): string {
  const q = v[0];
  return v.length >= 2 && (q === '"' || q === "'") && v[v.length - 1] === q ? v.slice(1, -1) : v;
}
