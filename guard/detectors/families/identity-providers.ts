/**
 * Identity providers: Okta, Auth0, Google OAuth clients. Formats from the vendors' docs: Okta API tokens (00 and
 * 40 characters, sent as "SSWS <token>"); Auth0 application client secrets (64 characters; Management API tokens
 * are JWTs, found by the JWT detector); Google OAuth client secrets (GOCSPX- and 28 characters since 2021).
 * Google Cloud service account keys are JSON holding a PEM private key, found by the private-key detector.
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, HEX, fake } from "./sample-values";

const oktaToken = (seed: number) => "00" + fake(BASE64URL, 40, seed);

export const OKTA_API_TOKEN: Detector = {
  id: "SG239",
  name: "okta-api-token",
  title: "an Okta API token",
  severity: "error",
  explanation: "A 42-character Okta API token (00 and 40 characters) under an Okta key name: acts with its creator's admin role in the org.",
  fix: "Use OAuth 2.0 service apps with scoped grants instead of API tokens; revoke it under Security > API > Tokens.",
  keywords: [],
  keys: { include: "okta[a-z0-9]{0,20}(?:apitoken|token|apikey|key)$" },
  pattern: "^00[A-Za-z0-9_-]{40}$",
  check: "mixed-classes",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "OKTA_API_TOKEN", value: oktaToken(2601) },
      { key: "content", value: "OKTA_ORG_URL=https://fake.okta.com\nOKTA_API_TOKEN=" + oktaToken(2602) + "\n" },
      { key: "okta_token", value: oktaToken(2603) },
    ],
    negative: [
      { key: "OKTA_CLIENT_ID", value: "0oa" + fake(ALNUM, 17, 2604) },
      { key: "OKTA_API_TOKEN", value: "00" + "x".repeat(40) },
      { key: "value", value: oktaToken(2605) },
    ],
  },
};

export const OKTA_SSWS_HEADER: Detector = {
  id: "SG240",
  name: "okta-api-token-in-header",
  title: "an Okta API token",
  severity: "error",
  explanation: "An Okta API token in an SSWS authorization header (SSWS 00...): acts with its creator's admin role in the org.",
  fix: "Use OAuth 2.0 service apps with scoped grants instead of API tokens; revoke it under Security > API > Tokens.",
  keywords: ["SSWS "],
  pattern: "SSWS (00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])",
  secretGroup: 1,
  check: "mixed-classes",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "SSWS " + oktaToken(2610) },
      { key: "headers", value: JSON.stringify({ Authorization: "SSWS " + oktaToken(2611), Accept: "application/json" }) },
      { key: "content", value: "curl -H \"Authorization: SSWS " + oktaToken(2612) + "\" https://fake.okta.com/api/v1/users" },
    ],
    negative: [
      { key: "value", value: "SSWS ${OKTA_API_TOKEN}" },
      { key: "value", value: "SSWS " + "00" + "x".repeat(40) },
      { key: "value", value: "SSWS " + oktaToken(2613).slice(0, 20) },
    ],
  },
};

export const AUTH0_CLIENT_SECRET: Detector = {
  id: "SG241",
  name: "auth0-client-secret",
  title: "an Auth0 client secret",
  severity: "error",
  explanation: "A client secret under an Auth0 key name (AUTH0_CLIENT_SECRET): with the client id, gets tokens as the application, often for the Management API.",
  fix: "Use private key JWT client authentication, or keep the secret in a secret store; rotate it in the application's settings (Rotate secret) or with the Management API.",
  keywords: [],
  keys: { include: "auth0[a-z0-9]{0,20}(?:clientsecret|secret)$" },
  pattern: "^[A-Za-z0-9_-]{40,128}$",
  check: "mixed-classes",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "AUTH0_CLIENT_SECRET", value: fake(BASE64URL, 64, 2620) },
      { key: "content", value: "AUTH0_DOMAIN=fake.eu.auth0.com\nAUTH0_CLIENT_ID=" + fake(ALNUM, 32, 2621) + "\nAUTH0_CLIENT_SECRET=" + fake(BASE64URL, 64, 2622) + "\n" },
      { key: "auth0_secret", value: fake(BASE64URL, 64, 2623) },
    ],
    negative: [
      { key: "AUTH0_CLIENT_ID", value: fake(ALNUM, 32, 2624) },
      { key: "AUTH0_CLIENT_SECRET", value: fake(HEX, 64, 2625) },
      { key: "AUTH0_CLIENT_SECRET", value: "<your-auth0-client-secret>" },
    ],
  },
};

export const GOOGLE_OAUTH_CLIENT_SECRET: Detector = {
  id: "SG242",
  name: "google-oauth-client-secret",
  title: "a Google OAuth client secret",
  severity: "error",
  explanation: "A Google OAuth client secret (GOCSPX- and 28 characters): with the client id, exchanges codes and refresh tokens as the application.",
  fix: "Keep it in Secret Manager or the platform's secret store; add a new secret to the OAuth client in the Google Cloud console (Credentials), move to it, then disable and delete the old one.",
  keywords: ["GOCSPX-"],
  pattern: "(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "GOCSPX" + "-" + fake(BASE64URL, 28, 2630) },
      { key: "GOOGLE_CLIENT_SECRET", value: "GOCSPX" + "-" + fake(BASE64URL, 28, 2631) },
      { key: "content", value: JSON.stringify({ web: { client_id: "1234567890-" + fake(ALNUM, 32, 2632).toLowerCase() + ".apps.googleusercontent.com", client_secret: "GOCSPX" + "-" + fake(BASE64URL, 28, 2633) } }) },
    ],
    negative: [
      { key: "value", value: "GOCSPX" + "-" + fake(BASE64URL, 12, 2634) },
      { key: "value", value: "GOCSPX" + "-" + "x".repeat(28) },
      { key: "value", value: "XGOCSPX" + "-" + fake(BASE64URL, 28, 2635) },
    ],
  },
};
