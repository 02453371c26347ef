import { MessageKind } from "../compact-finding";
import type { DetectStage } from "./stage";
import { prefixIn } from "./schema-paths";

/**
 * SG101: Terraform marked the place sensitive (sensitive_attributes, *_sensitive, sensitive_values, sensitive
 * outputs and variables). Inside a sensitive map (an integration credential's `fields`), ids and user names sit
 * beside the secret: those members are reported but not followed.
 */
export const terraformMarksStage: DetectStage = {
  name: "Terraform's marks",
  judge({ value, place, facts, fileKind, shapes }) {
    const r = place.region;
    if (!r || r.literal || !r.marks(place.cty)) return undefined;
    const names = place.names;
    const depth = facts ? prefixIn(facts.sensitive, names) : 0;
    const plainMember = depth > 0 && depth < names.length && !shapes.isSecretKey(names[names.length - 1]);
    return { ruleId: "SG101", marked: true, kind: MessageKind.Marked, detail: fileKind, follow: plainMember ? undefined : value };
  },
};
