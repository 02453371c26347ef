// The Genesys Cloud pack of the secret guard: its synth rules, the guard with both packs, and the rule book.
import { AUDIT_RULES } from "../guard/rules/audit-rules";
import { RuleBook } from "../guard/rules/rule-book";
import { detectorRules } from "../guard/detectors/shipped-detectors";
import { GENESYS_OAUTH_PACKS } from "./genesys-rule-pack";

export { GENESYS_PACK, GENESYS_OAUTH_PACKS } from "./genesys-rule-pack";
export { SecretGuard } from "./secret-guard";

/** Every rule `secret-guard` can report: both packs, the audit's rules and the shipped detectors. */
export function genesysRuleBook(): RuleBook {
  return new RuleBook(...GENESYS_OAUTH_PACKS, AUDIT_RULES, detectorRules());
}
