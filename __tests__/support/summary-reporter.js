// Prints one plain closing line ("jest: N passed, N failed, N skipped") that any CI can read. Written at exit, so it
// comes after jest's own summary and is the last line of the run. "failed" counts failed tests plus every test file
// that failed without a failed test (an afterAll hook, a file that does not load, a leaked handle...) and, where
// skips are not allowed (no-skips.js), every skipped test; a run that exits non-zero never reports 0 failed.
// GENESYS_OAUTH_TEST_SUMMARY names a JSON file the counts are also written to (scripts/test.js reads it).
"use strict";
const fs = require("node:fs");
const { requireNoSkips } = require("./no-skips");

function counts(results) {
  const skipped = results.numPendingTests + results.numTodoTests;
  const brokenFiles = results.testResults.filter((f) => f.numFailingTests === 0 && (f.testExecError || f.failureMessage)).map((f) => f.testFilePath);
  const skipsFail = requireNoSkips() && skipped > 0;
  return {
    passed: results.numPassedTests,
    failed: results.numFailedTests + brokenFiles.length + (skipsFail ? skipped : 0),
    skipped,
    brokenFiles,
    skipsFail,
  };
}

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const c = counts(results);
    if (c.skipsFail) process.stderr.write(`${c.skipped} skipped test(s) counted as failed: skips are failures here (CI / REQUIRE_NO_SKIPS=1)\n`);
    for (const f of c.brokenFiles) process.stderr.write(`test file failed outside its tests: ${f}\n`);
    process.once("exit", (code) => {
      if (c.skipsFail && !process.exitCode && code === 0) process.exitCode = 1;
      // Jest's globalTeardown (the temp-folder check) runs after this report: its failure is a failure too.
      const failed = c.failed === 0 && (process.exitCode || code) ? 1 : c.failed;
      const line = `jest: ${c.passed} passed, ${failed} failed, ${c.skipped} skipped\n`;
      if (process.env.GENESYS_OAUTH_TEST_SUMMARY) fs.writeFileSync(process.env.GENESYS_OAUTH_TEST_SUMMARY, JSON.stringify({ passed: c.passed, failed, skipped: c.skipped }));
      process.stdout.write(line);
    });
  }
}
module.exports = SummaryReporter;
