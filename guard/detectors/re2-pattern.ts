/**
 * Go's RE2 syntax (gitleaks rules) translated to a JavaScript regular expression with the same meaning, or the
 * reason it cannot be. The result never needs JavaScript flags: RE2's inline flags act on a part of a pattern,
 * which JavaScript (Node 20) cannot express, so they are applied while translating: (?i) spells each letter in
 * both cases ([aA]), (?s) makes `.` [\s\S], (?m) makes ^ and $ line anchors. Where the two dialects differ by
 * default the RE2 meaning is kept: `.` does not match \n only (JavaScript's also skips \r), \s is [\t\n\f\r ]
 * (JavaScript's adds \v and Unicode spaces). What has no safe translation is refused: Unicode classes (\p),
 * the ungreedy flag (?U), \C, negated POSIX classes, characters beyond the Basic Multilingual Plane in a class,
 * and constructs RE2 itself refuses (lookarounds, backreferences), since gitleaks could not run such a rule.
 * Unbounded repetitions are read as at most UNBOUNDED_AS repeats.
 * Problems name the construct, never the pattern text: the file's text is not echoed.
 */
export type Re2Translation = { readonly pattern: string; readonly groups: number; readonly problem?: undefined } | { readonly problem: string };

interface Flags {
  readonly i: boolean;
  readonly s: boolean;
  readonly m: boolean;
}

class Untranslatable extends Error {}

const POSIX: Readonly<Record<string, ReadonlyArray<readonly [number, number]>>> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};
/** RE2's \s (and \S's complement). */
const RE2_SPACE: ReadonlyArray<readonly [number, number]> = [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]];
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 0x07, f: 0x0c, t: 0x09, n: 0x0a, r: 0x0d, v: 0x0b };
/**
 * How many repeats an unbounded RE2 repetition (`*`, `+`, `{n,}`) is read as: more than any token's length, and
 * bounded, so the rule goes through the same linear-time gate as every detector (gitleaks' own rules use them).
 */
export const UNBOUNDED_AS = 256;
/** RE2's largest repetition count. */
const MAX_REPEAT = 1000;

export function translateRe2(source: string): Re2Translation {
  const t = new Translator(source);
  try {
    const pattern = t.sequence({ i: false, s: false, m: false }, 0);
    return { pattern, groups: t.groups };
  } catch (e) {
    if (e instanceof Untranslatable) return { problem: e.message };
    throw e;
  }
}

class Translator {
  private i = 0;
  groups = 0;

  constructor(private readonly src: string) {}

  /** Alternatives up to the closing ')' of the group at `depth` (consumed), or the end at depth 0. */
  sequence(outer: Flags, depth: number): string {
    const s = this.src;
    let flags = outer;
    let out = "";
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ")") {
        if (depth === 0) throw new Untranslatable("has an unbalanced ')'");
        this.i++;
        return out;
      }
      if (c === "(") out += this.group(flags, depth, (f) => (flags = f));
      else if (c === "|") (out += "|"), this.i++;
      else if (c === "[") out += this.charClass(flags);
      else if (c === ".") (out += flags.s ? "[\\s\\S]" : "[^\\n]"), this.i++;
      else if (c === "^") (out += flags.m ? "(?:^|(?<=\\n))" : "^"), this.i++;
      else if (c === "$") (out += flags.m ? "(?:$|(?=\\n))" : "$"), this.i++;
      else if (c === "*" || c === "+" || c === "?") out += this.quantifier(c);
      else if (c === "{") out += this.braces();
      else if (c === "\\") out += this.escape(flags);
      else out += this.literalAt(flags);
    }
    if (depth > 0) throw new Untranslatable("has an unbalanced '('");
    return out;
  }

  private group(flags: Flags, depth: number, setFlags: (f: Flags) => void): string {
    const s = this.src;
    const rest = s.slice(this.i, this.i + 64);
    if (/^\(\?(?:=|!|<=|<!)/.test(rest)) throw new Untranslatable("uses a lookaround, which RE2 (and so gitleaks) does not support");
    const named = /^\(\?P?<([^>]*)>/.exec(rest);
    if (named) {
      if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(named[1])) throw new Untranslatable("has a group name JavaScript does not accept (letters, digits and _, not starting with a digit)");
      this.i += named[0].length;
      this.groups++;
      return `(?<${named[1]}>${this.sequence(flags, depth + 1)})`;
    }
    if (rest.startsWith("(?")) {
      const spec = /^\(\?([A-Za-z]*)(?:-([A-Za-z]*))?([:)])/.exec(rest);
      if (!spec) throw new Untranslatable("has a '(?' group RE2 does not know");
      const next = applyFlags(flags, spec[1], spec[2] ?? "");
      this.i += spec[0].length;
      if (spec[3] === ")") {
        setFlags(next); // (?i) alone: to the end of the enclosing group
        return "";
      }
      return `(?:${this.sequence(next, depth + 1)})`;
    }
    this.i++;
    this.groups++;
    return `(${this.sequence(flags, depth + 1)})`;
  }

  /** `*` and `+` (and their lazy forms), read as at most UNBOUNDED_AS repeats so the linear-time gate can judge them. */
  private quantifier(c: string): string {
    this.i++;
    const bounded = c === "?" ? "?" : `{${c === "*" ? 0 : 1},${UNBOUNDED_AS}}`;
    if (this.src[this.i] === "?") {
      this.i++;
      return bounded + "?";
    }
    return bounded;
  }

  /** `{n}`, `{n,}`, `{n,m}` repeat (and `?` after them, lazy); any other `{` is a literal brace, as in RE2. */
  private braces(): string {
    const m = /^\{(\d+)(,(\d*))?\}(\??)/.exec(this.src.slice(this.i, this.i + 24));
    if (!m) {
      this.i++;
      return esc(0x7b);
    }
    if (Number(m[1]) > MAX_REPEAT || (m[3] !== undefined && m[3] !== "" && Number(m[3]) > MAX_REPEAT)) throw new Untranslatable(`repeats more than ${MAX_REPEAT} times (RE2's limit)`);
    this.i += m[0].length;
    if (m[2] !== undefined && m[3] === "") return `{${m[1]},${Math.max(Number(m[1]), UNBOUNDED_AS)}}${m[4]}`; // {n,}
    return m[0];
  }

  private escape(flags: Flags): string {
    const s = this.src;
    const n = s[this.i + 1];
    if (n === undefined) throw new Untranslatable("ends with a lone backslash");
    if (n === "A") return (this.i += 2), "(?<![\\s\\S])";
    if (n === "z") return (this.i += 2), "(?![\\s\\S])";
    if (n === "b" || n === "B" || n === "d" || n === "D" || n === "w" || n === "W") return (this.i += 2), "\\" + n;
    if (n === "s" || n === "S") return (this.i += 2), classOf(RE2_SPACE, n === "S");
    if (n === "Q") {
      const end = s.indexOf("\\E", this.i + 2);
      const text = s.slice(this.i + 2, end < 0 ? s.length : end);
      this.i = end < 0 ? s.length : end + 2;
      let out = "";
      for (const ch of text) out += literal(ch.codePointAt(0)!, flags);
      return `(?:${out})`;
    }
    const cp = this.escapedChar();
    return literal(cp, flags);
  }

  /** An escape that stands for one character (\x41, \x{263a}, \101, \n, \.), at this.i; advances past it. */
  private escapedChar(): number {
    const s = this.src;
    const n = s[this.i + 1];
    if (n === undefined) throw new Untranslatable("ends with a lone backslash");
    if (n === "p" || n === "P") throw new Untranslatable("uses a Unicode class (\\p), which has no JavaScript equivalent without the u flag");
    if (n === "C") throw new Untranslatable("uses \\C (any byte), which JavaScript has not");
    if (n === "x") {
      const m = /^\\x(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(s.slice(this.i, this.i + 11));
      if (!m) throw new Untranslatable("has a malformed \\x escape");
      this.i += m[0].length;
      return parseInt(m[1] ?? m[2], 16);
    }
    if (n >= "0" && n <= "7") {
      // RE2: \0 plus up to two octal digits, or \1-\7 followed by at least one (a lone \1 is a backreference).
      const m = /^\\(0[0-7]{0,2}|[1-7][0-7]{1,2})/.exec(s.slice(this.i, this.i + 4));
      if (!m) throw new Untranslatable("uses a backreference, which RE2 (and so gitleaks) does not support");
      this.i += m[0].length;
      return parseInt(m[1], 8);
    }
    if (n === "8" || n === "9") throw new Untranslatable("uses a backreference, which RE2 (and so gitleaks) does not support");
    if (SIMPLE_ESCAPES[n] !== undefined) return (this.i += 2), SIMPLE_ESCAPES[n];
    if (/[A-Za-z0-9]/.test(n)) throw new Untranslatable("uses an escape RE2 does not define");
    const cp = s.codePointAt(this.i + 1)!;
    this.i += cp > 0xffff ? 3 : 2;
    return cp;
  }

  /** A plain character at this.i (a pair of surrogates is one character). */
  private literalAt(flags: Flags): string {
    const cp = this.src.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return literal(cp, flags);
  }

  private charClass(flags: Flags): string {
    const s = this.src;
    this.i++;
    let negated = false;
    if (s[this.i] === "^") (negated = true), this.i++;
    const ranges: Array<[number, number]> = [];
    let raw = "";
    let first = true;
    for (;;) {
      if (this.i >= s.length) throw new Untranslatable("has an unterminated character class");
      const c = s[this.i];
      if (c === "]" && !first) {
        this.i++;
        break;
      }
      first = false;
      if (s.startsWith("[:", this.i)) {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(s.slice(this.i, this.i + 16));
        if (m) {
          if (m[1] || !POSIX[m[2]]) throw new Untranslatable(m[1] ? "uses a negated POSIX class ([:^name:])" : "uses a POSIX class RE2 does not define");
          this.i += m[0].length;
          for (const [a, b] of POSIX[m[2]]) ranges.push([a, b]);
          continue;
        }
      }
      if (c === "\\") {
        const n = s[this.i + 1];
        if (n === "d" || n === "w" || n === "D" || n === "W" || n === "S") {
          // \S inside a class stays JavaScript's (RE2's also matches \v and Unicode spaces; no secret is made of them).
          raw += "\\" + n;
          this.i += 2;
          continue;
        }
        if (n === "s") {
          for (const [a, b] of RE2_SPACE) ranges.push([a, b]);
          this.i += 2;
          continue;
        }
        if (n === "Q" || n === "A" || n === "z" || n === "b" || n === "B") throw new Untranslatable("uses an escape that has no meaning inside a character class");
      }
      const lo = this.classChar();
      if (s[this.i] === "-" && s[this.i + 1] !== "]" && this.i + 1 < s.length) {
        this.i++;
        const hi = this.classChar();
        if (hi < lo) throw new Untranslatable("has a character class range that runs backwards");
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    if (flags.i) for (const [a, b] of [...ranges]) ranges.push(...otherCase(a, b));
    return `[${negated ? "^" : ""}${ranges.map(([a, b]) => (a === b ? esc(a) : `${esc(a)}-${esc(b)}`)).join("")}${raw}]`;
  }

  /** One character inside a class: plain or escaped; beyond the BMP it would be two units in JavaScript. */
  private classChar(): number {
    const s = this.src;
    let cp: number;
    if (s[this.i] === "\\") cp = this.escapedChar();
    else {
      cp = s.codePointAt(this.i)!;
      this.i += cp > 0xffff ? 2 : 1;
    }
    if (cp > 0xffff) throw new Untranslatable("has a character beyond U+FFFF in a character class");
    return cp;
  }
}

function applyFlags(flags: Flags, on: string, off: string): Flags {
  const next = { ...flags };
  for (const [letters, value] of [[on, true], [off, false]] as const) {
    for (const f of letters) {
      if (f === "U") throw new Untranslatable("uses the ungreedy flag (?U), which JavaScript has not");
      if (f !== "i" && f !== "s" && f !== "m") throw new Untranslatable("uses an inline flag RE2 does not define");
      next[f] = value;
    }
  }
  return next;
}

/** One character as JavaScript source: in both cases under (?i), escaped where it is syntax. */
function literal(cp: number, flags: Flags): string {
  if (cp > 0xffff) return `(?:${String.fromCodePoint(cp)})`; // two units, kept together under a quantifier
  if (flags.i) {
    const other = otherCase(cp, cp);
    if (other.length > 0) return `[${esc(cp)}${esc(other[0][0])}]`;
  }
  return esc(cp);
}

/** The ASCII letters of [a, b] in the other case. */
function otherCase(a: number, b: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const lo = [Math.max(a, 0x61), Math.min(b, 0x7a)];
  if (lo[0] <= lo[1]) out.push([lo[0] - 32, lo[1] - 32]);
  const up = [Math.max(a, 0x41), Math.min(b, 0x5a)];
  if (up[0] <= up[1]) out.push([up[0] + 32, up[1] + 32]);
  return out;
}

function classOf(ranges: ReadonlyArray<readonly [number, number]>, negated: boolean): string {
  return `[${negated ? "^" : ""}${ranges.map(([a, b]) => (a === b ? esc(a) : `${esc(a)}-${esc(b)}`)).join("")}]`;
}

/** A character safe in and out of classes: letters and digits as they are, everything else as \uXXXX. */
function esc(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f) return String.fromCharCode(cp);
  return "\\u" + cp.toString(16).padStart(4, "0");
}
