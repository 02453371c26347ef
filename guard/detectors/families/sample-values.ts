/**
 * Builders for synthetic sample values: deterministic pseudo-random strings of the right alphabet and length.
 * Samples are assembled at run time (never one literal token in the source), so no real credential is pasted
 * here and push-protection scanners do not mistake this file for a leak.
 */
import { tokenChecksum } from "../base62-crc32";

export const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const LOWER = "abcdefghijklmnopqrstuvwxyz";
export const DIGITS = "0123456789";
export const ALNUM = UPPER + LOWER + DIGITS;
export const HEX = "0123456789abcdef";
export const BASE32 = UPPER + "234567";
export const BASE64 = ALNUM + "+/";
export const BASE64URL = ALNUM + "-_";

/** `length` characters of `alphabet`, the same for the same seed; always mixes classes when the alphabet does. */
export function fake(alphabet: string, length: number, seed: number): string {
  let x = (seed * 2654435761) >>> 0 || 1;
  let out = "";
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

export function b64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

export function b64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** A made-up password: letters, digits and a few symbols. */
export function fakePassword(seed: number, length = 20): string {
  return fake(ALNUM + "!^*-_~.", length, seed);
}

export function fakeUuid(seed: number): string {
  const h = fake(HEX, 32, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}


/** A GitHub/npm-style token: `prefix` + 30 random base62 characters + their base62 CRC-32, computed here. */
export function withChecksum(prefix: string, seed: number): string {
  const random = fake(ALNUM, 30, seed);
  return prefix + random + tokenChecksum(random);
}

/** The same token with its last checksum character changed: the look-alike a checksum must refuse. */
export function withBadChecksum(prefix: string, seed: number): string {
  const good = withChecksum(prefix, seed);
  const last = good[good.length - 1];
  return good.slice(0, -1) + (last === "A" ? "B" : "A");
}
