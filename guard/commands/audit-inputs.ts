import { promises as fsp } from "node:fs";
import { UsageError } from "../errors";
import type { KnownValue } from "../audit/audit-file";
import { argumentAt, ValuePositions } from "./args";
import type { CommandIO } from "./io";
import { escapeControls } from "../safe-text";
import type { Baseline } from "../audit/baseline";
import type { IgnoreList } from "../audit/ignore-file";

/** The command-line options `audit` and `run-task` share (parseCommandLine's spec). */
export const AUDIT_INPUT_OPTIONS = {
  "fail-on": { type: "string", default: "error" },
  schema: { type: "string", multiple: true },
  "known-env": { type: "string", multiple: true },
  "known-file": { type: "string", multiple: true },
  detectors: { type: "string", multiple: true },
  "max-piece-mb": { type: "string" },
  "ignore-file": { type: "string" },
  "no-ignore-file": { type: "boolean" },
  baseline: { type: "string" },
} as const;

/** The options `audit` and `run-task` read alike, loaded before any work: a bad file fails fast. */
export interface AuditInputs {
  readonly maxPieceBytes: number | undefined;
  readonly ignore: IgnoreList | undefined;
  readonly baseline: Baseline | undefined;
}

/** Reads --max-piece-mb, --ignore-file / --no-ignore-file and --baseline from parsed `values`. */
export async function loadAuditInputs(values: Record<string, unknown>, usage: string): Promise<AuditInputs> {
  let maxPieceBytes: number | undefined;
  if (values["max-piece-mb"] !== undefined) {
    const mb = Number(values["max-piece-mb"]);
    if (!Number.isFinite(mb) || mb <= 0) throw new UsageError("--max-piece-mb needs a positive number");
    maxPieceBytes = Math.floor(mb * 1024 * 1024);
  }
  if (values["ignore-file"] !== undefined && values["no-ignore-file"]) throw new UsageError(`--ignore-file and --no-ignore-file cannot be used together; ${usage}`);
  const { loadIgnoreFile, DEFAULT_IGNORE_FILE } = await import("../audit/ignore-file");
  const ignore = values["no-ignore-file"]
    ? undefined
    : values["ignore-file"] !== undefined
      ? await loadIgnoreFile(String(values["ignore-file"]), true)
      : await loadIgnoreFile(DEFAULT_IGNORE_FILE, false);
  const baseline = values.baseline !== undefined ? await (await import("../audit/baseline")).loadBaseline(String(values.baseline)) : undefined;
  return { maxPieceBytes, ignore, baseline };
}

/** Shorter values match by chance and are not searched for (see worthTracking): refuse them rather than miss them. */
const MIN_KNOWN = 8;
/** Largest --known-file: a list of secret values, one a line, not a data file. */
export const KNOWN_FILE_LIMIT = 1 << 20;
/** What an environment variable name looks like; anything else given to --known-env may be the value itself. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * The values named by --known-env and --known-file. A value pasted where its name belongs is never echoed: errors
 * name the option's position on the command line instead, and a name or path is shown only once it is known to be
 * one (a set variable, an existing file).
 */
export async function knownValues(env: CommandIO["env"], envNames: readonly string[], files: readonly string[], positions: ValuePositions): Promise<KnownValue[]> {
  const out: KnownValue[] = [];
  const tooShort = (where: string) => new UsageError(`${where}: the value is shorter than ${MIN_KNOWN} characters; known values must have at least ${MIN_KNOWN}`);
  envNames.forEach((name, k) => {
    const at = argumentAt(positions, "known-env", k);
    if (!ENV_NAME.test(name)) throw new UsageError(`${at} is not an environment variable name`);
    const v = env[name];
    if (v === undefined || v === "") throw new UsageError(`${at}: the environment variable is not set`);
    if (v.length < MIN_KNOWN) throw tooShort(`--known-env ${name}`);
    out.push({ value: v, source: `--known-env ${name}` });
  });
  if (files.length === 0) return out;
  const { readBounded } = await import("../audit/read/bounded-read");
  for (const [k, file] of files.entries()) {
    const at = argumentAt(positions, "known-file", k);
    const exists = await fsp.stat(file).then(() => true, () => false);
    const where = exists ? `--known-file ${escapeControls(file)}` : at;
    const text = (await readBounded(file, where, KNOWN_FILE_LIMIT)).toString("utf8");
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.length === 0) return;
      if (line.length < MIN_KNOWN) throw tooShort(`${where} line ${i + 1}`);
      out.push({ value: line, source: `--known-file ${file} line ${i + 1}` });
    });
  }
  return out;
}
