import { MessageKind } from "../compact-finding";
import type { DetectStage } from "./stage";
import { prefixIn } from "./schema-paths";
import { plainTextParameterAt } from "./plain-text-parameters";
import { hasSecretShape } from "./sensitive-slot-value";

/**
 * SG101: Terraform marked the place sensitive (sensitive_attributes, *_sensitive, sensitive_values, sensitive
 * outputs and variables). Inside a sensitive map (an integration credential's `fields`), ids and user names sit
 * beside the secret: those members are reported but not followed; nor is a plain-text parameter's value
 * (aws_ssm_parameter of type String: a name or URL that recurs elsewhere) unless it has a secret's shape.
 */
export const terraformMarksStage: DetectStage = {
  name: "Terraform's marks",
  judge(input) {
    const { value, place, facts, fileKind, shapes } = input;
    const r = place.region;
    if (!r || r.literal || !r.marks(place.cty)) return undefined;
    const names = place.names;
    const depth = facts ? prefixIn(facts.sensitive, names) : 0;
    const plainMember = depth > 0 && depth < names.length && !shapes.isSecretKey(names[names.length - 1]);
    const plain = plainTextParameterAt(input) !== undefined && !hasSecretShape(input);
    return { ruleId: "SG101", marked: true, kind: MessageKind.Marked, detail: fileKind, follow: plainMember || plain ? undefined : value };
  },
};
