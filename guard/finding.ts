/** The shapes every part of the guard shares: findings, reports and the rules that produce them. */

export type Severity = "error" | "warning" | "info";
/** state (incl. `terraform show -json` of one, backups, `.terraform/terraform.tfstate`), plan JSON, cdk.tf.json, `terraform output -json`; unknown for a file that could not be read. */
export type FileKind = "state" | "plan" | "synth" | "outputs" | "unknown";

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** File the finding is in, as given on the command line or relative to the working folder. */
  readonly file: string;
  /** RFC 6901 JSON pointer of the place in the file ("" for the whole file). */
  readonly pointer: string;
  /** Terraform address (`aws_secretsmanager_secret_version.x`, `output.y`, `provider.genesyscloud`) or construct path. */
  readonly address: string;
  /** Attribute path inside the address (`secret_string`, `fields.password`), "" when none. */
  readonly attribute: string;
  /** Whether Terraform itself marked this place sensitive. */
  readonly markedSensitive: boolean;
  /** fingerprint() of the secret value, "" when the finding is not about a value. Never the value. */
  readonly fingerprint: string;
  /** One line for people. Never holds a secret value. */
  readonly message: string;
  readonly suppressed: boolean;
  /** Why it was suppressed, when it was. */
  readonly suppressionReason?: string;
  /** Set only when the audit compared against a baseline (`--baseline`): whether this finding was already in it. */
  readonly baseline?: boolean;
  /** Where the value is in the file, when asked for (a SARIF report) and the file has lines (not a remote state). */
  readonly region?: TextRegion;
  /** The TypeScript line that created the construct (a cdk.tf.json finding, when cdktf recorded where). */
  readonly createdAt?: SourcePlace;
}

/** A span of a text file as SARIF counts it: 1-based lines and columns (UTF-16 code units), end column exclusive. */
export interface TextRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A place in a source file: its path relative to the working folder (forward slashes), 1-based line and column. */
export interface SourcePlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ScannedFile {
  readonly path: string;
  readonly kind: FileKind;
  /** What the audit could not check or how it read the file (a plan HCP Terraform redacted, an old state format); only when there is something to say. */
  readonly notes?: readonly string[];
}

export interface Report {
  readonly tool: { readonly name: string; readonly version: string };
  readonly files: readonly ScannedFile[];
  readonly findings: readonly Finding[];
  readonly summary: ReportSummary;
}

/**
 * Unsuppressed findings per severity (with a baseline: only those not in it). `suppressed` (findings an ignore
 * file suppressed) and `baseline` (unsuppressed findings already in the baseline) appear only when used.
 */
export interface ReportSummary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly suppressed?: number;
  readonly baseline?: number;
}

/** A rule as data (gitleaks/cdk-nag style): stable id, severity, what it means, how to fix it. */
export interface RuleInfo {
  readonly id: string;
  readonly name: string;
  readonly severity: Severity;
  /** Why this matters, one or two sentences. */
  readonly explanation: string;
  /** What to do instead. */
  readonly fix: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Counts unsuppressed findings per severity. */
export function summarize(findings: readonly Finding[]): Report["summary"] {
  const s = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.suppressed) s[f.severity]++;
  return s;
}
