import type { RuleInfo } from "../finding";
import { AUDIT_RULES } from "./audit-rules";
import { RuleBook } from "./rule-book";
import { TERRAFORM_SECRETS_PACK } from "./terraform-pack";
import { detectorRules } from "../detectors/shipped-detectors";

/** The generic guard's rules: the Terraform pack (SG0xx), the audit's rules (SG1xx) and the shipped detectors. */
export function genericRuleBook(): RuleBook {
  return new RuleBook(TERRAFORM_SECRETS_PACK, AUDIT_RULES, detectorRules());
}

export const GENERIC_RULES: readonly RuleInfo[] = genericRuleBook().all();

export { AUDIT_RULES, TERRAFORM_SECRETS_PACK, RuleBook };
