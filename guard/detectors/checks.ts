/**
 * The fixed registry of validators a detector may name in `check`. Each gets the secret part, the match and the
 * input, and answers the (possibly extended or trimmed) secret, or undefined to dismiss. Any look past the
 * match is bounded (LOOK_AHEAD), so a check costs a constant per attempt. Code, not data, so a user file can
 * only choose among these.
 */
import type { CheckName } from "./detector";
import { classCount, decodeBase64Text, entropy, isHashLike, isPlaceholder, looksRandom, looksRandomLowerCase } from "./text-shapes";
import { hasValidTokenChecksum } from "./base62-crc32";

export type Check = (secret: string, match: RegExpExecArray, input: string) => string | undefined;

/** How far past a match a check may read. */
export const LOOK_AHEAD = 16384;

/**
 * A JWT's first segment must decode to a JSON object naming an algorithm. The example token of jwt.io and of
 * RFC-style tutorials (subject 1234567890, John Doe), signed or re-signed with the site's example secret, is a
 * documented example, not a credential: dismissed.
 */
function jwtHeader(secret: string): string | undefined {
  const dot = secret.indexOf(".");
  if (dot <= 0 || dot > 2048) return undefined;
  try {
    const h: unknown = JSON.parse(Buffer.from(secret.slice(0, dot), "base64url").toString("utf8"));
    if (h === null || typeof h !== "object" || typeof (h as { alg?: unknown }).alg !== "string") return undefined;
  } catch {
    return undefined;
  }
  const end = secret.indexOf(".", dot + 1);
  if (end > dot && end - dot <= 4096) {
    const payload = Buffer.from(secret.slice(dot + 1, end), "base64url").toString("utf8");
    if (JWT_IO_EXAMPLE.test(payload) && payload.includes('"John Doe"')) return undefined;
  }
  return secret;
}

/** The subject of jwt.io's example token. */
const JWT_IO_EXAMPLE = /"sub"\s{0,4}:\s{0,4}"1234567890"/;

function lettersAndDigits(v: string): number {
  let lower = 0, upper = 0, digit = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
  }
  return lower + upper + digit;
}

/** Decodes to `user:password` with a real-looking password (docker `auth`, HTTP basic). */
function basicAuthBase64(secret: string): string | undefined {
  const text = decodeBase64Text(secret);
  if (text === undefined) return undefined;
  const colon = text.indexOf(":");
  if (colon <= 0 || /\s/.test(text)) return undefined;
  const password = text.slice(colon + 1);
  return password.length >= 4 && !isPlaceholder(password) ? secret : undefined;
}

const DASHES = "-----";

/**
 * The match is a PEM private-key header; a key also needs a body: a run of >= 40 base64 characters before the
 * next armour line. The secret becomes the whole block, through its END line when that is near.
 */
function pemBody(_secret: string, m: RegExpExecArray, input: string): string | undefined {
  const start = m.index + m[0].length;
  const limit = Math.min(input.length, start + LOOK_AHEAD);
  let run = 0;
  let i = start;
  for (; i < limit && run < 40; i++) {
    const c = input.charCodeAt(i);
    if (c === 45 && input.startsWith(DASHES, i)) return undefined; // the next armour line, and no body yet
    const b64 = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    run = b64 ? run + 1 : 0;
  }
  if (run < 40) return undefined;
  const rest = input.slice(i, limit);
  const endAt = rest.indexOf(DASHES + "END ");
  const close = endAt < 0 ? -1 : rest.indexOf(DASHES, endAt + 9);
  return input.slice(m.index, close < 0 ? i : i + close + DASHES.length);
}

// --- Cloud vendors' keys: SAS queries, and keys whose fixed marker sits inside them. ---

/** How far around a `sig=` the rest of its query is looked for. */
const SAS_QUERY_REACH = 2048;
const SAS_EXPIRY = /(?:^|[?&;=\s])se=[0-9]/;
const SAS_KIND = /(?:^|[?&;=\s])(?:sv=[0-9]{4}-[0-9]{2}-[0-9]{2}|sr=)/;

/** The bounded query around `at`: back to `?`, a blank or a quote, forward to a blank, a quote or `#`. */
function queryAround(input: string, at: number, end: number): string {
  let start = at;
  const low = Math.max(0, at - SAS_QUERY_REACH);
  while (start > low) {
    const c = input[start - 1];
    if (c === "?" || c === '"' || c === "'" || c === "\n" || c === "<") break;
    start--;
  }
  let stop = end;
  const high = Math.min(input.length, end + SAS_QUERY_REACH);
  while (stop < high) {
    const c = input[stop];
    if (c === " " || c === '"' || c === "'" || c === "\n" || c === "#" || c === ">") break;
    stop++;
  }
  return input.slice(start, stop);
}

/**
 * An Azure shared access signature: the `sig=` sits in a query that also names its expiry (`se=`) and either a
 * storage service version (`sv=`) or a Service Bus / Event Hubs resource (`sr=`), in any order (the portal
 * writes sv= after se=). A `sig=` alone is some other signature.
 */
function sasExpiry(secret: string, m: RegExpExecArray, input: string): string | undefined {
  if (classCount(secret) < 2) return undefined;
  const query = queryAround(input, m.index, m.index + m[0].length);
  return SAS_EXPIRY.test(query) && SAS_KIND.test(query) ? secret : undefined;
}

const BASE64_CHARS = /^[A-Za-z0-9+/]$/;
const BASE62_CHARS = /^[A-Za-z0-9]$/;
const URL_SAFE_CHARS = /^[A-Za-z0-9_-]$/;
const URL_UNRESERVED_CHARS = /^[A-Za-z0-9_.~-]$/;

/**
 * Keys with a fixed marker inside them (the match starts at the marker): how many characters of which alphabet
 * come before it. Microsoft's identifiable keys carry a service signature at a fixed offset (security-utilities:
 * IdentifiableMetadata, Azure32/64ByteIdentifiableKey, LegacyCommonAnnotatedSecurityKey); Entra client secrets
 * carry `7Q~`/`8Q~` after three characters; HCP Terraform tokens carry `.atlasv1.` after fourteen.
 */
const MARKED_KEYS: ReadonlyArray<{ readonly markers: readonly string[]; readonly before: number; readonly chars: RegExp }> = [
  { markers: ["0Q~", "1Q~", "2Q~", "3Q~", "4Q~", "5Q~", "6Q~", "7Q~", "8Q~", "9Q~"], before: 3, chars: URL_UNRESERVED_CHARS },
  { markers: [".atlasv1."], before: 14, chars: BASE62_CHARS },
  { markers: ["+ASt", "ACDb", "+ABa", "APIM"], before: 76, chars: BASE64_CHARS },
  { markers: ["+ASb", "+AEh", "+ARm", "AzCa", "AIoT", "AZEG"], before: 33, chars: BASE64_CHARS },
  { markers: ["+ACR", "AzSe"], before: 42, chars: BASE64_CHARS },
  { markers: ["AzFu"], before: 44, chars: URL_SAFE_CHARS },
  { markers: ["JQQJ99"], before: 52, chars: BASE62_CHARS },
];

/**
 * The match starts at a marker inside a key: the key is the run of exactly `before` characters of its alphabet
 * just before the marker (no longer run), through the end of the match. Reads `before` characters back only.
 */
function keyBeforeMarker(_secret: string, m: RegExpExecArray, input: string): string | undefined {
  const entry = MARKED_KEYS.find((k) => k.markers.some((marker) => m[0].startsWith(marker)));
  if (!entry) return undefined;
  const start = m.index - entry.before;
  if (start < 0) return undefined;
  for (let i = start; i < m.index; i++) if (!entry.chars.test(input[i])) return undefined;
  if (start > 0 && entry.chars.test(input[start - 1])) return undefined;
  return input.slice(start, m.index + m[0].length);
}

// --- SaaS token checks (helper cat-saas): vendor checksums, and formats whose distinctive part comes last ---

/** GitHub's and npm's 36-character token body (after `<prefix>_`) ends with the base62 CRC-32 of its first 30. */
function tokenCrc32(secret: string): string | undefined {
  return hasValidTokenChecksum(secret.slice(secret.indexOf("_") + 1)) ? secret : undefined;
}

/**
 * A `<prefix>_` token whose checksum does not verify still counts when its body mixes at least two of lower case,
 * upper case and digits: test generators and hand-typed fixtures often write lower case and digits only, and a
 * body of one class (`ghp_XXXX...`, all digits) is a mask or a number, not a token.
 */
function tokenBodyClasses(secret: string): string | undefined {
  return lettersAndDigits(secret.slice(secret.indexOf("_") + 1)) >= 2 ? secret : undefined;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLowerHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102);
const isLowerAlnum = (c: number) => isDigit(c) || (c >= 97 && c <= 122);
const isWordChar = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;

/**
 * Extends a match backward over a run of `min`..`max` characters of a class that must start at a boundary (no
 * word character before it): for formats whose keyword is their END (Mailchimp's `-us<n>`, New Relic's `NRAL`) or
 * middle (Telegram's `:AA`). Reads at most `max` + 1 characters back.
 */
function runBefore(m: RegExpExecArray, input: string, min: number, max: number, ok: (c: number) => boolean, lead = ""): string | undefined {
  let start = m.index;
  while (start > 0 && m.index - start < max && ok(input.charCodeAt(start - 1))) start--;
  const run = m.index - start;
  if (run < min) return undefined;
  if (start > 0 && isWordChar(input.charCodeAt(start - 1)) && !(lead && input.startsWith(lead, start - lead.length))) return undefined;
  return input.slice(start, m.index + m[0].length);
}

/**
 * A Telegram bot token `<bot id>:<35 characters>`: the match is the part after the id; 6-12 digits come before,
 * at a boundary or right after `/bot` (the Bot API URL, https://api.telegram.org/bot<token>/method).
 */
const telegramBotId: Check = (_s, m, input) => {
  const token = runBefore(m, input, 6, 12, isDigit, "/bot");
  // An ARN's account and name (arn:aws:sqs:eu-west-1:123456789012:AA...) is not a bot token.
  const start = m.index - (token === undefined ? 0 : token.length - m[0].length);
  return token !== undefined && start > 0 && input.charCodeAt(start - 1) === 58 ? undefined : token;
};
/** A Mailchimp API key `<32 hex>-us<n>`: the match is the data-centre suffix; exactly 32 lower-case hex before it. */
const mailchimpKey: Check = (_s, m, input) => runBefore(m, input, 32, 32, isLowerHex);
/**
 * A New Relic licence (ingest) key: 36 characters (lower-case hex, or a region prefix such as eu01xx), then
 * `NRAL`; the last four are often `FFFF` (32 hex + FFFFNRAL), so upper-case F is allowed too.
 */
const newRelicLicence: Check = (_s, m, input) => runBefore(m, input, 36, 36, (c) => isLowerAlnum(c) || c === 70);

/**
 * A Sentry DSN `https://<32 hex public key>@host/<project id>` looks like a token in a git remote URL, but Sentry
 * documents the public key as safe to expose: dismissed when the user is 32 hex and the path is one number.
 */
function notSentryDsn(secret: string, m: RegExpExecArray, input: string): string | undefined {
  if (secret.length !== 32 || !/^[0-9a-f]{32}$/.test(secret)) return secret;
  const tail = input.slice(m.index + m[0].length, m.index + m[0].length + 32);
  return /^(?::[0-9]{1,5})?\/[0-9]{1,20}(?![A-Za-z0-9._/-])/.test(tail) ? undefined : secret;
}
// --- end of SaaS token checks ---

/** A `{NAME}` slot of a URL template (`{USER}:{PASS}@host`). */
const URL_TEMPLATE_SLOT = /^\{[A-Za-z_][A-Za-z0-9_]{0,63}\}$/;

/**
 * The password of `scheme://user:password@host` (group 2; the user is group 1): not a placeholder or a template
 * slot, and not the user's own name again (`postgres:postgres@localhost`, `mongodb:mongodb@...`), which is a
 * local default written in examples and compose files, not a secret anyone chose.
 */
function urlPassword(secret: string, m: RegExpExecArray): string | undefined {
  if (isPlaceholder(secret) || isHashLike(secret) || URL_TEMPLATE_SLOT.test(secret)) return undefined;
  return m[1] !== undefined && m[1].toLowerCase() === secret.toLowerCase() ? undefined : secret;
}

/**
 * A command-line argument that names where a secret is rather than holding one: a path, a `k=v,k=v` list (docker
 * --secret id=...,src=...), an ARN or a URL.
 */
function namesALocation(v: string): boolean {
  return /^(?:\/|\.{1,2}\/|~\/)/.test(v) || v.includes("=") || v.includes(",") || v.startsWith("arn:") || v.includes("://");
}

/** A value given to a secret flag or exported: not a placeholder, and not a path, a list, an ARN or a URL. */
function commandArgument(secret: string): string | undefined {
  return isPlaceholder(secret) || namesALocation(secret) ? undefined : secret;
}

/**
 * `-u user:password` or `-u USER -p PASSWORD`: the password of the form that matched, unless a placeholder, a
 * location, or name-like (letters and - _ only: `--user www-data:www-data`, `nobody:nogroup` are user:group).
 */
function commandPassword(_secret: string, m: RegExpExecArray): string | undefined {
  const password = m[1] ?? m[2];
  if (password === undefined || isPlaceholder(password) || namesALocation(password)) return undefined;
  return /^[A-Za-z_-]+$/.test(password) ? undefined : password;
}

/** Variable names that hold where a secret is or something about it, not the secret: DB_PASSWORD_FILE, TOKEN_TTL. */
const NAMES_NO_SECRET = /_(?:file|path|arn|dir|name|id|url|ttl|endpoint|length|size|type|version)$/i;

/**
 * A command on one line. In text of several lines (a script, a config file) the line scan judges `NAME=value`
 * under NAME, so the vendors' own key-gated detectors answer first. Reads at most LOOK_AHEAD either side.
 */
function oneLineCommand(secret: string, m: RegExpExecArray, input: string): string | undefined {
  const low = Math.max(0, m.index - LOOK_AHEAD);
  for (let i = m.index - 1; i >= low; i--) if (input.charCodeAt(i) === 10) return undefined;
  const high = Math.min(input.length, m.index + LOOK_AHEAD);
  for (let i = m.index; i < high; i++) if (input.charCodeAt(i) === 10) return undefined;
  const eq = m[0].indexOf("=");
  if (eq > 0 && NAMES_NO_SECRET.test(m[0].slice(0, eq))) return undefined;
  return commandArgument(secret);
}

export const CHECKS: Readonly<Record<CheckName, Check>> = {
  "jwt-header": jwtHeader,
  "not-placeholder": (s) => (isPlaceholder(s) || isHashLike(s) ? undefined : s),
  "aws-secret-shape": (s) => (lettersAndDigits(s) === 3 && entropy(s) >= 4 ? s : undefined),
  "mixed-classes": (s) => (lettersAndDigits(s) === 3 ? s : undefined),
  "random-looking": (s) => (looksRandom(s) || looksRandomLowerCase(s) ? s : undefined),
  "basic-auth-base64": basicAuthBase64,
  "pem-body": pemBody,
  "sas-expiry": sasExpiry,
  "key-before-marker": keyBeforeMarker,
  "token-crc32": tokenCrc32,
  "token-body-classes": tokenBodyClasses,
  "telegram-bot-id": telegramBotId,
  "mailchimp-key": mailchimpKey,
  "new-relic-licence": newRelicLicence,
  "not-sentry-dsn": notSentryDsn,
  "url-password": urlPassword,
  "command-password": commandPassword,
  "command-argument": commandArgument,
  "one-line-command": oneLineCommand,
};

export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];
