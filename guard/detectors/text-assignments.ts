/**
 * `name = value` and `name: value` lines in multi-line text (INI, properties, .env, YAML, AWS credentials
 * files, heredocs), found with indexOf so the cost is linear in the text.
 */
export interface TextAssignment {
  readonly name: string;
  readonly value: string;
}

const MAX_NAME = 64;
const NAME = /^[A-Za-z_][A-Za-z0-9_.\-]{0,63}$/;

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

function parseLine(line: string): TextAssignment | undefined {
  let s = line.trim();
  if (s.startsWith("export ")) s = s.slice(7).trimStart();
  const eq = s.indexOf("=");
  const colon = s.indexOf(":");
  const at = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
  if (at <= 0 || at > MAX_NAME + 2) return undefined;
  const name = unquote(s.slice(0, at).trim());
  if (!NAME.test(name)) return undefined;
  let value = s.slice(at + 1).trim();
  if (value.endsWith(",") || value.endsWith(";")) value = value.slice(0, -1).trimEnd();
  return { name, value: unquote(value) };
}

function unquote(v: string): string {
  const q = v[0];
  return v.length >= 2 && (q === '"' || q === "'") && v[v.length - 1] === q ? v.slice(1, -1) : v;
}
