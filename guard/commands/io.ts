import type { InputStream } from "../audit/read/stdin-source";
/**
 * What every command reads and writes: its output streams, the environment and whether stdout is a terminal.
 * Commands never touch `process` themselves, so tests run them in-process with captured output.
 */
export interface CommandIO {
  /** Writes to standard output; the promise settles once the text is handed over (back-pressure). */
  out(text: string): void | Promise<void>;
  /** Writes to standard error. */
  err(text: string): void;
  /** The environment (variables named by options such as --known-env are read from here). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard output is a terminal (colours, progress). */
  readonly stdoutIsTTY: boolean;
  /** Standard error is a terminal (progress lines go there, and only then). */
  readonly stderrIsTTY?: boolean;
  /** Standard input, for `-` arguments (default: the process's). Tests feed it in-process. */
  readonly stdin?: InputStream;
}

/** The process's own streams and environment. */
export function processIO(): CommandIO {
  return {
    out: (text) =>
      new Promise<void>((resolve, reject) => {
        process.stdout.write(text, (e) => (e ? reject(e) : resolve()));
      }),
    err: (text) => {
      process.stderr.write(text);
    },
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdin: process.stdin,
  };
}
