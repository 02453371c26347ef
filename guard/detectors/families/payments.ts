/**
 * Payment and webhook secrets. Read: Stripe Docs "API keys" (sk_/rk_ live and test keys) and "Check the webhook
 * signatures" (whsec_), Svix Docs "Verifying webhooks" (whsec_ signing secrets). Stripe test-mode keys are reported as a warning: they reach only test data,
 * but they are still credentials and often sit beside the live ones.
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64, fake } from "./sample-values";

const stripeSamples = (mode: string, seed: number) => ({
  positive: [
    { key: "stripe_key", value: "s" + "k_" + mode + "_" + fake(ALNUM, 24, seed) },
    { key: "config", value: "STRIPE_RESTRICTED_KEY=" + "r" + "k_" + mode + "_" + fake(ALNUM, 99, seed + 1) },
    { key: "STRIPE_SECRET_KEY", value: "s" + "k_" + mode + "_" + fake(ALNUM, 99, seed + 3) },
  ],
  negative: [
    { key: "note", value: "s" + "k_" + mode + "_" + "x".repeat(24) },
    { key: "publishable_key", value: "p" + "k_" + mode + "_" + fake(ALNUM, 24, seed + 2) },
    { key: "value", value: "s" + "k_" + mode + "_" + "<your-secret-key>" },
  ],
});

export const STRIPE_SECRET_KEY: Detector = {
  id: "SG140",
  name: "stripe-secret-key",
  title: "a Stripe live secret key",
  severity: "error",
  explanation: "A Stripe live-mode secret or restricted key (sk_live_, rk_live_): moves real money.",
  fix: "Keep the key in a secret store read at run time; roll the key in the Stripe dashboard.",
  // `_prod_` is the form some Stripe products and public scanners use beside `_live_`.
  keywords: ["sk_live_", "rk_live_", "sk_prod_", "rk_prod_"],
  pattern: "(?<![A-Za-z0-9_])[sr]k_(?:live|prod)_[A-Za-z0-9]{20,247}",
  entropy: 3.0,
  samples: stripeSamples("live", 141),
};

export const STRIPE_TEST_KEY: Detector = {
  id: "SG141",
  name: "stripe-test-key",
  title: "a Stripe test secret key",
  severity: "warning",
  explanation: "A Stripe test-mode secret or restricted key (sk_test_, rk_test_): reaches test data only, still a credential.",
  fix: "Keep the key in a secret store read at run time; roll it if the file was shared.",
  keywords: ["sk_test_", "rk_test_"],
  pattern: "(?<![A-Za-z0-9_])[sr]k_test_[A-Za-z0-9]{20,247}",
  entropy: 3.0,
  samples: stripeSamples("test", 151),
};

export const WEBHOOK_SIGNING_SECRET: Detector = {
  id: "SG142",
  name: "webhook-signing-secret",
  title: "a webhook signing secret",
  severity: "error",
  explanation: "A webhook signing secret (whsec_, as used by Stripe and Svix): lets anyone forge webhook calls.",
  fix: "Keep the secret in a secret store read at run time; rotate the endpoint's secret.",
  keywords: ["whsec_"],
  pattern: "(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/=]{24,255}",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "signing_secret", value: "wh" + "sec_" + fake(ALNUM, 32, 161) },
      { key: "env", value: "WEBHOOK_SECRET=" + "wh" + "sec_" + fake(BASE64, 44, 162) },
      { key: "value", value: "wh" + "sec_" + fake(ALNUM, 32, 163) },
    ],
    negative: [
      { key: "note", value: "wh" + "sec_" + "x".repeat(32) },
      { key: "note", value: "wh" + "sec_" + "short" },
      { key: "value", value: "wh" + "sec_" + "<endpoint-secret>" },
    ],
  },
};
