import { createHmac, timingSafeEqual } from "node:crypto";

/** The header HCP Terraform signs a run task request with (when the run task has an HMAC key). */
export const SIGNATURE_HEADER = "x-tfc-task-signature";

/** The signature HCP Terraform sends: the hex HMAC-SHA512 of the raw request body with the run task's key. */
export function signBody(body: Buffer | string, key: string): string {
  return createHmac("sha512", key).update(body).digest("hex");
}

/**
 * Whether `header` is the body's signature under `key`. Compared in constant time on the decoded bytes; a header
 * that is not 128 hex digits is refused before any comparison (its length says nothing about the key).
 */
export function signatureMatches(body: Buffer, header: string | undefined, key: string): boolean {
  if (header === undefined || !/^[0-9a-fA-F]{128}$/.test(header)) return false;
  const expected = createHmac("sha512", key).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(header, "hex"));
}
