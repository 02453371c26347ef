/**
 * The linear-time gate every detector pattern passes (shipped and user ones alike). Patterns run sticky at
 * keyword positions, so what matters is the worst work of ONE attempt: it must be bounded by a small constant,
 * independent of the input. We refuse what can make it large or unbounded:
 * - unbounded quantifiers (`*`, `+`, `{n,}`) and bounds above MAX_BOUND;
 * - repetition (max > 1) of a group holding a quantifier or an alternation: nested quantifiers;
 * - backreferences; quantifiers inside or on lookarounds;
 * and estimate the backtracking of the rest as a product of ranges where a quantified atom can overlap what
 * follows it (a greedy run followed by a character it cannot eat never backtracks into the rest). Three readings
 * keep the estimate close to the real work, so rules written the usual way (gitleaks' `[\w.-]{0,50}?(?:name)...`)
 * pass without hiding a real blow-up:
 * - a run followed by a literal of L characters re-enters the rest only where the whole literal matches, and two
 *   such places are at least the literal's period apart: a range of r costs r * L plus (r / period + 1) * rest;
 * - an alternation's ways through are the SUM of its alternatives' (an attempt takes one alternative at a time);
 * - a group repeated a fixed number of times, `(?:[a-z0-9]{4}-){3}`, is that group written out n times, so it
 *   may hold quantifiers (a variable count, `{1,5}`, still may not: that is the nested-quantifier blow-up).
 */
export const MAX_BOUND = 16384;
export const MAX_ATTEMPT_COST = 4_000_000;
/** Largest fixed count of a group holding quantifiers or alternatives (it is estimated written out). */
const MAX_UNROLLED = 16;
/** Most atoms a pattern's fixed-count groups may make once written out. */
const MAX_WRITTEN_OUT = 512;

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
    probes = probesOf(source, flags);
    charSets = new Map();
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
    // Without the u flag V8 reads `\p{2}` as p repeated twice, `\x` without two hex digits as x, and so on: the
    // escape would hide a quantifier from this parser, so only the forms both read alike are accepted.
    const unicode = flags.includes("u");
    if ((n === "u" || n === "p" || n === "P") && s[pos.i] === "{") {
      if (!unicode) throw new PatternRefused(`\\${n}{...} means something else without the u flag`);
      pos.i = s.indexOf("}", pos.i) + 1;
    } else if (n === "p" || n === "P") {
      throw new PatternRefused(`\\${n} is a Unicode property only with the u flag and {...}`);
    } else if (n === "u") {
      if (!/^[0-9A-Fa-f]{4}$/.test(s.slice(pos.i, pos.i + 4))) throw new PatternRefused("\\u needs four hex digits");
      pos.i += 4;
    } else if (n === "x") {
      if (!/^[0-9A-Fa-f]{2}$/.test(s.slice(pos.i, pos.i + 2))) throw new PatternRefused("\\x needs two hex digits");
      pos.i += 2;
    } else if (n === "c") {
      if (!/^[A-Za-z]$/.test(s[pos.i] ?? "")) throw new PatternRefused("\\c needs a letter");
      pos.i += 1;
    }
    return { kind: "char", src: s.slice(start, pos.i), min: 1, max: 1 };
  }
  if (c === "[") {
    pos.i++;
    // In JavaScript a ] right after [ or [^ closes the class ([] matches nothing, [^] anything).
    if (s[pos.i] === "^") pos.i++;
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

/** Atoms of `a` once its fixed-count groups are written out (its own count not included). */
function writtenOutSize(a: Atom): number {
  if (a.kind !== "group") return 1;
  let n = 0;
  for (const alt of a.alts!) for (const x of alt) n += writtenOutSize(x) * (x.kind === "group" && x.min === x.max ? x.max : 1);
  return n;
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
  // A fixed count is the group written out n times (flatten unrolls it): no ambiguity between repeats.
  const fixed = min === max && max <= MAX_UNROLLED;
  const ambiguous = atom.kind === "group" && (atom.alts!.length > 1 || atom.alts!.some((a) => a.some(hasQuantifier)));
  if (ambiguous && max > 1 && !fixed) {
    throw new PatternRefused("nested quantifier: a repeated group may not hold a quantifier or an alternation");
  }
  // Written out, nested fixed counts multiply: bounded, so judging a pattern stays cheap.
  if (ambiguous && max > 1 && writtenOutSize(atom) * max > MAX_WRITTEN_OUT) {
    throw new PatternRefused(`nested quantifier: a repeated group written out would hold more than ${MAX_WRITTEN_OUT} atoms`);
  }
  atom.min = min;
  atom.max = max;
}

/**
 * Characters tried against each char atom to tell whether two atoms can overlap: Latin-1, the line terminators and
 * Unicode spaces (`.` and `\s` end there), and every character the pattern names (literally or by escape), one
 * below and one above each (a range's ends: two ranges that share a character share one of their ends) and their
 * other case. An atom that matches none of them (a class of characters the pattern never names, `\p{...}`) is
 * taken to match everything.
 */
const BASE_PROBES: readonly number[] = [
  ...Array.from({ length: 256 }, (_, i) => i),
  0x1680, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x4e2d, 0xd83d, 0xde00,
];

function probesOf(source: string, flags: string): string[] {
  const points = new Set<number>(BASE_PROBES);
  const named: number[] = [];
  for (const ch of source) named.push(ch.codePointAt(0)!);
  for (const m of source.matchAll(/\\u\{([0-9A-Fa-f]{1,6})\}|\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})/g)) named.push(parseInt(m[1] ?? m[2] ?? m[3], 16));
  const unicode = flags.includes("u");
  for (const cp of named) {
    for (const p of [cp - 1, cp, cp + 1]) {
      if (p < 0 || p > 0x10ffff) continue;
      const ch = String.fromCodePoint(p);
      for (const v of [ch, ch.toLowerCase(), ch.toUpperCase()]) {
        // Without the u flag an atom matches one code unit: an astral character is its two halves.
        if (unicode) points.add(v.codePointAt(0)!);
        else for (let k = 0; k < v.length; k++) points.add(v.charCodeAt(k));
      }
    }
  }
  return [...points].map((p) => String.fromCodePoint(p));
}

/** The probes and char sets of the pattern being judged (set by linearPatternProblem; judging is synchronous). */
let probes: string[] = [];
let charSets = new Map<string, Set<number>>();

function charSet(a: Atom, flags: string): Set<number> {
  // The same classes recur in a pattern (`[\w.-]`, `[\s'"]`): each is probed once.
  let set = charSets.get(a.src);
  if (set) return set;
  const re = new RegExp(`^(?:${a.src})$`, flags.replace(/[gy]/g, ""));
  set = new Set<number>();
  for (let i = 0; i < probes.length; i++) if (re.test(probes[i])) set.add(i);
  if (set.size === 0 || /\\[pP]\{/.test(a.src)) set = new Set(probes.keys());
  charSets.set(a.src, set);
  return set;
}

function canOverlap(a: Atom, seq: Atom[], from: number, flags: string): boolean {
  const first = firstOfRest(seq, from, flags);
  if (!first) return true;
  const sa = charSet(a, flags);
  for (const x of first) if (sa.has(x)) return true;
  return false;
}

/**
 * The characters the rest of a sequence from `from` can start with: the first atom's, and the next one's too
 * while an atom may match empty (`{0,n}`, `?`). Undefined when that is not known: the sequence ends (what follows
 * it is elsewhere), or an assertion or lookaround comes first.
 */
function firstOfRest(seq: Atom[], from: number, flags: string): Set<number> | undefined {
  const all = new Set<number>();
  for (let k = from; k < seq.length; k++) {
    const head = firstChars(seq[k], flags);
    if (!head) return undefined;
    for (const x of head) all.add(x);
    if (seq[k].min >= 1) return all;
  }
  return undefined;
}

/**
 * The characters an atom's match can start with, or undefined when unknown (an assertion or lookaround first,
 * an alternative that may match empty): a char atom's set; a group's, the union of its alternatives' firsts.
 */
function firstChars(a: Atom, flags: string): Set<number> | undefined {
  if (a.kind === "char") return charSet(a, flags);
  if (a.kind !== "group") return undefined;
  const all = new Set<number>();
  for (const alt of a.alts!) {
    const head = firstOfRest(alt, 0, flags);
    if (!head) return undefined;
    for (const x of head) all.add(x);
  }
  return all;
}

/**
 * What the `range` places a run may stop at cost when what follows starts with literals: each place tries them
 * (`tests`: at most their lengths' sum per place), and only the places where one matches whole, at most one per
 * period of that literal, go on into the rest (`entries`). What follows is a literal of 2 characters or more, or a
 * group whose every alternative starts with one (`(?:key|token|passw(?:or)?d)`); anything else: every place goes on.
 */
function literalEntries(seq: Atom[], from: number, range: number, flags: string): { tests: number; entries: number } {
  const lits: { length: number; period: number }[] = [];
  const next = seq[from];
  if (next && next.kind === "group" && next.min === 1 && next.max === 1) {
    for (const alt of next.alts!) {
      const lit = literalAt(flatten(alt), 0, flags);
      if (lit.length < 2) return { tests: 0, entries: range };
      lits.push(lit);
    }
  } else {
    const lit = literalAt(seq, from, flags);
    if (lit.length < 2) return { tests: 0, entries: range };
    lits.push(lit);
  }
  let entries = 0;
  let tests = 0;
  for (const lit of lits) {
    entries += Math.floor((range - 1) / lit.period) + 1;
    tests += range * lit.length;
  }
  return { tests, entries: Math.min(range, entries) };
}

/**
 * The literal that starts at `seq[from]`: the run of char atoms matched exactly once. Its length, and its
 * period: the smallest shift at which the literal can overlap itself (every pair of positions `shift` apart can
 * match a same character), the length when there is none. Two places where the whole literal matches are at
 * least a period apart.
 */
function literalAt(seq: Atom[], from: number, flags: string): { length: number; period: number } {
  let end = from;
  while (end < seq.length && seq[end].kind === "char" && seq[end].min === 1 && seq[end].max === 1) end++;
  const length = end - from;
  if (length < 2) return { length, period: Math.max(1, length) };
  const sets = seq.slice(from, end).map((a) => charSet(a, flags));
  for (let shift = 1; shift < length; shift++) {
    let overlaps = true;
    for (let k = 0; k + shift < length && overlaps; k++) overlaps = [...sets[k]].some((x) => sets[k + shift].has(x));
    if (overlaps) return { length, period: shift };
  }
  return { length, period: length };
}

function altsCost(alts: Atom[][], flags: string, top: boolean): number {
  return alts.reduce((sum, seq) => sum + seqCost(seq, flags, top), 0);
}

/** Plain groups (one alternative, not repeated) cost what their atoms cost in place: inline them. */
function flatten(seq: Atom[]): Atom[] {
  return seq.flatMap((a): Atom[] => {
    if (a.kind !== "group") return [a];
    // A fixed count (applyQuantifier allowed it): the group written out n times.
    if (a.min === a.max && a.max > 1 && (a.alts!.length > 1 || a.alts!.some((alt) => alt.some(hasQuantifier)))) {
      return flatten(Array.from({ length: a.max }, () => ({ ...a, min: 1, max: 1 })));
    }
    return a.min === 1 && a.max === 1 && a.alts!.length === 1 ? flatten(a.alts![0]) : [a];
  });
}

/**
 * The ways through a group once, for what follows it: the sum over its alternatives (an attempt takes one at a
 * time), written out, of the product of their atoms' ways (a nested group's own ways times its count).
 */
function waysThrough(a: Atom): number {
  let sum = 0;
  for (const alt of a.alts!) {
    let product = 1;
    for (const x of flatten(alt)) product *= waysOf(x);
    sum += product;
  }
  return sum;
}

/** The ways one (quantified) atom can end: its range, times the ways through each repeat of a group. */
function waysOf(x: Atom): number {
  const range = x.max - x.min + 1;
  if (x.kind !== "group") return range;
  const w = waysThrough(x);
  if (w === 1) return range;
  // A group with alternatives or quantifiers repeats only once (or a fixed count, written out by flatten).
  return x.max <= 1 ? (x.min === 0 ? 1 + w : w) : Math.pow(w, x.max) * range;
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
      const deterministic = range === 1 || last || !canOverlap(a, seq, i + 1, flags);
      if (deterministic) rest = a.max + rest;
      else {
        // Each of the `range` places tries the literal that follows (L steps at most); only the places where it
        // all matches, a period apart at least, go on into the rest.
        const { tests, entries } = literalEntries(seq, i + 1, range, flags);
        rest = a.max + tests + entries * rest;
      }
    } else {
      const inner = altsCost(a.alts!, flags, false);
      // Last at the top, nothing follows to retry after each way through: trying them is the inner cost.
      const last = top && i === seq.length - 1;
      rest = inner * Math.max(1, a.max) + (last ? 0 : waysThrough(a) * range * rest);
    }
    if (rest > MAX_ATTEMPT_COST * 16) return rest;
  }
  return rest;
}
