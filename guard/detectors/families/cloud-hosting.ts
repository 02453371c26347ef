/**
 * Cloud and edge providers beside the big three: Cloudflare, DigitalOcean, Linode (Akamai), Scaleway, Vultr,
 * Alibaba Cloud, Fastly, IBM Cloud. Formats from each vendor's API docs and announcements: Cloudflare "API
 * tokens" / "Origin CA keys" and its 2026 prefixed tokens (cfut_ user, cfat_ account, cfk_ API keys: 40
 * characters and an 8-hex checksum); DigitalOcean "personal access tokens" (dop_v1_, doo_v1_ OAuth, dor_v1_
 * refresh: 64 hex); Linode "personal access tokens" (64 hex); Scaleway "API keys" (SCW + 17 access key, UUID
 * secret key); Vultr "API keys" (36 characters); Alibaba "AccessKey pairs" (LTAI id, 30-character secret);
 * Fastly "API tokens" (32 characters); IBM Cloud "API keys" (44 characters). Formats without a prefix are only
 * read under their vendor's key names (CLOUDFLARE_API_TOKEN, LINODE_TOKEN, SCW_SECRET_KEY, ...).
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, DIGITS, HEX, UPPER, fake, fakeUuid } from "./sample-values";

const cfToken = (prefix: string, seed: number) => prefix + fake(ALNUM, 40, seed) + fake(HEX, 8, seed + 1);

export const CLOUDFLARE_API_TOKEN: Detector = {
  id: "SG211",
  name: "cloudflare-api-token",
  title: "a Cloudflare API token",
  severity: "error",
  explanation: "A Cloudflare user or account API token or API key in the prefixed format (cfut_, cfat_, cfk_): changes DNS, zones and Workers within its permissions.",
  fix: "Keep the token in the CI's secret store and pass it at run time; roll or delete it under My Profile (or Manage Account) > API Tokens.",
  keywords: ["cfut_", "cfat_", "cfk_"],
  pattern: "(?<![A-Za-z0-9_])(?:cf[ua]t|cfk)_[A-Za-z0-9]{40}[a-f0-9]{8}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: cfToken("cf" + "ut_", 2201) },
      { key: "CLOUDFLARE_API_TOKEN", value: cfToken("cf" + "at_", 2203) },
      { key: "content", value: "[default]\napi_key = " + cfToken("cf" + "k_", 2205) + "\n" },
    ],
    negative: [
      { key: "value", value: "cf" + "ut_" + fake(ALNUM, 30, 2207) },
      { key: "value", value: "cf" + "ut_" + "x".repeat(40) + "0".repeat(8) },
      { key: "note", value: "user tokens start with cf" + "ut_ and account tokens with cf" + "at_" },
    ],
  },
};

export const CLOUDFLARE_API_TOKEN_BY_KEY: Detector = {
  id: "SG212",
  name: "cloudflare-api-token-under-key",
  title: "a Cloudflare API token",
  severity: "error",
  explanation: "A 40-character Cloudflare API token, or a 37-hex global API key, under a Cloudflare key name: changes DNS, zones and Workers within its permissions (the global key: everything).",
  fix: "Prefer scoped API tokens kept in a secret store; roll the token (or the global API key) under My Profile > API Tokens.",
  keywords: [],
  keys: { include: "cloudflare[a-z0-9]{0,30}(?:token|key)$|^cf(?:api)?(?:token|key)$" },
  pattern: "^(?:[A-Za-z0-9_-]{40}|[0-9a-f]{37})$",
  entropy: 3.0,
  // A 40-hex value is a digest or an id, not a token (tokens mix cases).
  allow: ["^[0-9a-f]{40}$"],
  samples: {
    positive: [
      { key: "CLOUDFLARE_API_TOKEN", value: fake(BASE64URL, 40, 2210) },
      { key: "cloudflare_api_key", value: fake(HEX, 37, 2211) },
      { key: "content", value: "CF_API_TOKEN=" + fake(BASE64URL, 40, 2212) + "\nCF_ZONE=example.com\n" },
    ],
    negative: [
      { key: "CLOUDFLARE_ACCOUNT_ID", value: fake(HEX, 32, 2213) },
      { key: "CLOUDFLARE_API_TOKEN", value: fake(HEX, 40, 2214) },
      { key: "CLOUDFLARE_API_TOKEN", value: "<your-api-token>" },
    ],
  },
};

const originCaKey = (seed: number) => "v1.0-" + fake(HEX, 24, seed) + "-" + fake(HEX, 146, seed + 1);

export const CLOUDFLARE_ORIGIN_CA_KEY: Detector = {
  id: "SG213",
  name: "cloudflare-origin-ca-key",
  title: "a Cloudflare Origin CA key",
  severity: "error",
  explanation: "A Cloudflare Origin CA key (v1.0-, 24 hex, -, 146 hex): issues and revokes origin certificates for the account's zones.",
  fix: "Use an API token with SSL and Certificates permission instead; change the Origin CA key under My Profile > API Tokens.",
  keywords: ["v1.0-"],
  pattern: "(?<![A-Za-z0-9_.-])v1\\.0-[0-9a-f]{24}-[0-9a-f]{146}(?![0-9a-f])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: originCaKey(2220) },
      { key: "CLOUDFLARE_API_USER_SERVICE_KEY", value: originCaKey(2222) },
      { key: "content", value: "provider \"cloudflare\" {\n  api_user_service_key = \"" + originCaKey(2224) + "\"\n}\n" },
    ],
    negative: [
      { key: "value", value: "v1.0-" + fake(HEX, 24, 2226) + "-" + fake(HEX, 60, 2227) },
      { key: "version", value: "v1.0-beta" },
      { key: "value", value: "v1.0-" + "0".repeat(24) + "-" + "0".repeat(146) },
    ],
  },
};

const doToken = (prefix: string, seed: number) => prefix + "v1_" + fake(HEX, 64, seed);

export const DIGITALOCEAN_TOKEN: Detector = {
  id: "SG214",
  name: "digitalocean-token",
  title: "a DigitalOcean token",
  severity: "error",
  explanation: "A DigitalOcean personal access, OAuth or refresh token (dop_v1_, doo_v1_, dor_v1_ and 64 hex): manages the team's droplets, databases and DNS within its scopes.",
  fix: "Keep the token in the CI's secret store; delete it under API > Tokens (or revoke the OAuth grant) and create a scoped one.",
  keywords: ["dop_v1_", "doo_v1_", "dor_v1_"],
  pattern: "(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9_])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: doToken("do" + "p_", 2230) },
      { key: "DIGITALOCEAN_ACCESS_TOKEN", value: doToken("do" + "o_", 2231) },
      { key: "content", value: "access-token: " + doToken("do" + "r_", 2232) + "\ncontext: default\n" },
    ],
    negative: [
      { key: "value", value: "do" + "p_v1_" + fake(HEX, 40, 2233) },
      { key: "value", value: "do" + "p_v1_" + "0".repeat(64) },
      { key: "value", value: "do" + "p_v2_" + fake(HEX, 64, 2234) },
    ],
  },
};

export const LINODE_TOKEN: Detector = {
  id: "SG215",
  name: "linode-token",
  title: "a Linode (Akamai) API token",
  severity: "error",
  explanation: "A 64-hex Linode personal access token under a Linode key name: manages the account's Linodes, volumes and DNS within its scopes.",
  fix: "Keep the token in the CI's secret store; revoke it in Cloud Manager under API Tokens and create one with narrower scopes and an expiry.",
  keywords: [],
  keys: { include: "linode[a-z0-9]{0,20}(?:token|apitoken|apikey|key|pat)$" },
  pattern: "^[0-9a-f]{64}$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "LINODE_TOKEN", value: fake(HEX, 64, 2240) },
      { key: "content", value: "export LINODE_CLI_TOKEN=" + fake(HEX, 64, 2241) + "\n" },
      { key: "linode_api_token", value: fake(HEX, 64, 2242) },
    ],
    negative: [
      { key: "LINODE_TOKEN", value: "0".repeat(64) },
      { key: "linode_instance_id", value: fake(HEX, 64, 2243) },
      { key: "checksum", value: fake(HEX, 64, 2244) },
    ],
  },
};

const BASE36_UPPER = UPPER + DIGITS;

export const SCALEWAY_ACCESS_KEY: Detector = {
  id: "SG216",
  name: "scaleway-access-key",
  title: "a Scaleway access key",
  severity: "error",
  explanation: "A Scaleway API access key (SCW and 17 characters): the public half of an API key, which travels with its secret key.",
  fix: "Pass API keys from the environment (SCW_ACCESS_KEY, SCW_SECRET_KEY) at run time; delete the API key in the console (IAM > API keys) and create a new one.",
  keywords: ["SCW"],
  pattern: "(?<![A-Za-z0-9])SCW[A-Z0-9]{17}(?![A-Za-z0-9])",
  entropy: 3.0,
  // All letters: a constant's name, not a key (real ones nearly always carry digits).
  allow: ["^[A-Z]{20}$"],
  samples: {
    positive: [
      { key: "value", value: "SCW" + fake(BASE36_UPPER, 17, 2250) },
      { key: "SCW_ACCESS_KEY", value: "SCW" + fake(BASE36_UPPER, 17, 2251) },
      { key: "content", value: "access_key: SCW" + fake(BASE36_UPPER, 17, 2252) + "\ndefault_region: fr-par\n" },
    ],
    negative: [
      { key: "value", value: "SCW" + "DEFAULTORGANIZATI" },
      { key: "value", value: "SCW" + fake(BASE36_UPPER, 10, 2253) },
      { key: "value", value: "XSCW" + fake(BASE36_UPPER, 17, 2254) },
    ],
  },
};

export const SCALEWAY_SECRET_KEY: Detector = {
  id: "SG217",
  name: "scaleway-secret-key",
  title: "a Scaleway secret key",
  severity: "error",
  explanation: "A UUID under a Scaleway secret-key name (SCW_SECRET_KEY): with the access key, acts with the API key's IAM permissions.",
  fix: "Pass it from the environment at run time; delete the API key in the console (IAM > API keys) and create a new one.",
  keywords: [],
  keys: { include: "(?:^scw|scaleway)[a-z0-9]{0,20}(?:secretkey|secret|token)$" },
  pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "SCW_SECRET_KEY", value: fakeUuid(2255) },
      { key: "content", value: "SCW_SECRET_KEY=" + fakeUuid(2257) + "\nSCW_DEFAULT_REGION=fr-par\n" },
      { key: "scaleway_secret_key", value: fakeUuid(2258) },
    ],
    negative: [
      { key: "SCW_DEFAULT_PROJECT_ID", value: fakeUuid(2259) },
      { key: "SCW_SECRET_KEY", value: "00000000-0000-0000-0000-000000000000" },
      { key: "value", value: fakeUuid(2260) },
    ],
  },
};

export const VULTR_API_KEY: Detector = {
  id: "SG218",
  name: "vultr-api-key",
  title: "a Vultr API key",
  severity: "error",
  explanation: "A 36-character Vultr API key under a Vultr key name: full control of the account's instances and networks.",
  fix: "Pass it from the environment (VULTR_API_KEY) at run time and restrict it by IP; regenerate it under Account > API.",
  keywords: [],
  keys: { include: "vultr[a-z0-9]{0,20}(?:apikey|key|token)$" },
  pattern: "^[A-Z0-9]{36}$",
  entropy: 3.5,
  allow: ["^[A-Z]{36}$"],
  samples: {
    positive: [
      { key: "VULTR_API_KEY", value: fake(BASE36_UPPER, 36, 2261) },
      { key: "content", value: "VULTR_API_KEY=" + fake(BASE36_UPPER, 36, 2262) + "\n" },
      { key: "vultr_token", value: fake(BASE36_UPPER, 36, 2263) },
    ],
    negative: [
      { key: "VULTR_API_KEY", value: "A".repeat(36) },
      { key: "vultr_instance_id", value: fake(BASE36_UPPER, 36, 2264) },
      { key: "VULTR_API_KEY", value: fakeUuid(2265) },
    ],
  },
};

export const ALIBABA_ACCESS_KEY_ID: Detector = {
  id: "SG219",
  name: "alibaba-access-key-id",
  title: "an Alibaba Cloud AccessKey id",
  severity: "error",
  explanation: "An Alibaba Cloud AccessKey id (LTAI and 12-20 characters): the public half of an AccessKey pair, which travels with its secret.",
  fix: "Use RAM roles or STS tokens instead of AccessKey pairs; disable and delete the pair in the RAM console.",
  keywords: ["LTAI"],
  pattern: "(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12,20}(?![A-Za-z0-9])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "LTAI" + fake(ALNUM, 20, 2270) },
      { key: "ALICLOUD_ACCESS_KEY", value: "LTAI" + fake(ALNUM, 12, 2271) },
      { key: "content", value: "[default]\naccess_key_id = LTAI" + fake(ALNUM, 20, 2272) + "\n" },
    ],
    negative: [
      { key: "value", value: "LTAI" + fake(ALNUM, 8, 2273) },
      { key: "value", value: "LTAI" + "x".repeat(20) },
      { key: "value", value: "SALTAI" + fake(ALNUM, 20, 2274) },
    ],
  },
};

export const ALIBABA_ACCESS_KEY_SECRET: Detector = {
  id: "SG220",
  name: "alibaba-access-key-secret",
  title: "an Alibaba Cloud AccessKey secret",
  severity: "error",
  explanation: "A 30-character AccessKey secret under an Alibaba Cloud key name: with its id, acts with the RAM user's permissions.",
  fix: "Use RAM roles or STS tokens instead of AccessKey pairs; disable and delete the pair in the RAM console.",
  keywords: [],
  keys: { include: "(?:alibaba|alicloud|aliyun)[a-z0-9]{0,30}secret(?:key)?$" },
  pattern: "^[A-Za-z0-9]{30}$",
  check: "mixed-classes",
  samples: {
    positive: [
      { key: "ALICLOUD_SECRET_KEY", value: fake(ALNUM, 30, 2275) },
      { key: "ALIBABA_CLOUD_ACCESS_KEY_SECRET", value: fake(ALNUM, 30, 2276) },
      { key: "content", value: "ALIYUN_ACCESS_KEY_SECRET=" + fake(ALNUM, 30, 2277) + "\n" },
    ],
    negative: [
      { key: "ALICLOUD_SECRET_KEY", value: fake(HEX, 30, 2278) },
      { key: "alicloud_secret_name", value: fake(ALNUM, 30, 2279) },
      { key: "ALICLOUD_SECRET_KEY", value: "${var.alicloud_secret_key}" },
    ],
  },
};

export const FASTLY_API_TOKEN: Detector = {
  id: "SG221",
  name: "fastly-api-token",
  title: "a Fastly API token",
  severity: "error",
  explanation: "A 32-character Fastly API token under a Fastly key name: changes services, purges caches and reads logs within its scope.",
  fix: "Pass it from the environment (FASTLY_API_TOKEN) at run time with an expiry and a narrow scope; revoke it under Account > API tokens.",
  keywords: [],
  keys: { include: "fastly[a-z0-9]{0,20}(?:apitoken|apikey|token|key)$" },
  pattern: "^[A-Za-z0-9_-]{32}$",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "FASTLY_API_TOKEN", value: fake(BASE64URL, 32, 2280) },
      { key: "content", value: "export FASTLY_API_KEY=" + fake(BASE64URL, 32, 2281) + "\n" },
      { key: "fastly_token", value: fake(ALNUM, 32, 2282) },
    ],
    negative: [
      { key: "FASTLY_API_TOKEN", value: "x".repeat(32) },
      { key: "FASTLY_SERVICE_ID", value: fake(ALNUM, 22, 2283) },
      { key: "FASTLY_API_TOKEN", value: "${var.fastly_api_token}" },
    ],
  },
};

export const IBM_CLOUD_API_KEY: Detector = {
  id: "SG222",
  name: "ibm-cloud-api-key",
  title: "an IBM Cloud API key",
  severity: "error",
  explanation: "A 44-character IBM Cloud API key under an IBM key name (IC_API_KEY, IBMCLOUD_API_KEY): acts as the user or service ID that owns it.",
  fix: "Use trusted profiles or a service ID key kept in Secrets Manager; delete the key under Manage > Access (IAM) > API keys.",
  keywords: [],
  keys: { include: "^(?:ibm[a-z0-9]{0,20}|ic)apikey$|^ibmcloud[a-z0-9]{0,20}key$" },
  pattern: "^[A-Za-z0-9_-]{44}$",
  check: "mixed-classes",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "IC_API_KEY", value: fake(BASE64URL, 44, 2285) },
      { key: "IBMCLOUD_API_KEY", value: fake(BASE64URL, 44, 2286) },
      { key: "content", value: "export IBM_API_KEY=" + fake(BASE64URL, 44, 2287) + "\n" },
    ],
    negative: [
      { key: "IC_API_KEY", value: "${var.ibmcloud_api_key}" },
      { key: "ibm_api_key_id", value: fake(BASE64URL, 44, 2288) },
      { key: "IC_API_KEY", value: fake(HEX, 44, 2289) },
    ],
  },
};
