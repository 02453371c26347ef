import type { SynthRule, RuleHit } from "../rule";
import type { ConfigDocument } from "../config-document";

export const backendUnlockedRule: SynthRule = {
  info: {
    id: "SG005",
    name: "backend-unlocked",
    severity: "error",
    explanation:
      "The S3 backend has no state locking (`use_lockfile` or a DynamoDB table): two concurrent applies can corrupt state and lose the only copy of a generated secret.",
    fix: "Use EncryptedS3Backend (use_lockfile = true by default).",
  },
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    const b = doc.backend;
    if (b?.type !== "s3") return;
    const s3 = b.body;
    const locked = s3.use_lockfile === true || s3.use_lockfile === "true" || (typeof s3.dynamodb_table === "string" && s3.dynamodb_table.length > 0);
    if (locked) return;
    yield { pointer: "/terraform/backend/s3", address: "terraform.backend.s3", attribute: "use_lockfile", fingerprint: "", message: "the S3 backend has no state locking (use_lockfile or dynamodb_table)" };
  },
};
