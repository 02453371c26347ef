#!/usr/bin/env node
// Keeps the published typings compilable for importers without @types/node (a library check, skipLibCheck: false,
// fails on any Node-only global): the emitted .d.ts name a Buffer by its base class, Uint8Array, which every
// TypeScript lib has. Only declaration files are touched; the JavaScript is tsc's.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const DIST = path.resolve(__dirname, "..", "dist");
function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".d.ts")) {
      const text = fs.readFileSync(p, "utf8");
      // A file that imports Buffer itself (from node:buffer) keeps it.
      if (!/\bBuffer\b/.test(text) || /import[^;]*\bBuffer\b[^;]*from/.test(text)) continue;
      fs.writeFileSync(p, text.replace(/\bBuffer\b/g, "Uint8Array"));
    }
  }
}
walk(DIST);
