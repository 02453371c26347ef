/**
 * Which finding wins when two rules hit the same place: higher first. A value the user named
 * (--known-env/--known-file) outranks everything: they asked to fail on it wherever it sits. Detector hits
 * (shapes) sit at 50, the entropy hint below them. On a cdk.tf.json the synth rules run too: their literal-secret
 * rule (SG002) yields to the audit's own finding at the same place. A documented example value (SG107, SG013)
 * yields to any finding that is not one; a weak value or plain-text parameter in a sensitive slot (SG108, SG109)
 * yields to everything but the entropy hint and examples.
 */
const PRIORITY: Readonly<Record<string, number>> = { SG110: 95, SG101: 90, SG105: 85, SG104: 80, SG102: 75, SG103: 70, SG108: 12, SG109: 12, SG125: 10, SG111: 9, SG107: 8, SG002: 5, SG013: 4 };

export function findingPriority(ruleId: string): number {
  return PRIORITY[ruleId] ?? 50;
}
