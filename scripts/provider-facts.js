#!/usr/bin/env node
// Builds guard/schemas/provider-facts.json: for every resource, data source, ephemeral resource and provider
// block of the providers this toolkit knows, the attribute paths that are sensitive or write-only.
// - genesyscloud: from schemas/genesyscloud-1.84.1.schema.json (the project's copy of the real schema);
// - aws: read from the real provider 5.100.0 with `terraform providers schema -json` (offline, from the mirror),
//   united per type with schemas/aws-6.facts.json (AWS provider 6: made by scripts/aws-facts-from-source.js from
//   the provider's Go source plus the write-only arguments of the CDK Terrain bindings; no 6.x binary here).
//   The guard is version-agnostic, so a path sensitive in either major version is sensitive;
// - random: schemas/random-3.9.0.facts.json (read from the provider's source at v3.9.0; no binary here);
// - azurerm, azuread, google, google-beta, kubernetes, helm, tls, local, vault, tfe, consul, nomad, github, datadog,
//   cloudflare, mongodbatlas, snowflake: schemas/providers-from-source.facts.json (made by
//   scripts/providers-from-source.js from each provider's Go source; no binaries here). Their entries are copied
//   without their `about`, which stays in that file, to keep the shipped file small.
// The shipped file is small (only sensitive/write-only paths), so the guard never loads a 30 MB schema.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { terraformEnv } = require("./terraform-env");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "guard", "schemas", "provider-facts.json");

/** Walks a schema block; returns { sensitive: [...paths], writeOnly: [...paths] } (paths joined with "."). */
function blockFacts(block, prefix = "", acc = { sensitive: [], writeOnly: [] }) {
  for (const [name, attr] of Object.entries(block.attributes || {})) {
    const p = prefix + name;
    if (attr.sensitive) acc.sensitive.push(p);
    if (attr.write_only) acc.writeOnly.push(p);
    if (attr.nested_type) blockFacts(attr.nested_type, p + ".", acc);
  }
  for (const [name, bt] of Object.entries(block.block_types || {})) blockFacts(bt.block, prefix + name + ".", acc);
  return acc;
}

function providerFacts(schema) {
  const pick = (kind) => {
    const out = {};
    for (const [type, s] of Object.entries(schema[kind] || {})) {
      const f = blockFacts(s.block);
      if (f.sensitive.length || f.writeOnly.length) out[type] = compact(f);
    }
    return out;
  };
  return {
    provider: compact(blockFacts(schema.provider.block)),
    resources: pick("resource_schemas"),
    data_sources: pick("data_source_schemas"),
    ephemeral_resources: pick("ephemeral_resource_schemas"),
  };
}

function compact(f) {
  const o = {};
  if (f.sensitive.length) o.sensitive = f.sensitive.sort();
  if (f.writeOnly.length) o.writeOnly = f.writeOnly.sort();
  return o;
}

function awsSchema() {
  const tf = terraformEnv();
  if (!tf.ok) throw new Error(tf.reason);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-schema-"));
  try {
    fs.writeFileSync(
      path.join(dir, "main.tf.json"),
      JSON.stringify({ terraform: { required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } } } }),
    );
    const env = { ...process.env, ...tf.env };
    execFileSync("terraform", ["init", "-backend=false", "-no-color"], { cwd: dir, env, stdio: "ignore" });
    const json = execFileSync("terraform", ["providers", "schema", "-json"], { cwd: dir, env, maxBuffer: 1 << 30, encoding: "utf8" });
    return JSON.parse(json).provider_schemas["registry.terraform.io/hashicorp/aws"];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Unites two facts documents of one provider (per kind and type: the union of the paths). */
function unite(a, b) {
  const out = { provider: compact(merge(a.provider, b.provider)) };
  for (const kind of ["resources", "data_sources", "ephemeral_resources"]) {
    const types = [...new Set([...Object.keys(a[kind] || {}), ...Object.keys(b[kind] || {})])].sort();
    out[kind] = Object.fromEntries(types.map((t) => [t, compact(merge((a[kind] || {})[t], (b[kind] || {})[t]))]));
  }
  return out;
}

function merge(x = {}, y = {}) {
  const u = (k) => [...new Set([...(x[k] || []), ...(y[k] || [])])];
  return { sensitive: u("sensitive"), writeOnly: u("writeOnly") };
}

function main() {
  const gc = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "genesyscloud-1.84.1.schema.json"), "utf8"));
  const random = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "random-3.9.0.facts.json"), "utf8"));
  const aws6 = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "aws-6.facts.json"), "utf8"));
  const fromSource = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "providers-from-source.facts.json"), "utf8"));
  const facts = {
    "registry.terraform.io/mypurecloud/genesyscloud": {
      version: gc.provider_versions["registry.terraform.io/mypurecloud/genesyscloud"],
      ...providerFacts(gc.provider_schemas["registry.terraform.io/mypurecloud/genesyscloud"]),
    },
    "registry.terraform.io/hashicorp/random": random,
    "registry.terraform.io/hashicorp/aws": {
      version: "5.100.0",
      also: [{ version: aws6.version, file: "schemas/aws-6.facts.json", about: aws6.about }],
      ...unite(providerFacts(awsSchema()), aws6),
    },
  };
  for (const [source, { about: _about, ...p }] of Object.entries(fromSource)) {
    facts[source] = { ...p, from: "schemas/providers-from-source.facts.json" };
  }
  // One line per type: the file stays diffable without indenting every path onto a line of its own.
  fs.writeFileSync(OUT, compactJson(facts) + "\n");
  const n = (p) => Object.keys(facts[p].resources).length;
  console.log(`provider-facts: wrote ${path.relative(ROOT, OUT)} (aws ${n("registry.terraform.io/hashicorp/aws")} resource types with sensitive or write-only attributes)`);
}

/** JSON with one line per provider key and per type (every type's paths on its own line). */
function compactJson(facts) {
  const lines = ["{"];
  const providers = Object.entries(facts);
  providers.forEach(([source, p], i) => {
    lines.push(` ${JSON.stringify(source)}: {`);
    const entries = Object.entries(p);
    entries.forEach(([k, v], j) => {
      const comma = j < entries.length - 1 ? "," : "";
      const isTypes = ["resources", "data_sources", "ephemeral_resources"].includes(k) && Object.keys(v).length > 0;
      if (!isTypes) return lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`);
      lines.push(`  ${JSON.stringify(k)}: {`);
      const types = Object.entries(v);
      types.forEach(([t, b], n) => lines.push(`   ${JSON.stringify(t)}: ${JSON.stringify(b)}${n < types.length - 1 ? "," : ""}`));
      lines.push(`  }${comma}`);
    });
    lines.push(` }${i < providers.length - 1 ? "," : ""}`);
  });
  lines.push("}");
  return lines.join("\n");
}

module.exports = { awsSchema, providerFacts, unite };

if (require.main === module) main();
