#!/usr/bin/env node
// Empties dist/ before a build, so a module that was moved or deleted in the source never survives as a stale
// file that tests or the package could still load.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

fs.rmSync(path.resolve(__dirname, "..", "dist"), { recursive: true, force: true });
