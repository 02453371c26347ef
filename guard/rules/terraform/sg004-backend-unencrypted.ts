import type { SynthRule, RuleHit } from "../rule";
import type { ConfigDocument } from "../config-document";

const isTrue = (v: unknown) => v === true || v === "true";

export const backendUnencryptedRule: SynthRule = {
  info: {
    id: "SG004",
    name: "backend-unencrypted",
    severity: "error",
    explanation: "The S3 backend does not set `encrypt = true`, so state objects, which hold secrets, may be stored unencrypted.",
    fix: "Use EncryptedS3Backend, which always sets encrypt = true.",
  },
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    const b = doc.backend;
    if (b?.type !== "s3" || isTrue(b.body.encrypt)) return;
    yield { pointer: "/terraform/backend/s3/encrypt", address: "terraform.backend.s3", attribute: "encrypt", fingerprint: "", message: "the S3 backend does not set encrypt = true" };
  },
};
