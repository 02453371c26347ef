// The one switch that turns every skip into a failure: CI (CI=true, as .ci/run is run) or REQUIRE_NO_SKIPS=1.
// Read by support/skip.ts (a test that would skip fails instead) and by summary-reporter.js (any skipped test that
// got past it, e.g. a plain `it.skip`, fails the run).
"use strict";
const requireNoSkips = (env = process.env) => env.REQUIRE_NO_SKIPS === "1" || env.CI === "true" || env.CI === "1";
module.exports = { requireNoSkips };
