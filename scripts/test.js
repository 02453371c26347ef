#!/usr/bin/env node
// `npm test`: the build, then the test suite on cdktf (jest.config.js), then the library's tests on CDK Terrain
// (scripts/test-cdktn.js) even when the first pass failed, so both results are always known. Prints each pass's
// counts and one plain closing line with the totals; exits non-zero when either pass failed. Extra arguments go
// to jest (both passes).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const jestArgs = process.argv.slice(2);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs a step with the terminal; its exit status (1 when it could not start or was killed). */
function step(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.error) process.stderr.write(`error: could not run ${cmd}: ${r.error.message}\n`);
  return r.status ?? 1;
}

/** One jest pass: its exit status and the counts summary-reporter.js wrote (undefined when it wrote none). */
function pass(name, cmd, args) {
  // Outside the test temp folder, which must be left empty; inside node_modules/.cache, which npm ci clears.
  const dir = path.join(ROOT, "node_modules", ".cache", "test-summary");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}.json`);
  fs.rmSync(file, { force: true });
  const status = step(cmd, args, { GENESYS_OAUTH_TEST_SUMMARY: file });
  let counts;
  try {
    counts = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    counts = undefined;
  }
  fs.rmSync(file, { force: true });
  return { name, status, counts };
}

if (step(npm, ["run", "build"]) !== 0) {
  process.stderr.write("npm test: the build failed; no tests were run\n");
  process.stdout.write("test: 0 passed, 1 failed, 0 skipped\n");
  process.exit(1);
}
const passes = [
  pass("cdktf", process.execPath, [path.join(ROOT, "node_modules", "jest", "bin", "jest.js"), ...jestArgs]),
  pass("cdktn", process.execPath, [path.join(ROOT, "scripts", "test-cdktn.js"), ...jestArgs]),
];

const total = { passed: 0, failed: 0, skipped: 0 };
process.stdout.write("\n");
for (const p of passes) {
  // A pass that failed without reporting counts (jest did not start, crashed) counts as one failure.
  const c = p.counts ?? { passed: 0, failed: 1, skipped: 0 };
  const failed = p.status !== 0 && c.failed === 0 ? 1 : c.failed;
  process.stdout.write(`${p.name} pass: ${p.status === 0 ? "ok" : `FAILED (exit ${p.status})`}: ${c.passed} passed, ${failed} failed, ${c.skipped} skipped\n`);
  total.passed += c.passed;
  total.failed += failed;
  total.skipped += c.skipped;
}
process.stdout.write(`test: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(passes.every((p) => p.status === 0) ? 0 : 1);
