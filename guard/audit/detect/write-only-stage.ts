import { MessageKind } from "../compact-finding";
import type { DetectStage } from "./stage";
import { prefixIn } from "./schema-paths";

/** SG105: a value in a write-only attribute, which Terraform never stores: some other tool wrote it. */
export const writeOnlyStage: DetectStage = {
  name: "write-only attributes",
  judge({ value, place, facts, fileKind }) {
    const r = place.region;
    if (!r || r.literal || !facts || prefixIn(facts.writeOnly, place.names) === 0) return undefined;
    return { ruleId: "SG105", marked: r.marks(place.cty), kind: MessageKind.WriteOnly, detail: fileKind, follow: value };
  },
};
