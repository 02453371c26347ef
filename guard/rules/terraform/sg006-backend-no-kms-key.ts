import type { SynthRule, RuleHit } from "../rule";
import type { ConfigDocument } from "../config-document";

export const backendNoKmsKeyRule: SynthRule = {
  info: {
    id: "SG006",
    name: "backend-no-kms-key",
    severity: "warning",
    explanation:
      "The S3 backend encrypts with the bucket's default key: anyone who can read the bucket can read the secrets in state. A customer-managed KMS key adds a separate access control.",
    fix: "Set kmsKeyId on EncryptedS3Backend (a KMS key whose policy admits only the deploy role).",
  },
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    const b = doc.backend;
    if (b?.type !== "s3" || b.body.kms_key_id || !(b.body.encrypt === true || b.body.encrypt === "true")) return;
    yield { pointer: "/terraform/backend/s3", address: "terraform.backend.s3", attribute: "kms_key_id", fingerprint: "", message: "the S3 backend encrypts with the bucket's default key (no kms_key_id)" };
  },
};
