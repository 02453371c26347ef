// Runs a CommonJS bundle with V8's code cache, as Node 22's module compile cache does (Node 20 has none): the first
// run compiles the bundle and, at exit, saves V8's compiled code for it; later runs load that instead of parsing
// and compiling about a megabyte of cdktf and provider classes again (a quarter of a synth). The cache sits in
// node_modules/.cache/genesys-oauth-cdktf/ (or GENESYS_OAUTH_CACHE_DIR), one file per bundle, named by the
// bundle's hash and the Node version; V8 itself refuses data made by another V8 or for other flags. Nothing here
// may fail a synth: an unreadable, unwritable or refused cache only means compiling as usual.
// GENESYS_OAUTH_CODE_CACHE=0 turns it off.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");
const { createHash } = require("node:crypto");

const ROOT = path.resolve(__dirname, "..");

function cacheDir() {
  return process.env.GENESYS_OAUTH_CACHE_DIR || path.join(ROOT, "node_modules", ".cache", "genesys-oauth-cdktf");
}

/** Requires `file` like Node would (same module object, require, __filename, __dirname), compiled through the cache. */
function runWithCodeCache(file) {
  if (process.env.GENESYS_OAUTH_CODE_CACHE === "0") return require(file);
  const source = fs.readFileSync(file, "utf8");
  const name = path.basename(file, ".js");
  // The path too: V8's cached script keeps the file name it was compiled under, which stack traces then show.
  const key = createHash("sha256").update(source).update(process.version).update(process.arch).update(path.resolve(file)).digest("hex").slice(0, 16);
  const dir = cacheDir();
  const cacheFile = path.join(dir, `${name}-${key}.v8cache`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit V8 also holds the functions the run compiled lazily, so the next run skips those as well.
    process.once("exit", () => save(script, dir, cacheFile, name));
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const fn = script.runInThisContext();
  fn.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/** Writes the cache next to its final name, then renames it (two synths at once never read half a file). */
function save(script, dir, cacheFile, name) {
  const part = `${cacheFile}.${process.pid}.part`;
  try {
    const data = script.createCachedData();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(part, data);
    fs.renameSync(part, cacheFile);
    // Older caches of the same bundle (an earlier build) are of no use any more.
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(`${name}-`) && f.endsWith(".v8cache") && path.join(dir, f) !== cacheFile) fs.rmSync(path.join(dir, f), { force: true });
    }
  } catch {
    // A cache that cannot be written is only a slower next synth (and the folder may not even exist).
    try {
      fs.rmSync(part, { force: true });
    } catch {
      // nothing was written
    }
  }
}

module.exports = { runWithCodeCache, cacheDir };
