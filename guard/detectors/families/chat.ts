/** Slack tokens and incoming webhook URLs. */
import type { Detector } from "../detector";
import { ALNUM, DIGITS, UPPER, fake } from "./sample-values";

export const SLACK_TOKEN: Detector = {
  id: "SG135",
  name: "slack-token",
  title: "a Slack token",
  severity: "error",
  explanation: "A Slack bot, user, app, refresh, session or rotating token (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-).",
  fix: "Keep Slack tokens in a secret store read at run time; revoke the token.",
  keywords: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xoxe."],
  pattern: "(?<![A-Za-z0-9])xox[abeprs][.-](?:xox[abeprs]-)?[0-9]{1,20}-[0-9A-Za-z-]{20,255}",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "token", value: "xo" + "xb-" + fake(DIGITS, 12, 91) + "-" + fake(DIGITS, 13, 92) + "-" + fake(ALNUM, 24, 93) },
      { key: "token", value: "xo" + "xe.xoxp-1-" + fake(ALNUM, 140, 94) },
    ],
    negative: [
      { key: "token", value: "xo" + "xb-your-bot-token" },
      { key: "token", value: "xo" + "xb-123-short" },
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
    ],
    negative: [
      { key: "url", value: "https://hooks.slack.com/services/" },
      { key: "url", value: "https://hooks.slack.com/services/T00000000/B00000000/" + "X".repeat(24) },
    ],
  },
};
