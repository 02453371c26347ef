/** Cloud provider keys: Google API keys, Azure storage account keys and SAS tokens, Datadog keys. */
import type { Detector } from "../detector";
import { BASE64, BASE64URL, HEX, fake } from "./sample-values";

export const GOOGLE_API_KEY: Detector = {
  id: "SG147",
  name: "google-api-key",
  title: "a Google API key",
  severity: "error",
  explanation: "A Google API key (AIza followed by 35 characters): usable by anyone until restricted or deleted.",
  fix: "Restrict the key to its APIs and referrers, keep it out of configuration, and regenerate it.",
  keywords: ["AIza"],
  pattern: "(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "api_key", value: "AI" + "za" + fake(BASE64URL, 35, 211) },
      { key: "url", value: "https://maps.example.com/api/js?key=" + "AI" + "za" + fake(BASE64URL, 35, 212) + "&v=3" },
    ],
    negative: [
      { key: "note", value: "AI" + "za" + fake(BASE64URL, 20, 213) },
      { key: "note", value: "AI" + "za" + "x".repeat(35) },
    ],
  },
};

const connection = (key: string) =>
  "DefaultEndpointsProtocol=https;AccountName=fakeaccount;AccountKey=" + key + ";EndpointSuffix=core.windows.net";

export const AZURE_STORAGE_ACCOUNT_KEY: Detector = {
  id: "SG148",
  name: "azure-storage-account-key",
  title: "an Azure storage account key",
  severity: "error",
  explanation: "An Azure storage account key (AccountKey= with 88 base64 characters) in a connection string: full access to the account.",
  fix: "Use managed identities or short-lived SAS tokens; rotate the account key.",
  keywords: ["AccountKey="],
  pattern: "AccountKey=([A-Za-z0-9+/]{86}==)",
  secretGroup: 1,
  samples: {
    positive: [
      { key: "primary_connection_string", value: connection(fake(BASE64, 86, 221) + "==") },
      { key: "settings", value: "{\"Storage\": \"" + connection(fake(BASE64, 86, 222) + "==") + "\"}" },
    ],
    negative: [
      { key: "connection_string", value: connection("") },
      { key: "connection_string", value: connection("${var.storage_key}") },
    ],
  },
};

const sasUrl = (sig: string, withExpiry = true) =>
  "https://fakeaccount.blob.core.windows.net/container/blob.txt?sv=2022-11-02&ss=b&srt=o&sp=r" +
  (withExpiry ? "&se=2030-01-01T00:00:00Z" : "") + "&st=2024-01-01T00:00:00Z&spr=https&sig=" + sig;

export const AZURE_SAS_TOKEN: Detector = {
  id: "SG149",
  name: "azure-sas-token",
  title: "an Azure shared access signature",
  severity: "error",
  explanation: "A URL with an Azure SAS token (sv=, se= and sig=): grants its permissions to anyone holding it until it expires.",
  fix: "Issue SAS tokens at run time with short expiry (user delegation SAS); revoke by rotating the signing key.",
  keywords: ["sv="],
  pattern: "sv=[0-9]{4}-[0-9]{2}-[0-9]{2}&[^\\s\"'<>]{0,1024}?[?&]sig=([A-Za-z0-9%+/=]{30,200})",
  secretGroup: 1,
  check: "sas-expiry",
  samples: {
    positive: [
      { key: "url", value: sasUrl(encodeURIComponent(fake(BASE64, 43, 231) + "=")) },
      { key: "source", value: sasUrl(fake(BASE64, 43, 232) + "%3D") },
    ],
    negative: [
      { key: "url", value: sasUrl(encodeURIComponent(fake(BASE64, 43, 233) + "="), false) },
      { key: "url", value: sasUrl("short") },
    ],
  },
};

export const DATADOG_API_KEY: Detector = {
  id: "SG150",
  name: "datadog-api-key",
  title: "a Datadog API or application key",
  severity: "error",
  explanation: "A Datadog API key (32 hex) or application key (40 hex) under a Datadog key name.",
  fix: "Provide the key from the environment or a secret store at run time; rotate it in Datadog.",
  keywords: [],
  keys: { include: "(?:datadog|^dd)[a-z0-9]{0,30}(?:apikey|appkey|applicationkey)$" },
  pattern: "^(?:[0-9a-f]{32}|[0-9a-f]{40})$",
  samples: {
    positive: [
      { key: "dd_api_key", value: fake(HEX, 32, 241) },
      { key: "datadog_app_key", value: fake(HEX, 40, 242) },
      { key: "DD_API_KEY", value: fake(HEX, 32, 243) },
    ],
    negative: [
      { key: "dd_api_key_id", value: fake(HEX, 32, 244) },
      { key: "dd_api_key", value: "${var.dd_api_key}" },
    ],
  },
};
