// Points the library's tsc output (dist/ and dist/cdktn/) at the AWS SDK chunk, dist/secret-guard-aws.js, instead
// of the SDK packages, which an importer does not install: `require("@aws-sdk/client-s3")` becomes
// `require("<relative>/secret-guard-aws.js").default["@aws-sdk/client-s3"]`. The require stays where tsc put it
// (inside the lazy `import()`), so the SDK is still parsed only when an s3:// source is read.
// The TOML parser likewise: `require("smol-toml")` becomes `require("<relative>/secret-guard-toml.js")`.
// dist/rotation/ is left alone: the rotation function is its own bundle with the whole SDK client.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { AWS_CHUNK, SDK_EXPORTS } = require("./aws-chunk");
const { TOML_CHUNK, TOML_PACKAGE } = require("./toml-chunk");

/**
 * Rewrites the .js files under `root` (default: `dist` itself, less its top-level files, dist/rotation and the
 * sub-folders named in `skip`) to load the chunk in `dist`.
 */
function pointLibraryAtChunk(dist, root = dist, skip = []) {
  const chunk = path.join(dist, AWS_CHUNK);
  const tomlChunk = path.join(dist, TOML_CHUNK);
  const tomlPattern = new RegExp(`require\\("${TOML_PACKAGE}"\\)`, "g");
  const pattern = new RegExp(`require\\("(${Object.keys(SDK_EXPORTS).map((p) => p.replace(/[/]/g, "\\/")).join("|")})"\\)`, "g");
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (p !== path.join(dist, "rotation") && !skip.some((name) => p === path.join(dist, name))) walk(p);
      } else if (e.name.endsWith(".js") && dir !== dist) {
        const text = fs.readFileSync(p, "utf8");
        const rel = path.relative(dir, chunk).split(path.sep).join("/");
        const relToml = path.relative(dir, tomlChunk).split(path.sep).join("/");
        const next = text
          .replace(pattern, (_, pkg) => `require(${JSON.stringify(rel)}).default[${JSON.stringify(pkg)}]`)
          .replace(tomlPattern, () => `require(${JSON.stringify(relToml)})`);
        if (next !== text) fs.writeFileSync(p, next);
      }
    }
  };
  walk(root);
}

module.exports = { pointLibraryAtChunk };
