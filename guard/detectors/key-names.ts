/**
 * The one definition of secret-like key names. Keys are judged on their words, so snake_case, camelCase,
 * kebab-case and dotted names agree: a name is secret-like when a secret word appears in it, unless its last
 * word says it holds metadata about a secret (an id, a version, a length...) or its first word makes it a flag.
 */

/** Single words, or adjacent words joined ("api key" -> "apikey"), that name a secret. */
const SECRET_WORDS = new Set([
  "password", "passwords", "passwd", "passphrase", "pwd", "pass", "secret", "secrets", "token", "tokens",
  "apikey", "apikeys", "privatekey", "accesskey", "secretkey", "clientsecret", "credential", "credentials", "creds",
  "authtoken", "signingkey", "bearer", "authkey", "masterkey", "encryptionkey", "sharedkey", "accountkey",
  "sessionkey", "hmackey", "webhooksecret", "sastoken",
]);

/** Last words of names that hold metadata about a secret, not the secret. */
const METADATA_LAST_WORDS = new Set([
  "id", "ids", "arn", "arns", "name", "names", "version", "versions", "length", "type", "types", "path", "paths",
  "file", "files", "ttl", "enabled", "uri", "url", "urls", "timeout", "size", "count", "policy", "policies",
  "rotation", "description", "hash", "expiry", "expiration", "expires", "required", "prefix", "suffix", "format",
  "mode", "label", "labels", "tags", "date", "time", "at", "created", "updated", "location", "source", "store",
  "manager", "reference", "ref", "config", "configuration", "kms", "endpoint", "method", "length", "days",
  "seconds", "minutes", "hours", "period", "interval", "duration", "algorithm", "strength", "complexity", "status", "state",
]);

/** First words that make a name a flag or a setting about secrets. */
const FLAG_FIRST_WORDS = new Set([
  "expose", "enable", "enabled", "disable", "disabled", "use", "is", "has", "require", "requires", "allow",
  "generate", "rotate", "include", "manage", "create", "show", "hide", "min", "max", "minimum", "maximum", "num",
]);

/** Whole names (words joined by "_") that look secret but are not. */
const NOT_SECRET_NAMES = new Set(["directory_client_secret", "token_pool_size", "secret_id", "kms_key_id"]);

/** Splits a key into lower-case words: "dbPassword", "db-password", "db.password" -> ["db", "password"]. */
export function keyWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((w) => w.replace(/\d+$/, ""))
    .filter((w) => w.length > 0);
}

/** Lower case, letters and digits only: the form key gates' regexes are written against. */
export function normaliseKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function isSecretKeyName(name: string): boolean {
  if (name.length === 0 || name.length > 200) return false;
  const words = keyWords(name);
  if (words.length === 0) return false;
  if (NOT_SECRET_NAMES.has(words.join("_"))) return false;
  if (METADATA_LAST_WORDS.has(words[words.length - 1]) || FLAG_FIRST_WORDS.has(words[0])) return false;
  for (let i = 0; i < words.length; i++) {
    if (SECRET_WORDS.has(words[i])) return true;
    if (i + 1 < words.length && SECRET_WORDS.has(words[i] + words[i + 1])) return true;
    if (i + 2 < words.length && SECRET_WORDS.has(words[i] + words[i + 1] + words[i + 2])) return true;
  }
  return false;
}
