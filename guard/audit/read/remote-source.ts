import type { ByteSource } from "./file-chunks";
import { InputError } from "../../errors";

/**
 * Bytes fetched over the network (an S3 object, an HCP Terraform state download), for the audit's two passes,
 * never written to disk:
 * - pass 1 streams the object and keeps what it read in memory while it stays at most `holdBytes` (default
 *   HOLD_BYTES), so a small state (nearly every state) is fetched once;
 * - a larger object is dropped from memory as it streams, and pass 2 fetches it again (`fetch(true)`: S3 asks
 *   for the same ETag with If-Match, so a state replaced between the passes is an error, not a mixed audit).
 * Memory per state in flight is therefore at most holdBytes plus one network chunk, whatever the state's size.
 */
export const HOLD_BYTES = 8 * 1024 * 1024;

/** A fetch of the whole object as a stream of chunks; `again` is true for the second and later fetches. */
export type FetchBody = (again: boolean) => Promise<AsyncIterable<Uint8Array>>;

export function remoteSource(display: string, fetch: FetchBody, opts: { holdBytes?: number; limitBytes?: number } = {}): ByteSource {
  const hold = opts.holdBytes ?? HOLD_BYTES;
  let held: Buffer[] | undefined;
  let fetched = 0;
  return {
    display,
    chunks: async (take) => {
      if (held) {
        for (const p of held) take(p);
        return;
      }
      const keep: Buffer[] | undefined = fetched === 0 ? [] : undefined;
      let size = 0;
      let keeping = keep !== undefined;
      const body = await fetch(fetched++ > 0);
      for await (const part of body) {
        const chunk = Buffer.isBuffer(part) ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
        size += chunk.length;
        if (opts.limitBytes !== undefined && size > opts.limitBytes) throw new InputError(`${display}: larger than ${Math.floor(opts.limitBytes / 1048576)} MiB`);
        if (keeping) {
          if (size <= hold) keep!.push(chunk);
          else {
            keeping = false;
            keep!.length = 0;
          }
        }
        take(chunk);
      }
      if (keeping) held = keep;
    },
  };
}
