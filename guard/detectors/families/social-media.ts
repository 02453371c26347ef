/**
 * Social media platforms' API tokens with a recognisable start: Meta (Facebook, Instagram, WhatsApp Graph API)
 * and X (Twitter). Formats from the vendors' docs: Graph API user, page and system-user access tokens begin with
 * "EAA" and run to 100-300 characters (long-lived ones too); X app-only bearer tokens begin with a run of "A"
 * (base64 of zero bytes) and are 100-160 characters, URL-encoded ("%2B", "%3D").
 */
import type { Detector } from "../detector";
import { ALNUM, fake } from "./sample-values";

export const FACEBOOK_ACCESS_TOKEN: Detector = {
  id: "SG446",
  name: "facebook-access-token",
  title: "a Meta (Facebook) Graph API access token",
  severity: "error",
  explanation: "A Meta Graph API access token (EAA and 100 or more letters and digits): acts as the user, page or system user on Facebook, Instagram or WhatsApp with the token's permissions (posting, messaging, ads).",
  fix: "Keep the token in a secret store read at run time; invalidate it (change the page role or app secret, or the user logs out of the app) and issue a new one from Business Manager's system users.",
  keywords: ["EAA"],
  // Not inside base64 (no + / = around it). Square's EAAA tokens are exactly 60 characters, far shorter.
  pattern: "(?<![A-Za-z0-9_+/-])EAA[A-Za-z0-9]{100,1000}(?![A-Za-z0-9_+/=-])",
  check: "mixed-classes",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: "EA" + "AG" + fake(ALNUM, 180, 4601) },
      { key: "FACEBOOK_PAGE_ACCESS_TOKEN", value: "EA" + "AM" + fake(ALNUM, 220, 4602) },
      { key: "content", value: "WHATSAPP_TOKEN=" + "EA" + "AB" + fake(ALNUM, 150, 4603) + "\n" },
    ],
    negative: [
      { key: "value", value: "EA" + "AA" + fake(ALNUM, 60, 4604) + "x" },
      { key: "value", value: "EA" + "AG" + fake(ALNUM, 50, 4605) },
      { key: "value", value: "EA" + "AG" + "x".repeat(180) },
    ],
  },
};

const URL_ENCODED_BASE64 = ALNUM + "%";

export const TWITTER_BEARER_TOKEN: Detector = {
  id: "SG447",
  name: "twitter-bearer-token",
  title: "an X (Twitter) app-only bearer token",
  severity: "error",
  explanation: "An X (Twitter) API app-only bearer token (a run of 21 or more A and 80 to 200 URL-encoded base64 characters): reads the API as the app, on the app's rate limits and access level.",
  fix: "Keep the token in a secret store read at run time; regenerate it in the X developer portal (the app's Keys and tokens > Bearer token > Regenerate).",
  keywords: ["AAAAAAAAAAAAAAAAAAAAA"],
  pattern: "(?<![A-Za-z0-9%+/])A{21}[A-Za-z0-9%]{80,200}(?![A-Za-z0-9%+/=])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "A".repeat(22) + fake(ALNUM, 30, 4611) + "%2B" + fake(ALNUM, 20, 4612) + "%3D" + fake(ALNUM, 40, 4613) },
      { key: "TWITTER_BEARER_TOKEN", value: "A".repeat(21) + "M" + fake(ALNUM, 90, 4614) },
      { key: "content", value: "curl -H \"Authorization: Bearer " + "A".repeat(22) + fake(URL_ENCODED_BASE64, 88, 4615) + "\" https://api.x.com/2/tweets\n" },
    ],
    negative: [
      { key: "value", value: "A".repeat(120) },
      { key: "value", value: "A".repeat(22) + fake(ALNUM, 30, 4616) },
      { key: "value", value: "B" + "A".repeat(22) + fake(ALNUM, 90, 4617) },
    ],
  },
};
