/**
 * The linear-time gate every detector pattern passes (shipped and user ones alike). Patterns run sticky at
 * keyword positions, so what matters is the worst work of ONE attempt: it must be bounded by a small constant,
 * independent of the input. We refuse what can make it large or unbounded:
 * - unbounded quantifiers (`*`, `+`, `{n,}`) and bounds above MAX_BOUND;
 * - repetition (max > 1) of a group holding a quantifier or an alternation: nested quantifiers;
 * - backreferences; quantifiers inside or on lookarounds;
 * and estimate the backtracking of the rest as a product of ranges where a quantified atom can overlap what
 * follows it (a greedy run followed by a character it cannot eat never backtracks into the rest).
 */
export const MAX_BOUND = 16384;
export const MAX_ATTEMPT_COST = 4_000_000;

interface Atom {
  kind: "char" | "group" | "look" | "assert";
  src: string;
  min: number;
  max: number;
  /** For groups: alternatives, each a sequence. */
  alts?: Atom[][];
}

class PatternRefused extends Error {}

/** Answers why the pattern is refused, or undefined when it is accepted. */
export function linearPatternProblem(source: string, flags = ""): string | undefined {
  try {
    new RegExp(source, flags);
  } catch (e) {
    // V8's message quotes the pattern (`Invalid regular expression: /.../: Unterminated group`): only its reason,
    // since a user's pattern may carry a literal secret.
    const reason = /: ([^:/]{1,80})$/.exec((e as Error).message);
    return `does not compile${reason ? ` (${reason[1]})` : ""}`;
  }
  try {
    const top = parseAlternatives(source, { i: 0 }, flags, 0);
    const cost = altsCost(top, flags, true);
    if (cost > MAX_ATTEMPT_COST) return `may backtrack too much (estimated ${Math.round(cost)} steps per attempt; overlapping quantifiers)`;
    return undefined;
  } catch (e) {
    if (e instanceof PatternRefused) return e.message;
    throw e;
  }
}

function parseAlternatives(s: string, pos: { i: number }, flags: string, depth: number): Atom[][] {
  const alts: Atom[][] = [[]];
  while (pos.i < s.length) {
    const c = s[pos.i];
    if (c === ")") {
      if (depth === 0) throw new PatternRefused("unbalanced ')'");
      pos.i++;
      return alts;
    }
    if (c === "|") {
      alts.push([]);
      pos.i++;
      continue;
    }
    const seq = alts[alts.length - 1];
    if (c === "*" || c === "+" || c === "?" || (c === "{" && /^\{\d/.test(s.slice(pos.i, pos.i + 2)))) {
      applyQuantifier(s, pos, seq);
      continue;
    }
    seq.push(parseAtom(s, pos, flags, depth));
  }
  if (depth > 0) throw new PatternRefused("unbalanced '('");
  return alts;
}

function parseAtom(s: string, pos: { i: number }, flags: string, depth: number): Atom {
  const start = pos.i;
  const c = s[pos.i];
  if (c === "\\") {
    const n = s[pos.i + 1] ?? "";
    if (/[1-9]/.test(n) || n === "k") throw new PatternRefused("backreferences are not allowed");
    if (n === "b" || n === "B") {
      pos.i += 2;
      return { kind: "assert", src: s.slice(start, pos.i), min: 1, max: 1 };
    }
    pos.i += 2;
    if ((n === "u" || n === "p" || n === "P") && s[pos.i] === "{") pos.i = s.indexOf("}", pos.i) + 1;
    else if (n === "u") pos.i += 4;
    else if (n === "x") pos.i += 2;
    else if (n === "c") pos.i += 1;
    return { kind: "char", src: s.slice(start, pos.i), min: 1, max: 1 };
  }
  if (c === "[") {
    pos.i++;
    if (s[pos.i] === "^") pos.i++;
    if (s[pos.i] === "]") pos.i++;
    while (pos.i < s.length && s[pos.i] !== "]") pos.i += s[pos.i] === "\\" ? 2 : 1;
    pos.i++;
    return { kind: "char", src: s.slice(start, pos.i), min: 1, max: 1 };
  }
  if (c === "^" || c === "$") {
    pos.i++;
    return { kind: "assert", src: c, min: 1, max: 1 };
  }
  if (c === "(") {
    let look = false;
    pos.i++;
    if (s.startsWith("?:", pos.i)) pos.i += 2;
    else if (s.startsWith("?=", pos.i) || s.startsWith("?!", pos.i)) (pos.i += 2), (look = true);
    else if (s.startsWith("?<=", pos.i) || s.startsWith("?<!", pos.i)) (pos.i += 3), (look = true);
    else if (s.startsWith("?<", pos.i)) pos.i = s.indexOf(">", pos.i) + 1;
    const alts = parseAlternatives(s, pos, flags, depth + 1);
    if (look && alts.some((a) => a.some(hasQuantifier))) throw new PatternRefused("quantifiers inside lookarounds are not allowed");
    return { kind: look ? "look" : "group", src: s.slice(start, pos.i), min: 1, max: 1, alts };
  }
  pos.i++;
  return { kind: "char", src: c, min: 1, max: 1 };
}

function hasQuantifier(a: Atom): boolean {
  return a.max !== 1 || a.min !== 1 || (a.alts ?? []).some((alt) => alt.some(hasQuantifier));
}

function applyQuantifier(s: string, pos: { i: number }, seq: Atom[]): void {
  const atom = seq[seq.length - 1];
  if (!atom || atom.kind === "assert" || atom.kind === "look") throw new PatternRefused("a quantifier must follow a character, class or group");
  if (atom.max !== 1 || atom.min !== 1) throw new PatternRefused("a quantifier applies to another quantifier");
  const c = s[pos.i];
  if (c === "*" || c === "+") throw new PatternRefused(`unbounded quantifier '${c}': use a bounded {min,max} (max <= ${MAX_BOUND})`);
  let min = 0;
  let max = 1;
  if (c === "?") pos.i++;
  else {
    const m = /^\{(\d{1,6})(,(\d{0,6}))?\}/.exec(s.slice(pos.i, pos.i + 16));
    if (!m) throw new PatternRefused("malformed {min,max} quantifier");
    min = Number(m[1]);
    if (m[2] !== undefined && m[3] === "") throw new PatternRefused(`unbounded quantifier '{${min},}': give a max (<= ${MAX_BOUND})`);
    max = m[2] === undefined ? min : Number(m[3]);
    if (max > MAX_BOUND) throw new PatternRefused(`quantifier bound ${max} is above ${MAX_BOUND}`);
    pos.i += m[0].length;
  }
  if (s[pos.i] === "?") pos.i++; // lazy
  if (atom.kind === "group" && max > 1 && (atom.alts!.length > 1 || atom.alts!.some((a) => a.some(hasQuantifier)))) {
    throw new PatternRefused("nested quantifier: a repeated group may not hold a quantifier or an alternation");
  }
  atom.min = min;
  atom.max = max;
}

/** The ASCII-and-some characters one char atom matches, to tell whether two atoms can overlap. */
const PROBES = [...Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)), "\u00e9", "\u4e2d", "\u2028", "\ud83d\ude00"];
function charSet(a: Atom, flags: string): Set<number> {
  const re = new RegExp(`^(?:${a.src})$`, flags.replace(/[gy]/g, ""));
  const set = new Set<number>();
  PROBES.forEach((p, i) => re.test(p) && set.add(i));
  return set;
}

function canOverlap(a: Atom, next: Atom | undefined, flags: string): boolean {
  if (!next || next.kind !== "char") return true;
  const sa = charSet(a, flags);
  for (const x of charSet(next, flags)) if (sa.has(x)) return true;
  return false;
}

function altsCost(alts: Atom[][], flags: string, top: boolean): number {
  return alts.reduce((sum, seq) => sum + seqCost(seq, flags, top), 0);
}

/** Plain groups (one alternative, not repeated) cost what their atoms cost in place: inline them. */
function flatten(seq: Atom[]): Atom[] {
  return seq.flatMap((a) => (a.kind === "group" && a.min === 1 && a.max === 1 && a.alts!.length === 1 ? flatten(a.alts![0]) : [a]));
}

/** Worst steps of one attempt over a sequence, from the end: backtracking multiplies the rest by a range. */
function seqCost(atoms: Atom[], flags: string, top: boolean): number {
  const seq = flatten(atoms);
  let rest = 1;
  for (let i = seq.length - 1; i >= 0; i--) {
    const a = seq[i];
    const range = a.max - a.min + 1;
    if (a.kind === "assert" || a.kind === "look") rest += a.src.length;
    else if (a.kind === "char") {
      const last = top && i === seq.length - 1;
      const deterministic = range === 1 || last || !canOverlap(a, seq[i + 1], flags);
      rest = a.max + (deterministic ? rest : range * rest);
    } else {
      const inner = altsCost(a.alts!, flags, false);
      const variants = a.alts!.length * a.alts!.reduce((p, alt) => p * alt.reduce((q, x) => q * (x.max - x.min + 1), 1), 1);
      rest = inner * Math.max(1, a.max) + variants * range * rest;
    }
    if (rest > MAX_ATTEMPT_COST * 16) return rest;
  }
  return rest;
}
