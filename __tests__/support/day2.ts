/** Shared helpers for the Day-2 operations tests (guard-diff, doctor, ci-workflow). */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command function with captured output. */
export async function capture(run: (io: { out(t: string): void; err(t: string): void }) => Promise<number>): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const code = await run({ out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
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

/** Whether `text` holds `secret`, without ever putting the secret in an assertion message. */
export function leaks(text: string, secret: string): boolean {
  return text.includes(secret);
}
