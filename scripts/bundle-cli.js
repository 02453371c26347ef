#!/usr/bin/env node
// Bundles the `secret-guard` command (genesys-pack/cli.ts and every module and package it loads) into
// dist/secret-guard.js, which package.json's `bin` runs: an importer installs no runtime dependency for it, and one
// file instead of ~130 modules starts each CI audit tens of milliseconds sooner.
// The AWS SDK (S3 for s3:// audits, Secrets Manager for `rotate`) goes into a second file, dist/secret-guard-aws.js,
// that the command requires only when it first needs the SDK (cjs output has no code splitting): an audit of local
// files never parses it. The library's tsc output (dist/guard/…/s3-source.js, in both engine builds) loads the
// same file (scripts/library-sdk-chunk.js, run by the tsc and cdktn build steps), so the package holds one copy of
// the SDK and depends on none. The TOML parser for gitleaks rule files is a third file, dist/secret-guard-toml.js,
// loaded the same way (scripts/toml-chunk.js).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");
const { AWS_CHUNK, SDK_EXPORTS, chunkEntry } = require("./aws-chunk");
const { TOML_CHUNK, TOML_PACKAGE } = require("./toml-chunk");
const { ROOT, OUT: DIST, recordInputs } = require("./build-output");

/** In the command bundle, each SDK client package is the chunk, required from next to the bundle when first used. */
const sdkFromChunk = {
  name: "sdk-from-chunk",
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(SDK_EXPORTS).map((p) => p.replace(/[/]/g, "\\/")).join("|")})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: "sdk-from-chunk" }));
    // A CommonJS stub, so esbuild wraps it in a lazy initializer that the `await import(…)` sites run on first use.
    build.onLoad({ filter: /.*/, namespace: "sdk-from-chunk" }, (args) => ({
      contents: `module.exports = require("./${AWS_CHUNK}").default[${JSON.stringify(args.path)}];`,
      loader: "js",
    }));
  },
};

/** In the command bundle, the TOML parser is the chunk next to the bundle, required when a TOML file is first read. */
const tomlFromChunk = {
  name: "toml-from-chunk",
  setup(build) {
    build.onResolve({ filter: new RegExp(`^${TOML_PACKAGE}$`) }, () => ({ path: `./${TOML_CHUNK}`, external: true }));
  },
};

async function main() {
  const command = await esbuild.build({
    entryPoints: [path.join(ROOT, "genesys-pack", "cli.ts")],
    outfile: path.join(DIST, "secret-guard.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    plugins: [sdkFromChunk, tomlFromChunk],
    external: [`./${AWS_CHUNK}`],
    // No keepNames: it wraps every closure the audit makes per piece in a call (~2% of an audit). Whitespace and
    // syntax are minified, identifiers are not, so class names in "internal error (<class>)" messages stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
  });
  // Nothing but Node built-ins and the chunk may stay outside the bundle: the importer has nothing else installed.
  const outside = Object.values(command.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  const stray = [...new Set(outside)].filter((p) => !p.startsWith("node:") && p !== `./${AWS_CHUNK}` && p !== `./${TOML_CHUNK}`);
  if (stray.length) throw new Error(`dist/secret-guard.js would require packages an importer does not have: ${stray.join(", ")}`);

  // The SDK: only the exports the guard and `rotate` use (ESM builds, so the rest of each client is left out).
  // Fully minified, with keepNames: the SDK's error classes are told apart by name.
  recordInputs("cli", command.metafile);
  await esbuild.build({
    stdin: { contents: chunkEntry(), resolveDir: ROOT, sourcefile: "aws-chunk-entry.js", loader: "js" },
    outfile: path.join(DIST, AWS_CHUNK),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    mainFields: ["module", "main"],
    minify: true,
    keepNames: true,
    legalComments: "none",
    logLevel: "warning",
  });
  // The TOML parser: smol-toml's CommonJS build as it is (its exports are the chunk's), minified.
  await esbuild.build({
    entryPoints: [require.resolve(TOML_PACKAGE, { paths: [ROOT] })],
    outfile: path.join(DIST, TOML_CHUNK),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
}

main().catch((e) => {
  fs.rmSync(path.join(DIST, "secret-guard.js"), { force: true });
  fs.rmSync(path.join(DIST, AWS_CHUNK), { force: true });
  fs.rmSync(path.join(DIST, TOML_CHUNK), { force: true });
  process.stderr.write(`error: bundling the secret-guard command failed: ${e.message}\n`);
  process.exit(1);
});
