/**
 * Slack tokens and incoming webhook URLs.
 * Read: Slack API docs "Tokens" (xoxb-, xoxp-, xoxe.xoxp-/xoxe- rotating tokens, xapp- app-level tokens, legacy
 * xoxa-/xoxr-/xoxs-/xoxo- forms) and "Sending messages using incoming webhooks" (hooks.slack.com/services|workflows|triggers).
 */
import type { Detector } from "../detector";
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
    "(?<![A-Za-z0-9])xox[abeoprs][.-](?:xox[abeprs]-)?[0-9]{1,20}-[0-9A-Za-z-]{20,255}|(?<![A-Za-z0-9])xox[ar]-[A-Za-z]{0,40}[0-9][0-9A-Za-z]{7,47}(?![0-9A-Za-z-])|(?<![A-Za-z0-9])xapp-[0-9]{1,2}-[A-Z0-9]{6,20}-[0-9]{6,20}-[A-Za-z0-9]{32,128}",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "token", value: "xo" + "xb-" + fake(DIGITS, 12, 91) + "-" + fake(DIGITS, 13, 92) + "-" + fake(ALNUM, 24, 93) },
      { key: "token", value: "xo" + "xe.xoxp-1-" + fake(ALNUM, 140, 94) },
      { key: "value", value: "xa" + "pp-1-A" + fake(UPPER + DIGITS, 10, 95) + "-" + fake(DIGITS, 13, 96) + "-" + fake(HEX, 64, 97) },
      { key: "SLACK_BOT_TOKEN", value: "xo" + "xb-" + fake(DIGITS, 13, 98) + "-" + fake(DIGITS, 13, 99) + "-" + fake(ALNUM, 24, 100) },
      { key: "content", value: "legacy_token: " + "xo" + "xr-" + fake(ALNUM, 30, 107) + "7\n" },
    ],
    negative: [
      { key: "token", value: "xo" + "xb-your-bot-token" },
      { key: "token", value: "xo" + "xb-123-short" },
      { key: "value", value: "xo" + "xa-" + "<app-token>" },
      { key: "value", value: "xa" + "pp-1-" + "<your-app-token>" },
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
