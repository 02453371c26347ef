import { constants } from "node:fs";
import { FileHandle, open, stat } from "node:fs/promises";
import { InputError } from "../../errors";
import { describeCode } from "./audit-targets";
import { JsonSplitter, JumpRule, PieceSink } from "./json-splitter";
import { descendInto } from "../locate/descend-rules";
import { GRAM, SecretIndex, TrackedSecret } from "../detect/secret-index";
import { SecretHits } from "../detect/secret-hits";

/** How a file is read: chunk size and the largest single JSON value held in memory. */
export interface ReadLimits {
  readonly chunkBytes: number;
  readonly maxPieceBytes: number;
}

/**
 * Where a file's bytes come from, for each pass of the audit: a regular file is read again for every pass; a pipe
 * (process substitution, a FIFO, standard input) can be read only once, so it is drained into memory first
 * (bounded by PIPE_LIMIT) and never written to disk.
 */
export interface ByteSource {
  readonly display: string;
  chunks(take: (chunk: Buffer) => void): Promise<void>;
}

/** Largest input read from a pipe (held in memory for the audit's two passes). */
export const PIPE_LIMIT = 256 * 1024 * 1024;

export async function openSource(path: string, display: string, limits: ReadLimits): Promise<ByteSource> {
  let pipe = false;
  try {
    pipe = (await stat(path)).isFIFO();
  } catch {
    // readChunks reports the problem with the path
  }
  // One pair of read buffers for every pass: a pass's pair is freed only by a full collection, which may come late.
  const buffers: Buffer[] = [];
  if (!pipe) return { display, chunks: (take) => readChunks(path, display, limits, take, buffers) };
  const parts: Buffer[] = [];
  let size = 0;
  await readChunks(path, display, limits, (chunk) => {
    size += chunk.length;
    if (size > PIPE_LIMIT) throw new InputError(`${display}: more than ${PIPE_LIMIT / 1048576} MiB from a pipe; audit the file itself`);
    parts.push(Buffer.from(chunk));
  });
  return memorySource(display, parts);
}

/** Bytes already in memory (a drained pipe, standard input). */
export function memorySource(display: string, parts: readonly Buffer[]): ByteSource {
  return {
    display,
    chunks: async (take) => {
      for (const p of parts) take(p);
    },
  };
}

/** Streams a source through the JSON splitter: `sink` receives each piece (one resource, change, output...). */
export async function splitFile(source: ByteSource, limits: ReadLimits, sink: PieceSink, jump?: JumpRule): Promise<void> {
  const splitter = new JsonSplitter(source.display, descendInto, sink, limits.maxPieceBytes, jump);
  await source.chunks((chunk) => splitter.push(chunk));
  splitter.end();
}

/** Records every place a tracked secret's window occurs in the raw bytes of a source, across chunk seams too. */
export async function scanFile(source: ByteSource, secrets: SecretIndex, hits: SecretHits): Promise<void> {
  const add = (offset: number, s: TrackedSecret) => hits.add(offset, s);
  let offset = 0;
  let tail: Buffer = Buffer.alloc(0);
  await source.chunks((chunk) => {
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
 * late: tens of MB of RSS at 1 GiB.) `reuse` keeps the two buffers for the next call with it.
 */
export async function readChunks(path: string, display: string, limits: ReadLimits, take: (chunk: Buffer) => void, reuse: Buffer[] = []): Promise<void> {
  let fh: FileHandle | undefined;
  let pending: Promise<unknown> | undefined;
  let bufs: Buffer[] | undefined;
  try {
    // A pipe is opened without blocking: with no writer, open() would wait forever; reads then wait for data.
    const st = await stat(path);
    const pipe = st.isFIFO();
    // Buffers no larger than the file (plus a byte to see its end): a folder of small files must not allocate
    // 8 MiB per file and pass.
    const size = pipe || st.size <= 0 ? limits.chunkBytes : Math.min(limits.chunkBytes, Math.max(4096, st.size + 1));
    const file = (fh = await open(path, pipe ? constants.O_RDONLY | constants.O_NONBLOCK : constants.O_RDONLY));
    // Taken out of `reuse` while reading (a call meanwhile gets its own), put back at the end.
    const kept = reuse.splice(0, reuse.length);
    bufs = kept.length === 2 && kept[0].length === size ? kept : [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)];
    const readPipe = pipe ? pipeReader(file) : undefined;
    const read = (buf: Buffer) => (readPipe ? readPipe(buf) : file.read(buf, 0, buf.length, null));
    let k = 0;
    let next = read(bufs[k]);
    pending = next;
    for (;;) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) break;
      k ^= 1;
      next = read(bufs[k]); // reads on into the other buffer meanwhile
      pending = next;
      take(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${display}: ${code === "EISDIR" ? "is a folder" : code === "ENOENT" || code === "EACCES" || code === "EPERM" ? describeCode(code) : `cannot read file (${code ?? "read error"})`}`);
  } finally {
    await pending?.catch(() => undefined); // never close the file under a read in flight
    await fh?.close();
    if (bufs && reuse.length === 0) reuse.push(...bufs);
  }
}

/** How long a pipe may stay without a writer before it counts as empty (a writer may connect a little late). */
const PIPE_WRITER_WAIT_MS = 10_000;

/**
 * One read from a non-blocking pipe. EAGAIN means a writer is there but has not written yet: wait. A read of 0
 * bytes before any data means no writer has connected yet: wait up to PIPE_WRITER_WAIT_MS; after data, it is the end.
 */
function pipeReader(file: FileHandle): (buf: Buffer) => Promise<{ bytesRead: number; buffer: Buffer }> {
  let gotData = false;
  const started = Date.now();
  return async (buf) => {
    for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
      try {
        const r = await file.read(buf, 0, buf.length, null);
        if (r.bytesRead > 0) gotData = true;
        if (r.bytesRead > 0 || gotData || Date.now() - started > PIPE_WRITER_WAIT_MS) return r;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
}
