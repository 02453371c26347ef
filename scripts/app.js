#!/usr/bin/env node
// What cdktf.json runs (`npx cdktf synth`, `npx cdktn synth` too): the app bundle `npm run build` writes,
// dist/app.js on cdktf 0.21, or dist/app-cdktn.js on CDK Terrain when GENESYS_OAUTH_ENGINE=cdktn (scripts/cdktf.js
// sets it for `--engine cdktn`). Before the first build it says in one line what to run, instead of Node's
// "Cannot find module" stack trace.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const engine = process.env.GENESYS_OAUTH_ENGINE || "cdktf";
if (engine !== "cdktf" && engine !== "cdktn") {
  process.stderr.write(`error: GENESYS_OAUTH_ENGINE must be cdktf or cdktn (got ${JSON.stringify(engine)})\n`);
  process.exit(2);
}
const bundle = path.join(__dirname, "..", "dist", engine === "cdktn" ? "app-cdktn.js" : "app.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write(`error: dist/${path.basename(bundle)} is missing (the app is not built yet): run \`npm run build\`, or \`npm run synth\`, which builds first\n`);
  process.exit(2);
}
// Through V8's code cache (scripts/code-cache.js): after the first synth, the bundle is not compiled again.
require("./code-cache").runWithCodeCache(bundle);
