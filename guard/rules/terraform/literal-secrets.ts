import type { RuleHit } from "../rule";
import { ConfigDocument, isLiteral, leavesOf, literalHit } from "../config-document";
import { isEnumLike } from "../enum-values";
import { isPlaceholder } from "../../detectors/text-shapes";
import { isSlotPlaceholder } from "../../detectors/slot-placeholder";
import { plainTextParameter } from "../../audit/detect/plain-text-parameters";

/** Backend settings that are credentials whatever their name says. */
const BACKEND_CREDENTIALS = new Set(["access_key", "secret_key", "token", "sse_customer_key", "password", "client_secret", "sas_token", "client_certificate_password"]);

/** A literal secret of a configuration: the hit to report and the secret it is about (never printed). */
export interface LiteralSecret {
  readonly hit: RuleHit;
  readonly secret: string;
}

/**
 * Every literal secret of a configuration, once per place: provider credentials, resource arguments the schema
 * marks sensitive or write-only (or named like secrets), secret variable defaults, backend credentials, and
 * anything whose shape the detector catalogue recognises. SG002 reports them; SG013 the documented examples
 * among them. Placeholders are passed over (in a named slot also those that restate it: `mock_secret_key` for
 * `secret_key`, `unused`), and so is a value chosen only by its name when it names a choice (`SYMMETRIC_DEFAULT`)
 * and a plain-text parameter without a secret's shape (aws_ssm_parameter of type String; the audit's SG109).
 */
export function* literalSecrets(doc: ConfigDocument): Generator<LiteralSecret> {
  const seen = new Set<string>();
  // A placeholder (`changeme`, `your-token`, `xxxx`) is not a secret, wherever it sits; in a named slot, nor is
  // one that only restates the slot's name.
  const once = (h: RuleHit, secret: string, slot?: string): LiteralSecret | undefined =>
    seen.has(h.pointer) || (slot === undefined ? isPlaceholder(secret) : isSlotPlaceholder(secret, slot)) ? undefined : (seen.add(h.pointer), { hit: h, secret });
  /** A secret-like name over a literal that is a secret: not an enum value. */
  const byName = (key: string, value: string) => doc.shapes.isSecretKey(key) && !isEnumLike(value);
  /** An argument a sibling declares plain text (an SSM String parameter's value) holding nothing a detector knows. */
  const plainText = (b: { type: string; body: unknown }, attribute: string, key: string, value: string): boolean => {
    const body = (b.body ?? {}) as Record<string, unknown>;
    const literal = (name: string) => (isLiteral(body[name]) ? body[name] : undefined);
    return plainTextParameter(b.type, [attribute], literal, (n) => doc.shapes.isSecretKey(n)) !== undefined && !doc.shapes.detect(key, value);
  };
  // Provider credentials must come from the environment.
  for (const p of doc.providers()) {
    for (const leaf of leavesOf(p.body, p.pointer, "")) {
      if (!isLiteral(leaf.value) || !(p.facts.sensitive.has(leaf.attribute) || byName(leaf.key, leaf.value))) continue;
      const s = once(literalHit(leaf.pointer, p.address, leaf.attribute, leaf.value, `provider ${p.name} argument ${leaf.attribute}`), leaf.value, leaf.key);
      if (s) yield s;
    }
  }
  // Resource, data source and ephemeral arguments the schema marks sensitive or write-only, or named like secrets.
  for (const b of doc.blocks()) {
    for (const leaf of leavesOf(b.body, b.pointer, "")) {
      if (!isLiteral(leaf.value)) continue;
      const top = leaf.attribute.split(".")[0];
      const schemaSecret = b.facts.sensitive.has(leaf.attribute) || b.facts.sensitive.has(top) || b.facts.writeOnly.has(top);
      // A sensitive map (an integration credential's `fields`) mixes ids and secrets: its members are gated by name.
      const gated = b.facts.sensitive.has(top) && leaf.attribute !== top ? byName(leaf.key, leaf.value) : schemaSecret;
      if (!gated && !byName(leaf.key, leaf.value)) continue;
      if (plainText(b, leaf.attribute, leaf.key, leaf.value)) continue;
      const s = once(literalHit(leaf.pointer, b.address, leaf.attribute, leaf.value, `${b.address} argument ${leaf.attribute}`, b.constructPath), leaf.value, leaf.key);
      if (s) yield s;
    }
  }
  // Variables: a default that is a secret.
  for (const v of doc.variables()) {
    if (!isLiteral(v.body.default)) continue;
    const secretish = v.body.sensitive === true || v.body.ephemeral === true || byName(v.name, v.body.default);
    if (!secretish) continue;
    const s = once(literalHit(`${v.pointer}/default`, `var.${v.name}`, "default", v.body.default, `variable ${v.name} default`, v.constructPath), v.body.default, v.name);
    if (s) yield s;
  }
  // Backend credentials.
  const backend = doc.backend;
  if (backend) {
    const base = backend.type === "cloud" ? "/terraform/cloud" : `/terraform/backend/${backend.type}`;
    const address = backend.type === "cloud" ? "terraform.cloud" : `terraform.backend.${backend.type}`;
    for (const leaf of leavesOf(backend.body, base, "")) {
      if (!isLiteral(leaf.value) || !(BACKEND_CREDENTIALS.has(leaf.key) || byName(leaf.key, leaf.value))) continue;
      const s = once(literalHit(leaf.pointer, address, leaf.attribute, leaf.value, `${backend.type === "s3" ? "S3" : backend.type} backend setting ${leaf.attribute}`), leaf.value, leaf.key);
      if (s) yield s;
    }
  }
  // Anything whose shape the detector catalogue recognises (AWS keys, private keys, tokens...), whatever its key.
  for (const section of ["provider", "resource", "data", "ephemeral", "variable", "locals", "output", "terraform", "module"]) {
    for (const leaf of leavesOf(doc.doc?.[section], `/${section}`, "")) {
      if (!isLiteral(leaf.value)) continue;
      const hit = doc.shapes.detect(leaf.key, leaf.value);
      if (!hit) continue;
      const s = once(literalHit(leaf.pointer, addressOfPointer(section, leaf.pointer), leaf.attribute, hit.secret, `${hit.detector.title} at ${leaf.attribute || section}`), hit.secret);
      if (s) yield s;
    }
  }
}

/** A block address from a pointer into a configuration section (`/resource/T/N/...` -> `T.N`). */
function addressOfPointer(section: string, pointer: string): string {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (section === "resource") return parts.slice(1, 3).join(".");
  if (section === "data" || section === "ephemeral") return parts.slice(0, 3).join(".");
  return `${section}.${parts[1] ?? ""}`;
}
