/**
 * TOML text to a plain object, through smol-toml. The package ships with no runtime dependency: the command
 * bundle and the library both load smol-toml from dist/secret-guard-toml.js, a chunk the build makes
 * (scripts/bundle-cli.js, scripts/library-sdk-chunk.js), and only when a TOML file is read.
 */
import type * as SmolToml from "smol-toml";

/** A TOML file the guard cannot read: one line with the file and the line (smol-toml's excerpt of the text is left out). */
export function parseTomlText(text: string, file: string, fail: (message: string) => never): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const toml = require("smol-toml") as typeof SmolToml;
  try {
    return toml.parse(text) as Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof toml.TomlError)) throw e;
    // The reason is one of smol-toml's fixed texts; anything else (a value's text) is not repeated.
    const reason = /^Invalid TOML document: ([a-z][a-z :,.-]{0,100})$/im.exec(e.message)?.[1];
    return fail(`${file}:${e.line}:${e.column}: not valid TOML${reason ? ` (${reason})` : ""}`);
  }
}
