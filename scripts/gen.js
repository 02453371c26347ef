#!/usr/bin/env node
// Generates the genesyscloud TypeScript bindings in .gen/ from the project's own copy of the provider schema,
// offline (no provider binary can be downloaded here). `--check` regenerates into a temporary folder and fails
// when the committed bindings differ, so stale bindings never ship.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
// The generator asks terraform for its version; keep it from warning about a missing ~/.terraformrc.
process.env.TF_CLI_CONFIG_FILE = require("./terraform-env").terraformEnv().env?.TF_CLI_CONFIG_FILE ?? "/dev/null";
const { generateProviderBindingsFromSchema } = require("@cdktf/provider-generator");

const ROOT = path.resolve(__dirname, "..");
const SCHEMA = path.join(ROOT, "schemas", "genesyscloud-1.84.1.schema.json");
const TARGET = path.join(ROOT, ".gen");

function listFiles(dir, base = dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  });
}

async function generate(target) {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, "utf8"));
  await generateProviderBindingsFromSchema(target, schema);
}

async function main() {
  const check = process.argv.includes("--check");
  const out = check ? fs.mkdtempSync(path.join(os.tmpdir(), "gen-check-")) : TARGET;
  if (!check) fs.rmSync(path.join(TARGET, "providers"), { recursive: true, force: true });
  await generate(out);
  if (!check) {
    console.log(`gen: wrote ${listFiles(path.join(TARGET, "providers")).length} files to .gen/providers`);
    return;
  }
  const want = listFiles(path.join(out, "providers")).sort();
  const have = listFiles(path.join(TARGET, "providers")).sort();
  const stale = [...new Set([...want, ...have])].filter((f) => {
    const a = path.join(out, "providers", f);
    const b = path.join(TARGET, "providers", f);
    return !fs.existsSync(a) || !fs.existsSync(b) || fs.readFileSync(a, "utf8") !== fs.readFileSync(b, "utf8");
  });
  fs.rmSync(out, { recursive: true, force: true });
  if (stale.length) {
    console.error(`gen: .gen/providers is stale (${stale.length} files differ, e.g. ${stale[0]}): run npm run gen`);
    process.exit(1);
  }
  console.log("gen: .gen/providers matches schemas/genesyscloud-1.84.1.schema.json");
}

main().catch((e) => {
  console.error(`gen: ${e.message}`);
  process.exit(1);
});
