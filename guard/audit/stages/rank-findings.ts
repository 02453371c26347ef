import type { CompactFinding } from "../compact-finding";
import type { FindingStore } from "../finding-store";
import { findingPriority } from "../detect/finding-priority";
import type { SecretIndex, TrackedSecret } from "../detect/secret-index";

/**
 * One finding per pointer: a new finding takes a pointer's place only when its rule ranks above the one there
 * (detect/finding-priority.ts), so a fact (a mark, a schema) is not replaced by a guess (a shape).
 */
export function keepStronger(findings: FindingStore, f: CompactFinding): void {
  const old = findings.indexOf(f.pointer);
  if (old < 0 || findingPriority(f.ruleId) > findingPriority(findings.ruleIdOf(old))) findings.set(f);
}

/**
 * Whether a copy of `secret` found at `pointer` (pass 2) may be reported there. A copy replaces a weaker finding
 * (a shape, the entropy hint) with the place it was copied from, unless the secret is known only by its shape:
 * then the shape's own finding may be its origin. A known value replaces anything (the user asked to fail on it
 * wherever it sits).
 */
export function copyMayReplace(findings: FindingStore, secrets: SecretIndex, pointer: string, secret: TrackedSecret): boolean {
  const old = findings.indexOf(pointer);
  if (old < 0) return true;
  if (secrets.byShape(secret) && findings.ruleIdOf(old) !== "SG125") return false;
  return findingPriority(findings.ruleIdOf(old)) < findingPriority(secrets.ruleId(secret));
}
