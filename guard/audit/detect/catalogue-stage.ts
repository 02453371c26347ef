import { MessageKind } from "../compact-finding";
import type { DetectStage } from "./stage";

/** The detector catalogue: secrets nothing marked, recognised by their shape (and followed like any other). */
export const catalogueStage: DetectStage = {
  name: "detector catalogue",
  judge({ value, place, shapes }) {
    if (value.length < 8) return undefined;
    const hit = shapes.detect(place.key, value);
    if (!hit) return undefined;
    return { ruleId: hit.detector.id, marked: false, kind: MessageKind.Pattern, detail: hit.detector.title, follow: hit.secret, byShape: true };
  },
};
