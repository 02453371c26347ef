import { documentedExample } from "../../detectors/public-examples";
import type { SecretShapes, ShapeHit } from "../../detectors/secret-shapes";
import { MessageKind } from "../compact-finding";
import type { DetectStage } from "./stage";

/**
 * The strongest reading of `value` under `key`; when that is a documented example, the first reading that is not
 * (a real secret must not hide behind an example in the same value), else the example.
 */
export function detectBesideExamples(shapes: SecretShapes, key: string, value: string): ShapeHit | undefined {
  const first = shapes.detect(key, value);
  if (!first || documentedExample(first.secret) === undefined) return first;
  return shapes.detectAll?.(key, value).find((h) => documentedExample(h.secret) === undefined) ?? first;
}

/** The detector catalogue: secrets nothing marked, recognised by their shape (and followed like any other). */
export const catalogueStage: DetectStage = {
  name: "detector catalogue",
  judge({ value, place, shapes }) {
    if (value.length < 8) return undefined;
    const hit = detectBesideExamples(shapes, place.key, value);
    if (!hit) return undefined;
    return { ruleId: hit.detector.id, marked: false, kind: MessageKind.Pattern, detail: hit.detector.title, follow: hit.secret, byShape: true, hint: hit.detector.severity === "warning" };
  },
};
