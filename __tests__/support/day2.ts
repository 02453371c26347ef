/** Shared helpers for the Day-2 operations tests (guard-diff, doctor, ci-workflow). */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CommandIO } from "../../guard/commands/io";
import { main } from "../../genesys-pack/cli";

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command function with captured output. */
export async function capture(run: (io: CommandIO) => Promise<number>, opts: { env?: CommandIO["env"]; tty?: boolean } = {}): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const io: CommandIO = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    env: opts.env ?? process.env,
    stdoutIsTTY: opts.tty ?? false,
  };
  const code = await run(io);
  return { code, stdout, stderr };
}

/** `secret-guard ARGS` in-process, through the CLI entry point (which alone catches and prints errors). */
export function secretGuard(argv: readonly string[], io: CommandIO): Promise<number> {
  return main(argv, io);
}

/** `secret-guard diff ARGS` in-process. */
export function runDiff(argv: readonly string[], io: CommandIO): Promise<number> {
  return main(["diff", ...argv], io);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

export function writeJson(file: string, doc: unknown): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

/** Writes a cdktf.out-like folder: <dir>/stacks/<name>/cdk.tf.json for each stack. */
export function writeCdktfOut(dir: string, stacks: Record<string, unknown>): string {
  for (const [name, doc] of Object.entries(stacks)) writeJson(path.join(dir, "stacks", name, "cdk.tf.json"), doc);
  writeJson(path.join(dir, "manifest.json"), { version: "0.21.0", stacks: {} });
  return dir;
}

export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

