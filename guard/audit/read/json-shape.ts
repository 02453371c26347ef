import { InputError } from "../../errors";
import type { Step } from "./json-pointer";

/**
 * Checks on JSON that JSON.parse accepts but the audit must not: duplicate member names (JSON.parse keeps the
 * last, so a secret in an earlier duplicate would be read by Terraform-unaware tools yet never judged) and nesting
 * so deep that the recursive walks over parsed values would overflow the stack.
 *
 * The check compares the members of the parsed value with the member separators (`:` outside strings) of the
 * text: they differ only when a name repeats in some object; then a slower tokenizer finds which object, for the
 * message. The separators are first bounded from above with one native search per colon (separatorBound); only
 * when that bound is not already the member count are they counted exactly, string by string.
 */

/** Deepest nesting of objects and arrays accepted (Terraform's own files stay under 50). */
export const MAX_NESTING = 1000;

/** A refusal about the shape of valid JSON: never a reason to retry the text another way. */
export class JsonShapeError extends InputError {}

/**
 * Number of member separators (`:` outside strings) in `text`, which is valid JSON. There a separator can only
 * follow a member name's closing quote (after optional whitespace), and a closing quote is followed by at most
 * one: so only the quotes are searched for (natively), and each closing quote's next non-blank character is
 * looked at. (Searching the colons too cost one more search per member.)
 */
export function countMemberSeparators(text: string): number {
  let n = 0;
  let i = 0;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return n;
    // The closing quote: one not preceded by an odd run of backslashes.
    let j = q + 1;
    let e: number;
    for (;;) {
      e = text.indexOf('"', j);
      if (e < 0) return n; // not reached for valid JSON
      const escapes = backslashesBefore(text, e, j);
      j = e + 1;
      if ((escapes & 1) === 0) break;
    }
    let k = e + 1;
    let c = text.charCodeAt(k);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++k);
    if (c === 0x3a) n++;
    i = k;
  }
}

/**
 * An upper bound of the member separators of valid JSON `text`, from one native search per colon: the colons whose
 * previous non-blank character is an unescaped quote. Every separator is one (a member name's closing quote,
 * blanks, the colon); a colon inside a string never is (a quote inside a string is escaped), except right after
 * the opening quote of a string that starts with a colon, which only sends the caller to the exact count.
 */
export function separatorBound(text: string): number {
  let n = 0;
  for (let k = text.indexOf(":"); k >= 0; k = text.indexOf(":", k + 1)) {
    let p = k - 1;
    let c = text.charCodeAt(p);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(--p);
    if (c !== 0x22) continue;
    if ((backslashesBefore(text, p, 0) & 1) === 0) n++;
  }
  return n;
}

/** How many backslashes stand right before `at`, looking no further back than `from`: an odd run escapes it. */
function backslashesBefore(text: string, at: number, from: number): number {
  let p = at - 1;
  while (p >= from && text.charCodeAt(p) === 0x5c) p--;
  return at - 1 - p;
}

/**
 * Counts the members of every object in a parsed value, without recursion. Throws a JsonShapeError when objects
 * and arrays nest deeper than `maxDepth` below `base` levels already walked (the value's own path).
 */
export function countMembers(root: unknown, file: string, path: readonly Step[], maxDepth = MAX_NESTING): number {
  if (typeof root !== "object" || root === null) return 0;
  const values: object[] = [root];
  const depths: number[] = [path.length + 1];
  let members = 0;
  while (values.length > 0) {
    const v = values.pop()!;
    const d = depths.pop()!;
    if (d > maxDepth) throw deepError(root, file, path, maxDepth);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x === "object" && x !== null) {
          values.push(x);
          depths.push(d + 1);
        }
      }
    } else {
      for (const k in v) {
        members++;
        const x = (v as Record<string, unknown>)[k];
        if (typeof x === "object" && x !== null) {
          values.push(x);
          depths.push(d + 1);
        }
      }
    }
  }
  return members;
}

/**
 * The checks of a parsed piece: nesting, then duplicate member names. `text` is the piece's JSON text, `value`
 * what JSON.parse made of it, `path` where it sits in the file.
 */
export function checkParsedPiece(text: string, value: unknown, file: string, path: readonly Step[]): void {
  if (typeof value !== "object" || value === null) return;
  const members = countMembers(value, file, path);
  // Separators >= members always; a bound equal to the members leaves no room for a repeated name.
  if (separatorBound(text) === members) return;
  if (members !== countMemberSeparators(text)) throw duplicateError(text, file, path);
}

/** A JSON pointer for messages: array indices and plain attribute names as they are, other member names as `*`. */
export function safePointer(steps: readonly Step[]): string {
  if (steps.length === 0) return "the top";
  const shown = steps.length > 12 ? [...steps.slice(0, 6), `…(${steps.length - 12} more levels)…`, ...steps.slice(-6)] : steps;
  return shown.map((s) => "/" + (typeof s === "number" || /^…/.test(s) || /^[a-z_][a-z0-9_]{0,39}$/.test(s) ? String(s) : "*")).join("");
}

function deepError(root: object, file: string, path: readonly Step[], maxDepth: number): JsonShapeError {
  const where = deepPath(root, maxDepth - path.length);
  return new JsonShapeError(`${file}: nesting deeper than ${maxDepth} levels at ${safePointer([...path, ...where])}`);
}

/** The steps to the first container `limit` levels down, depth first, without recursion. */
function deepPath(root: object, limit: number): Step[] {
  const steps: Step[] = [];
  const stack: { v: object; keys: Step[]; at: number }[] = [{ v: root, keys: keysOf(root), at: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (stack.length > limit) return steps;
    if (top.at >= top.keys.length) {
      stack.pop();
      steps.pop();
      continue;
    }
    const k = top.keys[top.at++];
    const x = (top.v as any)[k];
    if (typeof x === "object" && x !== null) {
      steps.push(k);
      stack.push({ v: x, keys: keysOf(x), at: 0 });
    }
  }
  return steps;
}

function keysOf(v: object): Step[] {
  return Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
}

function duplicateError(text: string, file: string, path: readonly Step[]): JsonShapeError {
  const found = findDuplicate(text);
  const where = found ? `the object at ${safePointer([...path, ...found.steps])} (its member ${found.member})` : `the value at ${safePointer(path)}`;
  return new JsonShapeError(`${file}: a member name appears twice in ${where}; JSON readers keep only one of them, so the file is refused`);
}

/**
 * A small linear tokenizer over valid JSON: the steps to the first object holding a member name twice, and the
 * 1-based position of the repeated member. Member names are compared decoded ("a" and "\u0061" are the same).
 */
export function findDuplicate(text: string): { steps: Step[]; member: number } | undefined {
  interface Frame {
    isArray: boolean;
    index: number;
    names: Set<string> | undefined;
    member: number;
    key: Step | undefined; // the step of this container in its parent
  }
  const frames: Frame[] = [];
  let expectKey = false;
  let pendingKey: string | undefined;
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      let escaped = false;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return undefined;
        const escapes = backslashesBefore(text, q, j);
        if (escapes > 0) escaped = true;
        j = q + 1;
        if ((escapes & 1) === 0) break;
      }
      const top = frames[frames.length - 1];
      if (top && !top.isArray && expectKey) {
        const raw = text.slice(i, j);
        const name = escaped || raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        top.member++;
        if (top.names!.has(name)) return { steps: frames.slice(1).map((f) => f.key!), member: top.member };
        top.names!.add(name);
        pendingKey = name;
        expectKey = false;
      }
      i = j;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      const top = frames[frames.length - 1];
      const key: Step | undefined = top ? (top.isArray ? top.index : pendingKey) : undefined;
      frames.push({ isArray: c === 0x5b, index: 0, names: c === 0x7b ? new Set() : undefined, member: 0, key });
      expectKey = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      frames.pop();
      expectKey = false;
    } else if (c === 0x2c) {
      const top = frames[frames.length - 1];
      if (top?.isArray) top.index++;
      else expectKey = true;
    }
    i++;
  }
  return undefined;
}
