#!/usr/bin/env node
// Bundles the app (main.ts and everything it imports, the engine included) into one file that cdktf.json runs:
// dist/app.js on cdktf 0.21 and dist/app-cdktn.js on CDK Terrain (the same source with `cdktf` and
// `@cdktf/provider-*` taken from `cdktn` and `@cdktn/provider-*`, and engine/cdktn-native.ts in place of
// engine/cdktf-gaps.ts, as in the package's dist/cdktn build). One file instead of ~1,200 modules: synth starts
// in a fraction of the time. It bundles tsc's output (dist/main.js), not the TypeScript source: from source every
// module that imports cdktf gets its own ESM view of cdktf's hundreds of exports (esbuild's __toESM), which cost
// about a tenth of a synth; tsc's CommonJS requires share one.
"use strict";
const path = require("node:path");
const esbuild = require("esbuild");
const { NATIVE, esbuildAliases } = require("./engine-swap");

const fs = require("node:fs");
const { ROOT, OUT, recordInputs } = require("./build-output");

const common = {
  entryPoints: [path.join(OUT, "main.js")],
  bundle: true,
  platform: "node",
  // Keep class names: cdktf and constructs show them in construct trees and errors.
  keepNames: true,
  minify: true,
  legalComments: "external",
  // dist/app.js.map, through tsc's maps to the TypeScript (no sources inlined): read only when the guard reports a
  // construct, to name the line of the app that created it (guard/synth/creation-traces.ts).
  sourcemap: "linked",
  sourcesContent: false,
  metafile: true,
  logLevel: "warning",
};

/** One bundle per engine; `node scripts/bundle-app.js [cdktf|cdktn]` makes one of them, no argument both. */
const BUNDLES = {
  cdktf: { id: "app", options: { outfile: path.join(OUT, "app.js"), target: "node20" } },
  cdktn: { id: "app-cdktn", options: { outfile: path.join(OUT, "app-cdktn.js"), target: "node22", alias: esbuildAliases() } },
};

async function main() {
  const engines = process.argv[2] ? [process.argv[2]] : Object.keys(BUNDLES);
  for (const engine of engines) {
    const bundle = BUNDLES[engine];
    if (!bundle) throw new Error(`unknown engine ${engine} (cdktf or cdktn)`);
    const plugins = engine === "cdktn" ? [nativeEngine, tscMaps] : [tscMaps];
    const result = await esbuild.build({ ...common, ...bundle.options, plugins });
    relocateMapSources(bundle.options.outfile + ".map");
    recordInputs(bundle.id, result.metafile);
  }
}

/**
 * The map's sources as seen from dist/, where the bundle is published: esbuild writes them relative to the folder
 * it wrote to (the build's staging folder, deeper in node_modules/.cache), so from dist/ they would point above
 * the checkout.
 */
function relocateMapSources(mapFile) {
  const map = JSON.parse(fs.readFileSync(mapFile, "utf8"));
  const from = path.dirname(mapFile);
  const to = path.join(ROOT, "dist");
  map.sources = map.sources.map((s) => path.relative(to, path.resolve(from, map.sourceRoot || "", s)).split(path.sep).join("/"));
  delete map.sourceRoot;
  fs.writeFileSync(mapFile, JSON.stringify(map));
}

/**
 * tsc's output with its map named again: scripts/build-tsc.js keeps X.js.map beside X.js but takes the comment off
 * the published module, so esbuild would not find it. With it, the bundle's map reaches the TypeScript.
 */
const tscMaps = {
  name: "tsc-source-maps",
  setup(build) {
    const ownOutput = new RegExp("^" + OUT.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "[\\\\/].*\\.js$");
    build.onLoad({ filter: ownOutput }, (args) => {
      if (path.relative(OUT, args.path).split(path.sep).includes("node_modules")) return undefined;
      const contents = fs.readFileSync(args.path, "utf8");
      const map = args.path + ".map";
      return { contents: fs.existsSync(map) ? `${contents}\n//# sourceMappingURL=${path.basename(map)}\n` : contents, loader: "js" };
    });
  },
};

/** engine/cdktf-gaps -> engine/cdktn-native, wherever it is imported from. */
const nativeEngine = {
  name: "cdktn-native-engine",
  setup(build) {
    build.onResolve({ filter: /(^|\/)cdktf-gaps$/ }, () => ({ path: NATIVE }));
  },
};

main().catch((e) => {
  process.stderr.write(`error: bundling the app failed: ${e.message}\n`);
  process.exit(1);
});
