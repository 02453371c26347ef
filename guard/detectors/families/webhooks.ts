/**
 * Webhook URLs whose path is the credential: Discord webhooks, Microsoft Teams incoming webhooks (Office 365
 * connectors) and the Power Automate / Logic Apps workflow URLs that replace them (signed with sig=).
 * (Slack's incoming webhooks are in chat.ts.)
 * Read: Discord developer docs "Webhook resource" (execute webhook: /api/webhooks/{id}/{token}), Microsoft Learn
 * "Create incoming webhooks" (webhook.office.com/webhookb2/...) and "Create incoming webhooks with Workflows for
 * Microsoft Teams", Logic Apps "Call, trigger, or nest logic apps by using HTTPS endpoints" (the SAS sig= parameter).
 */
import type { Detector } from "../detector";
import { BASE64URL, DIGITS, HEX, fake, fakeUuid } from "./sample-values";

export const DISCORD_WEBHOOK_URL: Detector = {
  id: "SG332",
  name: "discord-webhook-url",
  title: "a Discord webhook URL",
  severity: "error",
  explanation: "A Discord webhook URL (/api/webhooks/<id>/<token>): the token in the path lets anyone post to the channel as the webhook.",
  fix: "Keep the webhook URL in a secret store read at run time; delete the webhook in the channel's settings (Integrations > Webhooks) and create a new one.",
  keywords: ["discord.com/api/", "discordapp.com/api/"],
  pattern: "discord(?:app)?\\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/([A-Za-z0-9_-]{60,80})(?![A-Za-z0-9_-])",
  secretGroup: 1,
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "https://discord.com/api/webhooks/" + fake(DIGITS, 19, 511) + "/" + fake(BASE64URL, 68, 512) },
      { key: "DISCORD_WEBHOOK_URL", value: "https://discordapp.com/api/webhooks/" + fake(DIGITS, 18, 513) + "/" + fake(BASE64URL, 68, 514) },
      { key: "content", value: "alerts:\n  url: https://ptb.discord.com/api/v10/webhooks/" + fake(DIGITS, 19, 515) + "/" + fake(BASE64URL, 68, 516) + "\n" },
    ],
    negative: [
      { key: "value", value: "https://discord.com/api/webhooks/" + fake(DIGITS, 19, 517) + "/" + "X".repeat(68) },
      { key: "value", value: "https://discord.com/api/webhooks/{webhook.id}/{webhook.token}" },
      { key: "value", value: "https://discord.com/api/v10/channels/" + fake(DIGITS, 19, 518) + "/messages" },
    ],
  },
};

const teamsPath = (seed: number) =>
  fakeUuid(seed) + "@" + fakeUuid(seed + 1) + "/IncomingWebhook/" + fake(HEX, 32, seed + 2) + "/" + fakeUuid(seed + 3);

export const TEAMS_WEBHOOK_URL: Detector = {
  id: "SG334",
  name: "teams-webhook-url",
  title: "a Microsoft Teams incoming webhook URL",
  severity: "error",
  explanation: "A Microsoft Teams incoming webhook (Office 365 connector) URL: the path after IncomingWebhook/ lets anyone post to the channel.",
  fix: "Keep the URL in a secret store read at run time; remove the connector from the channel and create a new one (or move to a Workflows webhook).",
  keywords: [".webhook.office.com/webhookb2/", "outlook.office.com/webhook/", "outlook.office365.com/webhook/"],
  pattern:
    "(?:\\.webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/([0-9a-f]{32}/[0-9a-f-]{36}(?:/V2[A-Za-z0-9_-]{20,80})?)",
  secretGroup: 1,
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "https://example.webhook.office.com/webhookb2/" + teamsPath(521) },
      { key: "TEAMS_WEBHOOK_URL", value: "https://outlook.office.com/webhook/" + teamsPath(525) },
      { key: "content", value: "notify:\n  teams: https://contoso.webhook.office.com/webhookb2/" + teamsPath(529) + "/V2" + fake(BASE64URL, 43, 533) + "\n" },
    ],
    negative: [
      { key: "value", value: "https://example.webhook.office.com/webhookb2/" + fakeUuid(534) + "@" + fakeUuid(535) + "/IncomingWebhook/" + "0".repeat(32) + "/" + "0".repeat(8) + "-0000-0000-0000-" + "0".repeat(12) },
      { key: "value", value: "https://example.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<id>/<owner>" },
      { key: "value", value: "https://outlook.office.com/webhook/" },
    ],
  },
};

const workflowUrl = (host: string, sig: string, seed: number) =>
  "https://" + host + "/workflows/" + fake(HEX, 32, seed) + "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + sig;

export const WORKFLOW_TRIGGER_URL: Detector = {
  id: "SG335",
  name: "workflow-trigger-url",
  title: "a Power Automate or Logic Apps trigger URL",
  severity: "error",
  explanation: "A Power Automate (Teams Workflows webhook) or Azure Logic Apps HTTP trigger URL with its SAS signature (sig=): anyone holding it can start the workflow and post through it.",
  fix: "Keep the URL in a secret store read at run time; regenerate the trigger's access keys (Logic Apps: Access keys > Regenerate) or recreate the workflow trigger.",
  keywords: ["/paths/invoke"],
  pattern: "/paths/invoke[^\\s\"'<>]{0,600}?[?&]sig=([A-Za-z0-9_%-]{30,100})",
  secretGroup: 1,
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: workflowUrl("prod-12.westeurope.logic.azure.com:443", fake(BASE64URL, 43, 541), 542) },
      { key: "TEAMS_WORKFLOW_URL", value: workflowUrl("default" + fake(HEX, 30, 543) + ".0a.environment.api.powerplatform.com:443/powerautomate/automations/direct", fake(BASE64URL, 43, 544), 545) },
      { key: "content", value: "callback = \"" + workflowUrl("prod-01.eastus.logic.azure.com", fake(BASE64URL, 43, 546), 547) + "\"\n" },
    ],
    negative: [
      { key: "value", value: workflowUrl("prod-12.westeurope.logic.azure.com:443", "", 548) },
      { key: "value", value: workflowUrl("prod-12.westeurope.logic.azure.com:443", "A".repeat(43), 549) },
      { key: "value", value: "https://prod-12.westeurope.logic.azure.com/workflows/" + fake(HEX, 32, 550) + "/triggers/manual/paths/invoke?api-version=2016-06-01" },
    ],
  },
};
