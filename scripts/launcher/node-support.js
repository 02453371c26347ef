// The one-line note a command prints on a Node line past its end of life (the lines and dates are data, shared with
// the secret-guard command: guard/commands/node-end-of-life.json).
"use strict";
const NODE_LINES = require("../../guard/commands/node-end-of-life.json");

/** The note for `version` (e.g. "20.20.2") when its line is past its end of life, else undefined. */
function endOfLifeNotice(version = process.versions.node) {
  const major = version.replace(/^v/, "").split(".")[0];
  const date = NODE_LINES.endOfLife[major];
  return date ? `note: Node ${major} is past its end of life (${date}); use Node ${NODE_LINES.supported}` : undefined;
}

/**
 * Prints the note once per command, to a terminal only (a log or a script reading stderr keeps the one-line error
 * contract); child processes (the app, secret-guard) see GENESYS_OAUTH_EOL_NOTED in `env` and stay quiet.
 */
function noteEndOfLife(env, stderr = process.stderr) {
  const notice = endOfLifeNotice();
  if (!notice || env.GENESYS_OAUTH_EOL_NOTED === "1" || !stderr.isTTY) return;
  stderr.write(`${notice}\n`);
  env.GENESYS_OAUTH_EOL_NOTED = "1";
}

module.exports = { endOfLifeNotice, noteEndOfLife };
