import type { SynthRule, RuleHit } from "../rule";
import { ConfigDocument, isLiteral, leavesOf, literalHit } from "../config-document";

/** Backend settings that are credentials whatever their name says. */
const BACKEND_CREDENTIALS = new Set(["access_key", "secret_key", "token", "sse_customer_key", "password", "client_secret", "sas_token", "client_certificate_password"]);

export const literalSecretRule: SynthRule = {
  info: {
    id: "SG002",
    name: "literal-secret",
    severity: "error",
    explanation:
    "A secret is written as a literal in the configuration (provider credentials, a resource argument, a variable default or a backend setting): it ends up in cdk.tf.json, in the repository's build output and in every plan.",
    fix: "Read provider credentials from the environment (the provider's own variables, e.g. AWS_*), generate secrets with GeneratedSecret, or pass them as sensitive (better: ephemeral) variables.",
  },
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    const seen = new Set<string>();
    const once = (h: RuleHit) => (seen.has(h.pointer) ? undefined : (seen.add(h.pointer), h));
    // Provider credentials must come from the environment.
    for (const p of doc.providers()) {
      for (const leaf of leavesOf(p.body, p.pointer, "")) {
        if (!isLiteral(leaf.value) || !(p.facts.sensitive.has(leaf.attribute) || doc.shapes.isSecretKey(leaf.key))) continue;
        const h = once(literalHit(leaf.pointer, p.address, leaf.attribute, leaf.value, `provider ${p.name} argument ${leaf.attribute}`));
        if (h) yield h;
      }
    }
    // Resource, data source and ephemeral arguments the schema marks sensitive or write-only, or named like secrets.
    for (const b of doc.blocks()) {
      for (const leaf of leavesOf(b.body, b.pointer, "")) {
        if (!isLiteral(leaf.value)) continue;
        const top = leaf.attribute.split(".")[0];
        const schemaSecret = b.facts.sensitive.has(leaf.attribute) || b.facts.sensitive.has(top) || b.facts.writeOnly.has(top);
        // A sensitive map (an integration credential's `fields`) mixes ids and secrets: its members are gated by name.
        const gated = b.facts.sensitive.has(top) && leaf.attribute !== top ? doc.shapes.isSecretKey(leaf.key) : schemaSecret;
        if (!gated && !doc.shapes.isSecretKey(leaf.key)) continue;
        const h = once(literalHit(leaf.pointer, b.address, leaf.attribute, leaf.value, `${b.address} argument ${leaf.attribute}`, b.constructPath));
        if (h) yield h;
      }
    }
    // Variables: a default that is a secret.
    for (const v of doc.variables()) {
      const secretish = v.body.sensitive === true || v.body.ephemeral === true || doc.shapes.isSecretKey(v.name);
      if (!secretish || !isLiteral(v.body.default)) continue;
      const h = once(literalHit(`${v.pointer}/default`, `var.${v.name}`, "default", v.body.default, `variable ${v.name} default`, v.constructPath));
      if (h) yield h;
    }
    // Backend credentials.
    const backend = doc.backend;
    if (backend) {
      const base = backend.type === "cloud" ? "/terraform/cloud" : `/terraform/backend/${backend.type}`;
      const address = backend.type === "cloud" ? "terraform.cloud" : `terraform.backend.${backend.type}`;
      for (const leaf of leavesOf(backend.body, base, "")) {
        if (!isLiteral(leaf.value) || !(BACKEND_CREDENTIALS.has(leaf.key) || doc.shapes.isSecretKey(leaf.key))) continue;
        const h = once(literalHit(leaf.pointer, address, leaf.attribute, leaf.value, `${backend.type === "s3" ? "S3" : backend.type} backend setting ${leaf.attribute}`));
        if (h) yield h;
      }
    }
    // Anything whose shape the detector catalogue recognises (AWS keys, private keys, tokens...), whatever its key.
    for (const section of ["provider", "resource", "data", "ephemeral", "variable", "locals", "output", "terraform", "module"]) {
      for (const leaf of leavesOf(doc.doc?.[section], `/${section}`, "")) {
        if (!isLiteral(leaf.value)) continue;
        const hit = doc.shapes.detect(leaf.key, leaf.value);
        if (!hit) continue;
        const h = once(literalHit(leaf.pointer, addressOfPointer(section, leaf.pointer), leaf.attribute, hit.secret, `${hit.detector.title} at ${leaf.attribute || section}`));
        if (h) yield h;
      }
    }
  },
};

/** A block address from a pointer into a configuration section (`/resource/T/N/...` -> `T.N`). */
function addressOfPointer(section: string, pointer: string): string {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (section === "resource") return parts.slice(1, 3).join(".");
  if (section === "data" || section === "ephemeral") return parts.slice(0, 3).join(".");
  return `${section}.${parts[1] ?? ""}`;
}
