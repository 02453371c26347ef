import type { RuleHit, SynthRule } from "../../guard/rules/rule";
import type { ConfigDocument } from "../../guard/rules/config-document";
import { oauthClients } from "./oauth-clients";

export const exposedSecretWithoutEncryptedBackendRule: SynthRule = {
  info: {
    id: "SG008",
    name: "exposed-secret-without-encrypted-backend",
    severity: "error",
    explanation:
    "expose_client_secret = true keeps the OAuth client secret in state, but the stack has no encrypted remote backend.",
    fix: "Use EncryptedS3Backend or a cloud backend, or secretDelivery none / integration-credential.",
  },
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    if (doc.encryptedRemoteBackend) return;
    for (const b of oauthClients(doc)) {
      if (b.body.expose_client_secret !== true && b.body.expose_client_secret !== "true") continue;
      yield {
        pointer: `${b.pointer}/expose_client_secret`,
        address: b.address,
        attribute: "expose_client_secret",
        fingerprint: "",
        message: `${b.address} keeps its client secret in state (expose_client_secret = true) but the stack has no encrypted remote backend`,
        constructPath: b.constructPath,
      };
    }
  },
};
