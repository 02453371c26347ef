/** A key judged once: its normalised form and whether it names a secret. Cached, with a bounded cache. */
import { isSecretKeyName, normaliseKey } from "./key-names";

export interface KeyInfo {
  readonly raw: string;
  readonly norm: string;
  readonly secretLike: boolean;
}

const CACHE_LIMIT = 10_000;
const cache = new Map<string, KeyInfo>();

export function keyInfo(key: string): KeyInfo {
  let info = cache.get(key);
  if (!info) {
    info = { raw: key, norm: normaliseKey(key), secretLike: isSecretKeyName(key) };
    if (cache.size >= CACHE_LIMIT) cache.clear(); // simplest bound: start over rather than grow
    cache.set(key, info);
  }
  return info;
}
