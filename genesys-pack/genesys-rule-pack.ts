import { rulePack } from "../guard/rules/rule";
import { TERRAFORM_SECRETS_PACK } from "../guard/rules/terraform-pack";
import { oauthClientSecretSetRule } from "./rules/sg007-oauth-client-secret-set";
import { exposedSecretWithoutEncryptedBackendRule } from "./rules/sg008-exposed-secret-without-encrypted-backend";
import { directoryClientSecretRule } from "./rules/sg009-directory-client-secret";
import { providerSdkDebugRule } from "./rules/sg010-provider-sdk-debug";

/** What Genesys Cloud adds: the OAuth client's secret handling and the provider's debug log. */
export const GENESYS_PACK = rulePack(
  "genesys-cloud",
  oauthClientSecretSetRule,
  exposedSecretWithoutEncryptedBackendRule,
  directoryClientSecretRule,
  providerSdkDebugRule,
);

/** The packs this project applies: the generic Terraform pack, then the Genesys pack. */
export const GENESYS_OAUTH_PACKS = [TERRAFORM_SECRETS_PACK, GENESYS_PACK] as const;
