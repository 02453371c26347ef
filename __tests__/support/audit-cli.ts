import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { CHILD_LIMITS } from "./child-limits";

export const CLI = path.resolve(__dirname, "../../dist/genesys-pack/cli.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (npm run build first). */
export function runCli(args: string[], opts: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): CliResult {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), CLI, ...args], {
    ...CHILD_LIMITS,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...opts.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the built CLI without blocking this process (servers the test started on loopback keep answering), with
 * `input` piped to its standard input when given.
 */
export function runCliAsync(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string | Buffer; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { ...CHILD_LIMITS, env: { ...process.env, NO_COLOR: "1", ...opts.env }, cwd: opts.cwd, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(opts.input ?? "");
  });
}

export function tempDir(prefix = "sg-audit-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A Genesys-shaped client secret: 43 characters of base64url with upper, lower and digits. */
export function genesysSecret(): string {
  for (;;) {
    const s = randomBytes(32).toString("base64url");
    // Never a leading "-": a value pasted as an argument would then read as a flag, a different case that
    // tests name on purpose (guard-hostile-input), not one chance in 64.
    if (/^[A-Za-z0-9]/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s)) return s;
  }
}

/** A 64-character random password with symbols, like random_password would make. */
export function randomPassword(): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#%*()-_=+[]{}:?";
  const b = randomBytes(64);
  return Array.from(b, (x) => chars[x % chars.length]).join("") + "Aa1!";
}

