/**
 * What the runtime itself would print around a command: one note when Node is past its end of life, and no
 * deprecation warnings (the AWS SDK's multi-line NodeVersionSupportWarning, a dependency's DeprecationWarning),
 * which would break the one-line stderr contract and say nothing the user can act on. Other warnings still show.
 */

import NODE_LINES from "./node-end-of-life.json";

let noted = false;

/** The note for a Node version on a line past its end of life, or undefined for a maintained line. */
export function endOfLifeNote(version: string): string | undefined {
  const major = /^v?(\d+)\./.exec(version)?.[1];
  const eol = major === undefined ? undefined : (NODE_LINES.endOfLife as Record<string, string>)[major];
  return eol === undefined ? undefined : `note: Node ${major} is past its end of life (${eol}); use Node ${NODE_LINES.supported}`;
}

/**
 * Called by the CLI entry before any command runs. The end-of-life note goes to a terminal only: a log or a
 * script reading stderr keeps the one-line contract (an error is the only line), and a person sees it once (not
 * again when an npm script that already said it runs this command: GENESYS_OAUTH_EOL_NOTED).
 */
export function quietRuntimeNotices(stderr: { readonly isTTY?: boolean; write(text: string): unknown }, version = process.version): void {
  // The SDK's documented switch for its Node-version notice (@aws-sdk/core emitWarningIfUnsupportedVersion).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  // Node's own switch that drops exactly the DeprecationWarning type (as --no-deprecation does).
  (process as { noDeprecation?: boolean }).noDeprecation = true;
  const note = endOfLifeNote(version);
  if (note !== undefined && stderr.isTTY === true && !noted && process.env.GENESYS_OAUTH_EOL_NOTED !== "1") {
    noted = true;
    stderr.write(note + "\n");
  }
}
