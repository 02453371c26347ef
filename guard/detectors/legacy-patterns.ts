/**
 * Layer 5: secrets nothing marked, found by shape. Each detector is gated by the key it sits under or by a
 * format precise enough to stand alone, so hashes, ids, ARNs, digests and base64 of text stay quiet.
 */
export interface PatternHit {
  readonly ruleId: string;
  /** What was recognised, for the message (never the value). */
  readonly what: string;
}

const AWS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])/;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s*[A-Za-z0-9+/=\s:,-]{40,}/;
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/;
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:([^\s@/]{6,})@/i;
const GENESYS_SECRET = /^[A-Za-z0-9_-]{43}$/;
const AWS_SECRET = /^[A-Za-z0-9/+]{40}$/;

const GENESYS_KEYS = new Set(["clientsecret", "secret", "oauthclientsecret", "genesyscloudoauthclientsecret", "genesysclientsecret"]);
const AWS_SECRET_KEYS = new Set(["secret", "secretkey", "secretaccesskey", "awssecretaccesskey", "awssecretkey", "awssecret"]);
/** Words that make a key secret-ish for the generic rule. */
const SECRETISH = /(password|passwd|passphrase|pwd|secret|token|apikey|privatekey|credential|signingkey|accesskey|authkey|bearer)/;
/** Last words of keys that hold metadata about a secret rather than the secret. */
const METADATA_SUFFIX =
  /(version|versions|id|ids|arn|arns|name|names|length|count|type|hash|ttl|policy|rotation|expiry|expiration|expires|enabled|required|kms|path|url|uri|file|location|prefix|suffix|format|mode|seconds|days|source|header|validity|date|time|at|created|updated|description|label|tags|store|manager|reference|ref|key_id|keyid|config|configuration|arn)$/;

/** Which key a value sits under, normalised: lower case, letters and digits only. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const keyCache = new Map<string, { norm: string; secretish: boolean }>();
function keyInfo(key: string): { norm: string; secretish: boolean } {
  let k = keyCache.get(key);
  if (!k) {
    const norm = normaliseKey(key);
    const words = key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
    const secretish = SECRETISH.test(norm) && !METADATA_SUFFIX.test(words);
    k = { norm, secretish };
    if (keyCache.size < 10000) keyCache.set(key, k);
  }
  return k;
}

/** Looks for a secret shape in one string under `key`; also inside JSON-encoded strings. */
export function detectPattern(key: string, value: string, depth = 0): PatternHit | undefined {
  if (value.length < 8) return undefined;
  const c = value.charCodeAt(0);
  if ((c === 0x7b || c === 0x5b) && depth < 3 && value.length <= 1 << 20) {
    // A JSON-encoded document (jsonencode(...)): judge its members under their own keys.
    let inner: unknown;
    let parsed = true;
    try {
      inner = JSON.parse(value);
    } catch {
      parsed = false;
    }
    if (parsed) return detectInside(inner, key, depth + 1);
  }
  return detectDirect(key, value);
}

function detectInside(v: unknown, key: string, depth: number): PatternHit | undefined {
  if (typeof v === "string") return detectPattern(key, v, depth);
  if (!v || typeof v !== "object") return undefined;
  if (Array.isArray(v)) {
    for (const x of v) {
      const h = detectInside(x, key, depth);
      if (h) return h;
    }
    return undefined;
  }
  for (const [k, x] of Object.entries(v)) {
    const h = detectInside(x, k, depth);
    if (h) return h;
  }
  return undefined;
}

function detectDirect(key: string, v: string): PatternHit | undefined {
  if (v.includes("${")) return undefined; // an interpolation, not a value
  const k = keyInfo(key);
  if (v.length === 43 && GENESYS_KEYS.has(k.norm) && GENESYS_SECRET.test(v) && hasClasses(v, 3)) {
    return { ruleId: "SG120", what: "a Genesys Cloud OAuth client secret (43 characters of base64url)" };
  }
  if (v.length === 40 && AWS_SECRET_KEYS.has(k.norm) && AWS_SECRET.test(v) && hasClasses(v, 3) && entropy(v) >= 4) {
    return { ruleId: "SG122", what: "an AWS secret access key" };
  }
  if (v.length >= 20 && (v.includes("AKIA") || v.includes("ASIA") || v.includes("ABIA") || v.includes("ACCA"))) {
    const m = AWS_KEY_ID.exec(v);
    if (m && !m[0].includes("EXAMPLE")) return { ruleId: "SG121", what: "an AWS access key id" };
  }
  if (v.length >= 60 && v.includes("PRIVATE KEY-----") && PRIVATE_KEY.test(v)) {
    return { ruleId: "SG123", what: "a PEM private key" };
  }
  if (v.length >= 50 && v.includes("eyJ")) {
    const m = JWT.exec(v);
    if (m && isJwtHeader(m[0].slice(0, m[0].indexOf(".")))) return { ruleId: "SG124", what: "a JSON Web Token" };
  }
  if (v.includes("://") && v.includes("@")) {
    const m = URL_CREDENTIALS.exec(v);
    if (m && !isPlaceholder(m[1])) return { ruleId: "SG126", what: "a password inside a URL" };
  }
  if (k.secretish && looksRandom(v)) {
    return { ruleId: "SG125", what: "a high-entropy value under a secret-like key" };
  }
  return undefined;
}

function isJwtHeader(b64: string): boolean {
  try {
    const h = JSON.parse(Buffer.from(b64, "base64url").toString("utf8"));
    return !!h && typeof h === "object" && typeof h.alg === "string";
  } catch {
    return false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-fA-F]+$/;
const DIGEST = /^(sha\d*|md5|blake2b?|sha3-\d+)[:-]/i;
const SLUG = /^[a-z0-9]+(?:[-_.:/][a-z0-9]+)*$/;
const DOMAIN_OR_EMAIL = /^[^\s@]+@[a-z0-9.-]+\.[a-z]{2,}$|^[a-z0-9.-]+\.[a-z]{2,}$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A value that looks like a random secret, not an id, hash, digest, name or encoded text. */
export function looksRandom(v: string): boolean {
  if (v.length < 10 || v.length > 4096 || /\s/.test(v)) return false;
  if (isPlaceholder(v) || UUID.test(v) || HEX.test(v) || DIGEST.test(v) || SLUG.test(v) || DOMAIN_OR_EMAIL.test(v)) return false;
  if (v.startsWith("arn:") || v.startsWith("/") || v.includes("://") || /^\d+$/.test(v)) return false;
  if (BASE64.test(v) && v.length % 4 === 0 && isPrintableText(Buffer.from(v, "base64"))) return false;
  const classes = classCount(v);
  if (classes < 2 || (classes === 2 && v.length < 20)) return false;
  return entropy(v) >= (v.length < 16 ? 3.0 : 3.5);
}

function isPlaceholder(v: string): boolean {
  return /^(x+|\*+|changeme|change_me|password|secret|redacted|example|dummy|test|todo|none|null|undefined)$/i.test(v) || /EXAMPLE|<[^>]*>/.test(v);
}

function isPrintableText(b: Buffer): boolean {
  if (b.length === 0) return false;
  let printable = 0;
  for (const c of b) if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09) printable++;
  return printable / b.length >= 0.95;
}

function classCount(v: string): number {
  return (/[a-z]/.test(v) ? 1 : 0) + (/[A-Z]/.test(v) ? 1 : 0) + (/[0-9]/.test(v) ? 1 : 0) + (/[^A-Za-z0-9]/.test(v) ? 1 : 0);
}

function hasClasses(v: string, n: number): boolean {
  return (/[a-z]/.test(v) ? 1 : 0) + (/[A-Z]/.test(v) ? 1 : 0) + (/[0-9]/.test(v) ? 1 : 0) >= n;
}

/** Shannon entropy in bits per character. */
export function entropy(v: string): number {
  const counts = new Map<string, number>();
  for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / v.length;
    h -= p * Math.log2(p);
  }
  return h;
}
