/** E-mail and SMS providers: SendGrid, Twilio (key-gated: its shapes are plain hex), Mailgun. */
import type { Detector } from "../detector";
import { BASE64URL, HEX, fake } from "./sample-values";

export const SENDGRID_API_KEY: Detector = {
  id: "SG143",
  name: "sendgrid-api-key",
  title: "a SendGrid API key",
  severity: "error",
  explanation: "A SendGrid API key (SG.<22>.<43>): sends mail as the account.",
  fix: "Keep the key in a secret store read at run time; delete the key in SendGrid.",
  keywords: ["SG."],
  pattern: "(?<![A-Za-z0-9])SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])",
  samples: {
    positive: [
      { key: "api_key", value: "S" + "G." + fake(BASE64URL, 22, 171) + "." + fake(BASE64URL, 43, 172) },
      { key: "smtp", value: "smtp password is " + "S" + "G." + fake(BASE64URL, 22, 173) + "." + fake(BASE64URL, 43, 174) + " for now" },
    ],
    negative: [
      { key: "note", value: "rule SG.120 and SG.121 apply" },
      { key: "note", value: "S" + "G." + fake(BASE64URL, 22, 175) + "." + fake(BASE64URL, 20, 176) },
    ],
  },
};

export const TWILIO_CREDENTIAL: Detector = {
  id: "SG144",
  name: "twilio-credential",
  title: "a Twilio auth token or API key",
  severity: "error",
  explanation: "A Twilio auth token or API key (32 hex characters, or SK/AC + 32 hex) under a Twilio token, secret or key.",
  fix: "Keep Twilio credentials in a secret store read at run time; rotate the auth token or delete the API key.",
  keywords: [],
  keys: { include: "twilio[a-z0-9]{0,40}(?:token|secret|key|password|credential)$" },
  pattern: "^(?:AC|SK)?[0-9a-f]{32}$",
  samples: {
    positive: [
      { key: "twilio_auth_token", value: fake(HEX, 32, 181) },
      { key: "twilioApiKey", value: "S" + "K" + fake(HEX, 32, 182) },
    ],
    negative: [
      { key: "twilio_account_sid", value: "A" + "C" + fake(HEX, 32, 183) },
      { key: "etag", value: fake(HEX, 32, 184) },
    ],
  },
};

export const MAILGUN_API_KEY: Detector = {
  id: "SG145",
  name: "mailgun-api-key",
  title: "a Mailgun API key",
  severity: "error",
  explanation: "A Mailgun API key (key- followed by 32 hex characters).",
  fix: "Keep the key in a secret store read at run time; rotate it in Mailgun.",
  keywords: ["key-"],
  pattern: "(?<![A-Za-z0-9_-])key-[0-9a-f]{32}(?![0-9A-Za-z])",
  samples: {
    positive: [
      { key: "mailgun_api_key", value: "ke" + "y-" + fake(HEX, 32, 191) },
      { key: "env", value: "MAILGUN_KEY=" + "ke" + "y-" + fake(HEX, 32, 192) },
    ],
    negative: [
      { key: "cache", value: "cache-key-" + fake(HEX, 32, 193) },
      { key: "note", value: "ke" + "y-" + fake(HEX, 31, 194) },
    ],
  },
};
