/** HashiCorp Vault service, batch and recovery tokens. */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, fake } from "./sample-values";

export const VAULT_TOKEN: Detector = {
  id: "SG146",
  name: "vault-token",
  title: "a HashiCorp Vault token",
  severity: "error",
  explanation: "A Vault service, batch or recovery token (hvs., hvb., hvr.): reads whatever its policies allow.",
  fix: "Authenticate to Vault at run time (AppRole, JWT/OIDC, cloud auth) instead of storing a token; revoke it.",
  keywords: ["hvs.", "hvb.", "hvr."],
  pattern: "(?<![A-Za-z0-9])hv[sbr]\\.[A-Za-z0-9_-]{24,255}",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "token", value: "hv" + "s." + fake(ALNUM, 24, 201) },
      { key: "env", value: "VAULT_TOKEN=" + "hv" + "b." + fake(BASE64URL, 138, 202) },
    ],
    negative: [
      { key: "note", value: "hv" + "s." + "short" },
      { key: "note", value: "hv" + "s." + "x".repeat(30) },
    ],
  },
};
