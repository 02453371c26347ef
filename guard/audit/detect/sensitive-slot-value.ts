import { isSlotPlaceholder } from "../../detectors/slot-placeholder";
import { isWeakValue } from "../../detectors/weak-value";
import { MessageKind } from "../compact-finding";
import { plainTextParameterAt } from "./plain-text-parameters";
import type { StageInput, Verdict } from "./stage";

/**
 * What a value in a sensitive slot (a schema-sensitive argument, a sensitive variable's default) is worth, once a
 * fact about the slot made it a finding (SG102, SG104). The slot says "a secret goes here"; the value says
 * whether one did:
 * - a placeholder (`changeme`, `<token>`, `mock_secret_key`, `unused`): no finding here (a detector may still
 *   judge it, and rejects placeholders);
 * - a plain-text parameter by its sibling (`aws_ssm_parameter` of type String): SG109, a warning, unless a
 *   detector recognises a secret in it, which the catalogue stage then reports as an error;
 * - a weak or dummy value (`1234`, `foobarbaz`): SG108, a warning, unless a detector recognises it;
 * - anything else: the slot's verdict, an error.
 * Warnings are not followed as secrets: a short word or a parameter's URL recurs elsewhere by chance.
 */
export function judgeSlotValue(input: StageInput, verdict: Verdict, where: string): Verdict | undefined {
  const { value, place } = input;
  if (isSlotPlaceholder(value, place.key)) return undefined;
  const plain = plainTextParameterAt(input);
  if (plain !== undefined) {
    if (hasSecretShape(input)) return undefined;
    return { ruleId: "SG109", marked: verdict.marked, kind: MessageKind.PlainText, detail: plain };
  }
  if (isWeakValue(value) && !hasSecretShape(input)) return { ruleId: "SG108", marked: verdict.marked, kind: MessageKind.Weak, detail: where };
  return verdict;
}

/** Whether a detector recognises a secret in the value (the catalogue stage's test). */
export function hasSecretShape({ value, place, shapes }: StageInput): boolean {
  return value.length >= 8 && shapes.detect(place.key, value) !== undefined;
}
