#!/usr/bin/env node
// `npm run guard` and `npm run doctor`: the secret-guard command (dist/secret-guard.js), built first when its
// inputs changed. Arguments go to secret-guard as they are; it checks them itself.
"use strict";
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { buildOrExit } = require("./build");
const { noteEndOfLife } = require("./launcher/node-support");

const env = { ...process.env };
noteEndOfLife(env);
buildOrExit("cli").then(() => {
  const r = spawnSync(process.execPath, [path.join(__dirname, "..", "dist", "secret-guard.js"), ...process.argv.slice(2)], { stdio: "inherit", env });
  process.exit(r.status ?? 1);
});
