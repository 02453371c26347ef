import { constants as osConstants } from "node:os";
import { promises as fsp, renameSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";

/** A hidden, unique temp file in the same folder as `file`, so the final rename stays on one filesystem. */
function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

const CLEANUP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * While `tmp` exists, an interrupt (Ctrl-C, a CI job cancelled, a closed terminal) removes it and ends the process
 * with 128 + the signal's number, as a shell reports a process killed by that signal. Returns the undo.
 */
function removeOnSignal(tmp: string): () => void {
  const handlers = CLEANUP_SIGNALS.map((sig) => {
    const handler = () => {
      rmSync(tmp, { force: true });
      process.exit(128 + (osConstants.signals[sig] ?? 0));
    };
    process.on(sig, handler);
    return () => process.removeListener(sig, handler);
  });
  return () => handlers.forEach((undo) => undo());
}

/** Writes a file so readers see the old content or the whole new content, never half: temp file + rename. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const tmp = tempBeside(file);
  const undo = removeOnSignal(tmp);
  try {
    await fsp.writeFile(tmp, content, { mode: 0o600 });
    await fsp.rename(tmp, file);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  } finally {
    undo();
  }
}

/** The same, synchronously (for the synth-time gate, which runs inside cdktf's synchronous synthesis). */
export function writeFileAtomicSync(file: string, content: string): void {
  const tmp = tempBeside(file);
  try {
    writeFileSync(tmp, content, { mode: 0o600 });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Batches chunks into ~64 KB writes, waiting for each write so at most one batch is in memory. Small batches die
 * young: a 1 MB batch outlived young-generation collections and was promoted, old-space garbage for every MB written.
 */
export async function writeChunks(chunks: Iterable<string>, write: (text: string) => Promise<unknown>): Promise<void> {
  let batch = "";
  for (const c of chunks) {
    batch += c;
    if (batch.length >= 1 << 16) {
      await write(batch);
      batch = "";
    }
  }
  if (batch.length > 0) await write(batch);
}

/** Size of the writes writeBytes makes. */
const BATCH_BYTES = 1 << 20;

/**
 * Like writeChunks, encoding the chunks into one reused 1 MB buffer: a batch kept as a string outlives a few
 * young-generation collections and is promoted, so a 100 MB report left 100 MB of garbage in the old space.
 */
async function writeBytes(chunks: Iterable<string>, write: (bytes: Uint8Array | string) => Promise<unknown>): Promise<void> {
  const buf = Buffer.allocUnsafeSlow(BATCH_BYTES);
  let used = 0;
  for (const c of chunks) {
    // 3 bytes a UTF-16 unit at most (a surrogate pair is 2 units, 4 bytes).
    if (used + c.length * 3 > BATCH_BYTES && used > 0) {
      await write(buf.subarray(0, used));
      used = 0;
    }
    if (c.length * 3 > BATCH_BYTES) await write(c);
    else used += buf.write(c, used);
  }
  if (used > 0) await write(buf.subarray(0, used));
}

/**
 * Streams chunks (see writeBytes) to a temp file beside `file` (mode 0600), then renames it. SIGINT, SIGTERM or
 * SIGHUP meanwhile removes the temp file (see removeOnSignal).
 */
export async function writeStreamAtomic(file: string, chunks: Iterable<string>): Promise<void> {
  const tmp = tempBeside(file);
  const undo = removeOnSignal(tmp);
  try {
    const fh = await fsp.open(tmp, "w", 0o600);
    try {
      await writeBytes(chunks, (bytes) => fh.writeFile(bytes)); // on a handle: writes all of it at the current position
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, file);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  } finally {
    undo();
  }
}
