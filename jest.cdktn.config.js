/**
 * The library's tests again, on CDK Terrain: run by scripts/test-cdktn.js (the second pass of `npm test`) on the
 * Node in use when it is 22.19 or later, else on Node 22.
 * Every `cdktf` and `@cdktf/provider-*` import (the source's, the tests', the generated genesyscloud bindings')
 * resolves to `cdktn` and `@cdktn/provider-*` (AWS provider 6), and engine/cdktf-gaps to engine/cdktn-native, as in
 * the package's dist/cdktn build. Real-Terraform steps inside these files are not registered on this engine (not
 * skipped: they run in the cdktf pass): the offline mirror holds AWS provider 5.100.0 only.
 */
const base = require("./jest.config.js");

const { CDKTN_TESTS } = require("./__tests__/support/engine-test-plan");
const { jestModuleMap } = require("./scripts/engine-swap");

module.exports = {
  ...base,
  cacheDirectory: "<rootDir>/node_modules/.cache/jest-cdktn",
  testMatch: CDKTN_TESTS.map((f) => `**/__tests__/${f}`),
  moduleNameMapper: jestModuleMap(),
  testEnvironmentOptions: { engine: "cdktn" },
};

