/** Tests are TypeScript, transpiled without type-checking (tsc checks types in `npm run build`). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  reporters: ["default", "<rootDir>/__tests__/support/summary-reporter.js"],
  setupFilesAfterEnv: ["<rootDir>/__tests__/support/setup.ts"],
  testTimeout: 120000,
  maxWorkers: 2,
};
