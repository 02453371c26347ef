#!/usr/bin/env node
// Runs the cdktf CLI for the npm scripts (synth, diff, deploy): no call home (checkpoint), and a
// TF_CLI_CONFIG_FILE that names a missing file is dropped, since Terraform would warn about it on every call.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
if (env.TF_CLI_CONFIG_FILE && !fs.existsSync(env.TF_CLI_CONFIG_FILE)) delete env.TF_CLI_CONFIG_FILE;
const cli = path.join(__dirname, "..", "node_modules", "cdktf-cli", "bundle", "bin", "cdktf");
const r = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(r.status ?? 1);
