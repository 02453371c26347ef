// Public API: the constructs other stacks import, and the guard they can apply to their own stacks.
export { GenesysOAuthClient, GRANT_TYPES, SECRET_DELIVERIES, TOKEN_LIFETIME } from "./constructs/genesys-oauth-client";
export type { GenesysOAuthClientProps, GrantType, RoleGrant, SecretDelivery } from "./constructs/genesys-oauth-client";
export { GeneratedSecret, EphemeralGeneratedSecret, writeOnlySecretsManagerCopy } from "./constructs/generated-secret";
export type {
  GeneratedSecretProps,
  EphemeralGeneratedSecretProps,
  SecretsManagerCopyProps,
  IntegrationCredentialCopyProps,
  SelfOwnedCredentialType,
} from "./constructs/generated-secret";
export { EncryptedS3Backend } from "./constructs/encrypted-s3-backend";
export type { EncryptedS3BackendProps, StateLocking } from "./constructs/encrypted-s3-backend";
export { GenesysCloudProvider } from "./constructs/genesys-cloud-provider";
export type { GenesysCloudProviderProps } from "./constructs/genesys-cloud-provider";
export { GENESYS_ENV, TUTORIAL_ENV_RENAMES, checkGenesysEnv } from "./constructs/genesys-env";
export { GENESYS_REGIONS, normalizeRegion, regionHosts } from "./constructs/regions";
export { EphemeralResource, ephemeralVariable, useS3Lockfile } from "./constructs/cdktf-gaps";
export { GenesysConfigError } from "./constructs/errors";
export { SecretGuard } from "./guard/secret-guard";
export type { SecretGuardOptions } from "./guard/secret-guard";
export type { Finding, Report, RuleInfo, Severity } from "./guard/finding";
export { auditFiles } from "./guard/audit/audit-files";
export type { AuditOptions } from "./guard/audit/audit-files";
export { toJson, toSarif, toText } from "./guard/report";
export { ALL_RULES, ruleById } from "./guard/rules";
