/**
 * HashiCorp Vault credentials. Formats from Vault's docs ("Tokens": hvs./hvb./hvr. prefixes since Vault 1.10,
 * s./b./r. before; "AppRole auth method": secret_id is a UUID by default).
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, fake, fakeUuid } from "./sample-values";

export const VAULT_TOKEN: Detector = {
  id: "SG146",
  name: "vault-token",
  title: "a HashiCorp Vault token",
  severity: "error",
  explanation: "A Vault service, batch or recovery token (hvs., hvb., hvr.): reads whatever its policies allow.",
  fix: "Authenticate to Vault at run time (AppRole, JWT/OIDC, cloud auth) instead of storing a token; revoke it.",
  keywords: ["hvs.", "hvb.", "hvr."],
  // A namespaced token (HCP Vault) ends in .<namespace id>.
  pattern: "(?<![A-Za-z0-9])hv[sbr]\\.[A-Za-z0-9_-]{24,1024}(?:\\.[A-Za-z0-9]{4,8})?(?![A-Za-z0-9_.-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "token", value: "hv" + "s." + fake(ALNUM, 24, 201) },
      { key: "env", value: "VAULT_TOKEN=" + "hv" + "b." + fake(BASE64URL, 138, 202) },
      // Batch tokens grow with their policies and metadata: 300 characters and more.
      { key: "value", value: "hv" + "b." + fake(BASE64URL, 300, 206) },
      { key: "value", value: "hv" + "s." + fake(BASE64URL, 91, 203) + "." + fake(ALNUM, 5, 204) },
      { key: "content", value: "export VAULT_ADDR=https://vault.example.com:8200\nexport VAULT_TOKEN=" + "hv" + "r." + fake(ALNUM, 24, 205) + "\n" },
    ],
    negative: [
      { key: "note", value: "hv" + "s." + "short" },
      { key: "note", value: "hv" + "s." + "x".repeat(30) },
      { key: "value", value: "the token starts with hv" + "s. and is long" },
    ],
  },
};

export const VAULT_LEGACY_TOKEN: Detector = {
  id: "SG208",
  name: "vault-legacy-token",
  title: "a HashiCorp Vault token",
  severity: "error",
  explanation: "A Vault token in the format before Vault 1.10 (s. and 24 characters) under a token key: reads whatever its policies allow.",
  fix: "Authenticate to Vault at run time (AppRole, JWT/OIDC, cloud auth) instead of storing a token; revoke it (vault token revoke).",
  keywords: [],
  keys: { include: "token$" },
  pattern: "^s\\.[A-Za-z0-9]{24}$",
  check: "mixed-classes",
  samples: {
    positive: [
      { key: "VAULT_TOKEN", value: "s." + fake(ALNUM, 24, 206) },
      { key: "content", value: "VAULT_ADDR=https://vault.example.com\nVAULT_TOKEN=s." + fake(ALNUM, 24, 207) + "\n" },
      { key: "token", value: "s." + fake(ALNUM, 24, 208) },
    ],
    negative: [
      { key: "value", value: "s." + fake(ALNUM, 24, 209) },
      { key: "VAULT_TOKEN", value: "s." + "abcdefghijklmnopqrstuvwx" },
      { key: "VAULT_TOKEN", value: "${var.vault_token}" },
    ],
  },
};

export const VAULT_APPROLE_SECRET_ID: Detector = {
  id: "SG209",
  name: "vault-approle-secret-id",
  title: "a HashiCorp Vault AppRole secret id",
  severity: "warning", // a UUID under secret_id: IBM Secrets Manager and others use the name for an identifier
  explanation: "A UUID under an AppRole secret_id key: with the role id, it logs in to Vault as the role.",
  fix: "Deliver secret ids with response wrapping at run time (short TTL, limited uses) instead of storing them; destroy it (vault write auth/approle/role/<role>/secret-id/destroy).",
  keywords: [],
  keys: { include: "(?:approle|vault)[a-z0-9]{0,20}secretid$|^secretid$" },
  pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "VAULT_SECRET_ID", value: fakeUuid(211) },
      { key: "secret_id", value: fakeUuid(212) },
      { key: "content", value: "role_id: " + fakeUuid(213) + "\napprole_secret_id: " + fakeUuid(214) + "\n" },
    ],
    negative: [
      { key: "secret_id_accessor", value: fakeUuid(215) },
      { key: "secret_id", value: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf" },
      { key: "role_id", value: fakeUuid(216) },
    ],
  },
};
