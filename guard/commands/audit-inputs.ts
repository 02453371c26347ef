import { UsageError } from "../errors";
import type { Baseline } from "../audit/baseline";
import type { IgnoreList } from "../audit/ignore-file";

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
