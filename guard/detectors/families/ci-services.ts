/**
 * CI and code-security services: CircleCI, Travis CI, Drone, Snyk. CircleCI's current tokens are prefixed; the
 * others are plain shapes, so they are judged only under a key that names the service.
 * Read: CircleCI Docs "Managing API tokens" (personal and project tokens, CCIPAT_/CCIPRJ_), Travis CI Docs
 * "API authentication" (22-character tokens), Drone Docs "Server settings" (DRONE_RPC_SECRET) and CLI token,
 * Snyk Docs "Authentication for API" (API tokens are UUIDs).
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, HEX, fake, fakeUuid } from "./sample-values";

export const CIRCLECI_TOKEN: Detector = {
  id: "SG305",
  name: "circleci-token",
  title: "a CircleCI API token",
  severity: "error",
  explanation: "A CircleCI personal (CCIPAT_) or project (CCIPRJ_) API token: triggers pipelines and reads project settings, including environment variables.",
  fix: "Use OIDC or a context secret read at run time; delete the token in CircleCI (User Settings > Personal API Tokens, or Project Settings > API Permissions).",
  keywords: ["CCIPAT_", "CCIPRJ_"],
  pattern: "(?<![A-Za-z0-9_])CCIP(?:AT|RJ)_[A-Za-z0-9]{22}_[0-9a-f]{40}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "CCIP" + "AT_" + fake(ALNUM, 22, 331) + "_" + fake(HEX, 40, 332) },
      { key: "CIRCLECI_TOKEN", value: "CCIP" + "RJ_" + fake(ALNUM, 22, 333) + "_" + fake(HEX, 40, 334) },
      { key: "content", value: "curl -H 'Circle-Token: " + "CCIP" + "AT_" + fake(ALNUM, 22, 335) + "_" + fake(HEX, 40, 336) + "' https://circleci.com/api/v2/me\n" },
    ],
    negative: [
      { key: "value", value: "CCIP" + "AT_" + fake(ALNUM, 22, 337) + "_" + fake(HEX, 20, 338) },
      { key: "value", value: "CCIP" + "AT_" + "x".repeat(22) + "_" + "0".repeat(40) },
      { key: "value", value: "CCIP" + "AT_" + "<your-token>" },
    ],
  },
};

export const CIRCLECI_LEGACY_TOKEN: Detector = {
  id: "SG306",
  name: "circleci-legacy-token",
  title: "a CircleCI legacy API token",
  severity: "error",
  explanation: "A CircleCI API token of the legacy form (40 hex characters) under a CircleCI token name.",
  fix: "Use OIDC or a context secret read at run time; delete the token in CircleCI and create a prefixed one if needed.",
  keywords: [],
  keys: { include: "circle[a-z0-9]{0,30}(?:token|apikey|key|secret)$" },
  pattern: "^[0-9a-f]{40}$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "CIRCLECI_TOKEN", value: fake(HEX, 40, 341) },
      { key: "circle_token", value: fake(HEX, 40, 342) },
      { key: "content", value: "export CIRCLE_TOKEN=" + fake(HEX, 40, 343) + "\nexport CIRCLE_PROJECT=app\n" },
    ],
    negative: [
      { key: "circleci_token", value: fake(HEX, 32, 344) },
      { key: "circle_sha1", value: fake(HEX, 40, 345) },
      { key: "circleci_token", value: "${var.circleci_token}" },
    ],
  },
};

export const TRAVIS_CI_TOKEN: Detector = {
  id: "SG307",
  name: "travis-ci-token",
  title: "a Travis CI API token",
  severity: "error",
  explanation: "A Travis CI API token (22 characters) under a Travis token name: acts as its owner on Travis CI.",
  fix: "Keep the token in a secret store read at run time; regenerate it in Travis CI (Settings > API authentication).",
  keywords: [],
  keys: { include: "travis[a-z0-9]{0,30}(?:token|apikey|key|secret)$" },
  pattern: "^[A-Za-z0-9_-]{22}$",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "TRAVIS_TOKEN", value: fake(BASE64URL, 22, 351) },
      { key: "travis_api_token", value: fake(ALNUM, 22, 352) },
      { key: "content", value: "TRAVIS_API_TOKEN=" + fake(ALNUM, 22, 353) + "\nTRAVIS_ENDPOINT=https://api.travis-ci.com\n" },
    ],
    negative: [
      { key: "travis_token", value: "x".repeat(22) },
      { key: "travis_token", value: "${TRAVIS_TOKEN}" },
      { key: "travis_build_id", value: fake(ALNUM, 22, 355) },
    ],
  },
};

export const DRONE_TOKEN: Detector = {
  id: "SG308",
  name: "drone-token",
  title: "a Drone CI token or shared secret",
  severity: "error",
  explanation: "A Drone CI personal token or RPC shared secret (32 characters) under a Drone token or secret name.",
  fix: "Keep the value in a secret store read at run time; rotate the user token (drone user token rotation) or the RPC secret on server and runners.",
  keywords: [],
  keys: { include: "drone[a-z0-9]{0,30}(?:token|secret|key)$" },
  pattern: "^[A-Za-z0-9]{32}$",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "DRONE_TOKEN", value: fake(ALNUM, 32, 361) },
      { key: "DRONE_RPC_SECRET", value: fake(HEX, 32, 362) },
      { key: "content", value: "DRONE_SERVER=https://drone.example.com\nDRONE_TOKEN=" + fake(ALNUM, 32, 363) + "\n" },
    ],
    negative: [
      { key: "drone_token", value: "0".repeat(32) },
      { key: "drone_token", value: "<drone-token>" },
      { key: "drone_repo_id", value: fake(ALNUM, 32, 365) },
    ],
  },
};

export const SNYK_TOKEN: Detector = {
  id: "SG309",
  name: "snyk-token",
  title: "a Snyk API token",
  severity: "error",
  explanation: "A Snyk API token (a UUID) under a Snyk token or key name: reads and changes the organisation's projects.",
  fix: "Use a service account token from a secret store at run time; revoke and regenerate the token in Snyk (Account settings, or the service account).",
  keywords: [],
  keys: { include: "snyk[a-z0-9]{0,30}(?:token|apikey|key|secret)$" },
  pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
  samples: {
    positive: [
      { key: "SNYK_TOKEN", value: fakeUuid(371) },
      { key: "snyk_api_key", value: fakeUuid(372) },
      { key: "content", value: "SNYK_TOKEN=" + fakeUuid(373) + "\nSNYK_ORG=platform\n" },
    ],
    negative: [
      { key: "snyk_org_id", value: fakeUuid(374) },
      { key: "snyk_token", value: "00000000-0000-0000-0000-00000000000" },
      { key: "snyk_token", value: "${SNYK_TOKEN}" },
    ],
  },
};
