#!/usr/bin/env node
// CDK Terrain's CLI (cdktn-cli 0.24, Node >= 22.19), for `npm run synth|diff|deploy -- --engine cdktn`: installed
// from engines/cdktn-cli/package-lock.json (pinned) with `npm ci` under Node 22, once, and again when the lockfile
// changes. `node scripts/cdktn-cli.js` installs it if needed and prints the CLI's path.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const { pathWithNode22 } = require("./node22");

const DIR = path.resolve(__dirname, "..", "engines", "cdktn-cli");
const CLI = path.join(DIR, "node_modules", "cdktn-cli", "bundle", "bin", "cdktn.js");
const STAMP = path.join(DIR, "node_modules", ".installed-from");

function lockHash() {
  return crypto.createHash("sha256").update(fs.readFileSync(path.join(DIR, "package-lock.json"))).digest("hex");
}

/** Path of cdktn-cli's entry script (run it with Node 22), installing the CLI first when needed. */
function cdktnCli() {
  const want = lockHash();
  if (fs.existsSync(CLI) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === want) return CLI;
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: DIR,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PATH: pathWithNode22(), npm_config_update_notifier: "false" },
  });
  if (!fs.existsSync(CLI)) throw new Error(`npm ci in ${path.relative(process.cwd(), DIR)} did not install ${CLI}`);
  fs.writeFileSync(STAMP, want);
  return CLI;
}

module.exports = { cdktnCli };

if (require.main === module) {
  try {
    process.stdout.write(cdktnCli() + "\n");
  } catch (e) {
    process.stderr.write(`error: cdktn-cli: ${e.message}\n`);
    process.exit(1);
  }
}
