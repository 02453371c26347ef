#!/usr/bin/env node
// Bundles the app (main.ts and everything it imports, cdktf included) into one file, dist/app.js, which
// cdktf.json runs. One file instead of ~1,200 modules: synth starts in a fraction of the time.
"use strict";
const path = require("node:path");
const esbuild = require("esbuild");

const ROOT = path.resolve(__dirname, "..");
esbuild.buildSync({
  entryPoints: [path.join(ROOT, "main.ts")],
  outfile: path.join(ROOT, "dist", "app.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  // Keep class names: cdktf and constructs show them in construct trees and errors.
  keepNames: true,
  minify: true,
  legalComments: "external",
  logLevel: "warning",
});
