import type { SynthRule, RuleHit } from "../rule";
import { ConfigDocument, escapePointer } from "../config-document";

export const backendUnverifiedRule: SynthRule = {
  info: {
    id: "SG012",
    name: "backend-unverified",
    severity: "warning",
    explanation:
      "The stack keeps state in a backend whose encryption and locking the guard cannot verify from the configuration (http, consul, pg, kubernetes and others). State holds secrets.",
    fix: "Use EncryptedS3Backend or HCP Terraform, or make sure the backend encrypts state at rest and locks it, then suppress with that reason.",
  },
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    const b = doc.backend;
    // S3 is checked by SG004-SG006; these services encrypt state at rest and lock it themselves.
    if (!b || ["local", "s3", "cloud", "remote", "gcs", "azurerm"].includes(b.type)) return;
    yield {
      pointer: `/terraform/backend/${escapePointer(b.type)}`,
      address: `terraform.backend.${b.type}`,
      attribute: "",
      fingerprint: "",
      message: `the ${b.type} backend's encryption and locking cannot be checked from the configuration`,
    };
  },
};
