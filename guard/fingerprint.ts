import { createHash } from "node:crypto";

/**
 * A short, stable stand-in for a secret value: the only thing about a secret the guard ever prints.
 * 12 hex digits of SHA-256 (domain-separated) identify the same value across files and runs without revealing it.
 */
export function fingerprint(value: string): string {
  return "sha256:" + createHash("sha256").update("secret-guard/v1\0").update(value).digest("hex").slice(0, 12);
}
