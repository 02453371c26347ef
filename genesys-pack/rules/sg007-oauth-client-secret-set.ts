import type { RuleHit, SynthRule } from "../../guard/rules/rule";
import { ConfigDocument, isLiteral } from "../../guard/rules/config-document";
import { fingerprint } from "../../guard/fingerprint";
import { oauthClients } from "./oauth-clients";

export const oauthClientSecretSetRule: SynthRule = {
  info: {
    id: "SG007",
    name: "oauth-client-secret-set",
    severity: "error",
    explanation:
    "client_secret is set on genesyscloud_oauth_client. Genesys generates client secrets; the provider never sends this value, so it only drifts and copies a secret into config, plan and state (the tutorial's mistake).",
    fix: "Remove client_secret. Choose where the generated secret goes with GenesysOAuthClient's secretDelivery.",
  },
  // "Remove it" says more than "it is a literal secret" (SG002).
  supersedes: ["SG002"],
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    for (const b of oauthClients(doc)) {
      const v = b.body.client_secret;
      if (v === undefined || v === null) continue;
      yield {
        pointer: `${b.pointer}/client_secret`,
        address: b.address,
        attribute: "client_secret",
        fingerprint: isLiteral(v) ? fingerprint(v) : "",
        message: `${b.address} sets client_secret: Genesys generates client secrets and the provider never sends this value`,
        constructPath: b.constructPath,
      };
    }
  },
};
