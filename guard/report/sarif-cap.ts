import { gzipSync } from "node:zlib";

/** What GitHub code scanning accepts in one upload. */
export interface SarifLimits {
  /** Results per run (GitHub: 25,000; more are dropped). */
  readonly maxResults: number;
  /** Size of the gzipped SARIF file (GitHub: 10 MB); the cap keeps a margin under it. */
  readonly maxGzipBytes: number;
}

export const GITHUB_SARIF_LIMITS: SarifLimits = { maxResults: 25_000, maxGzipBytes: 10_000_000 };

/** How a capped SARIF log was cut. */
export interface SarifCap {
  /** keep[i] is 1 for the findings shown (by report index). */
  readonly keep: Uint8Array;
  readonly shown: number;
  readonly total: number;
  readonly reason: string;
}

/** Results measured at a time: bounds the memory of the size estimate. */
const BATCH_CHARS = 256 * 1024;
/** Room left under the gzip limit for what the estimate does not see exactly (the cap note, batch edges). */
const MARGIN = 64 * 1024;

/**
 * Decides which results a SARIF log keeps to stay within `limits`: the most severe first (errors, warnings, then
 * notes; unsuppressed before suppressed; report order within each), at most `maxResults`, and only as many as fit
 * in `maxGzipBytes` once gzipped. The gzipped size is measured, not guessed: result texts are gzipped in batches
 * of a few hundred KB as they are built (each batch on its own, which slightly overestimates), so memory stays
 * bounded whatever the size of the report. Returns undefined when everything fits.
 *
 * `rank(i)` is 0-5 (severity rank, +3 when suppressed); `text(i)` the result as it will be written;
 * `frame` the rest of the log.
 */
export function planSarifCap(count: number, rank: (i: number) => number, text: (i: number) => string, frame: string, limits: SarifLimits = GITHUB_SARIF_LIMITS): SarifCap | undefined {
  // Priority order, stopping at maxResults.
  const ranks = new Uint8Array(count);
  for (let i = 0; i < count; i++) ranks[i] = rank(i);
  const order: number[] = [];
  for (let r = 0; r < 6 && order.length < limits.maxResults; r++) {
    for (let i = 0; i < count && order.length < limits.maxResults; i++) if (ranks[i] === r) order.push(i);
  }
  let reason = count > limits.maxResults ? `GitHub code scanning accepts at most ${limits.maxResults} results per run` : "";

  // Gzipped size. Gzip never makes text much bigger, so when the raw text fits the budget nothing is compressed
  // (its size is counted holding nothing); past it, batches of a few hundred KB are gzipped as they are built.
  const budget = limits.maxGzipBytes - MARGIN - gzipSync(frame).length;
  let used = 0;
  let fit = 0; // results of `order` known to fit
  let batch: string[] = [];
  let batchChars = 0;
  const flush = (): boolean => {
    if (batch.length === 0) return true;
    const size = gzipSync(batch.join(",\n")).length;
    if (used + size <= budget) {
      used += size;
      fit += batch.length;
      batch = [];
      batchChars = 0;
      return true;
    }
    // The largest prefix of the batch that still fits (binary search; a few gzips of at most one batch).
    let lo = 0;
    let hi = batch.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (used + gzipSync(batch.slice(0, mid).join(",\n")).length <= budget) lo = mid;
      else hi = mid - 1;
    }
    fit += lo;
    return false;
  };
  let overflow = false;
  let rawBytes = 0;
  if (limits.maxGzipBytes !== Infinity) {
    for (const i of order) {
      rawBytes += Buffer.byteLength(text(i)) + 2;
      if (rawBytes > budget) break;
    }
  }
  // The raw text fits: so does its gzip (the margin covers gzip's few bytes of overhead).
  if (limits.maxGzipBytes === Infinity || rawBytes <= budget) fit = order.length;
  else {
    for (const i of order) {
      const t = text(i);
      batch.push(t);
      batchChars += t.length + 2;
      if (batchChars >= BATCH_CHARS && !flush()) {
        overflow = true;
        break;
      }
    }
    if (!overflow && !flush()) overflow = true;
  }
  if (overflow) reason = `GitHub code scanning accepts a gzipped SARIF file of at most ${limits.maxGzipBytes >= 1_000_000 ? `${limits.maxGzipBytes / 1_000_000} MB` : `${limits.maxGzipBytes} bytes`}`;
  if (fit === count) return undefined;

  const keep = new Uint8Array(count);
  for (let k = 0; k < fit; k++) keep[order[k]] = 1;
  return { keep, shown: fit, total: count, reason };
}
