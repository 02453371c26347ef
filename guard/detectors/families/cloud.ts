/**
 * Cloud provider keys: Google API keys, Azure storage account keys and SAS tokens, Datadog keys. Formats from
 * Google's "API keys" docs (AIza and 35 characters), Azure Storage's "Configure a connection string" (AccountKey=
 * and a 64-byte base64 key) and "Create a service SAS" / Service Bus "SAS authentication" (sig= with se= and
 * sv= or sr= in the same query). More Azure formats are in azure.ts.
 */
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
      { key: "environment", value: JSON.stringify({ GEMINI_API_KEY: "AI" + "za" + fake(BASE64URL, 35, 214) }) },
    ],
    negative: [
      { key: "note", value: "AI" + "za" + fake(BASE64URL, 20, 213) },
      { key: "note", value: "AI" + "za" + "x".repeat(35) },
      { key: "note", value: "X" + "AI" + "za" + fake(BASE64URL, 35, 215) },
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
      { key: "content", value: "AzureWebJobsStorage=" + connection(fake(BASE64, 86, 223) + "==") + "\nFUNCTIONS_WORKER_RUNTIME=node\n" },
    ],
    negative: [
      { key: "connection_string", value: connection("") },
      { key: "connection_string", value: connection("${var.storage_key}") },
      { key: "connection_string", value: connection(fake(BASE64, 40, 224)) },
    ],
  },
};

const SAS_PARAMS = "sv=2022-11-02&ss=b&srt=o&sp=r";
const sasUrl = (sig: string, withExpiry = true) =>
  "https://fakeaccount.blob.core.windows.net/container/blob.txt?" + SAS_PARAMS +
  (withExpiry ? "&se=2030-01-01T00:00:00Z" : "") + "&st=2024-01-01T00:00:00Z&spr=https&sig=" + sig;
/** The order the Azure portal writes: sp, st, se, spr, sv, sr, sig. */
const portalSasUrl = (sig: string) =>
  "https://fakeaccount.blob.core.windows.net/c/b.txt?sp=r&st=2024-01-01T00:00:00Z&se=2030-01-01T00:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=" + sig;
const busSas = (sig: string) =>
  "SharedAccessSignature sr=https%3A%2F%2Ffake-ns.servicebus.windows.net%2Forders&sig=" + sig + "&se=1893456000&skn=RootManageSharedAccessKey";

export const AZURE_SAS_TOKEN: Detector = {
  id: "SG149",
  name: "azure-sas-token",
  title: "an Azure shared access signature",
  severity: "error",
  explanation:
    "An Azure shared access signature (sig= with its expiry se= and a storage version sv= or a Service Bus / Event Hubs resource sr=): grants its permissions to anyone holding it until it expires.",
  fix: "Issue SAS tokens at run time with short expiry (user delegation SAS); revoke by rotating the signing key (or the stored access policy).",
  keywords: ["sig="],
  // The rest of the query, in any order around sig=, is the sas-expiry check's to read.
  pattern: "(?<=[?&\\s;])sig=([A-Za-z0-9%+/=]{30,200})(?![A-Za-z0-9%+/=])",
  secretGroup: 1,
  check: "sas-expiry",
  samples: {
    positive: [
      { key: "url", value: sasUrl(encodeURIComponent(fake(BASE64, 43, 231) + "=")) },
      { key: "source", value: sasUrl(fake(BASE64, 43, 232) + "%3D") },
      { key: "value", value: portalSasUrl(encodeURIComponent(fake(BASE64, 43, 234) + "=")) },
      { key: "content", value: "SERVICEBUS_SAS=" + busSas(encodeURIComponent(fake(BASE64, 43, 235) + "=")) + "\n" },
      // A storage connection string with a SAS instead of an account key: sv= follows SharedAccessSignature=.
      {
        key: "connection_string",
        value: "BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=" + encodeURIComponent(fake(BASE64, 43, 237) + "="),
      },
    ],
    negative: [
      { key: "url", value: sasUrl(encodeURIComponent(fake(BASE64, 43, 233) + "="), false) },
      { key: "url", value: sasUrl("short") },
      { key: "url", value: "https://cdn.example.com/img.png?w=200&sig=" + fake(BASE64URL, 43, 236) + "&se=1" },
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
  entropy: 3.0,
  samples: {
    positive: [
      { key: "dd_api_key", value: fake(HEX, 32, 241) },
      { key: "datadog_app_key", value: fake(HEX, 40, 242) },
      { key: "DD_API_KEY", value: fake(HEX, 32, 243) },
    ],
    negative: [
      { key: "dd_api_key_id", value: fake(HEX, 32, 244) },
      { key: "dd_api_key", value: "${var.dd_api_key}" },
      { key: "dd_api_key", value: "0".repeat(32) },
    ],
  },
};
