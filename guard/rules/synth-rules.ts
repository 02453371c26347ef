import type { RuleInfo } from "../finding";

/**
 * The synth-time rule pack (SecretGuard), as data: stable ids, severities, explanations and fixes.
 * Ids never change meaning; retired rules are not reused.
 */
export const SYNTH_RULES: RuleInfo[] = [
  {
    id: "SG001",
    name: "sensitive-output-unmarked",
    severity: "error",
    explanation:
      "A root output takes its value from a sensitive attribute, a sensitive variable or a GeneratedSecret but is not marked sensitive, so Terraform would print it and write it to output files in clear.",
    fix: "Set `sensitive: true` on the TerraformOutput, or output something that is not secret (an id or an ARN).",
  },
  {
    id: "SG002",
    name: "literal-secret",
    severity: "error",
    explanation:
      "A secret is written as a literal in the configuration (provider credentials, a resource argument, a variable default or a backend setting): it ends up in cdk.tf.json, in the repository's build output and in every plan.",
    fix: "Read provider credentials from the environment (GENESYSCLOUD_OAUTHCLIENT_SECRET, AWS_* variables), generate secrets with GeneratedSecret, or pass them as sensitive (better: ephemeral) variables.",
  },
  {
    id: "SG003",
    name: "backend-local",
    severity: "error",
    explanation:
      "The stack keeps state in a local file (no backend, or the local backend). State holds secrets in clear and a local file is neither encrypted nor locked.",
    fix: "Use EncryptedS3Backend (or an HCP Terraform / Terraform Enterprise cloud backend).",
  },
  {
    id: "SG004",
    name: "backend-unencrypted",
    severity: "error",
    explanation: "The S3 backend does not set `encrypt = true`, so state objects, which hold secrets, may be stored unencrypted.",
    fix: "Use EncryptedS3Backend, which always sets encrypt = true.",
  },
  {
    id: "SG005",
    name: "backend-unlocked",
    severity: "error",
    explanation:
      "The S3 backend has no state locking (`use_lockfile` or a DynamoDB table): two concurrent applies can corrupt state and lose the only copy of a generated secret.",
    fix: "Use EncryptedS3Backend (use_lockfile = true by default).",
  },
  {
    id: "SG006",
    name: "backend-no-kms-key",
    severity: "warning",
    explanation:
      "The S3 backend encrypts with the bucket's default key: anyone who can read the bucket can read the secrets in state. A customer-managed KMS key adds a separate access control.",
    fix: "Set kmsKeyId on EncryptedS3Backend (a KMS key whose policy admits only the deploy role).",
  },
  {
    id: "SG007",
    name: "oauth-client-secret-set",
    severity: "error",
    explanation:
      "client_secret is set on genesyscloud_oauth_client. Genesys generates client secrets; the provider never sends this value, so it only drifts and copies a secret into config, plan and state (the tutorial's mistake).",
    fix: "Remove client_secret. Choose where the generated secret goes with GenesysOAuthClient's secretDelivery.",
  },
  {
    id: "SG008",
    name: "exposed-secret-without-encrypted-backend",
    severity: "error",
    explanation:
      "expose_client_secret = true keeps the OAuth client secret in state, but the stack has no encrypted remote backend.",
    fix: "Use EncryptedS3Backend or a cloud backend, or secretDelivery none / integration-credential.",
  },
  {
    id: "SG009",
    name: "directory-client-secret",
    severity: "error",
    explanation:
      "directory_client_secret makes the provider write the raw client secret to a file named after the client id, with mode 0777 minus umask: usually world-readable, outside any state encryption.",
    fix: "Remove directory_client_secret; use secretDelivery secrets-manager or integration-credential.",
  },
  {
    id: "SG010",
    name: "provider-sdk-debug",
    severity: "error",
    explanation:
      "sdk_debug = true makes the genesyscloud provider log every request and response body, including the response that carries a new client secret.",
    fix: "Remove sdk_debug from the provider block; set it only in a throwaway environment.",
  },
  {
    id: "SG011",
    name: "write-only-twin-available",
    severity: "error",
    explanation:
      "A secret is passed to an argument that has a write-only twin (e.g. secret_string while secret_string_wo exists). The plain argument is stored in plan and state; the write-only one never is.",
    fix: "Use the write-only argument with its *_wo_version (GeneratedSecret.toSecretsManager does this).",
  },
  {
    id: "SG012",
    name: "backend-unverified",
    severity: "warning",
    explanation:
      "The stack keeps state in a backend whose encryption and locking the guard cannot verify from the configuration (http, consul, pg, kubernetes and others). State holds secrets.",
    fix: "Use EncryptedS3Backend or HCP Terraform, or make sure the backend encrypts state at rest and locks it, then suppress with that reason.",
  },
];
