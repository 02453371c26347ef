// Runs the real terraform binary offline (provider mirror config from scripts/terraform-env.js).
// When terraform or the mirror is missing, tests that need it say SKIPPED and why (a failure under CI).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { itUnless } from "./skip";
import { CHILD_LIMITS } from "./child-limits";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { terraformEnv } = require("../../scripts/terraform-env.js");

export interface TerraformResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const TF: { ok: boolean; reason?: string; env?: Record<string, string>; version?: string } = terraformEnv();

/**
 * `it` when real Terraform can run here; otherwise the test says SKIPPED and why, and fails where skips are not
 * allowed (CI, REQUIRE_NO_SKIPS=1: support/skip.ts), so the real-Terraform tests cannot quietly stop running.
 * On the CDK Terrain pass these steps are not registered at all (not a skip): CDK Terrain's AWS bindings are AWS
 * provider 6, the offline mirror holds 5.100.0 only, and the same steps run in the cdktf pass
 * (__tests__/support/engine-test-plan.js).
 */
export function itWithTerraform(): jest.It {
  if (process.env.GENESYS_OAUTH_ENGINE === "cdktn") return notInThisPass;
  return itUnless(TF.ok ? undefined : `real-Terraform test: ${TF.reason}`);
}

let toldNotInThisPass = false;
const notInThisPass = ((name: string) => {
  if (toldNotInThisPass) return;
  toldNotInThisPass = true;
  // eslint-disable-next-line no-console
  console.log(`not in the cdktn pass: real-Terraform steps such as "${name}" run in the cdktf pass (the mirror holds AWS provider 5.100.0 only)`);
}) as unknown as jest.It;

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

/** A tempDir maker for one test file (call it at the top level): every folder it made is removed after the file's tests. */
export function tempDirsRemovedAfterAll(): (prefix: string) => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  return (prefix) => {
    const d = tempDir(prefix);
    dirs.push(d);
    return d;
  };
}

/** Runs terraform in `cwd`; never throws on a non-zero exit (the caller asserts). */
export function terraform(cwd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<TerraformResult> {
  return new Promise((resolve) => {
    execFile(
      "terraform",
      [...args],
      { ...CHILD_LIMITS, cwd, env: { ...process.env, ...TF.env, ...extraEnv }, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** Asserts success, showing terraform's own message (never a secret: tests pass secrets through TF_VAR_*). */
export async function terraformOk(cwd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<TerraformResult> {
  const r = await terraform(cwd, args, extraEnv);
  if (r.code !== 0) throw new Error(`terraform ${args[0]} failed (${r.code}):\n${r.stderr.slice(0, 4000)}`);
  return r;
}

/** AWS provider settings that let `plan` and the S3 backend run without AWS. */
export const OFFLINE_AWS_ENV = {
  AWS_ACCESS_KEY_ID: "offline-test",
  AWS_SECRET_ACCESS_KEY: "offline-test",
  AWS_REGION: "us-east-1",
  AWS_EC2_METADATA_DISABLED: "true",
};
