import { MessageKind } from "../compact-finding";
import type { DetectStage } from "./stage";
import { prefixIn } from "./schema-paths";

/**
 * SG104: a literal in configuration (cdk.tf.json, a plan's `configuration`) for an argument the schema marks
 * sensitive or write-only, or the default of a sensitive variable. Strings in configuration that are not
 * literals (plan `references`, interpolations) are left to later stages.
 */
export const configurationLiteralStage: DetectStage = {
  name: "configuration literals",
  judge({ value, place, facts, shapes }) {
    const r = place.region;
    if (!r?.literal || value.includes("${")) return undefined;
    const names = place.names;
    const writeOnly = facts ? prefixIn(facts.writeOnly, names) > 0 : false;
    const depth = facts ? prefixIn(facts.sensitive, names) : 0;
    const plainMember = depth > 0 && depth < names.length && !shapes.isSecretKey(names[names.length - 1]);
    const secretName = r.literal === "secret-keys" && shapes.isSecretKey(place.key);
    if (r.literal === "all" || secretName || writeOnly || (depth > 0 && !plainMember)) {
      return { ruleId: "SG104", marked: false, kind: MessageKind.Literal, detail: "", follow: value };
    }
    return undefined;
  },
};
