/**
 * Values that name a choice, not a secret: key specs, usages, algorithms, encryption modes (`SYMMETRIC_DEFAULT`,
 * `ENCRYPT_DECRYPT`, `RSA_2048`, `AES256`, `aws:kms`). An argument named like a secret (`customer_master_key_spec`,
 * `key_usage`, `token_signing_algorithm`) that holds one is configuration, so the literal-secret rule passes it.
 */

/** Lower-case enum values seen in secret-named arguments (compared case-insensitively). */
const KNOWN_ENUMS = new Set([
  "aws:kms", "aws:kms:dsse", "aes256", "aes128", "aes-256-gcm", "aes-128-gcm", "sha1", "sha256", "sha384", "sha512",
  "rsa", "ecdsa", "ed25519", "hmac", "hs256", "hs384", "hs512", "rs256", "rs384", "rs512", "es256", "es384", "es512",
  "none", "auto", "default", "disabled", "enabled", "required", "optional", "symmetric", "asymmetric", "customer",
  "managed", "aws_managed", "customer_managed", "provider_managed", "google_managed", "microsoft.keyvault",
  "bearer", "basic", "oauth", "oauth2", "apikey", "api_key", "jwt", "pkce", "client_credentials", "authorization_code",
]);

/** One word of an upper-case identifier: letters with an optional number (`RSA`, `AES256`), a number, `P256K1`. */
const WORD = /^[A-Z]{1,12}[0-9]{0,6}$|^[0-9]{1,6}$|^[A-Z][0-9]{1,4}[A-Z][0-9]{1,2}$/;
/** Longest identifier of one word: longer, an upper-case run is more likely a token than a name. */
const ONE_WORD = 10;

/**
 * An upper-case identifier of short words joined by `_` or `-` (`SYMMETRIC_DEFAULT`, `ECC_NIST_P256`, `RSA_2048`,
 * `HMAC_512`, `AES256`), or a known enum value. A random upper-case token is one long word (or words with digits
 * inside), so it is not one.
 */
export function isEnumLike(v: string): boolean {
  if (v.length === 0 || v.length > 64) return false;
  if (KNOWN_ENUMS.has(v.toLowerCase())) return true;
  const c = v.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  const words = v.split(/[_-]/);
  if (words.length === 1 && v.length > ONE_WORD) return false;
  return words.every((w) => WORD.test(w));
}
