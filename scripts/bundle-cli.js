#!/usr/bin/env node
// Bundles the `secret-guard` command (genesys-pack/cli.ts and every guard module it loads) into one file,
// dist/secret-guard.js, which package.json's `bin` runs. One file instead of ~130 modules: each audit in a CI job
// starts tens of milliseconds sooner. Packages stay outside (the AWS SDK is loaded only for s3:// and rotate);
// the library itself is still shipped as tsc output under dist/.
"use strict";
const path = require("node:path");
const esbuild = require("esbuild");

const { ROOT, OUT, recordInputs } = require("./build-output");

esbuild
  .build({
    entryPoints: [path.join(ROOT, "genesys-pack", "cli.ts")],
    outfile: path.join(OUT, "secret-guard.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    // No keepNames: it wraps every closure the audit makes per piece in a call (~2% of an audit). Not minified, so
    // class names in "internal error (<class>)" messages stay readable.
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  })
  .then((result) => recordInputs("cli", result.metafile))
  .catch((e) => {
    process.stderr.write(`error: bundling the secret-guard command failed: ${e.message}\n`);
    process.exit(1);
  });
