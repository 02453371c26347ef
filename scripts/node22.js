#!/usr/bin/env node
// Node 22 for what needs it (CDK Terrain's packages want >= 22.11, its CLI >= 22.19) on a machine whose Node is
// older: scripts/node-line.js installs it from the npm registry. Kept for its callers (scripts/cdktf.js, the tests).
// `node scripts/node22.js` installs it if needed and prints the binary's path.
"use strict";
const { nodeLine, pathWithNodeLine, NODE_VERSIONS } = require("./node-line");

/** Path of the Node 22 binary, installing it first when missing or of another version. */
const node22 = () => nodeLine(22);

/** PATH with Node 22 first, so `node` and npm's scripts run under it. */
const pathWithNode22 = (env = process.env) => pathWithNodeLine(22, env);

/** Whether this Node runs CDK Terrain: its CLI wants Node >= 22.19. */
function runsCdkTerrain(version = process.versions.node) {
  const [major, minor] = version.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 19);
}

/** The Node for CDK Terrain (its app, CLI and tests): this one when new enough, else Node 22. */
const nodeForCdkTerrain = () => (runsCdkTerrain() ? process.execPath : node22());

/** The Node for cdktf-cli 0.21: its terminal library (node-pty) ships binaries up to Node 22, so on newer lines Node 22. */
const nodeForCdktfCli = () => (Number(process.versions.node.split(".")[0]) <= 22 ? process.execPath : node22());

module.exports = { node22, pathWithNode22, runsCdkTerrain, nodeForCdkTerrain, nodeForCdktfCli, NODE22_VERSION: NODE_VERSIONS[22] };

if (require.main === module) {
  try {
    process.stdout.write(node22() + "\n");
  } catch (e) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exit(1);
  }
}
