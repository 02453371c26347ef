import type { FileKind } from "../../finding";
import type { BlockFacts } from "../../provider-facts";
import type { SecretShapes } from "../../detectors/secret-shapes";
import type { MessageKind } from "../compact-finding";
import type { Place } from "../locate/place";

/** What a detection stage sees of one string: where it sits, what the schema says, and the file's context. */
export interface StageInput {
  readonly value: string;
  readonly place: Place;
  /** Provider facts of the region's schema, if any. */
  readonly facts: BlockFacts | undefined;
  readonly fileKind: FileKind;
  readonly terraformVersion: string | undefined;
  readonly shapes: SecretShapes;
  /**
   * A top-level member of the value's region (`type` beside an SSM parameter's `value`), literal wrappers of plan
   * configuration taken off; undefined when absent or not a literal.
   */
  readonly sibling: (name: string) => unknown;
}

/** A stage's verdict on one string. */
export interface Verdict {
  readonly ruleId: string;
  readonly marked: boolean;
  readonly kind: MessageKind;
  readonly detail: string;
  /** The secret to follow to its other places (pass 2), or undefined when the value is not to be followed. */
  readonly follow?: string;
  /** The verdict rests on the value's shape alone (a detector), not on a fact about its place. */
  readonly byShape?: boolean;
  /** A warning-level reading (a hint, a test-mode key): its copies are warnings too (SG111), not errors. */
  readonly hint?: boolean;
}

/**
 * One way of deciding that a string is a secret. Stages run in order and the first verdict wins: Terraform's
 * marks and provider schemas before shapes, because they are facts rather than guesses.
 */
export interface DetectStage {
  readonly name: string;
  judge(input: StageInput): Verdict | undefined;
}
