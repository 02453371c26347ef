import { rulePack } from "./rule";
import { sensitiveOutputUnmarkedRule } from "./terraform/sg001-sensitive-output-unmarked";
import { literalSecretRule } from "./terraform/sg002-literal-secret";
import { backendLocalRule } from "./terraform/sg003-backend-local";
import { backendUnencryptedRule } from "./terraform/sg004-backend-unencrypted";
import { backendUnlockedRule } from "./terraform/sg005-backend-unlocked";
import { backendNoKmsKeyRule } from "./terraform/sg006-backend-no-kms-key";
import { writeOnlyTwinAvailableRule } from "./terraform/sg011-write-only-twin-available";
import { backendUnverifiedRule } from "./terraform/sg012-backend-unverified";
import { documentedExampleLiteralRule } from "./terraform/sg013-documented-example-literal";

/** The generic Terraform secrets pack: outputs, literals, write-only twins and the state backend. */
export const TERRAFORM_SECRETS_PACK = rulePack(
  "terraform-secrets",
  sensitiveOutputUnmarkedRule,
  literalSecretRule,
  backendLocalRule,
  backendUnencryptedRule,
  backendUnlockedRule,
  backendNoKmsKeyRule,
  writeOnlyTwinAvailableRule,
  backendUnverifiedRule,
  documentedExampleLiteralRule,
);
