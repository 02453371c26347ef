import { fingerprint } from "../fingerprint";
import type { SecretShapes } from "../detectors/secret-shapes";
import type { BlockFacts, ProviderFacts, SchemaKind } from "../provider-facts";
import { isExpression, ReferenceContext, SecretSource, secretSourceOf } from "./references";

export type Json = any;

/** One resource, data source or ephemeral resource block of a configuration. */
export interface ConfigBlock {
  readonly mode: "resource" | "data" | "ephemeral";
  readonly type: string;
  readonly name: string;
  readonly body: Json;
  readonly address: string;
  readonly pointer: string;
  readonly facts: BlockFacts;
  readonly constructPath?: string;
}

/** One provider configuration (a provider may have several, with aliases). */
export interface ProviderBlock {
  readonly name: string;
  readonly body: Json;
  readonly address: string;
  readonly pointer: string;
  readonly facts: BlockFacts;
}

/** A scalar below a block: its pointer, its attribute path (list indices dropped) and its member name. */
export interface ConfigLeaf {
  readonly pointer: string;
  readonly attribute: string;
  readonly key: string;
  readonly value: unknown;
}

export const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
export const pointerOf = (...parts: Array<string | number>) => parts.map((p) => `/${escapePointer(String(p))}`).join("");

/** Literal (not an expression), non-empty string. */
export function isLiteral(v: unknown): v is string {
  return typeof v === "string" && v.length > 0 && !isExpression(v);
}

/**
 * A Terraform JSON configuration (cdk.tf.json or a stack resolved in memory) as the synth rules read it, with
 * the knowledge they share: provider facts, the detector catalogue and stack-wide facts (sensitive variables,
 * locals, the backend).
 */
export class ConfigDocument implements ReferenceContext {
  readonly secretVariables: ReadonlySet<string>;
  readonly locals: Readonly<Record<string, unknown>>;

  constructor(
    readonly doc: Json,
    readonly facts: ProviderFacts,
    readonly shapes: SecretShapes,
  ) {
    const secret = new Set<string>();
    for (const [name, v] of Object.entries<Json>(doc?.variable ?? {})) {
      if (v?.sensitive === true || v?.ephemeral === true) secret.add(name);
    }
    this.secretVariables = secret;
    this.locals = doc?.locals ?? {};
  }

  /** `terraform.backend`'s single entry, `cloud`, or none. */
  get backend(): { type: string; body: Json } | undefined {
    const tf = this.doc?.terraform ?? {};
    if (tf.cloud) return { type: "cloud", body: tf.cloud };
    const entries = Object.entries<Json>(tf.backend ?? {});
    return entries.length ? { type: entries[0][0], body: entries[0][1] ?? {} } : undefined;
  }

  /** State goes to a remote backend that encrypts it (S3 with encrypt, HCP Terraform / TFE). */
  get encryptedRemoteBackend(): boolean {
    const b = this.backend;
    if (!b) return false;
    if (b.type === "cloud" || b.type === "remote") return true;
    return b.type === "s3" && (b.body.encrypt === true || b.body.encrypt === "true");
  }

  *providers(): Generator<ProviderBlock> {
    for (const [name, configs] of Object.entries<Json>(this.doc?.provider ?? {})) {
      const list = Array.isArray(configs) ? configs : [configs];
      for (let i = 0; i < list.length; i++) {
        const body = list[i] ?? {};
        yield {
          name,
          body,
          address: body.alias ? `provider.${name}.${body.alias}` : `provider.${name}`,
          pointer: Array.isArray(configs) ? pointerOf("provider", name, i) : pointerOf("provider", name),
          facts: this.facts.of("provider", name),
        };
      }
    }
  }

  *blocks(modes: ReadonlyArray<ConfigBlock["mode"]> = ["resource", "data", "ephemeral"]): Generator<ConfigBlock> {
    for (const mode of modes) {
      const kind: SchemaKind = mode === "resource" ? "resources" : mode === "data" ? "data_sources" : "ephemeral_resources";
      for (const [type, blocks] of Object.entries<Json>(this.doc?.[mode] ?? {})) {
        for (const [name, body] of Object.entries<Json>(blocks ?? {})) {
          yield {
            mode,
            type,
            name,
            body: body ?? {},
            address: `${mode === "resource" ? "" : `${mode}.`}${type}.${name}`,
            pointer: pointerOf(mode, type, name),
            facts: this.facts.of(kind, type),
            constructPath: constructPathOf(body),
          };
        }
      }
    }
  }

  *outputs(): Generator<{ name: string; body: Json; pointer: string; constructPath?: string }> {
    for (const [name, body] of Object.entries<Json>(this.doc?.output ?? {})) {
      yield { name, body: body ?? {}, pointer: pointerOf("output", name), constructPath: constructPathOf(body) };
    }
  }

  *variables(): Generator<{ name: string; body: Json; pointer: string; constructPath?: string }> {
    for (const [name, body] of Object.entries<Json>(this.doc?.variable ?? {})) {
      yield { name, body: body ?? {}, pointer: pointerOf("variable", name), constructPath: constructPathOf(body) };
    }
  }

  /** The first secret an expression (or a structure of them) refers to. */
  secretSourceOf(value: unknown): SecretSource | undefined {
    return secretSourceOf(value, this);
  }

  /** The value is a secret: a reference to one, or a literal whose shape the catalogue recognises. */
  holdsSecret(key: string, value: unknown): boolean {
    if (this.secretSourceOf(value)) return true;
    for (const leaf of leavesOf(value, "", key)) {
      if (isLiteral(leaf.value) && this.shapes.detect(leaf.key, leaf.value)) return true;
    }
    return false;
  }
}

/** Every scalar below `value`, skipping cdktf's `//` metadata; list indices are left out of attribute paths. */
export function* leavesOf(value: Json, pointer: string, attribute: string, key = attribute.split(".").pop() ?? ""): Generator<ConfigLeaf> {
  const stack: Array<[Json, string, string, string]> = [[value, pointer, attribute, key]];
  while (stack.length) {
    const [v, p, a, k] = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${p}/${i}`, a, k]);
    } else if (v && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [name, x] = entries[i];
        if (name === "//") continue;
        stack.push([x, `${p}/${escapePointer(name)}`, a ? `${a}.${name}` : name, name]);
      }
    } else {
      yield { pointer: p, attribute: a, key: k, value: v };
    }
  }
}

export function constructPathOf(body: Json): string | undefined {
  const p = body?.["//"]?.metadata?.path;
  return typeof p === "string" ? p : undefined;
}

/** The standard SG002-style hit for a literal secret: a fingerprint, never the value. */
export function literalHit(pointer: string, address: string, attribute: string, value: string, what: string, constructPath?: string) {
  const fp = fingerprint(value);
  return { pointer, address, attribute, fingerprint: fp, message: `${what} is a literal secret (${fp}) in the configuration`, constructPath };
}
