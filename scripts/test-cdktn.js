#!/usr/bin/env node
// The second pass of `npm test` (scripts/test.js): the library's tests (jest.cdktn.config.js) on CDK Terrain 0.24.
// CDK Terrain's CLI wants Node >= 22.19: the pass runs on the Node in use when it is that new (so CI's run on each
// supported line tests that line), else on Node 22 from scripts/node22.js. Extra arguments go to jest.
"use strict";
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { nodeForCdkTerrain, runsCdkTerrain, NODE22_VERSION } = require("./node22");

const ROOT = path.resolve(__dirname, "..");
let bin;
try {
  bin = nodeForCdkTerrain();
} catch (e) {
  process.stderr.write(`error: Node 22 for the cdktn tests: ${e.message}\n`);
  process.exit(1);
}
process.stderr.write(`cdktn tests: CDK Terrain 0.24 on Node ${runsCdkTerrain() ? process.versions.node : NODE22_VERSION}\n`);
const jest = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");
// No timeout: jest's own test timeouts bound the run, and the child shares this process's terminal signals.
const r = spawnSync(bin, [jest, "-c", path.join(ROOT, "jest.cdktn.config.js"), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, PATH: [path.dirname(bin), process.env.PATH ?? ""].join(path.delimiter), GENESYS_OAUTH_ENGINE: "cdktn" },
});
process.exit(r.status ?? 1);
