// What the CDK Terrain build changes, in one place: scripts/build-cdktn.js (the package's dist/cdktn),
// scripts/bundle-app.js (the app bundle dist/app-cdktn.js) and jest.cdktn.config.js (the tests' cdktn pass) all
// take the package renames and the engine module swap from here.
"use strict";
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
/** The engine packages the source imports, each renamed by cdktn (`cdktf` -> `cdktn`, `@cdktf/x` -> `@cdktn/x`). */
const ENGINE_PACKAGES = ["cdktf", "@cdktf/provider-aws", "@cdktf/provider-random"];
/** The module cdktn's build compiles in place of cdktf's workarounds. */
const GAPS = path.join(ROOT, "engine", "cdktf-gaps.ts");
const NATIVE = path.join(ROOT, "engine", "cdktn-native.ts");

const cdktnPackage = (name) => (name === "cdktf" ? "cdktn" : name.replace(/^@cdktf\//, "@cdktn/"));

/** A module specifier as the cdktn build imports it: `cdktf/x` -> `cdktn/x`, `@cdktf/provider-aws/lib/x` -> `@cdktn/...`, `./cdktf-gaps` -> `./cdktn-native`. */
function cdktnSpecifier(spec) {
  for (const name of ENGINE_PACKAGES) if (spec === name || spec.startsWith(`${name}/`)) return cdktnPackage(name) + spec.slice(name.length);
  if (spec.startsWith(".") && /(^|\/)cdktf-gaps$/.test(spec)) return spec.replace(/cdktf-gaps$/, "cdktn-native");
  return spec;
}

/** The same renames as esbuild's `alias` option. */
const esbuildAliases = () => Object.fromEntries(ENGINE_PACKAGES.map((name) => [name, cdktnPackage(name)]));

/** The same renames and swap as jest's `moduleNameMapper`. */
function jestModuleMap() {
  const map = {};
  for (const name of ENGINE_PACKAGES) {
    const to = `<rootDir>/node_modules/${cdktnPackage(name)}`;
    map[`^${name}$`] = to;
    map[`^${name}/(.*)$`] = `${to}/$1`;
  }
  map["^.*/engine/cdktf-gaps$"] = NATIVE;
  return map;
}

module.exports = { ENGINE_PACKAGES, GAPS, NATIVE, cdktnSpecifier, esbuildAliases, jestModuleMap };
