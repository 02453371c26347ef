/**
 * A secret detector as data (gitleaks-style): how to recognise one kind of secret, what to tell people, and
 * synthetic samples that prove it. Every recognition part is a plain string so a user's JSON file can hold it.
 */
import type { GitleaksRuleSearch } from "./gitleaks-search";

export type DetectorSeverity = "error" | "warning" | "info";

/** Validators a detector may name; code, so a JSON file can only pick from this fixed list. */
export type CheckName =
  | "jwt-header"
  | "not-placeholder"
  | "aws-secret-shape"
  | "mixed-classes"
  | "random-looking"
  | "basic-auth-base64"
  | "pem-body"
  | "sas-expiry"
  | "key-before-marker"

  // GitHub/npm checksum and end-anchored formats (checks.ts, "SaaS token checks").
  | "token-crc32"
  | "token-body-classes"
  | "telegram-bot-id"
  | "mailchimp-key"
  | "new-relic-licence"
  | "not-sentry-dsn"
  | "url-password"
  // Command lines (checks.ts): the password of whichever form matched.
  | "command-password"
  | "command-argument"
  | "one-line-command";

/** Which keys a value must sit under: the shared secret-key vocabulary, or regexes on the normalised key. */
export type KeyGate = "secret-key" | { readonly include?: string; readonly exclude?: string };

export interface DetectorSample {
  /** The key the value sits under ("" when omitted). */
  readonly key?: string;
  readonly value: string;
}

export interface Detector {
  /** Stable SARIF rule id: SG1xx-SG3xx for shipped detectors, anything else (not SG...) for a user's. */
  readonly id: string;
  /** Kebab-case slug. */
  readonly name: string;
  /** Noun phrase for messages: "looks like <title>". */
  readonly title: string;
  readonly severity: DetectorSeverity;
  readonly explanation: string;
  readonly fix: string;
  /**
   * Case-sensitive literals; a match must START at one of them (the prefilter and the anchor). Empty: the
   * pattern is tried once, at the start of the value, so it must describe the whole value and needs a key gate.
   */
  readonly keywords: readonly string[];
  /** Regex source, run sticky at each keyword position; every quantifier bounded (see linear-pattern.ts). */
  readonly pattern: string;
  /** Regex flags, limited to i, s, m, u. */
  readonly flags?: string;
  /** Capture group holding the secret; 0 (default) is the whole match. */
  readonly secretGroup?: number;
  readonly keys?: KeyGate;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  readonly entropy?: number;
  /** Regex sources of look-alikes: a secret matching one is dismissed. */
  readonly allow?: readonly string[];
  readonly check?: CheckName;
  /**
   * Set for a rule read from a gitleaks file (gitleaks-rules.ts): it searches as gitleaks does, its keywords
   * (any case) only telling whether to search; `keywords` above is then empty and `allow` unused.
   */
  readonly gitleaks?: GitleaksRuleSearch;
  readonly samples: {
    readonly positive: readonly DetectorSample[];
    readonly negative: readonly DetectorSample[];
  };
}

/** What `detect` answers: which detector fired and the secret part (for fingerprints and propagation; never printed). */
export interface DetectorHit {
  readonly detector: Detector;
  readonly secret: string;
}
