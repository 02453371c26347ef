// Public API: the constructs other stacks import, and the guard they can apply to their own stacks.
// First: a missing peer (or the other engine's entry) is one line, before any construct module fails to load.
import "./engine/peers";
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
export type { ClientRotationProps, RotationFunctionProps, RotatedClientSecretProps, RotationStrategy, RotatedClientRegistration } from "./constructs/rotated-client-secret";
export { EncryptedS3Backend } from "./constructs/encrypted-s3-backend";
export type { EncryptedS3BackendProps, StateLocking } from "./constructs/encrypted-s3-backend";
export { GenesysCloudProvider } from "./constructs/genesys-cloud-provider";
export type { GenesysCloudProviderProps } from "./constructs/genesys-cloud-provider";
export { GENESYS_ENV, TUTORIAL_ENV_RENAMES, checkGenesysEnv } from "./constructs/genesys-env";
export type { EnvironmentVariables, EnvProblem } from "./constructs/genesys-env";
export { GENESYS_REGIONS, normalizeRegion, regionHosts } from "./constructs/regions";
export type { RegionHosts } from "./constructs/regions";
export { ENGINE, EphemeralResource, LockingS3Backend, ephemeralVariable, useS3Lockfile } from "./engine/cdktf-gaps";
export { TARGET_VERSIONS, withTargetVersions } from "./engine/target-versions";
export type { EphemeralResourceConfig } from "./engine/cdktf-gaps";
// The generated genesyscloud 1.84.1 bindings the constructs use (OauthClient, IntegrationCredential, the provider).
export * as genesyscloud from "./.gen/providers/genesyscloud";
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
  DetectorCatalogue,
  DetectorFileError,
  loadDetectorFile,
  isSecretKeyName,
  shippedDetectors,
  detectorRules,
  genericRuleBook,
  runCommandLine,
  auditCommand,
  jsonChunks,
  sarifChunks,
  textChunks,
  sourceOf,
  recordCreationTraces,
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
  CompactFindingList,
  KnownValue,
  ReportSource,
  TextOptions,
  Finding,
  Report,
  RuleInfo,
  Severity,
  FileKind,
  ScannedFile,
  TextRegion,
  SourcePlace,
  GuardErrorKind,
  Detector,
  DetectorHit,
  DetectorSample,
  KeyGate,
  CheckName,
  Command,
  CommandIO,
  CliDefinition,
  AuditCommandOptions,
  ConfigBlock,
  ConfigLeaf,
  ProviderBlock,
  TargetContext,
  AuditTarget,
  InputStream,
  ByteSource,
  ReadLimits,
} from "./guard";
// Types the public API names that the generic guard's index leaves to deep imports.
export type { DetectorSeverity } from "./guard/detectors/detector";
export type { GitleaksAllowlist, GitleaksRuleSearch } from "./guard/detectors/gitleaks-search";
export type { CompactFinding } from "./guard/audit/compact-finding";
export type { FindingMark } from "./guard/audit/audit-files";
export type { Json } from "./guard/rules/config-document";
export type { RawBlock, RawProvider } from "./guard/provider-facts";
export type { ReferenceContext, SecretSource } from "./guard/rules/references";
export type { ReportSummary } from "./guard/finding";
export type { SarifLimits } from "./guard/report/sarif-cap";
export type { SarifOptions } from "./guard/report/sarif";
export { SARIF_PRIMARY } from "./guard/report/sarif-primary";
export type { SarifPrimary } from "./guard/report/sarif-primary";
import { genesysRuleBook } from "./genesys-pack";
import type { RuleInfo as RuleInfoType } from "./guard/finding";

/** Every rule the toolkit reports (both packs, the audit's rules and the shipped detectors). */
export const ALL_RULES: readonly RuleInfoType[] = genesysRuleBook().all();

/** A rule by id, or undefined. */
export function ruleById(id: string): RuleInfoType | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
