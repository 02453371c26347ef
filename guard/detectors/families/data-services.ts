/**
 * Data, search, mapping and AI inference services whose keys carry a prefix: ClickHouse Cloud, Pinecone, Yandex
 * Cloud, Mapbox, NVIDIA (API catalog / NIM).
 * Formats from the vendors' docs (and the public scanners' rule catalogues for lengths): ClickHouse Cloud API
 * key secrets (4b1d and 38 letters and digits), Pinecone API keys (pcsk_, a 5-6 character id, _ and 63), Yandex
 * Cloud IAM tokens (t1. and two base64url parts) and API keys (AQVN and 35-38), Mapbox secret tokens (sk. and a
 * base64url JSON payload, a dot and a signature), NVIDIA API keys (nvapi- and 64 base64url). Mapbox public tokens
 * (pk.) are meant for browsers: not here.
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, HEX, b64url, fake } from "./sample-values";

export const CLICKHOUSE_CLOUD_API_SECRET: Detector = {
  id: "SG433",
  name: "clickhouse-cloud-api-secret",
  title: "a ClickHouse Cloud API key secret",
  severity: "error",
  explanation: "A ClickHouse Cloud API key secret (4b1d and 38 letters and digits): with its key id, manages the organization's services, their IP access lists and members through the Cloud API.",
  fix: "Keep the secret in a secret store read at run time; delete the key in ClickHouse Cloud (Organization > API keys) and create one with the fewest roles and an expiry.",
  keywords: ["4b1d"],
  pattern: "(?<![A-Za-z0-9_+/-])4b1d[A-Za-z0-9]{38}(?![A-Za-z0-9_+/=-])",
  // Upper and lower case and digits: a hex digest that happens to start with 4b1d is not a key.
  check: "mixed-classes",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: "4b" + "1d" + fake(ALNUM, 38, 4401) },
      { key: "CLICKHOUSE_KEY_SECRET", value: "4b" + "1d" + fake(ALNUM, 38, 4402) },
      { key: "content", value: "clickhouse:\n  key_secret: " + "4b" + "1d" + fake(ALNUM, 38, 4403) + "\n" },
    ],
    negative: [
      { key: "value", value: "4b" + "1d" + fake(HEX, 38, 4404) },
      { key: "value", value: "4b" + "1d" + fake(ALNUM, 20, 4405) },
      { key: "value", value: fake(HEX, 10, 4406) + "4b" + "1d" + fake(ALNUM, 38, 4407) },
    ],
  },
};

export const PINECONE_API_KEY: Detector = {
  id: "SG434",
  name: "pinecone-api-key",
  title: "a Pinecone API key",
  severity: "error",
  explanation: "A Pinecone API key (pcsk_, a short key id, _ and 63 letters and digits): reads, writes and deletes the project's indexes and their vectors (often embeddings of private documents).",
  fix: "Keep the key (PINECONE_API_KEY) in a secret store read at run time; delete it in the Pinecone console (the project's API keys) and create a new one.",
  keywords: ["pcsk_"],
  pattern: "(?<![A-Za-z0-9_])pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "pc" + "sk_" + fake(ALNUM, 5, 4411) + "_" + fake(ALNUM, 63, 4412) },
      { key: "PINECONE_API_KEY", value: "pc" + "sk_" + fake(ALNUM, 6, 4413) + "_" + fake(ALNUM, 63, 4414) },
      { key: "content", value: "pinecone:\n  api_key: \"" + "pc" + "sk_" + fake(ALNUM, 5, 4415) + "_" + fake(ALNUM, 63, 4416) + "\"\n" },
    ],
    negative: [
      { key: "value", value: "pc" + "sk_" + fake(ALNUM, 5, 4417) + "_" + fake(ALNUM, 30, 4418) },
      { key: "value", value: "pc" + "sk_" + "xxxxx" + "_" + "x".repeat(63) },
      { key: "value", value: "pc" + "sk_" + fake(ALNUM, 69, 4419) },
    ],
  },
};

const yandexIamToken = (seed: number) => "t" + "1." + fake(BASE64URL, 40, seed) + "." + fake(BASE64URL, 86, seed + 1);

export const YANDEX_IAM_TOKEN: Detector = {
  id: "SG435",
  name: "yandex-iam-token",
  title: "a Yandex Cloud IAM token",
  severity: "error",
  explanation: "A Yandex Cloud IAM token (t1., a base64url part, a dot and an 86-character signature): acts on the cloud's API as its account for up to 12 hours.",
  fix: "Use the metadata service or a service account's authorized key at run time instead of storing tokens; the token expires within 12 hours, and revoking the account's keys stops new ones.",
  keywords: ["t1."],
  pattern: "(?<![A-Za-z0-9_.-])t1\\.[A-Za-z0-9_-]{1,400}={0,2}\\.[A-Za-z0-9_-]{86}={0,2}(?![A-Za-z0-9_-])",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: yandexIamToken(4421) },
      { key: "YC_TOKEN", value: yandexIamToken(4423) },
      { key: "content", value: "curl -H \"Authorization: Bearer " + yandexIamToken(4425) + "\" https://resource-manager.api.cloud.yandex.net/\n" },
    ],
    negative: [
      { key: "value", value: "t" + "1." + fake(BASE64URL, 40, 4427) },
      { key: "value", value: "part" + "1." + fake(BASE64URL, 40, 4428) + "." + fake(BASE64URL, 86, 4429) },
      { key: "value", value: "t" + "1." + "A".repeat(40) + "." + "A".repeat(86) },
    ],
  },
};

export const YANDEX_API_KEY: Detector = {
  id: "SG436",
  name: "yandex-api-key",
  title: "a Yandex Cloud API key",
  severity: "error",
  explanation: "A Yandex Cloud API key (AQVN and 35 to 38 characters): acts on the services the service account's roles allow, until the key is deleted.",
  fix: "Keep the key in a secret store (Yandex Lockbox) read at run time; delete it with yc iam api-key delete and create one with a scope and an expiry.",
  keywords: ["AQVN"],
  pattern: "(?<![A-Za-z0-9_+/-])AQVN[A-Za-z0-9_-]{35,38}(?![A-Za-z0-9_+/=-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "AQ" + "VN" + fake(BASE64URL, 36, 4431) },
      { key: "YC_API_KEY", value: "AQ" + "VN" + fake(ALNUM, 38, 4432) },
      { key: "content", value: "yandex:\n  api_key: " + "AQ" + "VN" + fake(BASE64URL, 35, 4433) + "\n" },
    ],
    negative: [
      { key: "value", value: "AQ" + "VN" + fake(BASE64URL, 20, 4434) },
      { key: "value", value: "AQ" + "VN" + "x".repeat(36) },
      { key: "value", value: "AQ" + "VN" + fake(BASE64URL, 50, 4435) },
    ],
  },
};

/** A Mapbox token: the kind (sk secret, pk public), base64url JSON naming the user and token id, a signature. */
const mapboxToken = (kind: string, seed: number) => kind + "." + b64url(JSON.stringify({ u: "acme-" + fake(ALNUM, 6, seed).toLowerCase(), a: fake(ALNUM, 24, seed + 1) })) + "." + fake(BASE64URL, 22, seed + 2);

export const MAPBOX_SECRET_TOKEN: Detector = {
  id: "SG437",
  name: "mapbox-secret-token",
  title: "a Mapbox secret access token",
  severity: "error",
  explanation: "A Mapbox secret access token (sk. and a signed payload): uploads and deletes tilesets, styles and datasets, and creates tokens, with the scopes it was given. Public tokens (pk.) are meant for browsers and are not reported.",
  fix: "Keep secret tokens in a secret store read at run time (ship only pk. tokens to clients); delete it in Mapbox (Account > Tokens) and create one with fewer scopes.",
  keywords: ["sk.eyJ"],
  pattern: "(?<![A-Za-z0-9_.-])sk\\.eyJ[A-Za-z0-9_-]{20,600}\\.[A-Za-z0-9_-]{20,40}(?![A-Za-z0-9_.-])",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: mapboxToken("s" + "k", 4441) },
      { key: "MAPBOX_SECRET_TOKEN", value: mapboxToken("s" + "k", 4444) },
      { key: "content", value: "machine api.mapbox.com\n  login mapbox\n  password " + mapboxToken("s" + "k", 4447) + "\n" },
    ],
    negative: [
      { key: "value", value: mapboxToken("p" + "k", 4450) },
      { key: "value", value: "s" + "k.eyJ" + fake(BASE64URL, 60, 4453) },
      { key: "value", value: "dis" + "k." + mapboxToken("s" + "k", 4456).slice(3) },
    ],
  },
};

export const NVIDIA_API_KEY: Detector = {
  id: "SG449",
  name: "nvidia-api-key",
  title: "an NVIDIA API key",
  severity: "error",
  explanation: "An NVIDIA API key (nvapi- and 64 characters): calls the hosted models of the NVIDIA API catalog and pulls NGC containers and models on the account's credits and entitlements.",
  fix: "Keep the key (NVIDIA_API_KEY, NGC_API_KEY) in a secret store read at run time; revoke it in NGC (Setup > API keys) or build.nvidia.com and create a new one.",
  keywords: ["nvapi-"],
  pattern: "(?<![A-Za-z0-9_-])nvapi-[A-Za-z0-9_-]{64}(?![A-Za-z0-9_-])",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: "nva" + "pi-" + fake(BASE64URL, 64, 4491) },
      { key: "NVIDIA_API_KEY", value: "nva" + "pi-" + fake(ALNUM, 64, 4492) },
      { key: "content", value: "export NGC_API_KEY=" + "nva" + "pi-" + fake(BASE64URL, 64, 4493) + "\n" },
    ],
    negative: [
      { key: "value", value: "nva" + "pi-" + fake(BASE64URL, 30, 4494) },
      { key: "value", value: "nva" + "pi-" + "x".repeat(64) },
      { key: "value", value: "nva" + "pi-" + "<your-nvidia-api-key>" },
    ],
  },
};
