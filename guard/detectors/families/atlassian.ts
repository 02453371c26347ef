/**
 * Atlassian (Jira, Confluence, Bitbucket) credentials. Current API tokens are prefixed (ATATT3, ATCTT3, ATBB);
 * legacy 24-character API tokens are a plain shape, judged only under a key that names an Atlassian product.
 * Read: Atlassian Support "Manage API tokens for your Atlassian account", Atlassian Admin "Manage API keys"
 * (organisation keys), Bitbucket Cloud "App passwords" (ATBB...), and the token formats in gitleaks' and
 * trufflehog's public rule catalogues.
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, HEX, fake } from "./sample-values";

const ATATT = "ATA" + "TT3";
const ATCTT = "ATC" + "TT3";
const ATBB = "AT" + "BB";
const crcTail = (seed: number) => "=" + fake(HEX, 8, seed).toUpperCase();

export const ATLASSIAN_API_TOKEN: Detector = {
  id: "SG312",
  name: "atlassian-api-token",
  title: "an Atlassian API token",
  severity: "error",
  explanation: "An Atlassian account API token (ATATT3...) or organisation/admin API key (ATCTT3...): acts as the user (or the organisation admin) on Jira, Confluence and Bitbucket.",
  fix: "Keep the token in a secret store read at run time; revoke it at id.atlassian.com (Security > API tokens) or in Atlassian Administration (API keys).",
  keywords: [ATATT, ATCTT],
  pattern: "(?<![A-Za-z0-9_-])AT[AC]TT3[A-Za-z0-9_+/=-]{60,300}(?![A-Za-z0-9_+/=-])",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: ATATT + fake(BASE64URL, 177, 381) + crcTail(382) },
      { key: "JIRA_API_TOKEN", value: ATATT + fake(BASE64URL, 177, 383) + crcTail(384) },
      { key: "content", value: "curl -u ops@example.com:" + ATCTT + fake(BASE64URL, 120, 385) + crcTail(386) + " https://example.atlassian.net/rest/api/3/myself\n" },
    ],
    negative: [
      { key: "value", value: ATATT + "x".repeat(186) },
      { key: "value", value: ATATT + fake(BASE64URL, 20, 387) },
      { key: "value", value: ATATT + "<your-api-token>" },
    ],
  },
};

export const BITBUCKET_APP_PASSWORD: Detector = {
  id: "SG313",
  name: "bitbucket-app-password",
  title: "a Bitbucket app password",
  severity: "error",
  explanation: "A Bitbucket Cloud app password (ATBB...): pushes, pulls and administers repositories with its scopes as its owner.",
  fix: "Use repository or workspace access tokens with least scopes from a secret store; revoke the app password in Bitbucket (Personal settings > App passwords).",
  keywords: [ATBB],
  pattern: "(?<![A-Za-z0-9_-])ATBB[A-Za-z0-9_=.-]{24,64}(?![A-Za-z0-9_=.-])",
  entropy: 3.5,
  check: "mixed-classes",
  samples: {
    positive: [
      { key: "value", value: ATBB + fake(ALNUM, 24, 391) + fake(HEX, 8, 392).toUpperCase() },
      { key: "BITBUCKET_APP_PASSWORD", value: ATBB + fake(ALNUM, 28, 393) + fake(HEX, 8, 394).toUpperCase() },
      { key: "url", value: "https://ci-bot:" + ATBB + fake(ALNUM, 28, 395) + fake(HEX, 8, 396).toUpperCase() + "@bitbucket.org/team/app.git" },
    ],
    negative: [
      { key: "value", value: ATBB + "X".repeat(32) },
      { key: "value", value: ATBB + fake(ALNUM, 10, 397) },
      { key: "value", value: "ATBBREVIATIONS_AND_ACRONYMS_LIST_FOR_DOCS" },
    ],
  },
};

export const ATLASSIAN_LEGACY_TOKEN: Detector = {
  id: "SG314",
  name: "atlassian-legacy-token",
  title: "an Atlassian legacy API token",
  severity: "error",
  explanation: "An Atlassian API token of the legacy form (24 characters) under a Jira, Confluence, Bitbucket or Atlassian token name.",
  fix: "Keep the token in a secret store read at run time; revoke it at id.atlassian.com (Security > API tokens) and create a new one.",
  keywords: [],
  keys: { include: "(?:atlassian|jira|confluence|bitbucket)[a-z0-9]{0,30}(?:token|apikey|password|secret)$" },
  pattern: "^[A-Za-z0-9]{24}$",
  entropy: 3.5,
  check: "mixed-classes",
  samples: {
    positive: [
      { key: "JIRA_API_TOKEN", value: fake(ALNUM, 24, 401) },
      { key: "confluence_token", value: fake(ALNUM, 24, 402) },
      { key: "content", value: "JIRA_URL=https://example.atlassian.net\nJIRA_API_TOKEN=" + fake(ALNUM, 24, 403) + "\n" },
    ],
    negative: [
      { key: "jira_api_token", value: "abcdefghijklmnopqrstuvwx" },
      { key: "jira_project_id", value: fake(ALNUM, 24, 404) },
      { key: "jira_api_token", value: "<your-api-token>" },
    ],
  },
};
