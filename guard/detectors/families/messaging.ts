/**
 * Messaging providers: e-mail (SendGrid, Mailgun, Mailchimp, Postmark, Mandrill), SMS (Twilio) and bots (Telegram,
 * Discord). Prefixed or structured formats stand on their own; plain shapes are judged only under the vendor's key.
 * Read: SendGrid Docs "API keys" (SG.<22>.<43>), Twilio Docs "Auth tokens and API keys" (AC/SK SIDs, 32-character
 * secrets), Mailgun Help "API keys" (key-<32 hex>, and <32 hex>-<8 hex>-<8 hex> keys), Mailchimp Marketing API
 * "Quick start" (<32 hex>-us<n>, the data centre), Postmark "API overview" (server and account tokens are UUIDs),
 * Mandrill "Authentication" (22-character keys), Telegram Bot API "Authorizing your bot" (<bot id>:<35 characters>),
 * Discord developer docs "Reference > Authentication" (bot tokens: base64 of the bot's id, a timestamp, an HMAC).
 */
import type { Detector } from "../detector";
import { MADE_UP_RUN } from "../text-shapes";
import { ALNUM, BASE64URL, DIGITS, HEX, LOWER, b64url, fake, fakeUuid } from "./sample-values";

export const SENDGRID_API_KEY: Detector = {
  id: "SG143",
  name: "sendgrid-api-key",
  title: "a SendGrid API key",
  severity: "error",
  explanation: "A SendGrid API key (SG.<22>.<43> as issued; parts of other lengths as seen in the wild): sends mail as the account.",
  fix: "Keep the key in a secret store read at run time; delete the key in SendGrid.",
  keywords: ["SG."],
  // Issued as SG.<22>.<43>; key ids of 16-32 and secrets of 30-64 (with `=` padding) are accepted too, as is
  // the 66-character run public scanners describe, since a pasted key loses its dot or gains padding.
  pattern: "(?<![A-Za-z0-9])SG\\.(?:[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_=-]{30,64}|[A-Za-z0-9_=-]{66})(?![A-Za-z0-9_=.-])",
  allow: [MADE_UP_RUN],
  entropy: 3.5,
  samples: {
    positive: [
      { key: "api_key", value: "S" + "G." + fake(BASE64URL, 22, 171) + "." + fake(BASE64URL, 43, 172) },
      { key: "smtp", value: "smtp password is " + "S" + "G." + fake(BASE64URL, 22, 173) + "." + fake(BASE64URL, 43, 174) + " for now" },
      { key: "SENDGRID_API_KEY", value: "S" + "G." + fake(BASE64URL, 22, 177) + "." + fake(BASE64URL, 43, 178) },
      { key: "value", value: "S" + "G." + fake(BASE64URL, 21, 179) + "." + fake(BASE64URL, 48, 180) },
      { key: "value", value: "S" + "G." + fake(LOWER + DIGITS + "-_=", 66, 186) },
    ],
    negative: [
      { key: "note", value: "rule SG.120 and SG.121 apply" },
      { key: "note", value: "S" + "G." + fake(BASE64URL, 22, 175) + "." + fake(BASE64URL, 20, 176) },
      { key: "value", value: "S" + "G." + "x".repeat(22) + "." + "x".repeat(43) },
      { key: "value", value: "S" + "G." + "abcdefghijklmnopqrstuv" + "." + fake(BASE64URL, 43, 187) },
      { key: "value", value: "S" + "G." + fake(BASE64URL, 40, 188) },
    ],
  },
};

export const TWILIO_CREDENTIAL: Detector = {
  id: "SG144",
  name: "twilio-credential",
  title: "a Twilio auth token or API key",
  severity: "error",
  explanation: "A Twilio auth token, API key SID or API key secret (32 hex characters, SK/AC + 32 hex, or 32 letters and digits) under a Twilio token, secret or key name.",
  fix: "Keep Twilio credentials in a secret store read at run time; rotate the auth token or delete the API key.",
  keywords: [],
  keys: { include: "twilio[a-z0-9]{0,40}(?:token|secret|key|password|credential)$" },
  pattern: "^(?:(?:AC|SK)?[0-9a-f]{32}|[A-Za-z0-9]{32})$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "twilio_auth_token", value: fake(HEX, 32, 181) },
      { key: "twilioApiKey", value: "S" + "K" + fake(HEX, 32, 182) },
      { key: "TWILIO_API_SECRET", value: fake(ALNUM, 32, 185) },
    ],
    negative: [
      { key: "twilio_account_sid", value: "A" + "C" + fake(HEX, 32, 183) },
      { key: "etag", value: fake(HEX, 32, 184) },
      { key: "twilio_auth_token", value: "${var.twilio_auth_token}" },
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
  entropy: 3.0,
  samples: {
    positive: [
      { key: "mailgun_api_key", value: "ke" + "y-" + fake(HEX, 32, 191) },
      { key: "env", value: "MAILGUN_KEY=" + "ke" + "y-" + fake(HEX, 32, 192) },
      { key: "url", value: "https://api:" + "ke" + "y-" + fake(HEX, 32, 195) + "@api.mailgun.net/v3/mg.example.com/messages" },
    ],
    negative: [
      { key: "cache", value: "cache-key-" + fake(HEX, 32, 193) },
      { key: "note", value: "ke" + "y-" + fake(HEX, 31, 194) },
      { key: "value", value: "ke" + "y-" + "0".repeat(32) },
    ],
  },
};

export const MAILGUN_KEY_BY_NAME: Detector = {
  id: "SG338",
  name: "mailgun-key-by-name",
  title: "a Mailgun API or webhook signing key",
  severity: "error",
  explanation: "A Mailgun API key or webhook signing key of the current form (<32 hex>-<8 hex>-<8 hex>) under a Mailgun key name.",
  fix: "Keep the key in a secret store read at run time; delete the key in Mailgun (API Security) or rotate the webhook signing key.",
  keywords: [],
  keys: { include: "mailgun[a-z0-9]{0,30}(?:apikey|key|token|secret|password)$" },
  pattern: "^[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "MAILGUN_API_KEY", value: fake(HEX, 32, 551) + "-" + fake(HEX, 8, 552) + "-" + fake(HEX, 8, 553) },
      { key: "mailgun_webhook_signing_key", value: fake(HEX, 32, 554) + "-" + fake(HEX, 8, 555) + "-" + fake(HEX, 8, 556) },
      { key: "content", value: "MAILGUN_DOMAIN=mg.example.com\nMAILGUN_API_KEY=" + fake(HEX, 32, 557) + "-" + fake(HEX, 8, 558) + "-" + fake(HEX, 8, 559) + "\n" },
    ],
    negative: [
      { key: "mailgun_domain_id", value: fake(HEX, 32, 560) + "-" + fake(HEX, 8, 561) + "-" + fake(HEX, 8, 562) },
      { key: "mailgun_api_key", value: fakeUuid(563) },
      { key: "mailgun_api_key", value: "${MAILGUN_API_KEY}" },
    ],
  },
};

export const MAILCHIMP_API_KEY: Detector = {
  id: "SG339",
  name: "mailchimp-api-key",
  title: "a Mailchimp API key",
  severity: "error",
  explanation: "A Mailchimp Marketing API key (32 hex characters, then -us and the data centre number): reads and changes the account's audiences and campaigns.",
  fix: "Keep the key in a secret store read at run time; disable and delete the key in Mailchimp (Profile > Extras > API keys).",
  keywords: ["-us"],
  pattern: "-us[0-9]{1,2}(?![A-Za-z0-9])",
  check: "mailchimp-key",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: fake(HEX, 32, 571) + "-us" + "14" },
      { key: "MAILCHIMP_API_KEY", value: fake(HEX, 32, 572) + "-us" + "6" },
      { key: "content", value: "mailchimp:\n  api_key: " + fake(HEX, 32, 573) + "-us" + "21\n" },
    ],
    negative: [
      { key: "value", value: "cluster-us-east-1" },
      { key: "value", value: "x" + fake(HEX, 32, 574) + "-us" + "14" },
      { key: "value", value: fake(HEX, 31, 575) + "-us" + "14" },
    ],
  },
};

export const POSTMARK_TOKEN: Detector = {
  id: "SG340",
  name: "postmark-token",
  title: "a Postmark server or account token",
  severity: "error",
  explanation: "A Postmark server or account API token (a UUID) under a Postmark token or key name: sends mail (server token) or manages servers and domains (account token).",
  fix: "Keep the token in a secret store read at run time; regenerate it in Postmark (the server's API Tokens tab, or Account > API Tokens).",
  keywords: [],
  keys: { include: "postmark[a-z0-9]{0,30}(?:token|apikey|key|secret)$" },
  pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
  samples: {
    positive: [
      { key: "POSTMARK_SERVER_TOKEN", value: fakeUuid(581) },
      { key: "postmark_account_token", value: fakeUuid(582) },
      { key: "content", value: "POSTMARK_API_TOKEN=" + fakeUuid(583) + "\nPOSTMARK_FROM=noreply@example.com\n" },
    ],
    negative: [
      { key: "postmark_server_id", value: fakeUuid(584) },
      { key: "postmark_server_token", value: "POSTMARK_API_TEST" },
      { key: "postmark_server_token", value: "${var.postmark_token}" },
    ],
  },
};

export const MANDRILL_API_KEY: Detector = {
  id: "SG341",
  name: "mandrill-api-key",
  title: "a Mandrill API key",
  severity: "error",
  explanation: "A Mandrill (Mailchimp Transactional) API key (22 characters) under a Mandrill key name: sends mail as the account.",
  fix: "Keep the key in a secret store read at run time; delete the key in Mandrill (Settings > SMTP & API Info) and create a new one.",
  keywords: [],
  keys: { include: "mandrill[a-z0-9]{0,30}(?:apikey|key|token|password|secret)$" },
  pattern: "^[A-Za-z0-9_-]{22}$",
  check: "mixed-classes",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "MANDRILL_API_KEY", value: fake(ALNUM, 22, 591) },
      { key: "mandrill_key", value: fake(BASE64URL, 22, 592) },
      { key: "content", value: "SMTP_HOST=smtp.mandrillapp.com\nMANDRILL_API_KEY=" + fake(ALNUM, 22, 593) + "\n" },
    ],
    negative: [
      { key: "mandrill_api_key", value: "xxxxxxxxxxxxxxxxxxxxxx" },
      { key: "mandrill_subaccount", value: fake(ALNUM, 22, 594) },
      { key: "mandrill_api_key", value: "<mandrill-api-key>" },
    ],
  },
};

const telegramToken = (seed: number) => fake(DIGITS, 1, seed).replace("0", "7") + fake(DIGITS, 9, seed + 1) + ":A" + "A" + fake(BASE64URL, 33, seed + 2);

export const TELEGRAM_BOT_TOKEN: Detector = {
  id: "SG336",
  name: "telegram-bot-token",
  title: "a Telegram bot token",
  severity: "error",
  explanation: "A Telegram bot token (<bot id>:AA + 33 characters): controls the bot, reads its messages and posts as it.",
  fix: "Keep the token in a secret store read at run time; revoke it with @BotFather (/revoke) and use the new one.",
  keywords: [":AA"],
  pattern: ":AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])",
  check: "telegram-bot-id",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: telegramToken(601) },
      { key: "TELEGRAM_BOT_TOKEN", value: telegramToken(604) },
      { key: "url", value: "https://api.telegram.org/bot" + telegramToken(607) + "/sendMessage?chat_id=-100123" },
    ],
    negative: [
      { key: "value", value: "12345:A" + "A" + fake(BASE64URL, 33, 610) },
      { key: "value", value: "bot" + fake(DIGITS, 10, 611) + ":A" + "A" + fake(BASE64URL, 33, 612) },
      { key: "value", value: "123456789:A" + "A" + "x".repeat(33) },
      { key: "queue_arn", value: "arn:aws:sqs:eu-west-1:123456789012:A" + "A" + fake(BASE64URL.replace("-", ""), 33, 613) },
    ],
  },
};

const discordToken = (seed: number) =>
  b64url(fake(DIGITS, 1, seed).replace("0", "1") + fake(DIGITS, 17, seed + 1)) + "." + fake(BASE64URL, 6, seed + 2) + "." + fake(BASE64URL, 38, seed + 3);

export const DISCORD_BOT_TOKEN: Detector = {
  id: "SG337",
  name: "discord-bot-token",
  title: "a Discord bot token",
  severity: "error",
  explanation: "A Discord bot token (base64 of the bot's id, a timestamp and an HMAC, separated by dots) under a Discord token name: controls the bot in every server it joined.",
  fix: "Keep the token in a secret store read at run time; reset it in the Discord developer portal (the application's Bot page).",
  keywords: [],
  keys: { include: "discord[a-z0-9]{0,30}(?:token|secret|key)$" },
  pattern: "^[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}$",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "DISCORD_TOKEN", value: discordToken(621) },
      { key: "discord_bot_token", value: discordToken(625) },
      { key: "content", value: "DISCORD_GUILD=" + fake(DIGITS, 18, 629) + "\nDISCORD_BOT_TOKEN=" + discordToken(630) + "\n" },
    ],
    negative: [
      { key: "discord_bot_token", value: "<discord-bot-token>" },
      { key: "discord_client_id", value: discordToken(634) },
      { key: "discord_bot_token", value: "M" + "x".repeat(23) + "." + "x".repeat(6) + "." + "x".repeat(27) },
    ],
  },
};
