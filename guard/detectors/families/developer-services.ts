/**
 * Developer services and platforms whose tokens carry a prefix: Sourcegraph, RubyGems, Clojars, Harness,
 * Infracost, Prefect, LangSmith, Octopus Deploy, SettleMint, Scalingo, Defined Networking, OpenShift, 42 (intra),
 * Dynatrace, SonarQube/SonarCloud, Adafruit IO, Buildkite. Formats from the vendors' docs (and the public scanners' rule
 * catalogues for lengths): Sourcegraph access tokens (sgp_, an optional instance id, 40 hex; Cody slk_ and 64
 * hex), RubyGems API keys (rubygems_ and 48 hex), Clojars deploy tokens (CLOJARS_ and 60), Harness personal and
 * service account tokens (pat./sat., account id, token id, secret), Infracost API keys (ico- and 32), Prefect
 * Cloud keys (pnu_ user, pnb_ bot, and 36), LangSmith keys (lsv2_pt_ personal, lsv2_sk_ service), Octopus Deploy
 * API keys (API- and 25 to 27 upper-case letters and digits), SettleMint tokens (sm_pat_, sm_aat_, sm_sat_),
 * Scalingo API tokens (tk-us- and 48), Defined Networking API keys (dnkey-), OpenShift OAuth access tokens
 * (sha256~ and 43), 42 intranet client secrets (s-s4t2ud-/s-s4t2af- and 64 hex), Dynatrace tokens (dt0c01. and
 * two parts of 24 and 64), SonarQube tokens (squ_ user, sqp_ project, sqa_ global analysis; SonarCloud sqco_),
 * Adafruit IO keys (aio_ and 28), Buildkite API access tokens (bkua_ and 40 hex).
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, DIGITS, HEX, LOWER, UPPER, fake } from "./sample-values";

export const SOURCEGRAPH_TOKEN: Detector = {
  id: "SG417",
  name: "sourcegraph-token",
  title: "a Sourcegraph access token",
  severity: "error",
  explanation: "A Sourcegraph access token (sgp_, an optional instance id or local_, and 40 hex) or Cody gateway key (slk_ and 64 hex): reads the code the user reaches and acts on the instance's API as the user.",
  fix: "Keep the token in a secret store read at run time; delete it in Sourcegraph (Settings > Access tokens) and create a new one.",
  keywords: ["sgp_", "slk_"],
  pattern: "(?<![A-Za-z0-9_])(?:sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}|slk_[a-f0-9]{64})(?![A-Za-z0-9_])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "sg" + "p_" + fake(HEX, 40, 4201) },
      { key: "SRC_ACCESS_TOKEN", value: "sg" + "p_" + fake(HEX, 16, 4202) + "_" + fake(HEX, 40, 4203) },
      { key: "content", value: "export SRC_ACCESS_TOKEN=" + "sg" + "p_local_" + fake(HEX, 40, 4204) + "\n" },
    ],
    negative: [
      { key: "value", value: "sg" + "p_" + fake(HEX, 30, 4205) },
      { key: "value", value: "sg" + "p_" + "0".repeat(40) },
      { key: "value", value: "sg" + "p_" + fake(ALNUM, 40, 4206).replace(/[0-9a-fA-F]/g, "z") },
    ],
  },
};

export const RUBYGEMS_API_KEY: Detector = {
  id: "SG418",
  name: "rubygems-api-key",
  title: "a RubyGems API key",
  severity: "error",
  explanation: "A RubyGems.org API key (rubygems_ and 48 characters): pushes, yanks and manages the owners of the user's gems, as its scopes allow.",
  fix: "Use trusted publishing from CI, or keep the key (GEM_HOST_API_KEY) in the CI's secret store; delete it on rubygems.org (Settings > API keys).",
  keywords: ["rubygems_"],
  pattern: "(?<![A-Za-z0-9_])rubygems_[a-zA-Z0-9]{48}(?![A-Za-z0-9_])",
  entropy: 3.3,
  samples: {
    positive: [
      { key: "value", value: "ruby" + "gems_" + fake(HEX, 48, 4211) },
      { key: "GEM_HOST_API_KEY", value: "ruby" + "gems_" + fake(HEX, 48, 4212) },
      { key: "content", value: "---\n:rubygems_api_key: " + "ruby" + "gems_" + fake(HEX, 48, 4213) + "\n" },
    ],
    negative: [
      { key: "value", value: "ruby" + "gems_" + fake(HEX, 32, 4214) },
      { key: "value", value: "ruby" + "gems_" + "0".repeat(48) },
      { key: "value", value: "ruby" + "gems_" + "api_key_for_the_internal_gem_server_mirror_ab" },
    ],
  },
};

export const CLOJARS_TOKEN: Detector = {
  id: "SG419",
  name: "clojars-token",
  title: "a Clojars deploy token",
  severity: "error",
  explanation: "A Clojars deploy token (CLOJARS_ and 60 characters): publishes releases of the user's or group's libraries.",
  fix: "Keep the token in the CI's secret store; disable it on clojars.org (Dashboard > Deploy tokens) and create a new one scoped to one group or artifact.",
  keywords: ["CLOJARS_"],
  pattern: "(?<![A-Za-z0-9_])CLOJARS_[a-zA-Z0-9]{60}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "CLO" + "JARS_" + fake(LOWER + DIGITS, 60, 4221) },
      { key: "CLOJARS_PASSWORD", value: "CLO" + "JARS_" + fake(ALNUM, 60, 4222) },
      { key: "content", value: "{:deploy-repositories [[\"clojars\" {:password \"" + "CLO" + "JARS_" + fake(LOWER + DIGITS, 60, 4223) + "\"}]]}\n" },
    ],
    negative: [
      { key: "value", value: "CLO" + "JARS_" + "USERNAME" },
      { key: "value", value: "CLO" + "JARS_" + fake(LOWER + DIGITS, 30, 4224) },
      { key: "value", value: "CLO" + "JARS_" + "x".repeat(60) },
    ],
  },
};

const harnessToken = (kind: string, seed: number) => kind + "." + fake(BASE64URL, 22, seed) + "." + fake(HEX, 24, seed + 1) + "." + fake(ALNUM, 20, seed + 2);

export const HARNESS_TOKEN: Detector = {
  id: "SG420",
  name: "harness-token",
  title: "a Harness API token",
  severity: "error",
  explanation: "A Harness personal access token (pat.) or service account token (sat.): account id, token id and secret. Acts on the Harness API with the owner's roles: pipelines, secrets, connectors.",
  fix: "Keep the token in a secret store read at run time; delete it in Harness (the user's or service account's API keys > Tokens) and create one with an expiry.",
  keywords: ["pat.", "sat."],
  pattern: "(?<![A-Za-z0-9_.-])[ps]at\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}(?![A-Za-z0-9_.-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: harnessToken("pa" + "t", 4231) },
      { key: "HARNESS_PLATFORM_API_KEY", value: harnessToken("sa" + "t", 4234) },
      { key: "content", value: "harness:\n  api_key: " + harnessToken("pa" + "t", 4237) + "\n" },
    ],
    negative: [
      { key: "value", value: "pa" + "t." + fake(ALNUM, 22, 4240) + "." + fake(ALNUM, 24, 4241) },
      { key: "value", value: "pa" + "t." + "x".repeat(22) + "." + "x".repeat(24) + "." + "x".repeat(20) },
      { key: "value", value: "s3://bucket/path/" + "pa" + "t." + "json" },
    ],
  },
};

export const INFRACOST_API_KEY: Detector = {
  id: "SG421",
  name: "infracost-api-key",
  title: "an Infracost API key",
  severity: "error",
  explanation: "An Infracost API key (ico- and 32 letters and digits): queries the Cloud Pricing API and, for Infracost Cloud, reads and uploads the organization's cost estimates.",
  fix: "Keep the key (INFRACOST_API_KEY) in the CI's secret store; rotate it in Infracost Cloud (Org settings > API keys) or with infracost auth login.",
  keywords: ["ico-"],
  pattern: "(?<![A-Za-z0-9_.-])ico-[A-Za-z0-9]{32}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "ic" + "o-" + fake(ALNUM, 32, 4251) },
      { key: "INFRACOST_API_KEY", value: "ic" + "o-" + fake(ALNUM, 32, 4252) },
      { key: "content", value: "export INFRACOST_API_KEY=" + "ic" + "o-" + fake(ALNUM, 32, 4253) + "\n" },
    ],
    negative: [
      { key: "value", value: "ic" + "o-" + fake(ALNUM, 20, 4254) },
      { key: "value", value: "ic" + "o-" + "x".repeat(32) },
      { key: "value", value: "favicon-" + fake(ALNUM, 32, 4255) },
    ],
  },
};

export const PREFECT_API_KEY: Detector = {
  id: "SG422",
  name: "prefect-api-key",
  title: "a Prefect Cloud API key",
  severity: "error",
  explanation: "A Prefect Cloud API key (pnu_ for a user, pnb_ for a service account, and 36 letters and digits): runs and changes the flows, deployments and blocks (with their stored credentials) of its workspaces.",
  fix: "Keep the key (PREFECT_API_KEY) in a secret store read at run time; delete it in Prefect Cloud (Settings > API keys, or the service account) and create one with an expiry.",
  keywords: ["pnu_", "pnb_"],
  pattern: "(?<![A-Za-z0-9_])pn[ub]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "pn" + "u_" + fake(ALNUM, 36, 4261) },
      { key: "PREFECT_API_KEY", value: "pn" + "b_" + fake(LOWER + DIGITS, 36, 4262) },
      { key: "content", value: "prefect cloud login -k " + "pn" + "u_" + fake(ALNUM, 36, 4263) + "\n" },
    ],
    negative: [
      { key: "value", value: "pn" + "u_" + fake(ALNUM, 20, 4264) },
      { key: "value", value: "pn" + "u_" + "x".repeat(36) },
      { key: "value", value: "spn" + "u_" + fake(ALNUM, 36, 4265) },
    ],
  },
};

export const LANGSMITH_API_KEY: Detector = {
  id: "SG423",
  name: "langsmith-api-key",
  title: "a LangSmith API key",
  severity: "error",
  explanation: "A LangSmith personal access token (lsv2_pt_) or service key (lsv2_sk_), 32 hex, an underscore and 10 hex: reads the traces (prompts, outputs, often customer data) and datasets of the workspace.",
  fix: "Keep the key (LANGSMITH_API_KEY) in a secret store read at run time; delete it in LangSmith (Settings > API keys) and create a new one.",
  keywords: ["lsv2_pt_", "lsv2_sk_"],
  pattern: "(?<![A-Za-z0-9_])lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}(?![A-Za-z0-9_])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "lsv" + "2_pt_" + fake(HEX, 32, 4271) + "_" + fake(HEX, 10, 4272) },
      { key: "LANGSMITH_API_KEY", value: "lsv" + "2_sk_" + fake(HEX, 32, 4273) + "_" + fake(HEX, 10, 4274) },
      { key: "content", value: "LANGCHAIN_API_KEY=" + "lsv" + "2_pt_" + fake(HEX, 32, 4275) + "_" + fake(HEX, 10, 4276) + "\n" },
    ],
    negative: [
      { key: "value", value: "lsv" + "2_pt_" + fake(HEX, 32, 4277) },
      { key: "value", value: "lsv" + "2_pt_" + "0".repeat(32) + "_" + "0".repeat(10) },
      { key: "value", value: "lsv" + "2_pt_" + "<your-langsmith-key>" },
    ],
  },
};

export const OCTOPUS_DEPLOY_API_KEY: Detector = {
  id: "SG424",
  name: "octopus-deploy-api-key",
  title: "an Octopus Deploy API key",
  // "API-" followed by capitals also names things (API-GATEWAY...): a warning, and only with digits and letters mixed.
  severity: "warning",
  explanation: "An Octopus Deploy API key (API- and 25 to 27 upper-case letters and digits): acts as the user on the Octopus server: releases, deployments, variables (with their sensitive values) and targets.",
  fix: "Keep the key in a secret store read at run time (or use OIDC for service accounts); revoke it in Octopus (the user's Profile > My API keys) and create one with an expiry.",
  keywords: ["API-"],
  // At least one digit (a random key of 26 has several); the length bounds the whole key.
  pattern: "(?<![A-Za-z0-9_-])API-[A-Z]{0,26}[0-9][A-Z0-9]{0,26}(?![A-Za-z0-9_-])",
  minLength: 29,
  maxLength: 31,
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "AP" + "I-" + fake(UPPER + DIGITS, 26, 4281) },
      { key: "OCTOPUS_API_KEY", value: "AP" + "I-" + fake(UPPER + DIGITS, 27, 4282) },
      { key: "content", value: "octopus_api_token = \"" + "AP" + "I-" + fake(UPPER + DIGITS, 26, 4283) + "\"\n" },
    ],
    negative: [
      { key: "value", value: "AP" + "I-" + "GATEWAYINTEGRATIONSERVICES" },
      { key: "value", value: "AP" + "I-" + "A".repeat(26) },
      { key: "value", value: "AP" + "I-" + fake(UPPER + DIGITS, 12, 4284) },
    ],
  },
};

export const SETTLEMINT_TOKEN: Detector = {
  id: "SG425",
  name: "settlemint-token",
  title: "a SettleMint access token",
  severity: "error",
  explanation: "A SettleMint personal (sm_pat_), application (sm_aat_) or service (sm_sat_) access token: acts on the platform's blockchain nodes, middleware and APIs it was granted.",
  fix: "Keep the token in a secret store read at run time; delete it in the SettleMint console (the user's or application's access tokens) and create a new one.",
  keywords: ["sm_pat_", "sm_aat_", "sm_sat_"],
  pattern: "(?<![A-Za-z0-9_])sm_(?:pat|aat|sat)_[A-Za-z0-9]{16}(?![A-Za-z0-9_])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "sm" + "_pat_" + fake(ALNUM, 16, 4291) },
      { key: "SETTLEMINT_ACCESS_TOKEN", value: "sm" + "_aat_" + fake(LOWER + DIGITS, 16, 4292) },
      { key: "content", value: "SETTLEMINT_TOKEN=" + "sm" + "_sat_" + fake(ALNUM, 16, 4293) + "\n" },
    ],
    negative: [
      { key: "value", value: "sm" + "_pat_" + fake(ALNUM, 8, 4294) },
      { key: "value", value: "sm" + "_pat_" + "x".repeat(16) },
      { key: "value", value: "sm" + "_pat_" + fake(ALNUM, 30, 4295) },
    ],
  },
};

export const SCALINGO_API_TOKEN: Detector = {
  id: "SG426",
  name: "scalingo-api-token",
  title: "a Scalingo API token",
  severity: "error",
  explanation: "A Scalingo API token (tk-us- and 48 characters): manages the user's apps, their environment variables, add-ons and deployments.",
  fix: "Keep the token in a secret store read at run time; delete it in the Scalingo dashboard (User settings > API tokens) and create a new one.",
  keywords: ["tk-us-"],
  pattern: "(?<![A-Za-z0-9_-])tk-us-[A-Za-z0-9_-]{48}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "tk" + "-us-" + fake(BASE64URL, 48, 4301) },
      { key: "SCALINGO_API_TOKEN", value: "tk" + "-us-" + fake(ALNUM, 48, 4302) },
      { key: "content", value: "scalingo login --api-token " + "tk" + "-us-" + fake(BASE64URL, 48, 4303) + "\n" },
    ],
    negative: [
      { key: "value", value: "tk" + "-us-" + fake(BASE64URL, 30, 4304) },
      { key: "value", value: "tk" + "-us-" + "x".repeat(48) },
      { key: "value", value: "tk" + "-us-east-1-cluster" },
    ],
  },
};

export const DEFINED_NETWORKING_API_KEY: Detector = {
  id: "SG427",
  name: "defined-networking-api-key",
  title: "a Defined Networking API key",
  severity: "error",
  explanation: "A Defined Networking (managed Nebula) API key (dnkey-, 26 characters, a dash and 52): enrolls hosts and changes the network's roles, routes and firewall rules.",
  fix: "Keep the key in a secret store read at run time; delete it in the Defined Networking admin panel (API keys) and create one with fewer scopes.",
  keywords: ["dnkey-"],
  pattern: "(?<![A-Za-z0-9_-])dnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}(?![A-Za-z0-9=_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "dn" + "key-" + fake(ALNUM, 26, 4311) + "-" + fake(ALNUM, 52, 4312) },
      { key: "DN_API_KEY", value: "dn" + "key-" + fake(BASE64URL, 26, 4313) + "-" + fake(BASE64URL, 52, 4314) },
      { key: "content", value: "provider \"definednet\" {\n  token = \"" + "dn" + "key-" + fake(ALNUM, 26, 4315) + "-" + fake(ALNUM, 52, 4316) + "\"\n}\n" },
    ],
    negative: [
      { key: "value", value: "dn" + "key-" + fake(ALNUM, 26, 4317) },
      { key: "value", value: "dn" + "key-" + "x".repeat(26) + "-" + "x".repeat(52) },
      { key: "value", value: "dn" + "key-" + "<your-api-key>" },
    ],
  },
};

export const OPENSHIFT_USER_TOKEN: Detector = {
  id: "SG428",
  name: "openshift-user-token",
  title: "an OpenShift OAuth access token",
  severity: "error",
  explanation: "An OpenShift OAuth access token (sha256~ and 43 characters): acts on the cluster's API as the user (oc login --token) until it expires or is deleted.",
  fix: "Use a service account with a bound token or OIDC instead of a user's token; delete it with oc delete oauthaccesstoken (or log out) and let the user log in again.",
  keywords: ["sha256~"],
  pattern: "(?<![A-Za-z0-9_-])sha256~[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "sha" + "256~" + fake(BASE64URL, 43, 4321) },
      { key: "OPENSHIFT_TOKEN", value: "sha" + "256~" + fake(BASE64URL, 43, 4322) },
      { key: "content", value: "oc login --token=" + "sha" + "256~" + fake(BASE64URL, 43, 4323) + " --server=https://api.example.com:6443\n" },
    ],
    negative: [
      { key: "value", value: "sha" + "256~" + fake(BASE64URL, 20, 4324) },
      { key: "value", value: "sha256:" + fake(HEX, 64, 4325) },
      { key: "value", value: "sha" + "256~" + "x".repeat(43) },
    ],
  },
};

export const INTRA42_CLIENT_SECRET: Detector = {
  id: "SG429",
  name: "intra42-client-secret",
  title: "a 42 intranet client secret",
  severity: "error",
  explanation: "A 42 school intranet API application secret (s-s4t2ud- or s-s4t2af- and 64 hex): with the client id, obtains tokens for the application's scopes on the 42 API.",
  fix: "Keep the secret in a secret store read at run time; regenerate it on the intranet (the application's settings page).",
  keywords: ["s-s4t2ud-", "s-s4t2af-"],
  pattern: "(?<![A-Za-z0-9_-])s-s4t2(?:ud|af)-[a-f0-9]{64}(?![A-Za-z0-9_-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "s-s4t2" + "ud-" + fake(HEX, 64, 4331) },
      { key: "FT_CLIENT_SECRET", value: "s-s4t2" + "af-" + fake(HEX, 64, 4332) },
      { key: "content", value: "SECRET=" + "s-s4t2" + "ud-" + fake(HEX, 64, 4333) + "\n" },
    ],
    negative: [
      { key: "client_id", value: "u-s4t2" + "ud-" + fake(HEX, 64, 4334) },
      { key: "value", value: "s-s4t2" + "ud-" + fake(HEX, 40, 4335) },
      { key: "value", value: "s-s4t2" + "ud-" + "0".repeat(64) },
    ],
  },
};

const dynatraceToken = (seed: number) => "dt0" + "c01." + fake(UPPER + DIGITS, 24, seed) + "." + fake(UPPER + DIGITS, 64, seed + 1);

export const DYNATRACE_TOKEN: Detector = {
  id: "SG430",
  name: "dynatrace-token",
  title: "a Dynatrace access token",
  severity: "error",
  explanation: "A Dynatrace access token (dt0c01., a 24-character public part and a 64-character secret; platform tokens dt0s..): ingests or reads the environment's data and, with write scopes, changes its settings.",
  fix: "Keep the token in a secret store read at run time; revoke it in Dynatrace (Access tokens) and create one with the fewest scopes and an expiry.",
  keywords: ["dt0c01.", "dt0s01.", "dt0s16."],
  pattern: "(?<![A-Za-z0-9_-])dt0[cs][0-9]{2}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: dynatraceToken(4341) },
      { key: "DT_API_TOKEN", value: dynatraceToken(4343) },
      { key: "content", value: "oneagent:\n  apiToken: " + dynatraceToken(4345) + "\n" },
    ],
    negative: [
      { key: "value", value: "dt0" + "c01." + fake(UPPER + DIGITS, 24, 4347) },
      { key: "value", value: "dt0" + "c01." + "A".repeat(24) + "." + "A".repeat(64) },
      { key: "value", value: "dt0" + "c01." + "<public-part>.<secret-part>" },
    ],
  },
};

export const SONAR_TOKEN: Detector = {
  id: "SG431",
  name: "sonar-token",
  title: "a SonarQube or SonarCloud token",
  severity: "error",
  explanation: "A SonarQube user (squ_), project analysis (sqp_) or global analysis (sqa_) token, 40 hex, or a SonarCloud token (sqco_): runs analyses and, for user tokens, acts on the server's API as the user.",
  fix: "Keep the token (SONAR_TOKEN) in the CI's secret store; revoke it in SonarQube/SonarCloud (My Account > Security) and create a project analysis token.",
  keywords: ["squ_", "sqp_", "sqa_", "sqco_"],
  pattern: "(?<![A-Za-z0-9_])(?:sq[upa]_[a-fA-F0-9]{40}|sqco_[A-Za-z0-9]{59})(?![A-Za-z0-9_])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "sq" + "p_" + fake(HEX, 40, 4351) },
      { key: "SONAR_TOKEN", value: "sq" + "u_" + fake(HEX, 40, 4352) },
      { key: "content", value: "sonar.token=" + "sq" + "a_" + fake(HEX, 40, 4353) + "\nsonar.projectKey=shop\n" },
    ],
    negative: [
      { key: "value", value: "sq" + "p_" + fake(HEX, 30, 4354) },
      { key: "value", value: "sq" + "p_" + "0".repeat(40) },
      { key: "value", value: "sq" + "p_" + fake(LOWER, 40, 4355).replace(/[a-f]/g, "x") },
    ],
  },
};

export const ADAFRUIT_IO_KEY: Detector = {
  id: "SG432",
  name: "adafruit-io-key",
  title: "an Adafruit IO key",
  severity: "error",
  explanation: "An Adafruit IO key (aio_ and 28 letters and digits): reads and writes every feed and dashboard of the account, and the devices that act on them.",
  fix: "Keep the key in a secret store or the device's protected storage; regenerate it on io.adafruit.com (My Key > Regenerate key).",
  keywords: ["aio_"],
  pattern: "(?<![A-Za-z0-9_])aio_[A-Za-z0-9]{28}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "ai" + "o_" + fake(ALNUM, 28, 4361) },
      { key: "ADAFRUIT_IO_KEY", value: "ai" + "o_" + fake(ALNUM, 28, 4362) },
      { key: "content", value: "#define IO_KEY \"" + "ai" + "o_" + fake(ALNUM, 28, 4363) + "\"\n" },
    ],
    negative: [
      { key: "value", value: "ai" + "o_" + fake(ALNUM, 16, 4364) },
      { key: "value", value: "ai" + "o_" + "x".repeat(28) },
      { key: "value", value: "ai" + "o_" + "feed_temperature_sensor_one" },
    ],
  },
};

export const BUILDKITE_API_TOKEN: Detector = {
  id: "SG448",
  name: "buildkite-api-token",
  title: "a Buildkite API access token",
  severity: "error",
  explanation: "A Buildkite API access token (bkua_ and 40 hex): acts on the REST and GraphQL APIs as the user, in the organizations and with the scopes it was given (pipelines, builds, agents' tokens).",
  fix: "Keep the token in a secret store read at run time; revoke it in Buildkite (Personal Settings > API Access Tokens) and create one limited to the needed scopes and organizations.",
  keywords: ["bkua_"],
  pattern: "(?<![A-Za-z0-9_])bkua_[a-f0-9]{40}(?![A-Za-z0-9_])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "bk" + "ua_" + fake(HEX, 40, 4481) },
      { key: "BUILDKITE_API_TOKEN", value: "bk" + "ua_" + fake(HEX, 40, 4482) },
      { key: "content", value: "provider \"buildkite\" {\n  api_token = \"" + "bk" + "ua_" + fake(HEX, 40, 4483) + "\"\n}\n" },
    ],
    negative: [
      { key: "value", value: "bk" + "ua_" + fake(HEX, 24, 4484) },
      { key: "value", value: "bk" + "ua_" + "0".repeat(40) },
      { key: "value", value: "bk" + "ua_" + "<your-buildkite-token>" },
    ],
  },
};
