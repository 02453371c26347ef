import type { Finding, Severity, SourcePlace, TextRegion } from "../finding";
import { fingerprint } from "../fingerprint";
import type { RuleBook } from "../rules/rule-book";
import { documentedExample } from "../detectors/public-examples";

/**
 * How a finding's message reads; the message itself is built only when the report is written
 * (`${address} ${attribute}: ` + the text of its kind + `detail`).
 */
export const MessageKind = {
  /** detail: what the value looks like ("an AWS access key id"). */
  Pattern: 0,
  Literal: 1,
  /** detail: the file kind. */
  WriteOnly: 2,
  /** detail: the file kind. */
  Marked: 3,
  /** detail: why Terraform did not mark it (may be ""). */
  Schema: 4,
  /** detail: where the secret came from ("" when that is the finding's own place). */
  Copy: 5,
  /** detail: where the known value came from (--known-env NAME). */
  Known: 6,
  /** A member name (map key, for_each key) that is a secret; detail: what it looks like. */
  Key: 7,
  /** A file that could not be audited; detail: why. */
  Unreadable: 8,
  /** A synth rule's finding on a configuration (cdk.tf.json); detail: the rule's message. */
  Rule: 9,
  /** A documented example value (SG107); detail: which one. */
  Example: 10,
  /** A weak or dummy value in a sensitive slot (SG108); detail: what made the slot sensitive. */
  Weak: 11,
  /** A value a sibling argument declares plain text (SG109); detail: what the sibling says and why. */
  PlainText: 12,
} as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

const MARKED = 16;

/**
 * A finding as the audit keeps it until the report is written: no file name (the file's group holds it), no
 * message (rebuilt from kind and detail), the fingerprint as two small integers, shared strings for address,
 * attribute and detail. A few dozen bytes plus the pointer, against several hundred for a Finding.
 */
export interface CompactFinding {
  readonly ruleId: string;
  readonly pointer: string;
  readonly address: string;
  readonly attribute: string;
  readonly detail: string;
  /** fingerprint() of the value (its 12 hex digits) as two 24-bit small integers; -1 when not about a value. */
  readonly fpHi: number;
  readonly fpLo: number;
  /** MessageKind in the low bits, MARKED when Terraform marked the place sensitive. */
  readonly bits: number;
  /** Where the value is in the file (only when the audit was asked to locate findings, for SARIF). */
  readonly region?: TextRegion;
  /** The TypeScript line that created the construct (a cdk.tf.json finding located for SARIF). */
  readonly createdAt?: SourcePlace;
}

export function compactFinding(
  ruleId: string,
  pointer: string,
  address: string,
  attribute: string,
  marked: boolean,
  value: string,
  kind: MessageKind,
  detail: string,
): CompactFinding {
  // A documented example value (AWS's example key, a public allow-listed key) is a warning, whatever found it;
  // a value the user named (SG110) stays what they asked for.
  // Example markers ("EXAMPLE") count only on a detector's token; a marked or schema value is judged by digest alone.
  const example = value && ruleId !== "SG110" ? documentedExample(value, kind === MessageKind.Pattern) : undefined;
  if (example !== undefined) (ruleId = "SG107"), (kind = MessageKind.Example), (detail = example);
  const hex = value ? fingerprint(value).slice("sha256:".length) : "";
  const fpHi = hex ? parseInt(hex.slice(0, 6), 16) : -1;
  const fpLo = hex ? parseInt(hex.slice(6), 16) : -1;
  return { ruleId, pointer, address, attribute, detail, fpHi, fpLo, bits: kind | (marked ? MARKED : 0) };
}

/** A finding from a fingerprint already computed (a synth rule's hit carries one, never its value). */
export function compactFromFingerprint(ruleId: string, pointer: string, address: string, attribute: string, fp: string, kind: MessageKind, detail: string): CompactFinding {
  const hex = /^sha256:[0-9a-f]{12}$/.test(fp) ? fp.slice("sha256:".length) : "";
  const fpHi = hex ? parseInt(hex.slice(0, 6), 16) : -1;
  const fpLo = hex ? parseInt(hex.slice(6), 16) : -1;
  return { ruleId, pointer, address, attribute, detail, fpHi, fpLo, bits: kind };
}

export function isMarked(f: CompactFinding): boolean {
  return (f.bits & MARKED) !== 0;
}

export function severityOf(f: CompactFinding, rules: RuleBook): Severity {
  return rules.get(f.ruleId)?.severity ?? "error";
}

function fingerprintText(f: CompactFinding): string {
  return f.fpHi < 0 ? "" : "sha256:" + f.fpHi.toString(16).padStart(6, "0") + f.fpLo.toString(16).padStart(6, "0");
}

export function messageOf(f: CompactFinding): string {
  const label = `${f.address}${f.attribute ? " " + f.attribute : ""}`;
  switch ((f.bits & 15) as MessageKind) {
    case MessageKind.Pattern:
      return `${label}: looks like ${f.detail}`;
    case MessageKind.Literal:
      return `${label}: literal value for a sensitive argument in configuration`;
    case MessageKind.WriteOnly:
      return `${label}: write-only attribute holds a value in a ${f.detail} file`;
    case MessageKind.Marked:
      return `${label}: value Terraform marked sensitive is stored in clear in this ${f.detail} file`;
    case MessageKind.Schema:
      return `${label}: provider schema marks this attribute sensitive but Terraform did not${f.detail}`;
    case MessageKind.Copy:
      return f.detail ? `${label}: unmarked copy of the secret from ${f.detail}` : `${label}: unmarked copy of a sensitive value`;
    case MessageKind.Known:
      return `${label}: holds a known secret value (${f.detail})`;
    case MessageKind.Rule:
      return f.detail;
    case MessageKind.Unreadable:
      return `the file could not be audited, so any secret in it went unchecked: ${f.detail}`;
    case MessageKind.Key:
      return `${label}: a key (map key or for_each key) is a secret: ${f.detail}`;
    case MessageKind.Example:
      return `${label}: documented example value: ${f.detail}; public, not a secret`;
    case MessageKind.Weak:
      return `${label}: weak or dummy value in a sensitive argument (${f.detail}): if it is real, it is in clear`;
    case MessageKind.PlainText:
      return `${label}: schema-sensitive value of a plain-text parameter (${f.detail})`;
  }
  return label;
}

/** The full finding, built on demand for one report line or the library API. */
export function expandFinding(f: CompactFinding, file: string, rules: RuleBook): Finding {
  return {
    ruleId: f.ruleId,
    severity: severityOf(f, rules),
    file,
    pointer: f.pointer,
    address: f.address,
    attribute: f.attribute,
    markedSensitive: isMarked(f),
    fingerprint: fingerprintText(f),
    message: messageOf(f),
    suppressed: false,
    ...(f.region ? { region: f.region } : {}),
    ...(f.createdAt ? { createdAt: f.createdAt } : {}),
  };
}

/** The finding with every identifier built from data passed through the redactor. */
export function redactFinding(f: CompactFinding, redactor: { redact(text: string): string }): CompactFinding {
  const pointer = redactor.redact(f.pointer);
  const address = redactor.redact(f.address);
  const attribute = redactor.redact(f.attribute);
  const detail = redactor.redact(f.detail);
  if (pointer === f.pointer && address === f.address && attribute === f.attribute && detail === f.detail) return f;
  return { ...f, pointer, address, attribute, detail };
}

/** Strings a StringPool remembers; past that it starts afresh. */
const POOL_LIMIT = 4096;

/**
 * Shares equal strings (addresses, attribute paths, origins) between nearby findings and the secrets they follow;
 * flattens them once. Bounded: the strings that repeat do so within a piece (a resource's address) or all the time
 * (attribute names), so forgetting old ones costs little, where remembering every address costs a map entry each.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();
  intern(s: string): string {
    const had = this.pool.get(s);
    if (had !== undefined) return had;
    const f = flat(s);
    if (this.pool.size >= POOL_LIMIT) this.pool.clear();
    this.pool.set(f, f);
    return f;
  }
}

/** A flat copy of a string built by concatenation, which would otherwise keep all its pieces alive. */
export function flat(s: string): string {
  // (join() of two strings and slice() do not copy; a JSON round trip does, and keeps lone surrogates.)
  return s.length > 12 ? (JSON.parse(JSON.stringify(s)) as string) : s;
}
