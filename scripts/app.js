#!/usr/bin/env node
// What cdktf.json runs (`npx cdktf synth` too): the app bundle, dist/app.js, built by `npm run build`. Before the
// first build it says in one line what to run, instead of Node's "Cannot find module" stack trace.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const bundle = path.join(__dirname, "..", "dist", "app.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write("error: dist/app.js is missing (the app is not built yet): run `npm run build`, or `npm run synth`, which builds first\n");
  process.exit(2);
}
require(bundle);
