// Test files that run the real cdktf CLI 0.21 (its last release): the CLI loads @cdktf/node-pty-prebuilt-multiarch,
// which ships binaries for Node ABIs up to 127 (Node 22) only, so on Node 24 and 26 `cdktf synth` cannot start.
// There these files are not run, and the run says so; on Node 22 and older they always run (CI's Node 22 pass runs
// them). jest.config.js reads this.
"use strict";
const path = require("node:path");

const NEEDS_CDKTF_CLI = ["bench-smoke.test.ts", "cdktf-cli-guard.test.ts"];
const ROOT = path.resolve(__dirname, "..", "..");

function cdktfCliCanStart() {
  try {
    require(path.join(ROOT, "node_modules", "@cdktf", "node-pty-prebuilt-multiarch"));
    return true;
  } catch {
    return false;
  }
}

/** The test files not run on this Node, with the reason; none on Node 22 and older (there a failure must show). */
function notRunOnThisNode() {
  const major = Number(process.versions.node.split(".")[0]);
  if (major <= 22 || cdktfCliCanStart()) return { files: [], reason: "" };
  return {
    files: NEEDS_CDKTF_CLI,
    reason: `the cdktf CLI 0.21 cannot start on Node ${process.versions.node} (node-pty has no binary for it); they run on Node 22`,
  };
}

module.exports = { NEEDS_CDKTF_CLI, notRunOnThisNode };
