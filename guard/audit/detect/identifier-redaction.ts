import { fingerprint } from "../../fingerprint";
import type { SecretShapes } from "../../detectors/secret-shapes";
import { classCount, entropy, isHashLike, isPlaceholder } from "../../detectors/text-shapes";
import { SecretIndex, variants, worthTracking } from "./secret-index";
import { PieceSet, PIECE } from "./shared-pieces";

/**
 * Identifiers built from data (addresses, index keys, JSON-pointer segments, attribute paths, origins) can hold a
 * secret: a for_each key that is a webhook URL, a map key that is a token, a module key cut from a password.
 * Before any of them reaches a report, each part of an identifier that
 *   - is or contains a tracked secret (in any of the forms it takes inside other strings),
 *   - contains a piece of PIECE (8) or more characters of one (a 40-character prefix of a marked value),
 *   - or is itself token-shaped (a detector fires on it, or it is a long random-looking token)
 * is replaced by its fingerprint, `[sha256:…]`. The rest of the identifier stays readable.
 *
 * The audit redacts a file's findings once both passes are done (auditFile's last step), when every secret the
 * file holds is known: findings put early in pass 1 (before later secrets were found) are covered too, and no
 * report, baseline or message is written before that (reports are built from the redacted findings).
 */
export class IdentifierRedactor {
  private readonly cache = new Map<string, string>();
  private readonly partCache = new Map<string, boolean>();
  private pieces: PieceSet | undefined;

  constructor(
    private readonly secrets: SecretIndex | undefined,
    private readonly shapes?: SecretShapes,
  ) {}

  /**
   * Learns which pieces of tracked secrets the identifiers hold: called once with every identifier text, before
   * redact(). Without it, only whole secrets and token shapes are replaced.
   */
  prepare(texts: Iterable<string>): this {
    if (this.secrets && this.secrets.size > 0) {
      const secrets = this.secrets;
      this.pieces = PieceSet.shared(mapParts(texts), (visit) => {
        for (let s = 0; s < secrets.size; s++) for (const form of formsOf(secrets.value(s))) visit(form);
      });
    }
    return this;
  }

  redact(text: string): string {
    if (text.length < PIECE) return text;
    const had = this.cache.get(text);
    if (had !== undefined) return had;
    let out = text;
    if (this.secrets && this.secrets.size > 0) {
      // Longest first, so a secret that contains another is replaced whole (its fingerprint is the finding's).
      const candidates = this.secrets.candidatesIn(text).map((c) => this.secrets!.value(c)).sort((a, b) => b.length - a.length);
      for (const c of candidates) {
        for (const v of variants(c)) if (out.includes(v)) out = out.split(v).join(`[${fingerprint(c)}]`);
      }
    }
    out = replaceParts(out, (part) => this.isSecretPart(part));
    if (this.cache.size >= 10_000) this.cache.clear();
    this.cache.set(text, out);
    return out;
  }

  /** A part (a pointer segment, a quoted key, a dotted name) that must not be printed. */
  private isSecretPart(part: string): boolean {
    if (part.length < PIECE || FINGERPRINT.test(part)) return false;
    const had = this.partCache.get(part);
    if (had !== undefined) return had;
    const secret = (this.pieces !== undefined && this.pieces.holdsPieceOf(part)) || tokenShaped(part, this.shapes);
    if (this.partCache.size >= 50_000) this.partCache.clear();
    this.partCache.set(part, secret);
    return secret;
  }
}

/** A fingerprint the redaction wrote (never judged again). */
const FINGERPRINT = /^\[?sha256:[0-9a-f]{12}\]?$/;

/** The forms a secret takes in identifiers: as it is, JSON/HCL-escaped, as a JSON-pointer segment. */
function formsOf(value: string): string[] {
  return /["\\<>&~/\u0000-\u001f]/.test(value) ? variants(value) : [value];
}

/**
 * Whether a part of an identifier is itself a token: a detector fires on it, or it is long, random-looking and
 * mixes character classes the way generated tokens do (names, slugs, cdktf's `Name_83BF8E41` ids, UUIDs, ARNs,
 * hashes and digests do not).
 */
export function tokenShaped(part: string, shapes?: SecretShapes): boolean {
  const plain = part.includes("~") ? part.replace(/~1/g, "/").replace(/~0/g, "~") : part;
  if (shapes?.detect("", plain)) return true;
  if (plain.length < 24 || plain.length > 4096 || /\s/.test(plain)) return false;
  if (isPlaceholder(plain) || isHashLike(plain) || plain.startsWith("arn:") || UUID.test(plain)) return false;
  if (classCount(plain) < 3 || entropy(plain) < 4) return false;
  // Words change character class at their boundaries and run lower case for several letters (`Gateway`,
  // `Secret_83BF8E41`); random tokens change class every other character or so, in short lower-case runs.
  return classChanges(plain) / plain.length >= 0.3 && meanLowerRun(plain) < 3;
}

/** The mean length of the runs of lower-case letters (0 without any). */
function meanLowerRun(v: string): number {
  let runs = 0;
  let letters = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 97 || c > 122) continue;
    letters++;
    if (i === 0 || v.charCodeAt(i - 1) < 97 || v.charCodeAt(i - 1) > 122) runs++;
  }
  return runs === 0 ? 0 : letters / runs;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function classOf(c: number): number {
  return c >= 97 && c <= 122 ? 0 : c >= 65 && c <= 90 ? 1 : c >= 48 && c <= 57 ? 2 : 3;
}

function classChanges(v: string): number {
  let n = 0;
  for (let i = 1; i < v.length; i++) if (classOf(v.charCodeAt(i)) !== classOf(v.charCodeAt(i - 1))) n++;
  return n;
}

/**
 * Whether a character separates the parts of an identifier: address steps (`.`, `[`, `]`), pointer segments
 * (`/`), and the words of a message (blanks, `(),=` and quotes). A quoted string (`["key"]`, a map key) is one
 * part whatever it holds.
 */
function isSeparator(c: number): boolean {
  return c <= 0x20 || c === 0x2e || c === 0x5b || c === 0x5d || c === 0x2f || c === 0x28 || c === 0x29 || c === 0x2c || c === 0x3d || c === 0x27 || c === 0x60;
}

/**
 * The parts of an identifier as [start, end) offsets: in a JSON pointer (it starts with `/`) its segments; else
 * each quoted string (without its quotes) and each run between separators.
 */
export function partsOf(text: string): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  if (text.charCodeAt(0) === 0x2f) {
    let from = 1;
    for (let i = 1; i <= text.length; i++) {
      if (i === text.length || text.charCodeAt(i) === 0x2f) {
        if (i > from) parts.push([from, i]);
        from = i + 1;
      }
    }
    return parts;
  }
  let from = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      if (from >= 0) parts.push([from, i]), (from = -1);
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      if (j > i + 1) parts.push([i + 1, Math.min(j, text.length)]);
      i = j;
      continue;
    }
    if (isSeparator(c)) {
      if (from >= 0) parts.push([from, i]), (from = -1);
    } else if (from < 0) from = i;
  }
  if (from >= 0) parts.push([from, text.length]);
  return parts;
}

/**
 * Every distinct part (of PIECE or more characters) of the texts, as the piece search reads them. Columns of
 * findings repeat their strings and parts (attribute names, `resources`): each is given once, as far as a
 * bounded memory of recent ones tells.
 */
function* mapParts(texts: Iterable<string>): Generator<string> {
  const seen = new Set<string>();
  let last: string | undefined;
  for (const t of texts) {
    if (t.length < PIECE || t === last) continue;
    last = t;
    for (const [a, b] of partsOf(t)) {
      if (b - a < PIECE) continue;
      const part = t.slice(a, b);
      if (seen.has(part)) continue;
      if (seen.size >= 50_000) seen.clear();
      seen.add(part);
      yield part;
    }
  }
}

/** `text` with each part `secret` says must not be printed replaced by its fingerprint. */
function replaceParts(text: string, secret: (part: string) => boolean): string {
  let out = "";
  let at = 0;
  for (const [a, b] of partsOf(text)) {
    if (b - a < PIECE) continue;
    const part = text.slice(a, b);
    if (!secret(part)) continue;
    out += text.slice(at, a) + `[${fingerprint(part)}]`;
    at = b;
  }
  return at === 0 ? text : out + text.slice(at);
}

/** Deepest nesting walked in a configuration for its secret values. */
const CONFIG_DEPTH = 256;

/**
 * A redactor for the findings on a Terraform JSON configuration (the synth guard's cdk.tf.json): the secrets it
 * tracks are the values the findings are about (by their fingerprints), values detectors recognise, and values
 * under secret-like names (`password`, `token`), so keys, labels and messages built from the configuration
 * print none of them, nor a piece of one.
 */
export function configRedactor(doc: unknown, shapes: SecretShapes, findingFingerprints: ReadonlySet<string>, texts: Iterable<string>): IdentifierRedactor {
  const index = new SecretIndex();
  const add = (value: string, where: string) => {
    if (worthTracking(value) && !value.includes("${")) index.add(value, where, "SG103");
  };
  const visit = (node: unknown, key: string, depth: number) => {
    if (depth > CONFIG_DEPTH) return;
    if (typeof node === "string") {
      if (node.length < PIECE) return;
      const hit = shapes.detect(key, node);
      if (hit) add(hit.secret, key);
      else if (shapes.isSecretKey(key) || (findingFingerprints.size > 0 && findingFingerprints.has(fingerprint(node)))) add(node, key);
      return;
    }
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) for (const v of node) visit(v, key, depth + 1);
    else for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k.length >= PIECE && shapes.detect(key, k)) add(k, key);
      visit(v, k, depth + 1);
    }
  };
  visit(doc, "", 0);
  return new IdentifierRedactor(index, shapes).prepare(texts);
}

/** A finding with its identifiers and message passed through the redactor. */
export function redactedFinding<F extends { pointer: string; address: string; attribute: string; message: string }>(f: F, r: IdentifierRedactor): F {
  return { ...f, pointer: r.redact(f.pointer), address: r.redact(f.address), attribute: r.redact(f.attribute), message: r.redact(f.message) };
}
