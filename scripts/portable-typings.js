#!/usr/bin/env node
// Keeps the published typings compilable for importers without @types/node (a library check, skipLibCheck: false,
// fails on any Node-only global): the emitted .d.ts name a Buffer by its base class, Uint8Array, which every
// TypeScript lib has. Only declaration files are touched; the JavaScript is tsc's. scripts/build-tsc.js and
// scripts/build-cdktn.js run it on what they emit; `node scripts/portable-typings.js [DIR]` runs it by hand.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

/** Rewrites every .d.ts under `dir` (but not under the sub-folders named in `skip`). */
function makePortable(dir, skip = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!skip.includes(e.name)) makePortable(p);
    } else if (e.name.endsWith(".d.ts")) {
      const text = fs.readFileSync(p, "utf8");
      // A file that imports Buffer itself (from node:buffer) keeps it.
      if (!/\bBuffer\b/.test(text) || /import[^;]*\bBuffer\b[^;]*from/.test(text)) continue;
      fs.writeFileSync(p, text.replace(/\bBuffer\b/g, "Uint8Array"));
    }
  }
}

module.exports = { makePortable };

if (require.main === module) makePortable(path.resolve(process.argv[2] ?? path.join(__dirname, "..", "dist")));
