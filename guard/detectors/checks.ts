/**
 * The fixed registry of validators a detector may name in `check`. Each gets the secret part, the match and the
 * input, and answers the (possibly extended or trimmed) secret, or undefined to dismiss. Any look past the
 * match is bounded (LOOK_AHEAD), so a check costs a constant per attempt. Code, not data, so a user file can
 * only choose among these.
 */
import type { CheckName } from "./detector";
import { classCount, decodeBase64Text, entropy, isHashLike, isPlaceholder, looksRandom } from "./text-shapes";
import { hasValidTokenChecksum } from "./base62-crc32";

export type Check = (secret: string, match: RegExpExecArray, input: string) => string | undefined;

/** How far past a match a check may read. */
export const LOOK_AHEAD = 16384;

/** A JWT's first segment must decode to a JSON object naming an algorithm. */
function jwtHeader(secret: string): string | undefined {
  const dot = secret.indexOf(".");
  if (dot <= 0 || dot > 2048) return undefined;
  try {
    const h: unknown = JSON.parse(Buffer.from(secret.slice(0, dot), "base64url").toString("utf8"));
    return h !== null && typeof h === "object" && typeof (h as { alg?: unknown }).alg === "string" ? secret : undefined;
  } catch {
    return undefined;
  }
}

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

// --- SaaS token checks (helper cat-saas): vendor checksums, and formats whose distinctive part comes last ---

/** GitHub's and npm's 36-character token body (after `<prefix>_`) ends with the base62 CRC-32 of its first 30. */
function tokenCrc32(secret: string): string | undefined {
  return hasValidTokenChecksum(secret.slice(secret.indexOf("_") + 1)) ? secret : undefined;
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
const telegramBotId: Check = (_s, m, input) => runBefore(m, input, 6, 12, isDigit, "/bot");
/** A Mailchimp API key `<32 hex>-us<n>`: the match is the data-centre suffix; exactly 32 lower-case hex before it. */
const mailchimpKey: Check = (_s, m, input) => runBefore(m, input, 32, 32, isLowerHex);
/** A New Relic licence (ingest) key: 36 lower-case characters (hex, or a region prefix such as eu01xx), then `NRAL`. */
const newRelicLicence: Check = (_s, m, input) => runBefore(m, input, 36, 36, isLowerAlnum);

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

export const CHECKS: Readonly<Record<CheckName, Check>> = {
  "jwt-header": jwtHeader,
  "not-placeholder": (s) => (isPlaceholder(s) || isHashLike(s) ? undefined : s),
  "aws-secret-shape": (s) => (lettersAndDigits(s) === 3 && entropy(s) >= 4 ? s : undefined),
  "mixed-classes": (s) => (lettersAndDigits(s) === 3 ? s : undefined),
  "random-looking": (s) => (looksRandom(s) ? s : undefined),
  "basic-auth-base64": basicAuthBase64,
  "pem-body": pemBody,
  // An Azure SAS URL also carries its expiry (se=); a sig= alone is a different thing.
  "sas-expiry": (s, m) => (m[0].includes("se=") && classCount(s) >= 2 ? s : undefined),
  "token-crc32": tokenCrc32,
  "telegram-bot-id": telegramBotId,
  "mailchimp-key": mailchimpKey,
  "new-relic-licence": newRelicLicence,
  "not-sentry-dsn": notSentryDsn,
};

export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];
