/**
 * Text that came from input (file names, resource names, versions, messages built from them) is printed only
 * through these: control characters could forge a CI workflow command (`\n::error::`), a terminal escape (OSC 8
 * links, colours) or reorder what a reader sees (bidi overrides).
 */

/** C0, DEL, C1, the Unicode line and paragraph separators, and the bidi embedding/override/isolate controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Every control character as a visible escape (`\x0a`, `\u202e`); everything else unchanged. */
export function escapeControls(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, escapeOne) : text;
}

/** One line: runs of line breaks (with the blanks around them) become one space, other controls are escaped. */
export function oneLine(text: string): string {
  return escapeControls(text.replace(/\s*[\r\n]+\s*/g, " "));
}
