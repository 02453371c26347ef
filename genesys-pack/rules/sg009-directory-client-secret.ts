import type { RuleHit, SynthRule } from "../../guard/rules/rule";
import type { ConfigDocument } from "../../guard/rules/config-document";
import { oauthClients } from "./oauth-clients";

export const directoryClientSecretRule: SynthRule = {
  info: {
    id: "SG009",
    name: "directory-client-secret",
    severity: "error",
    explanation:
    "directory_client_secret makes the provider write the raw client secret to a file named after the client id, with mode 0777 minus umask: usually world-readable, outside any state encryption.",
    fix: "Remove directory_client_secret; use secretDelivery secrets-manager or integration-credential.",
  },
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    for (const b of oauthClients(doc)) {
      if (b.body.directory_client_secret === undefined || b.body.directory_client_secret === null) continue;
      yield {
        pointer: `${b.pointer}/directory_client_secret`,
        address: b.address,
        attribute: "directory_client_secret",
        fingerprint: "",
        message: `${b.address} sets directory_client_secret: the raw secret would be written to a (usually world-readable) file`,
        constructPath: b.constructPath,
      };
    }
  },
};
