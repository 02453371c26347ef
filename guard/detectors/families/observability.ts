/**
 * Observability and on-call services: New Relic, Sentry, Datadog (prefixed tokens; its plain API and application
 * keys are in cloud.ts), Grafana, PagerDuty, Opsgenie, Honeycomb, LaunchDarkly.
 * Read: New Relic Docs "New Relic API keys" (NRAK- user keys, NRII- insert keys, NRIQ- query keys, NRRA- REST keys,
 * NRJS- browser keys, licence keys ending in NRAL), Sentry Docs "Auth Tokens" (sntrys_ organisation tokens, whose
 * middle is base64 JSON, and sntryu_ user tokens) and "Data Source Name" (legacy DSNs with a secret), Datadog Docs
 * "Personal Access Tokens" (ddpat_, ddsat_, ddapp_), Grafana Docs "Service account tokens" (glsa_) and "Grafana
 * Cloud access policies" (glc_, base64 JSON), PagerDuty "API Access Keys" (20-character keys, u+ user tokens),
 * Opsgenie "API key management" (UUIDs), Honeycomb "API keys" (configuration and ingest keys), LaunchDarkly
 * "Keys" (sdk-, mob- and api- followed by a UUID).
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64, BASE64URL, DIGITS, HEX, LOWER, UPPER, b64, fake, fakeUuid } from "./sample-values";

export const NEW_RELIC_KEY: Detector = {
  id: "SG350",
  name: "new-relic-key",
  title: "a New Relic API key",
  severity: "error",
  explanation: "A New Relic user API key (NRAK-), insert key (NRII-), query key (NRIQ-) or REST API key (NRRA-): queries or writes the account's telemetry and, for user keys, changes its configuration.",
  fix: "Keep the key in a secret store read at run time; delete or rotate it in New Relic (API keys UI, or NerdGraph apiAccessDeleteKeys).",
  keywords: ["NRAK-", "NRII-", "NRIQ-", "NRRA-"],
  // NRAK- bodies are upper case as issued; lower and mixed case copies are accepted.
  pattern: "(?<![A-Za-z0-9_-])(?:NRAK-[A-Za-z0-9]{27}|NRI[IQ]-[A-Za-z0-9_-]{32}|NRRA-[a-f0-9]{42})(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "NR" + "AK-" + fake(UPPER + DIGITS, 27, 651) },
      { key: "NEW_RELIC_API_KEY", value: "NR" + "AK-" + fake(UPPER + DIGITS, 27, 652) },
      { key: "content", value: "newrelic_insert_key: " + "NR" + "II-" + fake(BASE64URL, 32, 653) + "\n" },
      { key: "value", value: "NR" + "AK-" + fake(LOWER + DIGITS, 27, 655) },
    ],
    negative: [
      { key: "value", value: "NR" + "AK-" + "X".repeat(27) },
      { key: "value", value: "NR" + "AK-" + fake(UPPER + DIGITS, 20, 654) },
      { key: "value", value: "NR" + "AK-" + "<your-user-key>" },
    ],
  },
};

export const NEW_RELIC_LICENCE_KEY: Detector = {
  id: "SG351",
  name: "new-relic-licence-key",
  title: "a New Relic licence key",
  severity: "error",
  explanation: "A New Relic licence (ingest) key: 40 characters ending in NRAL. Sends telemetry into the account (and, with agents, reads their configuration).",
  fix: "Keep the key in a secret store read at run time; create a new ingest licence key in New Relic (API keys) and delete the leaked one.",
  keywords: ["NRAL"],
  pattern: "NRAL(?![A-Za-z0-9])",
  check: "new-relic-licence",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: fake(HEX, 36, 661) + "NR" + "AL" },
      { key: "NEW_RELIC_LICENSE_KEY", value: "eu01xx" + fake(HEX, 30, 662) + "NR" + "AL" },
      { key: "content", value: "license_key: " + fake(HEX, 36, 663) + "NR" + "AL\napp_name: shop\n" },
      { key: "value", value: fake(HEX, 32, 665) + "FFFF" + "NR" + "AL" },
      { key: "value", value: "eu01xx" + fake(HEX, 26, 666) + "FFFF" + "NR" + "AL" },
    ],
    negative: [
      { key: "value", value: "NEW_RELIC_NR" + "AL" },
      { key: "value", value: fake(HEX, 30, 664) + "NR" + "AL" },
      { key: "value", value: "0".repeat(36) + "NR" + "AL" },
      { key: "value", value: fake(HEX, 32, 667).toUpperCase() + "FFFF" + "NR" + "AL" },
    ],
  },
};

export const NEW_RELIC_LEGACY_LICENCE_KEY: Detector = {
  id: "SG366",
  name: "new-relic-legacy-licence-key",
  title: "a New Relic legacy licence or API key",
  severity: "error",
  explanation: "A New Relic licence or API key of the legacy form (40 hex characters) under a New Relic key name.",
  fix: "Keep the key in a secret store read at run time; create a new key in New Relic (API keys) and delete the leaked one.",
  keywords: [],
  keys: { include: "(?:newrelic|^nr)[a-z0-9]{0,30}(?:licensekey|licencekey|apikey|insertkey|key)$" },
  pattern: "^[0-9a-f]{40}$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "NEW_RELIC_LICENSE_KEY", value: fake(HEX, 40, 671) },
      { key: "newrelic_license_key", value: fake(HEX, 40, 672) },
      { key: "content", value: "NEW_RELIC_APP_NAME=shop\nNEW_RELIC_LICENSE_KEY=" + fake(HEX, 40, 673) + "\n" },
    ],
    negative: [
      { key: "new_relic_account_id", value: fake(HEX, 40, 674) },
      { key: "new_relic_license_key", value: fake(HEX, 32, 675) },
      { key: "new_relic_license_key", value: "${NEW_RELIC_LICENSE_KEY}" },
    ],
  },
};

export const NEW_RELIC_BROWSER_KEY: Detector = {
  id: "SG352",
  name: "new-relic-browser-key",
  title: "a New Relic browser key",
  severity: "warning",
  explanation: "A New Relic browser key (NRJS- or NRBR- + 19 hex): it ships in web pages by design, so anyone can read it; it only sends browser telemetry, but in infrastructure state it is worth knowing where it came from.",
  fix: "Nothing to rotate if it is the page snippet's key; keep it out of unrelated configuration, or delete it in New Relic if it was never meant to be public.",
  keywords: ["NRJS-", "NRBR-"],
  pattern: "(?<![A-Za-z0-9_-])NR(?:JS|BR)-[a-f0-9]{19}(?![A-Za-z0-9_-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "NR" + "JS-" + fake(HEX, 19, 681) },
      { key: "NEW_RELIC_BROWSER_KEY", value: "NR" + "JS-" + fake(HEX, 19, 682) },
      { key: "value", value: "NR" + "BR-" + fake(HEX, 19, 685) },
      { key: "content", value: "licenseKey:\"" + "NR" + "JS-" + fake(HEX, 19, 683) + "\",applicationID:\"12345\"" },
    ],
    negative: [
      { key: "value", value: "NR" + "JS-" + "0".repeat(19) },
      { key: "value", value: "NR" + "JS-" + fake(HEX, 12, 684) },
      { key: "value", value: "NR" + "JS-" + "<browser-key>" },
    ],
  },
};

const sentryOrgToken = (seed: number) =>
  "sntry" + "s_" +
  b64(JSON.stringify({ iat: 1_700_000_000 + seed, url: "https://sentry.io", region_url: "https://us.sentry.io", org: "example-" + seed })).replace(/=+$/, "") +
  "_" + fake(BASE64, 43, seed);

export const SENTRY_TOKEN: Detector = {
  id: "SG353",
  name: "sentry-token",
  title: "a Sentry auth token",
  severity: "error",
  explanation: "A Sentry organisation auth token (sntrys_ + base64 JSON naming the organisation + _ + secret) or user auth token (sntryu_ + 64 hex): uploads releases and source maps, and (user tokens) acts as the user.",
  fix: "Keep the token in a CI secret read at run time; revoke it in Sentry (Settings > Auth Tokens, or the organisation's Developer Settings).",
  keywords: ["sntrys_eyJ", "sntryu_"],
  pattern: "(?<![A-Za-z0-9_])(?:sntrys_eyJ[A-Za-z0-9+/]{20,1000}={0,2}_[A-Za-z0-9+/]{43}|sntryu_[a-f0-9]{64})(?![A-Za-z0-9+/_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: sentryOrgToken(691) },
      { key: "SENTRY_AUTH_TOKEN", value: "sntry" + "u_" + fake(HEX, 64, 692) },
      { key: "content", value: "[auth]\ntoken=" + sentryOrgToken(693) + "\n" },
    ],
    negative: [
      { key: "value", value: "sntry" + "u_" + fake(HEX, 40, 694) },
      { key: "value", value: "sntry" + "s_" + "eyJ" + "<org-token>" },
      { key: "value", value: "sntry" + "u_" + "0".repeat(64) },
    ],
  },
};

export const SENTRY_DSN_SECRET: Detector = {
  id: "SG354",
  name: "sentry-dsn-secret",
  title: "a Sentry DSN with its secret key",
  severity: "error",
  explanation: "A legacy Sentry DSN that carries the project's secret key (https://<public>:<secret>@host/<project>): modern DSNs have no secret part; this one lets anyone authenticate as the project.",
  fix: "Use the DSN without the secret part; revoke the key in Sentry (Project Settings > Client Keys) and create a new one.",
  keywords: ["://"],
  pattern: "://[0-9a-f]{32}:([0-9a-f]{32})@[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?/[0-9]{1,20}(?![0-9A-Za-z])",
  secretGroup: 1,
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "https://" + fake(HEX, 32, 701) + ":" + fake(HEX, 32, 702) + "@o12345.ingest.sentry.io/67890" },
      { key: "SENTRY_DSN", value: "https://" + fake(HEX, 32, 703) + ":" + fake(HEX, 32, 704) + "@sentry.example.com/3" },
      { key: "content", value: "sentry:\n  dsn: https://" + fake(HEX, 32, 705) + ":" + fake(HEX, 32, 706) + "@sentry.io:443/12\n" },
    ],
    negative: [
      { key: "value", value: "https://" + fake(HEX, 32, 707) + "@o12345.ingest.sentry.io/67890" },
      { key: "value", value: "https://" + fake(HEX, 32, 708) + ":" + "0".repeat(32) + "@sentry.io/1" },
      { key: "value", value: "https://public:secret@sentry.example.com/1" },
    ],
  },
};

export const DATADOG_ACCESS_TOKEN: Detector = {
  id: "SG355",
  name: "datadog-access-token",
  title: "a Datadog access token",
  severity: "error",
  explanation: "A Datadog personal access token (ddpat_), service access token (ddsat_) or prefixed application key (ddapp_): calls the Datadog API with its scopes.",
  fix: "Keep the token in a secret store read at run time; revoke it in Datadog (Personal Settings > Access Tokens, or the service account) and create a new one.",
  keywords: ["ddpat_", "ddsat_", "ddapp_"],
  pattern: "(?<![A-Za-z0-9_])dd(?:pat|sat|app)_[A-Za-z0-9_-]{32,128}(?![A-Za-z0-9_-])",
  check: "mixed-classes",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "dd" + "pat_" + fake(ALNUM, 40, 711) },
      { key: "DD_APP_KEY", value: "dd" + "app_" + fake(ALNUM, 40, 712) },
      { key: "content", value: "Authorization: Bearer " + "dd" + "sat_" + fake(ALNUM, 48, 713) + "\n" },
    ],
    negative: [
      { key: "value", value: "weapon_hy_dd" + "pat_" + fake(ALNUM, 40, 714) },
      { key: "value", value: "dd" + "pat_" + "urban_light_large_version_two_x" },
      { key: "value", value: "dd" + "pat_" + fake(ALNUM, 20, 715) },
    ],
  },
};

const grafanaCloud = (seed: number) =>
  "gl" + "c_" + b64(JSON.stringify({ o: String(100000 + seed), n: "stack-" + seed + "-write", k: fake(ALNUM, 24, seed), m: { r: "prod-eu-west-2" } }));

export const GRAFANA_TOKEN: Detector = {
  id: "SG356",
  name: "grafana-token",
  title: "a Grafana token",
  severity: "error",
  explanation: "A Grafana Cloud access policy token (glc_ + base64 JSON), a Grafana service account token (glsa_ + 32 characters + _ + 8 hex checksum) or a legacy Grafana API key (base64 JSON starting eyJrIjoi): reads or changes dashboards, data sources and telemetry.",
  fix: "Keep the token in a secret store read at run time; delete it in Grafana (Administration > Service accounts, or Grafana Cloud > Access policies).",
  // glc_ bodies are base64 JSON as Grafana Cloud issues them; any base64 body of 32+ is accepted (older forms).
  keywords: ["glc_", "glsa_", "eyJrIjoi"],
  pattern:
    "(?<![A-Za-z0-9_])glc_[A-Za-z0-9+/]{32,1000}={0,3}(?![A-Za-z0-9+/=_])|(?<![A-Za-z0-9_])glsa_[A-Za-z0-9]{32}_[a-f0-9]{8}(?![A-Za-z0-9_])|(?<![A-Za-z0-9_+/])eyJrIjoi[A-Za-z0-9+/]{40,400}={0,2}(?![A-Za-z0-9+/=_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: grafanaCloud(721) },
      { key: "value", value: "gl" + "c_" + fake(LOWER + DIGITS, 32, 727) },
      { key: "GRAFANA_SERVICE_ACCOUNT_TOKEN", value: "gl" + "sa_" + fake(ALNUM, 32, 722) + "_" + fake(HEX, 8, 723) },
      { key: "content", value: "GRAFANA_API_KEY=" + b64(JSON.stringify({ k: fake(ALNUM, 32, 724), n: "deploy", id: 1 })) + "\n" },
    ],
    negative: [
      { key: "value", value: "gl" + "sa_" + fake(ALNUM, 32, 725) },
      { key: "value", value: "gl" + "c_" + fake(ALNUM, 20, 726) },
      { key: "value", value: "gl" + "sa_" + "x".repeat(32) + "_" + "0".repeat(8) },
      { key: "value", value: "gl" + "c_" + "eyJ" + "<cloud-token>" },
    ],
  },
};

export const PAGERDUTY_KEY: Detector = {
  id: "SG357",
  name: "pagerduty-key",
  title: "a PagerDuty API key or integration key",
  severity: "error",
  explanation: "A PagerDuty REST API key (20 characters), user token (u+...) or Events integration/routing key (32 hex) under a PagerDuty key name: reads and changes incidents and schedules, or triggers incidents.",
  fix: "Keep the key in a secret store read at run time; delete it in PagerDuty (Integrations > API Access Keys, the user's profile, or the service's integration) and create a new one.",
  keywords: [],
  keys: { include: "(?:pagerduty|^pd)[a-z0-9]{0,30}(?:token|apikey|key|secret)$" },
  pattern: "^(?:u\\+[A-Za-z0-9_+-]{18}|[A-Za-z0-9_+-]{20}|[0-9a-f]{32})$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "PAGERDUTY_TOKEN", value: fake(ALNUM + "_-", 20, 731) },
      { key: "pagerduty_user_token", value: "u+" + fake(ALNUM, 18, 732) },
      { key: "content", value: "PAGERDUTY_ROUTING_KEY=" + fake(HEX, 32, 733) + "\nPAGERDUTY_SERVICE=checkout\n" },
    ],
    negative: [
      { key: "pagerduty_service_id", value: fake(UPPER + DIGITS, 20, 734) },
      { key: "pagerduty_token", value: "x".repeat(20) },
      { key: "pagerduty_token", value: "${var.pagerduty_token}" },
    ],
  },
};

export const OPSGENIE_API_KEY: Detector = {
  id: "SG358",
  name: "opsgenie-api-key",
  title: "an Opsgenie API key",
  severity: "error",
  explanation: "An Opsgenie API or integration key (a UUID) under an Opsgenie key name: creates and closes alerts, and (API keys) changes the account's configuration.",
  fix: "Keep the key in a secret store read at run time; reset or delete the key in Opsgenie (Settings > API key management, or the integration).",
  keywords: [],
  keys: { include: "opsgenie[a-z0-9]{0,30}(?:apikey|key|token|secret)$" },
  pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
  samples: {
    positive: [
      { key: "OPSGENIE_API_KEY", value: fakeUuid(741) },
      { key: "opsgenie_integration_key", value: fakeUuid(742) },
      { key: "content", value: "opsgenie_api_key: " + fakeUuid(743) + "\nopsgenie_team: payments\n" },
    ],
    negative: [
      { key: "opsgenie_team_id", value: fakeUuid(744) },
      { key: "opsgenie_api_key", value: "<opsgenie-api-key>" },
      { key: "opsgenie_api_key", value: "${OPSGENIE_API_KEY}" },
    ],
  },
};

export const HONEYCOMB_KEY: Detector = {
  id: "SG359",
  name: "honeycomb-key",
  title: "a Honeycomb API key",
  severity: "error",
  explanation: "A Honeycomb configuration or classic key (22 characters or 32 hex) under a Honeycomb key name: sends events and, for configuration keys, changes datasets, boards and triggers.",
  fix: "Keep the key in a secret store read at run time; disable and delete the key in Honeycomb (Environment settings > API keys).",
  keywords: [],
  keys: { include: "honeycomb[a-z0-9]{0,30}(?:apikey|writekey|key|token|secret)$" },
  pattern: "^(?:[0-9a-f]{32}|[A-Za-z0-9]{22})$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "HONEYCOMB_API_KEY", value: fake(ALNUM, 22, 751) },
      { key: "honeycomb_writekey", value: fake(HEX, 32, 752) },
      { key: "content", value: "HONEYCOMB_DATASET=web\nHONEYCOMB_API_KEY=" + fake(ALNUM, 22, 753) + "\n" },
    ],
    negative: [
      { key: "honeycomb_dataset", value: fake(ALNUM, 22, 754) },
      { key: "honeycomb_api_key", value: "0".repeat(22) },
      { key: "honeycomb_api_key", value: "${var.honeycomb_key}" },
    ],
  },
};

export const HONEYCOMB_INGEST_KEY: Detector = {
  id: "SG360",
  name: "honeycomb-ingest-key",
  title: "a Honeycomb ingest key",
  severity: "error",
  explanation: "A Honeycomb ingest key (hcaik_ or hcxik_ followed by a key id and secret, 58 characters): sends telemetry into the environment.",
  fix: "Keep the key in a secret store read at run time; disable and delete the key in Honeycomb (Environment settings > API keys).",
  keywords: ["hcaik_", "hcxik_"],
  pattern: "(?<![A-Za-z0-9_])hc[ax]ik_[0-9a-z]{58}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "hca" + "ik_" + fake(LOWER + DIGITS, 58, 761) },
      { key: "OTEL_EXPORTER_OTLP_HEADERS", value: "x-honeycomb-team=" + "hcx" + "ik_" + fake(LOWER + DIGITS, 58, 762) },
      { key: "content", value: "HONEYCOMB_API_KEY=" + "hca" + "ik_" + fake(LOWER + DIGITS, 58, 763) + "\n" },
    ],
    negative: [
      { key: "value", value: "hca" + "ik_" + "0".repeat(58) },
      { key: "value", value: "hca" + "ik_" + fake(LOWER + DIGITS, 30, 764) },
      { key: "value", value: "hca" + "ik_" + "<your-ingest-key>" },
    ],
  },
};

export const LAUNCHDARKLY_SDK_KEY: Detector = {
  id: "SG361",
  name: "launchdarkly-sdk-key",
  title: "a LaunchDarkly server-side SDK key",
  severity: "error",
  // Mobile keys (mob-) are not here: LaunchDarkly documents that they need not be kept secret.
  explanation: "A LaunchDarkly server-side SDK key (sdk- + UUID): reads every flag and its rules in the environment.",
  fix: "Keep the key in a secret store read at run time; reset it in LaunchDarkly (Project settings > Environments > the environment's keys).",
  keywords: ["sdk-"],
  pattern: "(?<![A-Za-z0-9_-])sdk-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9_-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "sd" + "k-" + fakeUuid(771) },
      { key: "LAUNCHDARKLY_SDK_KEY", value: "sd" + "k-" + fakeUuid(772) },
      { key: "content", value: "ld:\n  sdk_key: " + "sd" + "k-" + fakeUuid(773) + "\n" },
    ],
    negative: [
      { key: "value", value: "sd" + "k-" + "00000000-0000-0000-0000-000000000000" },
      { key: "value", value: "aws-sd" + "k-" + fakeUuid(774) },
      { key: "value", value: "sd" + "k-" + fake(HEX, 32, 775) },
      { key: "mobile_key", value: "mo" + "b-" + fakeUuid(776) },
    ],
  },
};

export const LAUNCHDARKLY_ACCESS_TOKEN: Detector = {
  id: "SG362",
  name: "launchdarkly-access-token",
  title: "a LaunchDarkly API access token",
  severity: "error",
  explanation: "A LaunchDarkly API access token (api- + UUID) under a LaunchDarkly key name: reads and changes flags, projects and members with its role.",
  fix: "Keep the token in a secret store read at run time; reset or delete it in LaunchDarkly (Organization settings > Authorization).",
  keywords: [],
  keys: { include: "(?:launchdarkly|^ld)[a-z0-9]{0,30}(?:token|apikey|accesstoken|key)$" },
  pattern: "^api-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "LAUNCHDARKLY_ACCESS_TOKEN", value: "ap" + "i-" + fakeUuid(781) },
      { key: "ld_api_key", value: "ap" + "i-" + fakeUuid(782) },
      { key: "content", value: "LAUNCHDARKLY_API_TOKEN=" + "ap" + "i-" + fakeUuid(783) + "\n" },
    ],
    negative: [
      { key: "value", value: "ap" + "i-" + fakeUuid(784) },
      { key: "name", value: "ap" + "i-" + fakeUuid(785) },
      { key: "launchdarkly_access_token", value: "ap" + "i-" + "<token>" },
    ],
  },
};
