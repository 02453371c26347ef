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
export { RotatedClientSecret, RotationFunction, ROTATION_STRATEGIES, ROTATION_DEFAULTS, ROTATED_CLIENTS_TAG } from "./constructs/rotated-client-secret";
export type { ClientRotationProps, RotationFunctionProps, RotatedClientSecretProps, RotationStrategy } from "./constructs/rotated-client-secret";
export { EncryptedS3Backend } from "./constructs/encrypted-s3-backend";
export type { EncryptedS3BackendProps, StateLocking } from "./constructs/encrypted-s3-backend";
export { GenesysCloudProvider } from "./constructs/genesys-cloud-provider";
export type { GenesysCloudProviderProps } from "./constructs/genesys-cloud-provider";
export { GENESYS_ENV, TUTORIAL_ENV_RENAMES, checkGenesysEnv } from "./constructs/genesys-env";
export { GENESYS_REGIONS, normalizeRegion, regionHosts } from "./constructs/regions";
export { EphemeralResource, ephemeralVariable, useS3Lockfile } from "./engine/cdktf-gaps";
export { GenesysConfigError } from "./constructs/errors";
// The secret guard with the Genesys pack (SecretGuard.of(stack) applies both packs).
export { SecretGuard, GENESYS_PACK, GENESYS_OAUTH_PACKS, genesysRuleBook } from "./genesys-pack";
export { SecretGuard as TerraformSecretGuard } from "./guard/synth/secret-guard";
export type { SecretGuardOptions } from "./guard/synth/secret-guard";
export {
  TERRAFORM_SECRETS_PACK,
  AUDIT_RULES,
  RuleBook,
  rulePack,
  runRulePacks,
  ConfigDocument,
  ProviderFacts,
  auditFiles,
  auditFilesCompact,
  AuditResult,
  toJson,
  toSarif,
  toText,
  fingerprint,
  GuardError,
  UsageError,
  InputError,
  ValidationError,
  ServiceError,
  SynthFindingsError,
} from "./guard";
export type {
  SynthRule,
  RulePack,
  RuleHit,
  ConfigFinding,
  BlockFacts,
  SchemaKind,
  SecretShapes,
  ShapeHit,
  AuditOptions,
  AuditedFile,
  KnownValue,
  ReportSource,
  TextOptions,
  Finding,
  Report,
  RuleInfo,
  Severity,
  FileKind,
  ScannedFile,
  GuardErrorKind,
} from "./guard";
import { genesysRuleBook } from "./genesys-pack";
import type { RuleInfo as RuleInfoType } from "./guard/finding";

/** Every rule the toolkit reports (both packs, the audit's rules and the shipped detectors). */
export const ALL_RULES: readonly RuleInfoType[] = genesysRuleBook().all();

/** A rule by id, or undefined. */
export function ruleById(id: string): RuleInfoType | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
