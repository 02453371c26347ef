import { FileHandle, open } from "node:fs/promises";
import { InputError } from "../../errors";
import { JsonSplitter, JumpRule, PieceSink } from "./json-splitter";
import { descendInto } from "../locate/descend-rules";
import { GRAM, SecretIndex, TrackedSecret } from "../detect/secret-index";
import { SecretHits } from "../detect/secret-hits";

/** How a file is read: chunk size and the largest single JSON value held in memory. */
export interface ReadLimits {
  readonly chunkBytes: number;
  readonly maxPieceBytes: number;
}

/** Streams a file through the JSON splitter: `sink` receives each piece (one resource, change, output...). */
export async function splitFile(path: string, display: string, limits: ReadLimits, sink: PieceSink, jump?: JumpRule): Promise<void> {
  const splitter = new JsonSplitter(display, descendInto, sink, limits.maxPieceBytes, jump);
  await readChunks(path, display, limits, (chunk) => splitter.push(chunk));
  splitter.end();
}

/** Records every place a tracked secret's window occurs in the raw bytes of a file, across chunk seams too. */
export async function scanFile(path: string, display: string, limits: ReadLimits, secrets: SecretIndex, hits: SecretHits): Promise<void> {
  const add = (offset: number, s: TrackedSecret) => hits.add(offset, s);
  let offset = 0;
  let tail: Buffer = Buffer.alloc(0);
  await readChunks(path, display, limits, (chunk) => {
    // Windows that start in the last bytes of the previous chunk and end in this one.
    const seam = Buffer.concat([tail, chunk.subarray(0, GRAM - 1)]);
    if (seam.length >= GRAM) secrets.scanBytes(seam.subarray(0, tail.length + GRAM - 1), offset - tail.length, add);
    secrets.scanBytes(chunk, offset, add);
    tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - (GRAM - 1))));
    offset += chunk.length;
  });
}

/**
 * Reads the file into two reused buffers, the next read running while `take` handles the previous chunk; `take`
 * must copy what it keeps. (A read stream allocates a fresh buffer per read, and the garbage collector frees them
 * late: tens of MB of RSS at 1 GiB.)
 */
export async function readChunks(path: string, display: string, limits: ReadLimits, take: (chunk: Buffer) => void): Promise<void> {
  let fh: FileHandle | undefined;
  let pending: Promise<unknown> | undefined;
  try {
    const file = (fh = await open(path, "r"));
    const bufs = [Buffer.allocUnsafeSlow(limits.chunkBytes), Buffer.allocUnsafeSlow(limits.chunkBytes)];
    let k = 0;
    let next = file.read(bufs[k], 0, limits.chunkBytes, null);
    pending = next;
    for (;;) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) break;
      k ^= 1;
      next = file.read(bufs[k], 0, limits.chunkBytes, null); // reads on into the other buffer meanwhile
      pending = next;
      take(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${display}: cannot read file (${code ?? "read error"})`);
  } finally {
    await pending?.catch(() => undefined); // never close the file under a read in flight
    await fh?.close();
  }
}
