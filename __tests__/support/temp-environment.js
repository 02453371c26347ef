// Each test file gets its own temp folder: TMPDIR (so os.tmpdir(), cdktf's Testing.app/fullSynth outdirs
// `cdktf.outdir.*`, Terraform working folders, and child processes) points into it while the file runs, and the
// folder is removed when the file is done, after its own afterAll hooks (servers stopped, files closed).
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { TestEnvironment } = require("jest-environment-node");

class TempFolderEnvironment extends TestEnvironment {
  constructor(config, context) {
    // Before the test's process object is made, so process.env.TMPDIR in the test (and in its children) is this one.
    const previous = process.env.TMPDIR;
    // Short: Terraform's provider plugins put a Unix socket under TMPDIR, and socket paths are limited to 107 bytes.
    const tag = crypto.createHash("sha256").update(path.basename(context.testPath)).digest("hex").slice(0, 6);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `f${tag}-`));
    process.env.TMPDIR = dir;
    super(config, context);
    this.tempFolder = dir;
    this.previousTmpdir = previous;
  }

  async teardown() {
    await super.teardown();
    if (this.previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = this.previousTmpdir;
    fs.rmSync(this.tempFolder, { recursive: true, force: true, maxRetries: 3 });
  }
}

module.exports = TempFolderEnvironment;
