#!/usr/bin/env node
// Builds schemas/providers-from-source.facts.json: the sensitive and write-only attribute paths of the widely used
// providers other than aws, random and genesyscloud, read from their Go source by provider-facts-from-source.js.
// Their binaries are not here (no network but npm), so nothing is built or run; the source is read from git:
//
//   node scripts/providers-from-source.js <mirror dir> [--out schemas/providers-from-source.facts.json]
//
// <mirror dir> holds bare clones named owner+name/repo (as the project's fetch tool leaves them). Each provider is
// read at the commit its clone's HEAD names, plus the older releases listed in `also` (types a later major release
// removed, e.g. azurerm_sql_server, are still in older stacks' state), united per type: the guard does not know
// which version wrote a file, so a path sensitive in any of them is sensitive. Only `Sensitive: true` /
// `WriteOnly: true` literals count, as in provider-facts-from-source.js.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { extract } = require("./provider-facts-from-source");

const ROOT = path.resolve(__dirname, "..");

/** source (registry address), type-name prefix, GitHub repository, older refs read too. */
const PROVIDERS = [
  { source: "hashicorp/azurerm", prefix: "azurerm", repo: "hashicorp/terraform-provider-azurerm", also: ["v3.117.1"] },
  { source: "hashicorp/azuread", prefix: "azuread", repo: "hashicorp/terraform-provider-azuread" },
  { source: "hashicorp/google", prefix: "google", repo: "hashicorp/terraform-provider-google" },
  { source: "hashicorp/google-beta", prefix: "google", repo: "hashicorp/terraform-provider-google-beta" },
  { source: "hashicorp/kubernetes", prefix: "kubernetes", repo: "hashicorp/terraform-provider-kubernetes" },
  { source: "hashicorp/helm", prefix: "helm", repo: "hashicorp/terraform-provider-helm" },
  { source: "hashicorp/tls", prefix: "tls", repo: "hashicorp/terraform-provider-tls" },
  { source: "hashicorp/local", prefix: "local", repo: "hashicorp/terraform-provider-local" },
  { source: "hashicorp/vault", prefix: "vault", repo: "hashicorp/terraform-provider-vault" },
  { source: "hashicorp/tfe", prefix: "tfe", repo: "hashicorp/terraform-provider-tfe" },
  { source: "hashicorp/consul", prefix: "consul", repo: "hashicorp/terraform-provider-consul" },
  { source: "hashicorp/nomad", prefix: "nomad", repo: "hashicorp/terraform-provider-nomad" },
  { source: "integrations/github", prefix: "github", repo: "integrations/terraform-provider-github" },
  { source: "datadog/datadog", prefix: "datadog", repo: "DataDog/terraform-provider-datadog" },
  { source: "cloudflare/cloudflare", prefix: "cloudflare", repo: "cloudflare/terraform-provider-cloudflare" },
  { source: "mongodb/mongodbatlas", prefix: "mongodbatlas", repo: "mongodb/terraform-provider-mongodbatlas" },
  { source: "snowflake-labs/snowflake", prefix: "snowflake", repo: "Snowflake-Labs/terraform-provider-snowflake" },
  { source: "newrelic/newrelic", prefix: "newrelic", repo: "newrelic/terraform-provider-newrelic" },
  { source: "pagerduty/pagerduty", prefix: "pagerduty", repo: "PagerDuty/terraform-provider-pagerduty" },
  { source: "okta/okta", prefix: "okta", repo: "okta/terraform-provider-okta" },
  { source: "auth0/auth0", prefix: "auth0", repo: "auth0/terraform-provider-auth0" },
  { source: "digitalocean/digitalocean", prefix: "digitalocean", repo: "digitalocean/terraform-provider-digitalocean" },
  { source: "kreuzwerker/docker", prefix: "docker", repo: "kreuzwerker/terraform-provider-docker" },
  { source: "hashicorp/hcp", prefix: "hcp", repo: "hashicorp/terraform-provider-hcp" },
];

const KINDS = ["resources", "data_sources", "ephemeral_resources"];

/** Writes the non-test Go files of `ref` into `dir` (vendor/ and testdata/ left out). */
function exportGo(gitDir, ref, dir) {
  const git = (args, opts = {}) => execFileSync("git", ["--git-dir", gitDir, ...args], { maxBuffer: 1 << 30, ...opts });
  const files = git(["ls-tree", "-r", ref], { encoding: "utf8" })
    .split("\n")
    .map((l) => /^\d+ blob (\w+)\t(.+)$/.exec(l))
    .filter((m) => m && m[2].endsWith(".go") && !m[2].endsWith("_test.go") && !/(^|\/)(vendor|testdata)\//.test(m[2]));
  const out = git(["cat-file", "--batch"], { input: files.map((m) => m[1]).join("\n") + "\n" });
  let at = 0;
  for (const m of files) {
    const nl = out.indexOf(10, at);
    const header = out.toString("utf8", at, nl).split(" ");
    at = nl + 1;
    if (header[1] === "missing") continue;
    const size = Number(header[2]);
    const file = path.join(dir, m[2]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, out.subarray(at, at + size));
    at += size + 1;
  }
}

function unite(a, b) {
  const out = {};
  for (const kind of ["provider", ...KINDS]) {
    if (kind === "provider") {
      out.provider = mergeBlock(a.provider, b.provider);
      continue;
    }
    const types = [...new Set([...Object.keys(a[kind] || {}), ...Object.keys(b[kind] || {})])].sort();
    out[kind] = Object.fromEntries(types.map((t) => [t, mergeBlock((a[kind] || {})[t], (b[kind] || {})[t])]));
  }
  return out;
}

function mergeBlock(x = {}, y = {}) {
  const o = {};
  for (const k of ["sensitive", "writeOnly"]) {
    const u = [...new Set([...(x[k] || []), ...(y[k] || [])])].sort();
    if (u.length) o[k] = u;
  }
  return o;
}

function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf("--out");
  const outFile = i >= 0 ? args.splice(i, 2)[1] : path.join(ROOT, "schemas", "providers-from-source.facts.json");
  if (args.length !== 1) {
    console.error("usage: node scripts/providers-from-source.js <mirror dir of owner+name/repo clones> [--out file]");
    process.exit(2);
  }
  const doc = {};
  for (const p of PROVIDERS) {
    const gitDir = path.join(args[0], p.repo.replace("/", "+"), "repo");
    if (!fs.existsSync(gitDir)) {
      console.error(`providers-from-source: ${p.repo} not in ${args[0]}; skipped`);
      continue;
    }
    const describe = (ref) => execFileSync("git", ["--git-dir", gitDir, "describe", "--tags", ref], { encoding: "utf8" }).trim();
    const [commit, date] = execFileSync("git", ["--git-dir", gitDir, "log", "-1", "--format=%H %cs", "HEAD"], { encoding: "utf8" }).trim().split(" ");
    let facts;
    const read = [];
    for (const ref of ["HEAD", ...(p.also || [])]) {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "provider-src-"));
      try {
        exportGo(gitDir, ref, tmp);
        const r = extract(tmp, p.prefix);
        facts = facts ? unite(facts, r.facts) : unite({}, r.facts);
        read.push(`${ref === "HEAD" ? `${describe(ref)} (HEAD of the fetched snapshot)` : ref}: ${r.stats.types} types, ${r.stats.unresolved.length} unresolved`);
        console.error(`providers-from-source: ${p.source} ${ref}: ${r.stats.types} types, ${r.stats.unresolved.length} whose schema was not found`);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }
    for (const kind of KINDS) facts[kind] = Object.fromEntries(Object.entries(facts[kind]).filter(([, b]) => b.sensitive || b.writeOnly));
    doc[`registry.terraform.io/${p.source}`] = {
      // the release when the snapshot is one, else the commit's date (a snapshot's tags may lag its commits)
      version: /^v?\d+\.\d+\.\d+$/.test(describe("HEAD")) ? describe("HEAD").replace(/^v/, "") : `main@${date}`,
      commit,
      date,
      about:
        `Read from ${p.repo}'s Go source by scripts/provider-facts-from-source.js (every literal Sensitive: true / ` +
        `WriteOnly: true, nested blocks as dot paths; not from a provider binary): ${read.join("; ")}` +
        (p.also ? "; united per type." : "."),
      ...facts,
    };
  }
  fs.writeFileSync(outFile, JSON.stringify(doc) + "\n");
  console.error(`providers-from-source: wrote ${path.relative(ROOT, outFile)} (${Object.keys(doc).length} providers)`);
}

module.exports = { PROVIDERS };

if (require.main === module) main();
