// Skipping a test always says SKIPPED and why; where skips are not allowed (CI, REQUIRE_NO_SKIPS=1, see
// no-skips.js) the test fails with that reason instead, so nothing stops running quietly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireNoSkips } = require("./no-skips");

/** `it` when `reason` is undefined; otherwise `it.skip` after printing the reason (or a failing test under CI). */
export function itUnless(reason: string | undefined): jest.It {
  if (reason === undefined) return it;
  if (requireNoSkips()) {
    const failing = ((name: string) => it(name, () => {
      throw new Error(`would be SKIPPED, and skips are failures here (CI / REQUIRE_NO_SKIPS=1): ${reason}`);
    })) as unknown as jest.It;
    return failing;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: ${reason}`);
  return it.skip;
}

/** Inside a running test that cannot go on here: prints SKIPPED and the reason, or throws under CI. */
export function skipInsideTest(reason: string): void {
  if (requireNoSkips()) throw new Error(`would be SKIPPED, and skips are failures here (CI / REQUIRE_NO_SKIPS=1): ${reason}`);
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: ${reason}`);
}
