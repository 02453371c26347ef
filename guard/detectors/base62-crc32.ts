/**
 * The checksum GitHub (2021 token format) and npm (2021 access tokens) put in their tokens: the last 6
 * characters of the 36-character body are the CRC-32 (IEEE, as zlib) of the first 30, written in base62
 * (0-9, A-Z, a-z) and left-padded with "0". Sources: github.blog "Behind GitHub's new authentication token
 * formats" (2021-04-05) and "Announcing npm's new access token format" (2021-09-23).
 */
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3, reflected, as zlib's crc32) of the 8-bit characters of `text`. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** `n` in base62, left-padded with "0" to `width` characters. */
export function base62(n: number, width: number): string {
  let out = "";
  for (let v = n; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out.padStart(width, "0");
}

/** The 6-character checksum of a 30-character random part. */
export function tokenChecksum(random: string): string {
  return base62(crc32(random), 6);
}

/** Whether a 36-character token body (30 random + 6 checksum) carries its own checksum. */
export function hasValidTokenChecksum(body: string): boolean {
  return body.length === 36 && tokenChecksum(body.slice(0, 30)) === body.slice(30);
}
