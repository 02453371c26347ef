import type { SynthRule, RuleHit } from "../rule";
import type { ConfigDocument } from "../config-document";

export const backendLocalRule: SynthRule = {
  info: {
    id: "SG003",
    name: "backend-local",
    severity: "error",
    explanation:
      "The stack keeps state in a local file (no backend, or the local backend). State holds secrets in clear and a local file is neither encrypted nor locked.",
    fix: "Use EncryptedS3Backend (or an HCP Terraform / Terraform Enterprise cloud backend).",
  },
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    const b = doc.backend;
    if (b && b.type !== "local") return;
    yield {
      pointer: b ? "/terraform/backend/local" : "/terraform",
      address: "terraform.backend",
      attribute: "",
      fingerprint: "",
      message: b
        ? "the stack uses the local backend: state, secrets included, sits unencrypted and unlocked on disk"
        : "the stack has no backend, so Terraform keeps state, secrets included, in a local file",
    };
  },
};
