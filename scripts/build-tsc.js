#!/usr/bin/env node
// The library's tsc build (tsconfig.json), incremental, into the build's output folder. Outputs whose source was
// deleted or moved are removed, so a stale module can never be loaded; then the typings are made portable.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { ROOT, OUT } = require("./build-output");

const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
const r = spawnSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.json"), "--outDir", OUT, "--tsBuildInfoFile", path.join(OUT, ".tsbuildinfo"), "--pretty", "false"], {
  cwd: ROOT,
  // tsc writes its diagnostics to stdout; they belong with the other errors (a synth's stdout is its result).
  stdio: ["ignore", 2, 2],
});
if (r.status !== 0) process.exit(1);

/**
 * The maps stay beside the files (the app bundle reads them, scripts/bundle-app.js) but out of the package, and the
 * `//# sourceMappingURL=` comment tsc appends comes off: a published module must not name a file that is not there.
 */
function stripMapComments(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (OWNED_ELSEWHERE.has(path.relative(OUT, p))) continue;
    if (e.isDirectory()) stripMapComments(p);
    // tsc's modules only: the bundles beside them (app.js, secret-guard.js) are other steps', whose link to their
    // own map must stay even when tsc runs again and they do not.
    else if (e.name.endsWith(".js") && emittedByTsc(path.relative(OUT, p))) {
      const text = fs.readFileSync(p, "utf8");
      const cut = text.lastIndexOf("\n//# sourceMappingURL=");
      // Only when it is the last line (tsc's), never a line inside the module.
      if (cut >= 0 && !text.slice(cut + 1).trimEnd().includes("\n")) fs.writeFileSync(p, text.slice(0, cut + 1));
    }
  }
}

// Files tsc emits for a source X.ts (rootDir "."): X.js, X.js.map and X.d.ts. Anything else it once emitted is stale.
// (The maps let the app bundle's source map reach the TypeScript: the guard points a finding at the line that
// created its construct, guard/synth/creation-traces.ts.)
const OWNED_ELSEWHERE = new Set(["cdktn", "rotation/index.js", "rotation/rotation-function.zip", ".inputs"]);
function prune(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const rel = path.relative(OUT, p);
    if (OWNED_ELSEWHERE.has(rel) || (dir === OUT && !e.isDirectory())) continue;
    if (e.isDirectory()) {
      prune(p);
      if (fs.readdirSync(p).length === 0) fs.rmdirSync(p);
      continue;
    }
    if (!emittedByTsc(rel)) fs.rmSync(p);
  }
}

/** Whether tsc emits `rel` (X.js, X.js.map, X.d.ts): its source X.ts exists. */
function emittedByTsc(rel) {
  return fs.existsSync(path.join(ROOT, rel.replace(/(\.d\.ts|\.js|\.js\.map)$/, ".ts")));
}
prune(OUT);
stripMapComments(OUT);
for (const top of ["index", "main"]) {
  for (const ext of [".js", ".d.ts"]) if (!fs.existsSync(path.join(ROOT, `${top}.ts`))) fs.rmSync(path.join(OUT, top + ext), { force: true });
}
require("./portable-typings").makePortable(OUT, ["cdktn"]);
// The library's S3 reader loads the AWS SDK from the command's chunk (scripts/library-sdk-chunk.js): importers
// install no SDK. The cdktn step does the same for dist/cdktn.
require("./library-sdk-chunk").pointLibraryAtChunk(OUT, OUT, ["cdktn"]);
