import { InputError } from "../../errors";
import type { ByteSource } from "./file-chunks";

/**
 * What the first bytes of an input say before any JSON is read: its text encoding, or that it is an artefact the
 * audit cannot read (a binary plan, a capture of setup-terraform's wrapper) and what to run instead.
 *
 * UTF-16 with a byte order mark (what Windows PowerShell's `>` writes) is decoded to UTF-8 chunk by chunk, so every
 * pass of the audit sees the same UTF-8 bytes (offsets agree between passes) and memory stays bounded. UTF-8 with a
 * mark passes through (the JSON splitter skips the mark). Messages never quote the input.
 */

/** Bytes looked at before deciding: enough for a mark, a zip header and `[command]` in UTF-16. */
const SNIFF_BYTES = 64;

/** What to run instead of auditing a binary plan or a wrapper's capture. */
export const SHOW_JSON_HINT = "terraform show -json plan.tfplan > plan.json";

type Encoding = "utf8" | "utf16le" | "utf16be";

/** The source's bytes as UTF-8 (decoded from UTF-16 when it has a byte order mark); refuses what is not text JSON. */
export function decodedSource(inner: ByteSource): ByteSource {
  return { display: inner.display, chunks: (take) => decodeChunks(inner, take) };
}

async function decodeChunks(inner: ByteSource, take: (chunk: Buffer) => void): Promise<void> {
  const display = inner.display;
  let head: Buffer | undefined = Buffer.alloc(0); // held until the encoding is known (a pipe's first read can be short)
  let utf16: Utf16Decoder | undefined;
  const emit = (b: Buffer) => {
    if (!utf16) return take(b);
    const out = utf16.push(b);
    if (out.length > 0) take(out);
  };
  const decide = (bytes: Buffer) => {
    const encoding = encodingOf(bytes, display);
    if (encoding !== "utf8") utf16 = new Utf16Decoder(display, encoding);
    // The wrapper's `[command]` line, in whatever encoding the capture was saved.
    const text = utf16 ? new Utf16Decoder(display, encoding as "utf16le" | "utf16be").peek(bytes) : bytes.toString("utf8");
    if (/^\uFEFF?\s*\[command\]/.test(text)) {
      throw new InputError(`${display}: starts with a [command] line of setup-terraform's wrapper, not JSON; write the JSON to a file instead (${SHOW_JSON_HINT}, or terraform_wrapper: false)`);
    }
  };
  await inner.chunks((chunk) => {
    if (head === undefined) return emit(chunk);
    head = Buffer.concat([head, chunk]); // a copy: the reader reuses its chunk buffers
    if (head.length < SNIFF_BYTES) return;
    const all = head;
    head = undefined;
    decide(all);
    emit(all);
  });
  if (head !== undefined && head.length > 0) {
    decide(head);
    emit(head);
  } else if (head !== undefined) take(head); // empty: the splitter says so
  if (utf16) utf16.end();
}

/** The encoding the first bytes show; an InputError for an input that is not JSON text the audit can decode. */
export function encodingOf(b: Buffer, display: string): Encoding {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    throw new InputError(`${display}: a binary plan file (terraform plan -out, a zip archive), not JSON; audit its JSON instead: ${SHOW_JSON_HINT}`);
  }
  if ((b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)) {
    throw new InputError(`${display}: UTF-32 text; save it as UTF-8 (or UTF-16 with a byte order mark)`);
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return "utf16le";
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return "utf16be";
  // JSON text never holds a NUL byte: one in the first two bytes is UTF-16 (or UTF-32) without its mark.
  if (b.length >= 2 && (b[0] === 0) !== (b[1] === 0)) {
    throw new InputError(`${display}: looks like UTF-16 text without a byte order mark; save it as UTF-8 (or UTF-16 with its byte order mark, as PowerShell writes)`);
  }
  return "utf8";
}

/** Streaming UTF-16 (LE or BE) to UTF-8; an odd byte at a chunk's end waits for the next chunk. */
class Utf16Decoder {
  private readonly decoder = new TextDecoder("utf-16le", { fatal: true }); // strips the mark
  private carry: number | undefined; // a big-endian unit's first byte, cut off at a chunk's end

  constructor(
    private readonly display: string,
    private readonly encoding: "utf16le" | "utf16be",
  ) {}

  push(b: Buffer): Buffer {
    return Buffer.from(this.decode(this.encoding === "utf16be" ? this.swap(b) : b, true), "utf8");
  }

  /** The text of a whole head, for sniffing (a fresh decoder, lenient: the head may end mid-character). */
  peek(b: Buffer): string {
    const even = b.subarray(0, b.length & ~1);
    return new TextDecoder("utf-16le").decode(this.encoding === "utf16be" ? Buffer.from(even).swap16() : even);
  }

  end(): void {
    if (this.carry !== undefined) this.fail();
    this.decode(new Uint8Array(0), false);
  }

  private decode(b: Uint8Array, stream: boolean): string {
    try {
      return this.decoder.decode(b, { stream });
    } catch {
      return this.fail();
    }
  }

  /** Big-endian to little-endian, carrying an odd trailing byte to the next chunk. */
  private swap(b: Buffer): Buffer {
    const joined = this.carry === undefined ? Buffer.from(b) : Buffer.concat([Buffer.from([this.carry]), b]);
    this.carry = undefined;
    let n = joined.length;
    if (n & 1) this.carry = joined[--n];
    return joined.subarray(0, n).swap16();
  }

  private fail(): never {
    const name = this.encoding === "utf16le" ? "UTF-16 LE" : "UTF-16 BE";
    throw new InputError(`${this.display}: not valid ${name} text (a cut or unpaired character); save it again as UTF-8 or UTF-16 with a byte order mark`);
  }
}
