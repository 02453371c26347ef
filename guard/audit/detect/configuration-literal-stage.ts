import { MessageKind } from "../compact-finding";
import type { DetectStage } from "./stage";
import { prefixIn } from "./schema-paths";
import { isEnumLike } from "../../rules/enum-values";
import { judgeSlotValue } from "./sensitive-slot-value";

/**
 * SG104: a literal in configuration (cdk.tf.json, a plan's `configuration`) for an argument the schema marks
 * sensitive or write-only, the default of a sensitive variable, or a provider argument named like a secret
 * (provider blocks hold credentials under names the schema does not always mark: aws `secret_key`, a proxy
 * `password`). Strings in configuration that are not literals (plan `references`, interpolations), placeholders
 * (`changeme`, `your-token`, `mock_secret_key` for `secret_key`) and, under a name alone, enum values (`AES256`)
 * are left to later stages; weak values and plain-text parameters are warnings (sensitive-slot-value.ts).
 */
export const configurationLiteralStage: DetectStage = {
  name: "configuration literals",
  judge(input) {
    const { value, place, facts, shapes } = input;
    const r = place.region;
    if (!r?.literal || value.includes("${")) return undefined;
    const names = place.names;
    const writeOnly = facts ? prefixIn(facts.writeOnly, names) > 0 : false;
    const depth = facts ? prefixIn(facts.sensitive, names) : 0;
    const plainMember = depth > 0 && depth < names.length && !shapes.isSecretKey(names[names.length - 1]);
    const byName = r.literal === "secret-keys" || r.schema?.kind === "provider";
    const secretName = byName && shapes.isSecretKey(place.key) && !isEnumLike(value);
    if (r.literal === "all" || secretName || writeOnly || (depth > 0 && !plainMember)) {
      return judgeSlotValue(input, { ruleId: "SG104", marked: false, kind: MessageKind.Literal, detail: "", follow: value }, "literal in configuration");
    }
    return undefined;
  },
};
