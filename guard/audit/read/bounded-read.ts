import { promises as fsp } from "node:fs";
import { InputError } from "../../errors";
import { describeCode } from "./audit-targets";
import { readChunks } from "./file-chunks";

/** "1 MiB", "256 MiB", "512 KiB". */
export function describeBytes(n: number): string {
  return n >= 1 << 20 ? `${+(n / 1048576).toFixed(1)} MiB` : `${+(n / 1024).toFixed(1)} KiB`;
}

/**
 * Reads a whole file of at most `limit` bytes. The limit is enforced while reading, not taken from stat (a
 * character device reports size 0 and never ends). A regular file or a pipe (FIFO, process substitution) is read,
 * a pipe without blocking when no writer comes (see readChunks); a device, socket or folder is refused.
 * `display` names the file (or the option and its position) in errors.
 */
export async function readBounded(path: string, display: string, limit: number): Promise<Buffer> {
  let st;
  try {
    st = await fsp.stat(path);
  } catch (e) {
    throw new InputError(`${display}: ${describeCode((e as NodeJS.ErrnoException).code)}`);
  }
  if (st.isDirectory()) throw new InputError(`${display}: is a folder, not a file`);
  if (!st.isFile() && !st.isFIFO()) throw new InputError(`${display}: not a regular file (a device or socket cannot be read)`);
  const parts: Buffer[] = [];
  let size = 0;
  const chunkBytes = Math.min(1 << 20, Math.max(4096, limit + 1));
  await readChunks(path, display, { chunkBytes, maxPieceBytes: limit }, (chunk) => {
    size += chunk.length;
    if (size > limit) throw new InputError(`${display}: larger than the ${describeBytes(limit)} limit`);
    parts.push(Buffer.from(chunk));
  });
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
}
