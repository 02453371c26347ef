import { MessageKind } from "../compact-finding";
import type { DetectStage } from "./stage";
import { prefixIn } from "./schema-paths";
import { judgeSlotValue } from "./sensitive-slot-value";

/**
 * SG102: the provider schema marks the attribute sensitive, the file does not (states before Terraform 1.8).
 * Placeholders, weak values and plain-text parameters are judged by sensitive-slot-value.ts.
 */
export const providerSchemaStage: DetectStage = {
  name: "provider schemas",
  judge(input) {
    const { value, place, facts, shapes, terraformVersion } = input;
    const r = place.region;
    if (!r || r.literal || !facts) return undefined;
    const names = place.names;
    const depth = prefixIn(facts.sensitive, names);
    if (depth === 0) return undefined;
    if (depth < names.length && !shapes.isSecretKey(names[names.length - 1])) return undefined;
    const verdict = { ruleId: "SG102", marked: false, kind: MessageKind.Schema, detail: oldStateNote(terraformVersion), follow: value };
    return judgeSlotValue(input, verdict, "schema-sensitive, not marked in the file");
  },
};

function oldStateNote(version: string | undefined): string {
  if (!version) return " (state or plan written without provider sensitivity marks)";
  const [maj, min] = version.split(".").map((x) => parseInt(x, 10));
  if (maj < 1 || (maj === 1 && min < 8)) return ` (written by Terraform ${version}, before 1.8, which did not record provider-sensitive attributes)`;
  return " (file edited by hand or written by a tool that drops marks)";
}
