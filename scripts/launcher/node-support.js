// Node release lines and their end of life (the Node.js release schedule), for the one-line notice a command prints
// when it runs on a line past its end. Maintained lines on 2026-12-07: 22, 24 (LTS) and 26 (LTS from 2026-10).
"use strict";

/** End of life of the lines that have reached it (odd lines are never LTS and end about eight months in). */
const END_OF_LIFE = { 16: "2023-09-11", 17: "2022-06-01", 18: "2025-04-30", 19: "2023-06-01", 20: "2026-04-30", 21: "2024-06-01", 23: "2025-06-01", 25: "2026-06-01" };
const SUPPORTED = "22, 24 or 26";

/** The notice for `version` (e.g. "20.20.2") when its line is past its end of life, else undefined. */
function endOfLifeNotice(version = process.versions.node) {
  const major = Number(version.split(".")[0]);
  const date = END_OF_LIFE[major];
  return date ? `note: Node ${major} is past its end of life (${date}); use Node ${SUPPORTED}` : undefined;
}

/**
 * Prints the notice once per command: child processes of this one (the app, secret-guard) see
 * GENESYS_OAUTH_EOL_NOTED in `env` and stay quiet.
 */
function noteEndOfLife(env) {
  const notice = endOfLifeNotice();
  if (!notice || env.GENESYS_OAUTH_EOL_NOTED === "1") return;
  process.stderr.write(`${notice}\n`);
  env.GENESYS_OAUTH_EOL_NOTED = "1";
}

module.exports = { endOfLifeNotice, noteEndOfLife, END_OF_LIFE };
