import { IConstruct } from "constructs";
import { ValidationError } from "../errors";

export interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
}

const MIN_REASON = 10;
const byConstruct = new WeakMap<IConstruct, Suppression[]>();

/**
 * Records that a rule does not apply to a construct and everything below it, with the reason (cdk-nag style).
 * Suppressed findings stay in the report, marked, with the reason.
 */
export function addSuppression(scope: IConstruct, ruleId: string, reason: string): void {
  if (typeof ruleId !== "string" || !/^(SG\d{3}|[A-Z][A-Z0-9_-]{1,31})$/.test(ruleId)) {
    throw new ValidationError(`SecretGuard.suppress: ruleId ${JSON.stringify(ruleId)} is not a rule id (SG000 form, or a user detector id)`);
  }
  if (typeof reason !== "string" || reason.trim().length < MIN_REASON) {
    throw new ValidationError(
      `SecretGuard.suppress: the reason for suppressing ${ruleId} on ${scope.node.path} must be at least ${MIN_REASON} characters`,
      scope,
    );
  }
  const list = byConstruct.get(scope) ?? [];
  list.push({ ruleId, reason: reason.trim() });
  byConstruct.set(scope, list);
}

/** The suppression of `ruleId` on the construct or its nearest ancestor, if any. */
export function suppressionFor(scope: IConstruct | undefined, ruleId: string): Suppression | undefined {
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
    const s = byConstruct.get(c)?.find((x) => x.ruleId === ruleId);
    if (s) return s;
  }
  return undefined;
}
