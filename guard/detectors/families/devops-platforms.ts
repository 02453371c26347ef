/**
 * Secrets and infrastructure tooling: Doppler, Pulumi, Tailscale. Formats from the vendors' docs: Doppler
 * "token formats" (dp.pt. personal, dp.st. service, dp.sa. service account, dp.ct. CLI, dp.scim., dp.audit.);
 * Pulumi access tokens (pul- and 40 hex); Tailscale keys (tskey-auth-, tskey-api-, tskey-client-,
 * tskey-webhook-, ...: an id part and a secret part).
 */
import type { Detector } from "../detector";
import { ALNUM, DIGITS, HEX, LOWER, fake } from "./sample-values";

export const DOPPLER_TOKEN: Detector = {
  id: "SG234",
  name: "doppler-token",
  title: "a Doppler token",
  severity: "error",
  explanation: "A Doppler personal, service, service account, CLI, SCIM or audit token (dp.pt., dp.st., dp.sa., dp.ct., dp.scim., dp.audit.): reads the secrets of every config it reaches.",
  fix: "Use a service token limited to one config, kept in the platform's secret store (or Doppler's integrations); revoke it in the dashboard (Access / the config's Access tab) or with doppler configs tokens revoke.",
  keywords: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
  pattern: "(?<![A-Za-z0-9_.-])dp\\.(?:pt|st|sa|ct|scim|audit)\\.(?:[a-z0-9_-]{2,35}\\.)?[A-Za-z0-9]{40,44}(?![A-Za-z0-9])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "dp." + "pt." + fake(ALNUM, 43, 2401) },
      { key: "DOPPLER_TOKEN", value: "dp." + "st." + "prd." + fake(ALNUM, 43, 2402) },
      { key: "content", value: "setup:\n  token: " + "dp." + "sa." + fake(ALNUM, 43, 2403) + "\n" },
    ],
    negative: [
      { key: "value", value: "dp." + "pt." + fake(ALNUM, 20, 2404) },
      { key: "value", value: "dp." + "st." + "x".repeat(43) },
      { key: "value", value: "see dp." + "st. tokens in the docs" },
    ],
  },
};

export const PULUMI_ACCESS_TOKEN: Detector = {
  id: "SG235",
  name: "pulumi-access-token",
  title: "a Pulumi access token",
  severity: "error",
  explanation: "A Pulumi Cloud access token (pul- and 40 hex): reads and updates the stacks, their state and secrets config, that its owner can reach.",
  fix: "Use OIDC (Pulumi's CI integrations) or a team/organization token kept in the CI's secret store; delete it under Settings > Access Tokens.",
  keywords: ["pul-"],
  // Pulumi issues 40 hex; lower-case letters and digits are accepted too (as public scanners do).
  pattern: "(?<![A-Za-z0-9_-])pul-[a-z0-9]{40}(?![A-Za-z0-9_-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "pu" + "l-" + fake(HEX, 40, 2410) },
      { key: "PULUMI_ACCESS_TOKEN", value: "pu" + "l-" + fake(HEX, 40, 2411) },
      { key: "content", value: "export PULUMI_ACCESS_TOKEN=" + "pu" + "l-" + fake(HEX, 40, 2412) + "\n" },
      { key: "value", value: "pu" + "l-" + fake(LOWER + DIGITS, 40, 2415) },
    ],
    negative: [
      { key: "value", value: "pu" + "l-" + fake(HEX, 32, 2413) },
      { key: "value", value: "pu" + "l-" + "0".repeat(40) },
      { key: "value", value: "pu" + "ll-request-" + fake(HEX, 40, 2414) },
    ],
  },
};

const tailscaleKey = (kind: string, seed: number) => "tskey-" + kind + "-k" + fake(ALNUM, 10, seed) + "CNTRL-" + fake(ALNUM, 32, seed + 1);

export const TAILSCALE_KEY: Detector = {
  id: "SG236",
  name: "tailscale-key",
  title: "a Tailscale key",
  severity: "error",
  explanation: "A Tailscale auth key, API access token, OAuth client secret or webhook secret (tskey-auth-, tskey-api-, tskey-client-, tskey-webhook-...): joins devices to the tailnet or manages it.",
  fix: "Use ephemeral, pre-approved, tagged auth keys with a short expiry, or an OAuth client kept in a secret store; revoke the key under Settings > Keys (or Trust credentials).",
  keywords: ["tskey-"],
  // tskey-<kind>-<key id>-<secret>; ids and secrets longer than today's (and `_`) are accepted for newer kinds.
  pattern: "(?<![A-Za-z0-9_-])tskey-[a-z]{3,10}-[A-Za-z0-9_]{6,128}-[A-Za-z0-9_]{20,128}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: tailscaleKey("auth", 2420) },
      { key: "TS_AUTHKEY", value: tailscaleKey("client", 2422) },
      { key: "user_data", value: "#!/bin/sh\ntailscale up --authkey=" + tailscaleKey("auth", 2424) + " --ssh\n" },
      { key: "value", value: "tskey-" + "scim-" + fake(ALNUM + "_", 90, 2427) + "-" + fake(ALNUM + "_", 60, 2428) },
    ],
    negative: [
      { key: "value", value: "tskey-auth-" + "XXXXXX" + "-" + "X".repeat(32) },
      { key: "value", value: "tskey-auth-<key>" },
      { key: "value", value: "tskey-api-" + fake(ALNUM, 10, 2426) },
      { key: "value", value: "tskey-auth-" + "A".repeat(12) + "-" + "B".repeat(24) },
    ],
  },
};
