import type { IConstruct } from "constructs";

/**
 * One error hierarchy for the whole toolkit. A GuardError is a mistake in what the user gave (a command line, a
 * file, a prop, a config) or a finding that stops synth: it carries a kind and an exit code, and its message is
 * one line that names where the problem is and never holds a secret value. Anything else that is thrown is a bug:
 * the CLI prints only its class name.
 *
 * Checks across packages use `GuardError.isGuardError` (a `Symbol.for` brand), never `instanceof`: an importer
 * may load two copies of this package.
 */
export type GuardErrorKind = "usage" | "input" | "validation" | "synth-findings" | "service";

const BRAND = Symbol.for("secret-guard.GuardError");

export abstract class GuardError extends Error {
  abstract readonly kind: GuardErrorKind;
  /** The process exit code a CLI uses for this error. */
  readonly exitCode: number = 2;
  /**
   * The message already names what it is about (a command, a stack, a URL): a CLI prints it as `error: <message>`
   * instead of prefixing its own command name.
   */
  wholeLine = false;

  static isGuardError(x: unknown): x is GuardError {
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(message: string) {
    super(message);
    Object.defineProperty(this, BRAND, { value: true });
    this.name = new.target.name;
  }
}

/** A bad command line (unknown option, missing value, wrong enum). Exit 2. */
export class UsageError extends GuardError {
  readonly kind = "usage";
}

/** A file or value the user gave that cannot be used: missing, unreadable, not JSON, wrong kind. Exit 2. */
export class InputError extends GuardError {
  readonly kind = "input";
}

/**
 * A construct's props or the app's config break a rule. When a construct is given, the error carries its path
 * (as aws-cdk's ValidationError does), so tools can point at the construct to fix.
 */
export class ValidationError extends GuardError {
  readonly kind = "validation";
  /** The construct path, when the error is about a construct. */
  readonly constructPath?: string;

  constructor(message: string, scope?: IConstruct) {
    super(message);
    if (scope) this.constructPath = scope.node.path;
  }
}

/** A remote service (Genesys, AWS, HCP Terraform) answered in a way that stops the command. Exit 2. */
export class ServiceError extends GuardError {
  readonly kind = "service";
}

/**
 * A credential that is missing or was rejected: `<what is missing> for <what>: <how to provide it>`, printed as
 * `error: ...` on one line, exit 2. Never holds the credential itself.
 */
export class CredentialError extends ServiceError {
  wholeLine = true;
}

/** The synth-time guard found errors in a stack: synth stops and no stack file is left. */
export class SynthFindingsError extends GuardError {
  readonly kind = "synth-findings";
  readonly exitCode = 1;

  constructor(
    readonly stackPath: string,
    readonly findings: ReadonlyArray<{ readonly ruleId: string; readonly message: string }>,
  ) {
    super(`Validation failed with the following errors:\n` + findings.map((f) => `[${stackPath}] [${f.ruleId}] ${f.message}`).join("\n"));
  }
}

/** Throws a ValidationError when `ok` is false. */
export function validate(ok: boolean, message: string, scope?: IConstruct): asserts ok {
  if (!ok) throw new ValidationError(message, scope);
}
