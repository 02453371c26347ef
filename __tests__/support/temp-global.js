// The test run's own temp folder: globalSetup makes it and points TMPDIR at it (workers and every child inherit
// it); globalTeardown fails the run when anything is left in it (each test file's folder is removed by
// temp-environment.js), then removes it. So `npm test` leaves nothing new in the system temp folder.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const KEY = "GENESYS_OAUTH_TEST_TMP";

module.exports.setup = async function setup() {
  // Short, like the per-file folders inside it (Unix socket paths under TMPDIR are limited to 107 bytes).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gt-"));
  process.env[KEY] = dir;
  process.env.TMPDIR = dir;
};

module.exports.teardown = async function teardown() {
  const dir = process.env[KEY];
  if (!dir) return;
  const left = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  if (left.length > 0) {
    throw new Error(`tests left ${left.length} item(s) in the temp folder: ${left.slice(0, 10).join(", ")}${left.length > 10 ? ", ..." : ""}`);
  }
};
