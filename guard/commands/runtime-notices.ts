/**
 * What the runtime itself would print around a command: one note when Node is past its end of life, and no
 * deprecation warnings (the AWS SDK's multi-line NodeVersionSupportWarning, a dependency's DeprecationWarning),
 * which would break the one-line stderr contract and say nothing the user can act on. Other warnings still show.
 */

/** End-of-life dates of the Node majors below 22 that this package still runs on (nodejs.org release schedule). */
const NODE_END_OF_LIFE: Readonly<Record<number, string>> = { 18: "2025-04-30", 20: "2026-04-30" };

let noted = false;

/** The note for a Node version, or undefined for Node 22 and later. */
export function endOfLifeNote(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (!Number.isInteger(major) || major >= 22) return undefined;
  const eol = NODE_END_OF_LIFE[major];
  return `note: Node ${major} is past its end of life${eol ? ` (${eol})` : ""}; use Node 22, 24 or 26`;
}

/**
 * Called by the CLI entry before any command runs. The end-of-life note goes to a terminal only: a log or a
 * script reading stderr keeps the one-line contract (an error is the only line), and a person sees it once.
 */
export function quietRuntimeNotices(stderr: { readonly isTTY?: boolean; write(text: string): unknown }, version = process.version): void {
  // The SDK's documented switch for its Node-version notice (@aws-sdk/core emitWarningIfUnsupportedVersion).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  // Node's own switch that drops exactly the DeprecationWarning type (as --no-deprecation does).
  (process as { noDeprecation?: boolean }).noDeprecation = true;
  const note = endOfLifeNote(version);
  if (note !== undefined && stderr.isTTY === true && !noted) {
    noted = true;
    stderr.write(note + "\n");
  }
}
