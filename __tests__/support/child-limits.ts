// Limits for every child process a test starts. Generous, so a busy machine never reaches them (they stop a hung
// child, they do not measure speed), and below jest's testTimeout (jest.config.js), so a child never outlives its
// test: SIGKILL, because a hung child may ignore SIGTERM.
export const CHILD_TIMEOUT_MS = 8 * 60 * 1000;
export const CHILD_LIMITS = { timeout: CHILD_TIMEOUT_MS, killSignal: "SIGKILL" as NodeJS.Signals };
