/** Tests are TypeScript, transpiled without type-checking (tsc checks types in `npm run build`). */
const { notRunOnThisNode } = require("./__tests__/support/node-line-plan");

const notRun = notRunOnThisNode();
// Said once per run, on stderr, so the log shows what this Node line does not run and why.
if (notRun.files.length > 0 && !process.env.JEST_WORKER_ID) process.stderr.write(`NOT RUN on this Node: ${notRun.files.join(", ")}: ${notRun.reason}\n`);

module.exports = {
  // Jest's own cache stays out of the temp folder, which the run checks is left empty.
  cacheDirectory: "<rootDir>/node_modules/.cache/jest",
  // Every test file runs with its own TMPDIR, removed when it ends; the run fails if anything is left over.
  testEnvironment: "<rootDir>/__tests__/support/temp-environment.js",
  globalSetup: "<rootDir>/__tests__/support/global-setup.js",
  globalTeardown: "<rootDir>/__tests__/support/global-teardown.js",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", ...notRun.files.map((f) => `/__tests__/${f.replace(/\./g, "\\.")}$`)],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  reporters: ["default", "<rootDir>/__tests__/support/summary-reporter.js"],
  setupFilesAfterEnv: ["<rootDir>/__tests__/support/setup.ts"],
  // A bound for a hung test, never a speed check: far above what a busy 2-core machine needs (speed is measured by
  // `npm run bench`). Children a test starts are killed before this (__tests__/support/child-limits.ts).
  testTimeout: 600_000,
  maxWorkers: 2,
};
