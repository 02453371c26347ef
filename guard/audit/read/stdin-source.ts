import { InputError } from "../../errors";
import { ByteSource, memorySource, PIPE_LIMIT } from "./file-chunks";

/** How standard input is named in reports and errors. */
export const STDIN_DISPLAY = "(stdin)";

/**
 * Standard input as a source: drained once into memory (at most PIPE_LIMIT, as for any pipe: the audit reads its
 * input twice and standard input can be read only once), never written to disk. `terraform state pull |
 * secret-guard audit -`.
 */
/**
 * What the audit needs of standard input: its chunks, in order, and a way to stop reading. A Node Readable is
 * one; the type is spelled out so the published typings need no Node type definitions.
 */
export interface InputStream extends AsyncIterable<Uint8Array | string> {
  destroy?(): void;
}

export async function stdinSource(stream: InputStream, display = STDIN_DISPLAY, limit = PIPE_LIMIT): Promise<ByteSource> {
  return memorySource(display, await drainStream(stream, display, limit));
}

/** Reads a stream to its end into memory, refusing more than `limit` bytes. */
export async function drainStream(stream: InputStream, display: string, limit: number): Promise<Buffer[]> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const part of stream) {
      const chunk = Buffer.isBuffer(part) ? part : typeof part === "string" ? Buffer.from(part) : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
      size += chunk.length;
      if (size > limit) {
        stream.destroy?.();
        throw new InputError(`${display}: more than ${Math.floor(limit / 1048576)} MiB from standard input; audit a file or the remote state itself`);
      }
      parts.push(chunk);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${display}: cannot read standard input (${(e as NodeJS.ErrnoException).code ?? "read error"})`);
  }
  if (size === 0) throw new InputError(`${display}: nothing on standard input (terraform state pull prints nothing when there is no state)`);
  return parts;
}
