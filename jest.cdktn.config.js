/**
 * The library's tests again, on CDK Terrain: run under Node 22 by scripts/test-cdktn.js (part of `npm test`).
 * Every `cdktf` and `@cdktf/provider-*` import (the source's, the tests', the generated genesyscloud bindings')
 * resolves to `cdktn` and `@cdktn/provider-*` (AWS provider 6), and engine/cdktf-gaps to engine/cdktn-native, as in
 * the package's dist/cdktn build. Real-Terraform steps inside these files say SKIPPED on this engine: the offline
 * mirror holds AWS provider 5.100.0 only (they run on cdktf).
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

