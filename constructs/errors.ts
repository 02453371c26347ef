import type { IConstruct } from "constructs";
import { GuardError, ValidationError } from "../guard/errors";

/**
 * A mistake in a construct's props or in the app's config: one line naming the field and what is allowed, never
 * with a stack trace (main.ts prints `message` and exits 2). Errors thrown for a construct carry its path.
 */
export class GenesysConfigError extends ValidationError {}

/** Throws a GenesysConfigError when `ok` is false. */
export function require_(ok: boolean, message: string, scope?: IConstruct): asserts ok {
  if (!ok) throw new GenesysConfigError(message, scope);
}

/** Runs a construct's prop checks; a validation error from them comes out carrying the construct's path. */
export function checkedFor<T>(scope: IConstruct, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (GuardError.isGuardError(e) && e.kind === "validation" && !(e as ValidationError).constructPath) {
      throw new GenesysConfigError(e.message, scope);
    }
    throw e;
  }
}
