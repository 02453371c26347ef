import type { ProviderFacts } from "../provider-facts";

/** Finds what a Terraform expression string refers to, to tell whether it carries a secret. */

const INTERPOLATION = /\$\{([\s\S]*?)\}/g;
// data.TYPE.NAME[.idx].ATTR | ephemeral.TYPE.NAME.ATTR | TYPE.NAME.ATTR | var.NAME | local.NAME
const REFERENCE =
  /\b(?:(data|ephemeral)\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(?:\[[^\]]*\])?(?:\.([a-z_][a-z0-9_]*))?/g;

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
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = secretSourceOf(v, ctx, seen);
      if (s) return s;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) {
      const s = secretSourceOf(v, ctx, seen);
      if (s) return s;
    }
    return undefined;
  }
  if (!isExpression(value)) return undefined;
  for (const [, body] of value.matchAll(INTERPOLATION)) {
    if (/\bsensitive\s*\(/.test(body)) return { source: "sensitive()" };
    for (const m of body.matchAll(REFERENCE)) {
      const [, mode, a, b, attr] = m;
      if (mode === "ephemeral") return { source: `ephemeral.${a}.${b}` };
      if (!mode && a === "var") {
        if (ctx.secretVariables.has(b)) return { source: `var.${b}` };
        continue;
      }
      if (!mode && a === "local") {
        if (seen.has(b)) continue;
        seen.add(b);
        const s = secretSourceOf(ctx.locals[b], ctx, seen);
        if (s) return s;
        continue;
      }
      if (!attr) continue;
      const facts = ctx.facts.of(mode === "data" ? "data_sources" : "resources", a);
      if (facts.sensitive.has(attr) || [...facts.sensitive].some((p) => p.startsWith(`${attr}.`))) {
        return { source: `${mode ? `${mode}.` : ""}${a}.${b}.${attr}` };
      }
    }
  }
  return undefined;
}
