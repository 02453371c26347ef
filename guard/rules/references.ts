import type { ProviderFacts } from "../provider-facts";

/**
 * Finds what a Terraform expression string refers to, to tell whether it carries a secret. The scan is one
 * linear pass over the text (no backtracking regular expression): configuration can be hostile.
 */

export interface SecretSource {
  /** Where the secret comes from: `random_password.x.result`, `var.token`, `ephemeral.random_password.p`. */
  readonly source: string;
}

export interface ReferenceContext {
  readonly facts: ProviderFacts;
  /** Variable name -> declared sensitive or ephemeral. */
  readonly secretVariables: ReadonlySet<string>;
  /** Local name -> its (resolved) value, followed to find secrets behind locals. */
  readonly locals: Readonly<Record<string, unknown>>;
}

export function isExpression(value: unknown): value is string {
  return typeof value === "string" && value.includes("${");
}

/** The first secret an expression (or any string inside a structure) refers to, or undefined. */
export function secretSourceOf(value: unknown, ctx: ReferenceContext, seen = new Set<string>()): SecretSource | undefined {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (v && typeof v === "object") stack.push(...Object.values(v).reverse());
    else if (isExpression(v)) {
      const s = sourceInExpression(v, ctx, seen);
      if (s) return s;
    }
  }
  return undefined;
}

function sourceInExpression(text: string, ctx: ReferenceContext, seen: Set<string>): SecretSource | undefined {
  for (const body of interpolations(text)) {
    if (/\bsensitive\s*\(/.test(body)) return { source: "sensitive()" };
    for (const ref of references(body)) {
      const [a, b, c, d] = ref;
      const mode = a === "data" || a === "ephemeral" ? a : undefined;
      if (mode === "ephemeral" && b && c) return { source: `ephemeral.${b}.${c}` };
      if (!mode && a === "var" && b) {
        if (ctx.secretVariables.has(b)) return { source: `var.${b}` };
        continue;
      }
      if (!mode && a === "local" && b) {
        if (seen.has(b)) continue;
        seen.add(b);
        const s = secretSourceOf(ctx.locals[b], ctx, seen);
        if (s) return s;
        continue;
      }
      const [type, name, attr] = mode ? [b, c, d] : [a, b, c];
      if (!type || !name || !attr) continue;
      const facts = ctx.facts.of(mode === "data" ? "data_sources" : "resources", type);
      if (facts.sensitive.has(attr) || [...facts.sensitive].some((p) => p.startsWith(`${attr}.`))) {
        return { source: `${mode ? `${mode}.` : ""}${type}.${name}.${attr}` };
      }
    }
  }
  return undefined;
}

/** The bodies of `${...}` in a string; an unclosed one runs to the end. */
function* interpolations(text: string): Generator<string> {
  for (let i = text.indexOf("${"); i >= 0; ) {
    const end = text.indexOf("}", i + 2);
    yield text.slice(i + 2, end < 0 ? text.length : end);
    if (end < 0) return;
    i = text.indexOf("${", end + 1);
  }
}

const isIdentStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isIdent = (c: number) => isIdentStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;

/**
 * Reference chains in an expression body: `a.b[0].c` gives [a, b, c]; index brackets are skipped. Only the first
 * four names of a chain matter. Linear in the body's length.
 */
function* references(body: string): Generator<string[]> {
  const n = body.length;
  let i = 0;
  while (i < n) {
    const c = body.charCodeAt(i);
    if (!isIdentStart(c) || (i > 0 && (isIdent(body.charCodeAt(i - 1)) || body.charCodeAt(i - 1) === 0x2e))) {
      i++;
      continue;
    }
    const chain: string[] = [];
    for (;;) {
      let j = i;
      while (j < n && isIdent(body.charCodeAt(j))) j++;
      if (chain.length < 4) chain.push(body.slice(i, j));
      i = j;
      while (i < n && body.charCodeAt(i) === 0x5b) {
        const close = body.indexOf("]", i);
        i = close < 0 ? n : close + 1;
      }
      if (i < n && body.charCodeAt(i) === 0x2e && i + 1 < n && isIdentStart(body.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    if (chain.length >= 2) yield chain;
  }
}
