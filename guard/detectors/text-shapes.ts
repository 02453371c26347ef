/**
 * Small, linear-time judgements about a string's shape: entropy, placeholders, "random or just an id/hash/name".
 * No regex here scans with an unbounded quantifier over attacker-sized input: lengths are checked first.
 */

/** Shannon entropy in bits per character. */
export function entropy(v: string): number {
  if (v.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / v.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** How many of lower, upper, digit, other occur. */
export function classCount(v: string): number {
  let lower = 0, upper = 0, digit = 0, other = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

const PLACEHOLDER_WORDS = new Set([
  "changeme", "change_me", "change-me", "password", "passwd", "secret", "redacted", "example", "dummy", "test",
  "todo", "fixme", "none", "null", "nil", "undefined", "placeholder", "sensitive", "hidden", "masked", "token",
  "your-password", "your_password", "yourpassword", "mypassword", "my-password", "pass", "pwd", "%s",
]);

/** Wrapped forms that mean "not a value": `${...}`, `%{...}`, `{{...}}`, `<...>`, `$(...)`, `[...]`. */
const WRAPPERS: ReadonlyArray<readonly [string, string]> = [
  ["${", "}"], ["%{", "}"], ["{{", "}}"], ["<", ">"], ["$(", ")"], ["[", "]"], ["$", ""],
];

/**
 * Words that, among letters and separators only, make a value a placeholder: "your-token", "REPLACE_ME",
 * "sk_live_your_key_here", "<insert token>". Four letters or more, so a random token almost never holds one as
 * a whole word.
 */
const PLACEHOLDER_MARKERS = new Set([
  "your", "yours", "here", "replace", "replaceme", "changeme", "todo", "fixme", "dummy", "placeholder", "redacted",
  "insert", "sample", "fake", "none", "null", "undefined",
]);

/**
 * A value that IS a placeholder or an interpolation as a whole, not a secret, whatever detector matched it:
 * placeholder words, wrapped forms (`${var.x}`, `{{ token }}`, `<token>`), masks (`****`), values made
 * mostly of repeated characters or runs (`xxxx`, `AKIAXXXXXXXXXXXXXXXX`, `1234567890abcdef`), and letters-only
 * values naming a placeholder (`your-token`, `REPLACE_ME`). A real value that merely contains `${` or `<`
 * somewhere is judged on its own, never dismissed for it.
 */
export function isPlaceholder(v: string): boolean {
  if (v.length === 0) return true;
  if (PLACEHOLDER_WORDS.has(v.toLowerCase())) return true;
  const first = v[0];
  if ((first === "x" || first === "X" || first === "*" || first === "." || first === "#") && sameChar(v.toLowerCase())) return true;
  for (const [open, close] of WRAPPERS) {
    if (open === "$" && close === "") {
      if (/^\$[A-Z_][A-Z0-9_]{0,63}$/.test(v.length <= 65 ? v : "")) return true; // $ENV_VAR
      continue;
    }
    // A slot around a name (`<token>`, `[redacted]`, `${var.x}`), not a document that happens to be wrapped
    // (a JSON array, an XML file with a <password> element).
    if (v.startsWith(open) && v.endsWith(close) && v.length >= open.length + close.length && (open !== "<" && open !== "[" ? true : isSlot(v, open.length, v.length - close.length))) return true;
  }
  if (v.length > MAX_PLACEHOLDER || v.includes("\n") || v.includes("\r")) return false; // a document, not a placeholder
  if (isMask(v) || isMostlyRuns(v) || namesPlaceholder(v)) return true;
  return false;
}

/** Longest value judged as a placeholder by its make-up (masks, runs, placeholder words): longer is a document. */
const MAX_PLACEHOLDER = 256;

/** What `<...>` or `[...]` holds is a slot: short, one line, no markup or JSON inside (interpolations may nest). */
function isSlot(v: string, from: number, to: number): boolean {
  if (to - from > 128) return false;
  for (let i = from; i < to; i++) {
    const c = v[i];
    if (c === "\n" || c === "\r" || c === "<" || c === ">" || c === "[" || c === "]" || c === '"' || c === "{") return false;
  }
  return true;
}

/** A masked value: `sk_live_****1234`, `••••`. */
function isMask(v: string): boolean {
  return v.includes("***") || v.includes("\u2022\u2022\u2022") || v.includes("\u25cf\u25cf\u25cf");
}

/**
 * At least 60% of the value's steps repeat a character or go to the next (or previous) one: `xxxxxxxx`,
 * `ghp_xxxxxxxx...`, `1234567890abcdef`, `aaaa1234`. A random token steps that way about once in twenty.
 */
export function isMostlyRuns(v: string): boolean {
  if (v.length < 6) return false;
  let boring = 0;
  for (let i = 1; i < v.length; i++) {
    const a = v.charCodeAt(i - 1);
    const b = v.charCodeAt(i);
    if (a === b || b === a + 1 || b === a - 1 || (a === 57 && b === 48)) boring++;
  }
  return boring >= 0.6 * (v.length - 1);
}

/**
 * Letters and separators only, with a placeholder word among its words (camelCase split too): `your-token`,
 * `YOUR_API_KEY`, `REPLACE_ME`, `ghp_yourTokenHere`, `<insert token>`, `api-xxx-key`.
 */
function namesPlaceholder(v: string): boolean {
  if (v.length > 256) return false;
  let word = "";
  let found = false;
  const endWord = () => {
    const w = word.toLowerCase();
    if (PLACEHOLDER_MARKERS.has(w) || (w.length >= 3 && sameChar(w) && w[0] === "x")) found = true;
    word = "";
  };
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (upper || lower) {
      // A lower-to-upper step starts a new word (camelCase).
      if (upper && word.length > 0) {
        const p = word.charCodeAt(word.length - 1);
        if (p >= 97 && p <= 122) endWord();
      }
      word += v[i];
    } else if (SEPARATORS.includes(v[i])) {
      endWord();
    } else return false;
  }
  endWord();
  return found;
}

const SEPARATORS = "-_. <>[]{}:/";

function sameChar(v: string): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}

/** At least 95% printable ASCII (tabs and newlines count), and not empty. */
export function isPrintableText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  let printable = 0;
  for (const c of b) if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09) printable++;
  return printable / b.length >= 0.95;
}

function isBase64Char(c: number, url: boolean): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (url ? c === 45 || c === 95 : c === 43 || c === 47);
}

/** Whether the whole value is base64 (standard alphabet, padded to a multiple of 4, or unpadded). */
export function isBase64(v: string): boolean {
  let end = v.length;
  while (end > 0 && v.charCodeAt(end - 1) === 61 && v.length - end < 2) end--;
  if (end === 0) return false;
  for (let i = 0; i < end; i++) if (!isBase64Char(v.charCodeAt(i), false)) return false;
  return end === v.length ? v.length % 4 !== 1 : v.length % 4 === 0;
}

/** Value of each standard base64 character, -1 for any other. */
const BASE64_DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64_DIGIT["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".charCodeAt(i)] = i;

/**
 * The text a base64 value encodes, when it is base64 of mostly printable text (isBase64, then isPrintableText of
 * the bytes); undefined otherwise. Most values made of base64 letters (names, ids, hex) are not encoded text: the
 * bytes are decoded on the fly and the answer is no as soon as too few of them can remain printable, without
 * allocating.
 */
export function decodeBase64Text(v: string): string | undefined {
  return isBase64Text(v) ? decodeBase64(v) : undefined;
}

/** Whether `v` is base64 of mostly printable text: decodeBase64Text's test, without decoding. */
export function isBase64Text(v: string): boolean {
  let end = v.length;
  while (end > 0 && v.charCodeAt(end - 1) === 61 && v.length - end < 2) end--;
  if (end === 0 || (end === v.length ? v.length % 4 === 1 : v.length % 4 !== 0)) return false;
  const total = Math.floor((end * 3) / 4);
  let unprintable = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const c = v.charCodeAt(i);
    const d = c < 128 ? BASE64_DIGIT[c] : -1;
    if (d < 0) return false;
    acc = ((acc << 6) | d) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const b = (acc >> bits) & 0xff;
      if (!((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09) && (total - ++unprintable) / total < 0.95) return false;
    }
  }
  return true;
}

/** The UTF-8 text of base64 `v`. */
export function decodeBase64(v: string): string {
  return Buffer.from(v, "base64").toString("utf8");
}

function isHex(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function allDigits(v: string): boolean {
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) < 48 || v.charCodeAt(i) > 57) return false;
  return true;
}

// These run only on values already capped at 4096 characters, without whitespace.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGEST = /^(?:sha\d{0,3}|md5|blake2b?|sha3-\d{3}|crc32c?)[:-]/i;
const SLUG = /^[a-z0-9]{1,4096}(?:[-_.:/][a-z0-9]{1,4096}){0,4096}$/;
const DOMAIN_OR_EMAIL = /^(?:[^\s@]{1,4096}@)?[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,32}$/i;
/** Modular crypt format and friends: bcrypt $2a$, sha512-crypt $6$, argon2 $argon2id$, scrypt $scrypt$/$7$. */
const CRYPT_HASH = /^\$(?:2[abxy]?|1|5|6|7|y|gy|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d{1,3})?)\$/;

/** Hashes and digests that are not secrets: crypt formats, hex digests, `sha256:` digests. */
export function isHashLike(v: string): boolean {
  return CRYPT_HASH.test(v) || DIGEST.test(v) || (v.length >= 32 && isHex(v));
}

/** Template slots inside a value: `<name>`, `{{ name }}`, `${name}`. */
const TEMPLATE_PART = /<[A-Za-z][A-Za-z0-9_ .-]{0,40}>|\{\{[^{}]{1,64}\}\}|\$\{[^{}]{1,64}\}/;
const TEMPLATE_PARTS = new RegExp(TEMPLATE_PART.source, "g");

/**
 * A value that looks like a random secret, not an id, hash, digest, name, path, number or encoded text.
 * Used by the generic key-gated hint, so it errs on the quiet side.
 */
export function looksRandom(v: string): boolean {
  if (v.length < 10 || v.length > 4096 || /\s/.test(v)) return false;
  // A template (`github_pat_<your-token>`, `{{ token }}`, `${var.x}` inside): only what is written around it counts.
  if (TEMPLATE_PART.test(v)) return looksRandom(v.replace(TEMPLATE_PARTS, ""));
  if (isPlaceholder(v) || isHashLike(v) || UUID.test(v) || isHex(v) || allDigits(v)) return false;
  if (v.startsWith("arn:") || v.startsWith("/") || v.includes("://")) return false;
  if (SLUG.test(v) || DOMAIN_OR_EMAIL.test(v)) return false;
  if (v.length % 4 === 0 && decodeBase64Text(v) !== undefined) return false;
  const classes = classCount(v);
  if (classes < 2 || (classes === 2 && v.length < 20)) return false;
  return entropy(v) >= (v.length < 16 ? 3.0 : 3.5);
}

/**
 * Regex source (for a detector's `allow`): six or more characters in alphabetical or numeric order
 * (`abcdef`, `klmnop`, `123456`), or letters and digits counting up together (`a1b2c3`), the mark of a
 * hand-written example such as `sk-...-abc123xyz-...-klmnopqrstuvwx` or `shpss_a1b2c3d4...`.
 * A random token of the documented alphabet holds one about once in a billion; used by formats whose real
 * tokens are long and random, not on passwords (a weak real password may well hold one).
 */
export const MADE_UP_RUN = madeUpRun();

function madeUpRun(): string {
  const runs: string[] = [];
  for (const alphabet of ["abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"])
    for (let i = 0; i + 6 <= alphabet.length; i++) runs.push(alphabet.slice(i, i + 6));
  runs.push("a1b2c3", "A1B2C3", "1a2b3c", "1A2B3C");
  return runs.join("|");
}

/**
 * A lower-case token of letters and digits (dashes and underscores allowed) that `looksRandom` leaves out as
 * slug-shaped: letters and digits interleave throughout (`j4t8csaj...`), where a slug or a name changes between
 * them a few times (`web-server-01`, `release2024`). For the key-gated hint only: under a secret-like key a
 * value like this is a generated token (many vendors issue lower-case ones), not a resource name.
 */
export function looksRandomLowerCase(v: string): boolean {
  if (v.length < 20 || v.length > 256) return false;
  let letters = 0, digits = 0, switches = 0, prev = 0; // prev: 1 letter, 2 digit
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    let kind = 0;
    if (c >= 97 && c <= 122) (kind = 1), letters++;
    else if (c >= 48 && c <= 57) (kind = 2), digits++;
    else if (c !== 45 && c !== 95) return false;
    if (kind !== 0) {
      if (prev !== 0 && kind !== prev) switches++;
      prev = kind;
    }
  }
  if (letters < 6 || digits < 4 || switches < 0.2 * v.length) return false;
  if (isPlaceholder(v) || UUID.test(v)) return false;
  // An id with a hex body (`mrk-<hex>`, `vpc-0a1b...`, a hex digest) is an id or a hash, not a token.
  for (const part of v.split(/[-_]/)) if (part.length >= 12 && isHex(part)) return false;
  return entropy(v) >= 3.5;
}
