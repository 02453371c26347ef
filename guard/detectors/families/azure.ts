/**
 * Microsoft Azure and Entra ID credentials. Formats from Microsoft's docs (Entra app credentials; App
 * Configuration, Storage, Service Bus and Event Hubs connection strings; Azure AI services keys) and Microsoft's
 * own scanner library, microsoft/security-utilities (IdentifiableMetadata signatures, Azure32/64ByteIdentifiableKey,
 * LegacyCommonAnnotatedSecurityKey, AadClientAppIdentifiableCredentials). The storage account key and SAS
 * detectors (SG148, SG149) live in cloud.ts.
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64, BASE64URL, HEX, fake, fakeUuid } from "./sample-values";

const URL_UNRESERVED = ALNUM + "-._~";

/** An Entra client secret: three characters, the version digit, `Q~`, then 31 (version 7) or 34 (version 8). */
const entraSecret = (seed: number, version: "7" | "8" = "8") =>
  fake(URL_UNRESERVED, 3, seed) + version + "Q" + "~" + fake(URL_UNRESERVED, version === "8" ? 34 : 31, seed + 1);

export const AZURE_ENTRA_CLIENT_SECRET: Detector = {
  id: "SG200",
  name: "azure-entra-client-secret",
  title: "an Azure Entra ID client secret",
  severity: "error",
  explanation:
    "An Entra ID (Azure AD) application client secret (three characters, a version digit, Q~, then 31-34 characters): signs in as the application with every permission it was granted.",
  fix: "Use a managed identity or workload identity federation instead of a client secret; delete the secret under the app registration's Certificates & secrets and add a new one if one is still needed.",
  keywords: ["0Q~", "1Q~", "2Q~", "3Q~", "4Q~", "5Q~", "6Q~", "7Q~", "8Q~", "9Q~"],
  // The match starts at the digit; the key-before-marker check adds the three characters before it.
  pattern: "[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])",
  check: "key-before-marker",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: entraSecret(2001) },
      { key: "AZURE_CLIENT_SECRET", value: entraSecret(2003, "7") },
      { key: "content", value: "tenant_id = \"" + fakeUuid(2005) + "\"\nclient_secret = \"" + entraSecret(2006) + "\"\n" },
      { key: "tags", value: JSON.stringify({ ARM_CLIENT_SECRET: entraSecret(2008) }) },
    ],
    negative: [
      { key: "value", value: "abc" + "8Q" + "~" + fake(URL_UNRESERVED, 12, 2010) },
      { key: "client_secret", value: "xxx" + "8Q" + "~" + "x".repeat(34) },
      { key: "note", value: "prefix" + entraSecret(2012).slice(0, 3) + "8Q" + "~" + fake(ALNUM, 34, 2013) },
      { key: "note", value: "the secret looks like 8Q" + "~ followed by letters" },
    ],
  },
};

/** An Entra v2 refresh token: `0.A` or `1.A`, an opaque body, `.Ag` and a long encrypted part. */
const refreshToken = (seed: number, version = "") =>
  "1.A" + fake(BASE64URL, 120, seed) + version + ".Ag" + fake(BASE64URL, 420, seed + 1) + ".A" + fake(BASE64URL, 240, seed + 2);

export const AZURE_ENTRA_REFRESH_TOKEN: Detector = {
  id: "SG201",
  name: "azure-entra-refresh-token",
  title: "an Azure Entra ID refresh token",
  severity: "error",
  explanation:
    "An Entra ID (Microsoft identity platform) refresh token (0.A or 1.A, a body, .Ag and a long encrypted part): mints new access tokens for the user or app for up to 90 days.",
  fix: "Do not store user tokens in configuration; revoke the user's sessions (Revoke-MgUserSignInSession or the Entra admin center) so the refresh token stops working.",
  keywords: ["0.A", "1.A"],
  // Through the encrypted part (enough to identify the token; a trailing .A... part is left out).
  pattern: "(?<![A-Za-z0-9_.-])[01]\\.A[A-Za-z0-9_-]{50,1024}\\.(?:[0-9]\\.)?Ag[A-Za-z0-9_-]{250,4096}",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: refreshToken(2020) },
      { key: "content", value: JSON.stringify({ token_type: "Bearer", refresh_token: refreshToken(2023) }) },
      { key: "MSAL_REFRESH_TOKEN", value: refreshToken(2026, ".1") },
    ],
    negative: [
      { key: "value", value: "1.A" + fake(BASE64URL, 120, 2029) + ".Ag" + fake(BASE64URL, 60, 2030) },
      { key: "version", value: "release 1.A" + "g".repeat(80) },
      { key: "value", value: "1.A" + "a".repeat(120) + ".Ag" + "b".repeat(400) },
    ],
  },
};

const appConfig = (secret: string, host = "fake-settings.azconfig.io") =>
  "Endpoint=https://" + host + ";Id=" + fake(ALNUM, 4, 2040) + "-l0-s0:" + fake(BASE64, 20, 2041) + ";Secret=" + secret;

export const AZURE_APP_CONFIGURATION_CONNECTION_STRING: Detector = {
  id: "SG202",
  name: "azure-app-configuration-connection-string",
  title: "an Azure App Configuration connection string",
  severity: "error",
  explanation: "An Azure App Configuration connection string (Endpoint=https://....azconfig.io;Id=...;Secret=...): reads (or writes) every key and feature flag in the store.",
  fix: "Use Entra ID (a managed identity with the App Configuration Data Reader role) instead of access keys; regenerate the access key under the store's Access settings.",
  keywords: ["Endpoint=https://"],
  pattern:
    "Endpoint=https://[A-Za-z0-9-]{1,63}\\.azconfig\\.(?:io|azure\\.cn|azure\\.us)/?;Id=[^;\\s\"']{1,128};Secret=([A-Za-z0-9+/]{40,100}={0,2})(?![A-Za-z0-9+/=])",
  secretGroup: 1,
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: appConfig(fake(BASE64, 43, 2042) + "=") },
      { key: "app_settings", value: JSON.stringify({ AppConfig__ConnectionString: appConfig(fake(BASE64, 43, 2043) + "=") }) },
      { key: "content", value: "APP_CONFIG=" + appConfig(fake(BASE64, 43, 2044) + "=", "fake-store.azconfig.azure.us") + "\n" },
    ],
    negative: [
      { key: "value", value: appConfig("${var.app_config_secret}") },
      { key: "value", value: appConfig("x".repeat(43) + "=") },
      { key: "value", value: appConfig(fake(BASE64, 43, 2045) + "=", "fake-settings.example.com") },
    ],
  },
};

const busConnection = (key: string) =>
  "Endpoint=sb://fake-ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" + key;

export const AZURE_SHARED_ACCESS_KEY: Detector = {
  id: "SG203",
  name: "azure-shared-access-key",
  title: "an Azure shared access key",
  severity: "error",
  explanation:
    "A SharedAccessKey= in an Azure Service Bus, Event Hubs, Relay or IoT Hub connection string, or an AccessKey= in an Azure SignalR or Web PubSub one: sends, listens or manages with the rights of its policy or resource.",
  fix: "Use Entra ID (managed identities and RBAC) instead of access keys; regenerate the policy's or resource's primary and secondary keys.",
  keywords: ["SharedAccessKey=", "AccessKey="],
  pattern: "(?:SharedAccessKey|(?<![A-Za-z])AccessKey)=([A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])",
  secretGroup: 1,
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: busConnection(fake(BASE64, 43, 2050) + "=") },
      { key: "SERVICEBUS_CONNECTION", value: busConnection(fake(BASE64, 43, 2051) + "=") + ";EntityPath=orders" },
      { key: "content", value: "HostName=fake-hub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=" + fake(BASE64, 43, 2052) + "=" },
      { key: "value", value: "Endpoint=https://fake-chat.service.signalr.net;AccessKey=" + fake(BASE64, 43, 2054) + "=;Version=1.0;" },
      { key: "WebPubSubConnectionString", value: "Endpoint=https://fake-hub.webpubsub.azure.com;AccessKey=" + fake(BASE64, 43, 2055) + "=;Version=1.0;" },
    ],
    negative: [
      { key: "value", value: busConnection("${azurerm_servicebus_namespace.ns.default_primary_key}") },
      { key: "value", value: busConnection("A".repeat(43) + "=") },
      { key: "value", value: busConnection(fake(BASE64, 20, 2053)) },
      { key: "value", value: "Endpoint=https://fake-chat.service.signalr.net;AccessKey=<access-key>;Version=1.0;" },
    ],
  },
};

export const AZURE_ACCESS_KEY_BY_KEY: Detector = {
  id: "SG204",
  name: "azure-access-key-under-key",
  title: "an Azure access key",
  severity: "error",
  explanation:
    "A 32- or 64-byte base64 key (44 or 88 characters) under an Azure key name (storage, Cosmos DB, Service Bus, Event Hubs, IoT Hub, Redis, primary/secondary keys): full access to that service.",
  fix: "Use managed identities and RBAC instead of keys; rotate (regenerate) the key in the Azure portal or with az ... keys renew.",
  keywords: [],
  keys: {
    include: "(?:^azure|storage|cosmos|servicebus|eventhub|iothub|redis|^primary|^secondary|sharedaccess)[a-z0-9]{0,40}key$",
    exclude: "public",
  },
  pattern: "^(?:[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{86}==)$",
  check: "mixed-classes",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "AZURE_STORAGE_KEY", value: fake(BASE64, 86, 2060) + "==" },
      { key: "storage_account_access_key", value: fake(BASE64, 86, 2061) + "==" },
      { key: "content", value: "REDIS_HOST=fake.redis.cache.windows.net\nREDIS_PRIMARY_KEY=" + fake(BASE64, 43, 2062) + "=\n" },
    ],
    negative: [
      { key: "source_code_hash", value: fake(BASE64, 43, 2063) + "=" },
      { key: "primary_access_key", value: "${azurerm_storage_account.sa.primary_access_key}" },
      { key: "ssh_public_key", value: fake(BASE64, 86, 2064) + "==" },
    ],
  },
};

/** Identifiable keys: a service signature at a fixed offset (and a checksum we do not verify). */
const storageKey = (seed: number) => fake(BASE64, 76, seed) + "+AS" + "t" + fake(BASE64, 5, seed + 1) + "A==";
const serviceBusKey = (seed: number) => fake(BASE64, 33, seed) + "+AS" + "b" + "C" + fake(BASE64, 5, seed + 1) + "=";
const registryKey = (seed: number) => fake(BASE64, 42, seed) + "+AC" + "R" + "B" + fake(ALNUM, 5, seed + 1);
/** Azure AI services / OpenAI keys in Microsoft's common annotated format (84 characters, JQQJ99, ACOG). */
const aiServicesKey = (seed: number) =>
  fake(ALNUM, 52, seed) + "JQQJ" + "99" + "B" + "C" + fake(ALNUM, 12, seed + 1) + "AAAA" + "ACOG" + fake(ALNUM, 4, seed + 2);

export const AZURE_IDENTIFIABLE_KEY: Detector = {
  id: "SG205",
  name: "azure-identifiable-key",
  title: "an Azure service key",
  severity: "error",
  explanation:
    "An Azure key in Microsoft's identifiable format: a service signature at a fixed place (+ASt storage, ACDb Cosmos DB, +ASb Service Bus, +AEh Event Hubs, +ACR container registry, AzSe AI Search, AzFu Functions, APIM API Management, JQQJ99...ACOG Azure AI services and Azure OpenAI): access to that service.",
  fix: "Use Entra ID and managed identities instead of keys; regenerate the key in the Azure portal (Keys / Access keys of the resource).",
  keywords: ["+ASt", "ACDb", "+ABa", "APIM", "+ASb", "+AEh", "+ARm", "AzCa", "AIoT", "AZEG", "+ACR", "AzSe", "AzFu", "JQQJ99"],
  // Starts at the signature; the key-before-marker check adds the fixed run of characters before it.
  pattern:
    "(?:(?:\\+ASt|ACDb|\\+ABa|APIM)[A-Za-z0-9+/]{5}[AQgw]==|(?:\\+ASb|\\+AEh|\\+ARm|AzCa|AIoT|AZEG)[A-P][A-Za-z0-9+/]{5}=|\\+ACR[A-D][A-Za-z0-9+/]{5}|AzSe[A-D][A-Za-z0-9]{5}|AzFu[A-Za-z0-9_-]{5}[AQgw]==|JQQJ99[A-Za-z0-9][A-L][A-Za-z0-9]{24}(?:[A-Za-z0-9]{2}==)?)(?![A-Za-z0-9+/=_-])",
  // Hashes are base64 of the same length (a Lambda's source_code_hash, an object's checksum_sha256): one in a few
  // million carries a signature at the right place by chance, so values under hash-like names are not keys.
  keys: { exclude: "hash|checksum|digest|etag|sha(?:1|224|256|384|512)|md5|fingerprint" },
  check: "key-before-marker",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: storageKey(2070) },
      { key: "AZURE_OPENAI_API_KEY", value: aiServicesKey(2072) },
      { key: "content", value: "docker login fakereg.azurecr.io -u fakereg -p " + registryKey(2075) + "\n" },
      { key: "tags", value: JSON.stringify({ bus: serviceBusKey(2077) }) },
    ],
    negative: [
      { key: "value", value: fake(BASE64, 70, 2079) + "+AS" + "t" + fake(BASE64, 5, 2080) + "A==" },
      { key: "description", value: "Deploys the APIM gateway and the AzFu function app" },
      { key: "source_code_hash", value: fake(BASE64, 33, 2081) + "+AE" + "h" + "B" + fake(BASE64, 5, 2082) + "=" },
      { key: "value", value: "x".repeat(52) + "JQQJ" + "99" + "BC" + "x".repeat(24) },
    ],
  },
};

export const AZURE_AI_SERVICES_KEY: Detector = {
  id: "SG206",
  name: "azure-ai-services-key",
  title: "an Azure AI services key",
  severity: "error",
  explanation:
    "A 32-hex-character key under an Azure OpenAI, AI services (Cognitive Services), AI Search or API Management subscription key name: calls the service on the account's bill.",
  fix: "Use Entra ID (managed identity with the Cognitive Services User role) instead of keys; regenerate Key 1 / Key 2 under the resource's Keys and Endpoint.",
  keywords: [],
  keys: {
    include:
      "^(?:azure[a-z0-9]{0,40}|openai[a-z0-9]{0,20}|cognitive[a-z0-9]{0,20}|aiservices[a-z0-9]{0,20}|speech[a-z0-9]{0,20}|translator[a-z0-9]{0,20}|computervision[a-z0-9]{0,20}|vision[a-z0-9]{0,20}|formrecognizer[a-z0-9]{0,20}|documentintelligence[a-z0-9]{0,20}|textanalytics[a-z0-9]{0,20}|contentsafety[a-z0-9]{0,20}|search[a-z0-9]{0,20}|apimsubscription)(?:key|apikey)$",
    // A search-only key (Algolia's, Azure AI Search's query keys) is meant to be public.
    exclude: "searchonly|querykey",
  },
  pattern: "^(?:[0-9a-f]{32}|[0-9A-F]{32})$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "AZURE_OPENAI_API_KEY", value: fake(HEX, 32, 2085) },
      { key: "content", value: "SPEECH_KEY=" + fake(HEX, 32, 2086) + "\nSPEECH_REGION=westeurope\n" },
      { key: "environment", value: JSON.stringify({ AZURE_SEARCH_ADMIN_KEY: fake(HEX, 32, 2087).toUpperCase() }) },
    ],
    negative: [
      { key: "AZURE_OPENAI_ENDPOINT", value: "https://fake.openai.azure.com/" },
      { key: "AZURE_OPENAI_API_KEY", value: "0".repeat(32) },
      { key: "etag", value: fake(HEX, 32, 2088) },
      { key: "provisioning_key", value: fake(HEX, 32, 2089) },
      { key: "ALGOLIA_SEARCH_ONLY_API_KEY", value: fake(HEX, 32, 2090) },
    ],
  },
};

export const AZURE_CONTAINER_REGISTRY_PASSWORD: Detector = {
  id: "SG207",
  name: "azure-container-registry-password",
  title: "an Azure Container Registry password",
  severity: "error",
  explanation: "A password or token under an Azure Container Registry key name (ACR_PASSWORD, ...container_registry_password): pushes and pulls every image in the registry.",
  fix: "Disable the admin user and pull with a managed identity (AcrPull) or a scoped token; regenerate the admin passwords (az acr credential renew).",
  keywords: [],
  keys: { include: "(?:^acr|azurecr|containerregistry)[a-z0-9]{0,30}(?:password|pwd|secret|token|key)$" },
  pattern: "^[A-Za-z0-9+/=]{32,64}$",
  check: "mixed-classes",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "ACR_PASSWORD", value: fake(BASE64, 32, 2090) },
      { key: "environment", value: JSON.stringify({ ACR_LOGIN_SERVER: "fakereg.azurecr.io", ACR_PASSWORD: fake(ALNUM, 32, 2091) }) },
      { key: "acr_admin_password", value: fake(BASE64, 40, 2092) },
      { key: "azure_container_registry_token", value: fake(ALNUM, 44, 2093) },
    ],
    negative: [
      { key: "ACR_PASSWORD", value: "${azurerm_container_registry.acr.admin_password}" },
      { key: "acr_login_server", value: "fakereg.azurecr.io" },
      { key: "ACR_PASSWORD", value: fake(HEX, 40, 2094) },
    ],
  },
};
