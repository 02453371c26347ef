/**
 * Slack tokens and incoming webhook URLs.
 * Read: Slack API docs "Tokens" (xoxb-, xoxp-, xoxe.xoxp-/xoxe- rotating tokens, xapp- app-level tokens, legacy
 * xoxa-/xoxr-/xoxs-/xoxo- forms) and "Sending messages using incoming webhooks" (hooks.slack.com/services|workflows|triggers).
 */
import type { Detector } from "../detector";
import { MADE_UP_RUN } from "../text-shapes";
import { ALNUM, DIGITS, HEX, UPPER, fake } from "./sample-values";

export const SLACK_TOKEN: Detector = {
  id: "SG135",
  name: "slack-token",
  title: "a Slack token",
  severity: "error",
  explanation: "A Slack bot, user, app-level, workspace, refresh, session or rotating token (xoxb-, xoxp-, xapp-, xoxa-, xoxr-, xoxs-, xoxo-, xoxe-, xoxe.xoxp-).",
  fix: "Keep Slack tokens in a secret store read at run time; revoke the token (auth.revoke, or reinstall the app / regenerate app-level tokens on api.slack.com/apps).",
  keywords: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxo-", "xoxe-", "xoxe.", "xapp-"],
  // Three top-level alternatives (bot/user/rotating, short legacy, app-level), each with its own boundary.
  pattern:
    "(?<![A-Za-z0-9])xoxe(?:\\.xox[bp])?-[0-9]-[0-9A-Za-z]{100,255}(?![0-9A-Za-z-])|(?<![A-Za-z0-9])xox[abeoprs]-(?:[0-9]-)?[0-9]{8,14}-[0-9-]{0,48}[0-9A-Za-z]{8,255}(?![0-9A-Za-z-])|(?<![A-Za-z0-9])xox[ar]-(?:[0-9]-)?[0-9]{0,20}[A-Za-z][0-9A-Za-z]{7,60}(?![0-9A-Za-z-])|(?<![A-Za-z0-9])xapp-[0-9]{1,2}-[A-Z0-9]{6,20}-[0-9]{6,20}-[A-Za-z0-9]{32,128}",
  // Rotating tokens (xoxe.xoxp-1-, xoxe-1-) of 100+ characters. Bot, user and legacy tokens: an optional version
  // digit, a numeric id of 8-14 digits (team) and any further ids, then the random part ending the token; legacy workspace tokens (xoxa-, xoxr-) may be one
  // random part holding a letter. Ids of a few digits, a token cut short at a dash or a `?`, are examples and
  // truncations. Legacy tokens of digits and a short random part score below 3 bits.
  entropy: 2.8,
  allow: [MADE_UP_RUN],
  samples: {
    positive: [
      { key: "token", value: "xo" + "xb-" + fake(DIGITS, 12, 91) + "-" + fake(DIGITS, 13, 92) + "-" + fake(ALNUM, 24, 93) },
      { key: "token", value: "xo" + "xe.xoxp-1-" + fake(ALNUM, 140, 94) },
      { key: "value", value: "xa" + "pp-1-A" + fake(UPPER + DIGITS, 10, 95) + "-" + fake(DIGITS, 13, 96) + "-" + fake(HEX, 64, 97) },
      { key: "SLACK_BOT_TOKEN", value: "xo" + "xb-" + fake(DIGITS, 13, 98) + "-" + fake(DIGITS, 13, 99) + "-" + fake(ALNUM, 24, 100) },
      { key: "content", value: "legacy_token: " + "xo" + "xr-" + fake(ALNUM, 30, 107) + "7\n" },
      { key: "value", value: "xo" + "xb-" + fake(DIGITS, 11, 111) + "-" + fake(ALNUM, 20, 112) },
      { key: "value", value: "xo" + "xa-2-" + fake(DIGITS, 12, 113) + "-" + fake(DIGITS, 12, 114) + "-" + fake(HEX, 32, 115) },
      { key: "value", value: "xo" + "xo-" + fake(DIGITS, 11, 116) + "-" + fake(DIGITS, 12, 117) + "-" + fake(DIGITS, 12, 118) + "-" + fake(HEX, 32, 119) },
    ],
    negative: [
      { key: "token", value: "xo" + "xb-your-bot-token" },
      { key: "token", value: "xo" + "xb-123-short" },
      { key: "value", value: "xo" + "xa-" + "<app-token>" },
      { key: "value", value: "xa" + "pp-1-" + "<your-app-token>" },
      { key: "value", value: "xo" + "xp-1234-5678-9012-" + fake(HEX, 32, 120) },
      { key: "value", value: "xo" + "xp-" + fake(DIGITS, 12, 121) + "-" + fake(DIGITS, 12, 122) + "-" + fake(DIGITS, 12, 123) + "-####" },
      { key: "value", value: "xo" + "xe.xoxp-1-" + "SlackAppConfigurationAccessTokenHere" },
      { key: "value", value: "xo" + "xr-" + fake(DIGITS, 12, 124) + "?" + fake(ALNUM, 12, 125) },
    ],
  },
};

export const SLACK_WEBHOOK_URL: Detector = {
  id: "SG136",
  name: "slack-webhook-url",
  title: "a Slack webhook URL",
  severity: "error",
  explanation: "A Slack incoming webhook or workflow URL: the URL itself is the credential that lets anyone post.",
  fix: "Keep the webhook URL in a secret store read at run time; regenerate the webhook.",
  keywords: ["hooks.slack.com/"],
  pattern: "hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+-]{20,255}",
  allow: ["X{8}"],
  entropy: 3.5,
  samples: {
    positive: [
      { key: "url", value: "https://hooks.slack.com/services/T" + fake(UPPER + DIGITS, 8, 101) + "/B" + fake(UPPER + DIGITS, 8, 102) + "/" + fake(ALNUM, 24, 103) },
      { key: "webhook", value: "https://hooks.slack.com/workflows/T" + fake(UPPER + DIGITS, 8, 104) + "/A" + fake(UPPER + DIGITS, 8, 105) + "/1/" + fake(ALNUM, 24, 106) },
      { key: "content", value: "SLACK_WEBHOOK_URL=https://hooks.slack.com/triggers/T" + fake(UPPER + DIGITS, 8, 108) + "/" + fake(DIGITS, 13, 109) + "/" + fake(HEX, 32, 110) + "\n" },
    ],
    negative: [
      { key: "url", value: "https://hooks.slack.com/services/" },
      { key: "url", value: "https://hooks.slack.com/services/T00000000/B00000000/" + "X".repeat(24) },
      { key: "url", value: "https://hooks.slack.com/services/{{ slack_webhook_path }}" },
    ],
  },
};
