// Where a build step writes: dist/ when a step script is run by hand, or the staging folder scripts/build.js gives
// it (GENESYS_OAUTH_BUILD_OUT), which is copied into dist/ only once every step has succeeded. Under scripts/build.js
// a bundle also records the files esbuild read, so the next build knows whether that bundle is stale.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT = process.env.GENESYS_OAUTH_BUILD_OUT ? path.resolve(process.env.GENESYS_OAUTH_BUILD_OUT) : path.join(ROOT, "dist");

/** Records the input files of an esbuild metafile for step `id` (only under scripts/build.js). */
function recordInputs(id, metafile) {
  if (!process.env.GENESYS_OAUTH_BUILD_OUT) return;
  const files = Object.keys(metafile.inputs)
    .filter((f) => !f.includes("(disabled)") && !f.startsWith("<"))
    .map((f) => path.resolve(f))
    // Installed packages are covered by package-lock.json (every step's input), not file by file; the staging
    // folder (under node_modules/.cache) is an input like the sources.
    .filter((f) => f.startsWith(OUT + path.sep) || !f.split(path.sep).includes("node_modules"))
    .map((f) => path.relative(ROOT, f))
    .sort();
  const dir = path.join(OUT, ".inputs");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(files));
}

module.exports = { ROOT, OUT, recordInputs };
