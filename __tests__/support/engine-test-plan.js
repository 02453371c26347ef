// Which test files run on CDK Terrain too (jest.cdktn.config.js, the second pass of `npm test`), and why the others
// that touch the engine run on cdktf only. engine-test-plan.test.ts fails when a test file that loads the engine is
// in neither list.
"use strict";

/** The library's tests, run again on cdktn 0.24 (Node >= 22.19): constructs, the synth-level guard, the public API, the guard. */
const CDKTN_TESTS = [
  "app-config.test.ts",
  "constructs.test.ts",
  "secret-guard-synth.test.ts",
  "library-imported.test.ts",
  "rotation-stack.test.ts",
  "rotation-runtime.test.ts",
  "readme-example.test.ts",
  "schema-conformance.test.ts",
  "guard-boundary.test.ts",
  "guard-detectors.test.ts",
  "guard-audit-detection.test.ts",
  "guard-audit-cli.test.ts",
  "guard-diff.test.ts",
];

/** Test files that load the engine but run on cdktf only, each with the reason. */
const CDKTF_ONLY = {
  "terraform-real.test.ts": "real Terraform init, plan and apply of the synthesized stacks: the offline mirror holds AWS provider 5.100.0 only",
  "outside-in.test.ts": "installs the packed package into a cdktf and a cdktn consumer itself (the cdktn one under Node 22)",
  "engine-parity.test.ts": "runs cdktf, cdktn and both two-copy layouts itself, as children on the Node in use and on Node 22",
  "app-on-cdktn.test.ts": "runs the app and the real cdktn-cli on cdktn itself, under Node 22",
  "guard-sarif-regions.test.ts": "SARIF regions on real Terraform artefacts and on the cdktf app bundle (dist/app.js) with its source map; the region locator is engine-free",
};

module.exports = { CDKTN_TESTS, CDKTF_ONLY };
