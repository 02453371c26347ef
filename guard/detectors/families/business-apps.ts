/**
 * Business and productivity apps whose API tokens carry a prefix: Airtable, Notion, Figma, Linear, Typeform,
 * Contentful, ReadMe, Frame.io, Postman, Adobe, HubSpot, Dropbox, Brevo (Sendinblue). Formats from the vendors'
 * docs (and the public scanners' rule catalogues for lengths): Airtable personal access tokens (pat, 14
 * characters, a dot, 64 hex), Notion integration tokens (ntn_ since 2024, secret_ before), Figma personal access
 * tokens (figd_; OAuth tokens figu_/figr_...), Linear personal API keys (lin_api_), Typeform personal tokens
 * (tfp_), Contentful personal access tokens (CFPAT-), ReadMe API keys (rdme_), Frame.io developer tokens (fio-u-),
 * Postman API keys (PMAK-), Adobe Developer Console client secrets (p8e-), HubSpot private app tokens
 * (pat-na1-/pat-eu1- and a UUID), Dropbox short-lived access tokens (sl.), Brevo API and SMTP keys (xkeysib-,
 * xsmtpsib-).
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, DIGITS, HEX, LOWER, fake, fakeUuid } from "./sample-values";

export const AIRTABLE_PERSONAL_ACCESS_TOKEN: Detector = {
  id: "SG403",
  name: "airtable-personal-access-token",
  title: "an Airtable personal access token",
  severity: "error",
  explanation: "An Airtable personal access token (pat, a 14-character id, a dot and 64 hex): reads and writes the bases it was scoped to.",
  fix: "Keep the token in a secret store read at run time; delete or regenerate it in Airtable (Builder hub > Personal access tokens).",
  keywords: ["pat"],
  pattern: "(?<![A-Za-z0-9_])pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "pa" + "t" + fake(ALNUM, 14, 4031) + "." + fake(HEX, 64, 4032) },
      { key: "AIRTABLE_TOKEN", value: "pa" + "t" + fake(ALNUM, 14, 4033) + "." + fake(HEX, 64, 4034) },
      { key: "content", value: "airtable:\n  token: " + "pa" + "t" + fake(ALNUM, 14, 4035) + "." + fake(HEX, 64, 4036) + "\n" },
    ],
    negative: [
      { key: "value", value: "pa" + "t" + fake(ALNUM, 14, 4037) + "." + fake(HEX, 40, 4038) },
      { key: "value", value: "path" + fake(ALNUM, 13, 4039) + "." + "0".repeat(64) },
      { key: "value", value: "spa" + "t" + fake(ALNUM, 14, 4040) + "." + fake(HEX, 64, 4041) },
    ],
  },
};

const notionToken = (seed: number) => "nt" + "n_" + fake(DIGITS, 11, seed) + fake(ALNUM, 35, seed + 1);

export const NOTION_TOKEN: Detector = {
  id: "SG404",
  name: "notion-token",
  title: "a Notion integration token",
  severity: "error",
  explanation: "A Notion integration token (ntn_, 11 digits and 35 letters and digits): reads and edits every page and database shared with the integration.",
  fix: "Keep the token in a secret store read at run time; refresh it in Notion (Settings > Connections > Develop or manage integrations > the integration > Refresh).",
  keywords: ["ntn_"],
  pattern: "(?<![A-Za-z0-9_])ntn_[0-9]{11}[A-Za-z0-9]{35}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: notionToken(4051) },
      { key: "NOTION_TOKEN", value: notionToken(4053) },
      { key: "content", value: "NOTION_API_KEY=" + notionToken(4055) + "\n" },
    ],
    negative: [
      { key: "value", value: "nt" + "n_" + fake(ALNUM, 46, 4057) },
      { key: "value", value: notionToken(4058).slice(0, 30) },
      { key: "value", value: "nt" + "n_" + "12345678901" + "x".repeat(35) },
    ],
  },
};

export const NOTION_LEGACY_TOKEN: Detector = {
  id: "SG405",
  name: "notion-legacy-token",
  title: "a Notion integration token (legacy secret_ form)",
  // secret_ is a common word in names: only the exact length and a random mix of classes make it a token.
  severity: "warning",
  explanation: "A Notion internal integration token in its older form (secret_ and 43 letters and digits): reads and edits every page and database shared with the integration.",
  fix: "Keep the token in a secret store read at run time; refresh it in Notion (Settings > Connections > Develop or manage integrations > the integration > Refresh).",
  keywords: ["secret_"],
  pattern: "(?<![A-Za-z0-9_])secret_[A-Za-z0-9]{43}(?![A-Za-z0-9_])",
  check: "mixed-classes",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: "sec" + "ret_" + fake(ALNUM, 43, 4061) },
      { key: "NOTION_TOKEN", value: "sec" + "ret_" + fake(ALNUM, 43, 4062) },
      { key: "content", value: "notion token = '" + "sec" + "ret_" + fake(ALNUM, 43, 4063) + "'\n" },
    ],
    negative: [
      { key: "value", value: "sec" + "ret_" + "manager_access_for_the_deployment_role_abc1" },
      { key: "value", value: "sec" + "ret_" + fake(ALNUM, 30, 4064) },
      { key: "value", value: "client_sec" + "ret_" + fake(ALNUM, 43, 4065) },
    ],
  },
};

export const FIGMA_TOKEN: Detector = {
  id: "SG406",
  name: "figma-token",
  title: "a Figma access token",
  severity: "error",
  explanation: "A Figma personal access token (figd_) or OAuth token (figu_, figr_, figp_...): reads, and with write scopes changes, the files, comments and variables the user reaches.",
  fix: "Keep the token in a secret store read at run time; revoke it in Figma (Settings > Security > Personal access tokens, or the OAuth app).",
  keywords: ["figd_", "figp_", "figr_", "figu_", "figo_", "figh_"],
  pattern: "(?<![A-Za-z0-9_])fig[dprhuo]_[A-Za-z0-9_-]{38,64}={0,2}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "fi" + "gd_" + fake(BASE64URL, 40, 4071) },
      { key: "FIGMA_TOKEN", value: "fi" + "gr_" + fake(ALNUM, 40, 4072) },
      { key: "content", value: "FIGMA_ACCESS_TOKEN=" + "fi" + "gd_" + fake(BASE64URL, 44, 4073) + "\n" },
    ],
    negative: [
      { key: "value", value: "fi" + "gd_" + fake(ALNUM, 20, 4074) },
      { key: "value", value: "fi" + "gd_" + "x".repeat(40) },
      { key: "value", value: "config" + "_" + fake(ALNUM, 40, 4075) },
    ],
  },
};

export const LINEAR_API_KEY: Detector = {
  id: "SG407",
  name: "linear-api-key",
  title: "a Linear API key",
  severity: "error",
  explanation: "A Linear personal API key (lin_api_ and 40 letters and digits): reads and changes the issues, projects and comments the user reaches.",
  fix: "Keep the key in a secret store read at run time; revoke it in Linear (Settings > Account > Security & access > Personal API keys).",
  keywords: ["lin_api_"],
  pattern: "(?<![A-Za-z0-9_])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "lin" + "_api_" + fake(ALNUM, 40, 4081) },
      { key: "LINEAR_API_KEY", value: "lin" + "_api_" + fake(ALNUM, 40, 4082) },
      { key: "content", value: "linear token = '" + "lin" + "_api_" + fake(ALNUM, 40, 4083) + "'\n" },
    ],
    negative: [
      { key: "value", value: "lin" + "_api_" + fake(ALNUM, 24, 4084) },
      { key: "value", value: "lin" + "_api_" + "X".repeat(40) },
      { key: "value", value: "lin" + "_api_" + "<your-linear-api-key>" },
    ],
  },
};

export const TYPEFORM_TOKEN: Detector = {
  id: "SG408",
  name: "typeform-token",
  title: "a Typeform personal access token",
  severity: "error",
  explanation: "A Typeform personal access token (tfp_ and 40 to 59 characters): reads the forms and their responses, and with write scopes changes them.",
  fix: "Keep the token in a secret store read at run time; delete it in Typeform (Account > Personal tokens) and create a new one.",
  keywords: ["tfp_"],
  pattern: "(?<![A-Za-z0-9_])tfp_[A-Za-z0-9_=.-]{40,59}(?![A-Za-z0-9_=.-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "tf" + "p_" + fake(ALNUM + "_", 59, 4091) },
      { key: "TYPEFORM_TOKEN", value: "tf" + "p_" + fake(ALNUM, 44, 4092) + "_" + fake(ALNUM, 14, 4093) },
      { key: "content", value: "typeform:\n  token: " + "tf" + "p_" + fake(BASE64URL, 50, 4094) + "\n" },
    ],
    negative: [
      { key: "value", value: "tf" + "p_" + fake(ALNUM, 20, 4095) },
      { key: "value", value: "tf" + "p_" + "x".repeat(50) },
      { key: "value", value: "tf" + "p_" + "your_typeform_personal_access_token_here_abcd" },
    ],
  },
};

export const CONTENTFUL_PERSONAL_ACCESS_TOKEN: Detector = {
  id: "SG409",
  name: "contentful-personal-access-token",
  title: "a Contentful personal access token",
  severity: "error",
  explanation: "A Contentful personal access token (CFPAT- and 43 characters): acts as the user on the Content Management API, in every space the user reaches.",
  fix: "Keep the token in a secret store read at run time; revoke it in Contentful (Account settings > CMA tokens) and create a new one.",
  keywords: ["CFPAT-"],
  pattern: "(?<![A-Za-z0-9_-])CFPAT-[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "CF" + "PAT-" + fake(BASE64URL, 43, 4101) },
      { key: "CONTENTFUL_MANAGEMENT_TOKEN", value: "CF" + "PAT-" + fake(ALNUM, 43, 4102) },
      { key: "content", value: "contentful_access_token: \"" + "CF" + "PAT-" + fake(BASE64URL, 43, 4103) + "\"\n" },
    ],
    negative: [
      { key: "value", value: "CF" + "PAT-" + fake(ALNUM, 30, 4104) },
      { key: "value", value: "CF" + "PAT-" + "x".repeat(43) },
      { key: "value", value: "CF" + "PAT-" + "<management-token>" },
    ],
  },
};

export const README_API_KEY: Detector = {
  id: "SG410",
  name: "readme-api-key",
  title: "a ReadMe API key",
  severity: "error",
  explanation: "A ReadMe API key (rdme_ and 70 lower-case letters and digits): reads and changes the project's documentation, API definitions and metrics.",
  fix: "Keep the key in a secret store read at run time; revoke it in ReadMe (the project's API keys page) and create a new one.",
  keywords: ["rdme_"],
  pattern: "(?<![A-Za-z0-9_])rdme_[a-z0-9]{70}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "rd" + "me_" + fake(LOWER + DIGITS, 70, 4111) },
      { key: "README_API_KEY", value: "rd" + "me_" + fake(LOWER + DIGITS, 70, 4112) },
      { key: "content", value: "rdme openapi --key=" + "rd" + "me_" + fake(LOWER + DIGITS, 70, 4113) + "\n" },
    ],
    negative: [
      { key: "value", value: "rd" + "me_" + fake(LOWER + DIGITS, 40, 4114) },
      { key: "value", value: "rd" + "me_" + "x".repeat(70) },
      { key: "value", value: "rd" + "me_" + fake(ALNUM, 70, 4115).toUpperCase() },
    ],
  },
};

export const FRAMEIO_TOKEN: Detector = {
  id: "SG411",
  name: "frameio-token",
  title: "a Frame.io developer token",
  severity: "error",
  explanation: "A Frame.io developer token (fio-u- and 64 characters): reads, uploads and deletes the assets of the accounts the user reaches.",
  fix: "Keep the token in a secret store read at run time; delete it in the Frame.io developer site (Tokens) and create a new one with fewer scopes.",
  keywords: ["fio-u-"],
  pattern: "(?<![A-Za-z0-9_-])fio-u-[A-Za-z0-9_=-]{64}(?![A-Za-z0-9_=-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "fio" + "-u-" + fake(BASE64URL, 64, 4121) },
      { key: "FRAMEIO_TOKEN", value: "fio" + "-u-" + fake(ALNUM, 64, 4122) },
      { key: "content", value: "frameio_token: " + "fio" + "-u-" + fake(BASE64URL, 64, 4123) + "\n" },
    ],
    negative: [
      { key: "value", value: "fio" + "-u-" + fake(BASE64URL, 40, 4124) },
      { key: "value", value: "fio" + "-u-" + "x".repeat(64) },
      { key: "value", value: "fio" + "-u-" + fake(BASE64URL, 70, 4125) },
    ],
  },
};

export const POSTMAN_API_KEY: Detector = {
  id: "SG412",
  name: "postman-api-key",
  title: "a Postman API key",
  severity: "error",
  explanation: "A Postman API key (PMAK-, 24 hex, a dash and 34 hex; newer keys 59 letters and digits): reads and changes the user's workspaces, collections, environments and their variables.",
  fix: "Keep the key in a secret store read at run time; revoke it in Postman (Settings > API keys) and create a new one.",
  keywords: ["PMAK-"],
  pattern: "(?<![A-Za-z0-9_-])PMAK-[A-Za-z0-9-]{59}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "PM" + "AK-" + fake(HEX, 24, 4131) + "-" + fake(HEX, 34, 4132) },
      { key: "POSTMAN_API_KEY", value: "PM" + "AK-" + fake(ALNUM, 59, 4133) },
      { key: "content", value: "postman token = '" + "PM" + "AK-" + fake(HEX, 24, 4134) + "-" + fake(HEX, 34, 4135) + "'\n" },
    ],
    negative: [
      { key: "value", value: "PM" + "AK-" + fake(HEX, 24, 4136) },
      { key: "value", value: "PM" + "AK-" + "x".repeat(59) },
      { key: "value", value: "PM" + "AK-" + "<your-postman-api-key>" },
    ],
  },
};

export const ADOBE_CLIENT_SECRET: Detector = {
  id: "SG413",
  name: "adobe-client-secret",
  title: "an Adobe Developer Console client secret",
  severity: "error",
  explanation: "An Adobe Developer Console OAuth client secret (p8e- and 32 letters and digits): with the client id, obtains server-to-server tokens for the project's APIs.",
  fix: "Keep the secret in a secret store read at run time; rotate it in the Adobe Developer Console (the project's OAuth Server-to-Server credential > Retrieve/rotate client secret).",
  keywords: ["p8e-"],
  pattern: "(?<![A-Za-z0-9_-])p8e-[A-Za-z0-9]{32}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "p8" + "e-" + fake(ALNUM, 32, 4141) },
      { key: "ADOBE_CLIENT_SECRET", value: "p8" + "e-" + fake(HEX, 32, 4142) },
      { key: "content", value: "adobe:\n  client_secret: " + "p8" + "e-" + fake(ALNUM, 32, 4143) + "\n" },
    ],
    negative: [
      { key: "value", value: "p8" + "e-" + fake(ALNUM, 16, 4144) },
      { key: "value", value: "p8" + "e-" + "x".repeat(32) },
      { key: "value", value: "p8" + "e-" + fake(ALNUM, 40, 4145) },
    ],
  },
};

export const HUBSPOT_PRIVATE_APP_TOKEN: Detector = {
  id: "SG414",
  name: "hubspot-private-app-token",
  title: "a HubSpot private app access token",
  severity: "error",
  explanation: "A HubSpot private app or personal access token (pat-na1- or pat-eu1- and a UUID): reads and changes the CRM data its scopes allow.",
  fix: "Keep the token in a secret store read at run time; rotate it in HubSpot (Settings > Integrations > Private apps > the app > Auth > Rotate).",
  keywords: ["pat-na", "pat-eu"],
  pattern: "(?<![A-Za-z0-9_-])pat-(?:na|eu)[0-9]-[A-Za-z0-9]{8}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{12}(?![A-Za-z0-9_-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "pa" + "t-na1-" + fakeUuid(4151) },
      { key: "HUBSPOT_ACCESS_TOKEN", value: "pa" + "t-eu1-" + fakeUuid(4152) },
      { key: "content", value: "HUBSPOT_TOKEN=" + "pa" + "t-na1-" + fakeUuid(4153) + "\n" },
    ],
    negative: [
      { key: "value", value: "pa" + "t-na1-" + "00000000-0000-0000-0000-000000000000" },
      { key: "value", value: "pa" + "t-na1-" + fake(HEX, 32, 4154) },
      { key: "value", value: "pa" + "t-na1-" + fakeUuid(4155).slice(0, 20) },
    ],
  },
};

export const DROPBOX_ACCESS_TOKEN: Detector = {
  id: "SG415",
  name: "dropbox-access-token",
  title: "a Dropbox access token",
  severity: "error",
  explanation: "A Dropbox short-lived access token (sl. or sl.u. and 130 or more characters): reads and writes the files the app was granted, for about four hours.",
  fix: "Keep tokens (and the refresh token that mints them) in a secret store read at run time; revoke them in the Dropbox App Console or through /2/auth/token/revoke.",
  keywords: ["sl."],
  pattern: "(?<![A-Za-z0-9_.-])sl\\.(?:u\\.)?[A-Za-z0-9_-]{130,1400}(?![A-Za-z0-9_-])",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: "s" + "l." + fake(BASE64URL, 138, 4161) },
      { key: "DROPBOX_ACCESS_TOKEN", value: "s" + "l.u." + fake(BASE64URL, 400, 4162) },
      { key: "content", value: "dropbox:\n  access_token: " + "s" + "l." + fake(BASE64URL, 140, 4163) + "\n" },
    ],
    negative: [
      { key: "value", value: "s" + "l." + fake(BASE64URL, 60, 4164) },
      { key: "value", value: "s" + "l." + "A".repeat(140) },
      { key: "value", value: "ssl." + fake(BASE64URL, 140, 4165) },
    ],
  },
};

export const BREVO_API_KEY: Detector = {
  id: "SG416",
  name: "brevo-api-key",
  title: "a Brevo (Sendinblue) API or SMTP key",
  severity: "error",
  explanation: "A Brevo (formerly Sendinblue) API key (xkeysib-) or SMTP key (xsmtpsib-), 64 hex, a dash and 16 characters: sends mail as the account and reads its contacts.",
  fix: "Keep the key in a secret store read at run time; delete it in Brevo (SMTP & API > API keys or SMTP keys) and create a new one.",
  keywords: ["xkeysib-", "xsmtpsib-"],
  pattern: "(?<![A-Za-z0-9_-])x(?:keysib|smtpsib)-[A-Za-z0-9_-]{81}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "xkey" + "sib-" + fake(HEX, 64, 4171) + "-" + fake(ALNUM, 16, 4172) },
      { key: "BREVO_API_KEY", value: "xkey" + "sib-" + fake(BASE64URL, 81, 4173) },
      { key: "content", value: "smtp:\n  password: " + "xsmtp" + "sib-" + fake(HEX, 64, 4174) + "-" + fake(ALNUM, 16, 4175) + "\n" },
    ],
    negative: [
      { key: "value", value: "xkey" + "sib-" + fake(HEX, 64, 4176) },
      { key: "value", value: "xkey" + "sib-" + "x".repeat(81) },
      { key: "value", value: "xkey" + "sib-" + "<your-brevo-api-key>" },
    ],
  },
};
