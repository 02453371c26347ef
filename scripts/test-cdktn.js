#!/usr/bin/env node
// The second half of `npm test`: the library's tests (jest.cdktn.config.js) on CDK Terrain 0.24 under Node 22,
// installed by scripts/node22.js when missing. Extra arguments go to jest.
"use strict";
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { node22, pathWithNode22 } = require("./node22");

const ROOT = path.resolve(__dirname, "..");
let bin;
try {
  bin = node22();
} catch (e) {
  process.stderr.write(`error: Node 22 for the cdktn tests: ${e.message}\n`);
  process.exit(1);
}
process.stderr.write(`cdktn tests: CDK Terrain 0.24 on Node ${require("./node22").NODE22_VERSION}\n`);
const jest = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");
const r = spawnSync(bin, [jest, "-c", path.join(ROOT, "jest.cdktn.config.js"), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, PATH: pathWithNode22(), GENESYS_OAUTH_ENGINE: "cdktn" },
});
process.exit(r.status ?? 1);
