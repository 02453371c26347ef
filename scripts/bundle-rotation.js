#!/usr/bin/env node
// Bundles the rotation function (rotation/handler/index.ts, the AWS SDK included) into dist/rotation/index.js and
// zips it deterministically into dist/rotation/rotation-function.zip: one entry, fixed date and mode, so the same
// source gives the same bytes (and the same source_code_hash) on every machine. The stack deploys this zip; the
// tests run the index.js they unpack from it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");
const { writeZip } = require("./zip.js");

const { ROOT, OUT: BUILD_OUT, recordInputs } = require("./build-output");

const OUT = path.join(BUILD_OUT, "rotation");
fs.mkdirSync(OUT, { recursive: true });
const result = esbuild.buildSync({
  entryPoints: [path.join(ROOT, "rotation", "handler", "index.ts")],
  bundle: true,
  platform: "node",
  target: "node22",
  format: "cjs",
  minify: true,
  keepNames: true,
  legalComments: "none",
  write: false,
  metafile: true,
  logLevel: "warning",
});
recordInputs("rotation", result.metafile);
const code = Buffer.from(result.outputFiles[0].contents);
fs.writeFileSync(path.join(OUT, "index.js"), code);
fs.writeFileSync(path.join(OUT, "rotation-function.zip"), writeZip([{ name: "index.js", data: code }]));
