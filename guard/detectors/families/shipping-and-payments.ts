/**
 * Shipping, travel and payment APIs whose keys carry a prefix: EasyPost, Flutterwave, Shippo, Duffel, Plaid,
 * GoCardless. Formats from the vendors' docs (and the public scanners' rule catalogues for lengths): EasyPost
 * production keys (EZAK and 54) and test keys (EZTK), Flutterwave secret keys (FLWSECK-, 32 hex-like, -X; test
 * keys FLWSECK_TEST-; encryption keys FLWSECK_TEST and 12), Shippo tokens (shippo_live_/shippo_test_ and 40 hex),
 * Duffel access tokens (duffel_live_/duffel_test_ and 43), Plaid access tokens (access-production-,
 * access-development-, access-sandbox- and a UUID), GoCardless access tokens (live_ or sandbox_ and 40), Lob
 * (print and mail) API keys (live_/test_ and 35 hex; publishable keys live_pub_/test_pub_ and 31 hex).
 * Test-mode keys reach no real money or parcels: one warning detector holds them all.
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, HEX, LOWER, DIGITS, fake, fakeUuid } from "./sample-values";

export const EASYPOST_API_KEY: Detector = {
  id: "SG438",
  name: "easypost-api-key",
  title: "an EasyPost production API key",
  severity: "error",
  explanation: "An EasyPost production API key (EZAK and 54 letters and digits): buys postage on the account's payment method and reads its shipments and addresses.",
  fix: "Keep the key in a secret store read at run time; disable it in EasyPost (Account settings > API keys) and create a new one.",
  keywords: ["EZAK"],
  pattern: "(?<![A-Za-z0-9_+/-])EZAK[A-Za-z0-9]{54}(?![A-Za-z0-9_+/=-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "EZ" + "AK" + fake(ALNUM, 54, 4501) },
      { key: "EASYPOST_API_KEY", value: "EZ" + "AK" + fake(ALNUM, 54, 4502) },
      { key: "content", value: "https://example.com/hook?t=" + "EZ" + "AK" + fake(ALNUM, 54, 4503) + "&q=1\n" },
    ],
    negative: [
      { key: "value", value: "EZ" + "AK" + fake(ALNUM, 30, 4504) },
      { key: "value", value: "EZ" + "AK" + "x".repeat(54) },
      { key: "value", value: "EZ" + "AK" + fake(ALNUM, 60, 4505) },
    ],
  },
};

const flutterwaveSecret = (seed: number) => fake("abcdefgh" + DIGITS, 32, seed);

export const FLUTTERWAVE_SECRET_KEY: Detector = {
  id: "SG439",
  name: "flutterwave-secret-key",
  title: "a Flutterwave live secret key",
  severity: "error",
  explanation: "A Flutterwave live secret key (FLWSECK-, 32 characters, -X): charges cards, makes transfers and reads the account's transactions.",
  fix: "Keep the key in a secret store read at run time; regenerate the API keys in the Flutterwave dashboard (Settings > API keys).",
  keywords: ["FLWSECK-"],
  pattern: "(?<![A-Za-z0-9_-])FLWSECK-[A-Za-z0-9]{32}-X(?![A-Za-z0-9_-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "FLW" + "SECK-" + flutterwaveSecret(4511) + "-X" },
      { key: "FLW_SECRET_KEY", value: "FLW" + "SECK-" + flutterwaveSecret(4512) + "-X" },
      { key: "content", value: "FLUTTERWAVE_SECRET=" + "FLW" + "SECK-" + flutterwaveSecret(4513) + "-X\n" },
    ],
    negative: [
      { key: "value", value: "FLW" + "PUBK-" + flutterwaveSecret(4514) + "-X" },
      { key: "value", value: "FLW" + "SECK-" + flutterwaveSecret(4515) },
      { key: "value", value: "FLW" + "SECK-" + "x".repeat(32) + "-X" },
    ],
  },
};

export const SHIPPO_LIVE_TOKEN: Detector = {
  id: "SG440",
  name: "shippo-live-token",
  title: "a Shippo live API token",
  severity: "error",
  explanation: "A Shippo live API token (shippo_live_ and 40 hex): buys labels on the account and reads its shipments, addresses and transactions.",
  fix: "Keep the token in a secret store read at run time; regenerate it in Shippo (Settings > Advanced > API).",
  keywords: ["shippo_live_"],
  pattern: "(?<![A-Za-z0-9_])shippo_live_[a-fA-F0-9]{40}(?![A-Za-z0-9_])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "shippo" + "_live_" + fake(HEX, 40, 4521) },
      { key: "SHIPPO_API_KEY", value: "shippo" + "_live_" + fake(HEX, 40, 4522) },
      { key: "content", value: "Authorization: ShippoToken " + "shippo" + "_live_" + fake(HEX, 40, 4523) + "\n" },
    ],
    negative: [
      { key: "value", value: "shippo" + "_live_" + fake(HEX, 20, 4524) },
      { key: "value", value: "shippo" + "_live_" + "0".repeat(40) },
      { key: "value", value: "shippo" + "_live_" + "<your-live-token>" },
    ],
  },
};

export const DUFFEL_LIVE_TOKEN: Detector = {
  id: "SG441",
  name: "duffel-live-token",
  title: "a Duffel live access token",
  severity: "error",
  explanation: "A Duffel live access token (duffel_live_ and 43 characters): books and pays for flights and stays on the account, and reads its orders and passengers' details.",
  fix: "Keep the token in a secret store read at run time; delete it in Duffel (Developers > Access tokens) and create a new one.",
  keywords: ["duffel_live_"],
  pattern: "(?<![A-Za-z0-9_])duffel_live_[A-Za-z0-9_=-]{43}(?![A-Za-z0-9_=-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "duffel" + "_live_" + fake(BASE64URL, 43, 4531) },
      { key: "DUFFEL_ACCESS_TOKEN", value: "duffel" + "_live_" + fake(ALNUM, 43, 4532) },
      { key: "content", value: "DUFFEL_API_TOKEN=" + "duffel" + "_live_" + fake(BASE64URL, 43, 4533) + "\n" },
    ],
    negative: [
      { key: "value", value: "duffel" + "_live_" + fake(ALNUM, 20, 4534) },
      { key: "value", value: "duffel" + "_live_" + "a".repeat(43) },
      { key: "value", value: "duffel" + "_live_" + "<your-duffel-access-token>" },
    ],
  },
};

export const PLAID_ACCESS_TOKEN: Detector = {
  id: "SG442",
  name: "plaid-access-token",
  title: "a Plaid access token",
  severity: "error",
  explanation: "A Plaid access token (access-production- or access-development- and a UUID): with the client id and secret, reads the linked bank account's balances, transactions and identity.",
  fix: "Keep access tokens in an encrypted store, never in configuration; remove the Item with /item/remove (the user relinks) and rotate the Plaid secret if it leaked too.",
  keywords: ["access-production-", "access-development-"],
  pattern: "(?<![A-Za-z0-9_-])access-(?:production|development)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}(?![A-Za-z0-9_-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "access" + "-production-" + fakeUuid(4541) },
      { key: "PLAID_ACCESS_TOKEN", value: "access" + "-development-" + fakeUuid(4542) },
      { key: "content", value: "plaid:\n  access_token: " + "access" + "-production-" + fakeUuid(4543) + "\n" },
    ],
    negative: [
      { key: "value", value: "access" + "-production-" + "00000000-0000-0000-0000-000000000000" },
      { key: "value", value: "access" + "-production-" + "role" },
      { key: "value", value: "access" + "-production-" + fake(HEX, 32, 4544) },
    ],
  },
};

export const GOCARDLESS_ACCESS_TOKEN: Detector = {
  id: "SG443",
  name: "gocardless-access-token",
  title: "a GoCardless access token",
  // live_ and sandbox_ are common words: a warning, for the exact length and a random body only.
  severity: "warning",
  explanation: "A GoCardless access token (live_ or sandbox_ and 40 characters): creates mandates and payments (collects money) and reads customers' bank details on the account.",
  fix: "Keep the token in a secret store read at run time; revoke it in GoCardless (Developers > Access tokens) and create a new one.",
  keywords: ["live_", "sandbox_"],
  pattern: "(?<![A-Za-z0-9_])(?:live|sandbox)_[A-Za-z0-9_=-]{40}(?![A-Za-z0-9_=-])",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: "li" + "ve_" + fake(BASE64URL, 40, 4551) },
      { key: "GOCARDLESS_ACCESS_TOKEN", value: "sand" + "box_" + fake(ALNUM, 40, 4552) },
      { key: "content", value: "gocardless_token: " + "li" + "ve_" + fake(BASE64URL, 40, 4553) + "\n" },
    ],
    negative: [
      { key: "value", value: "li" + "ve_" + "environment_for_the_payment_service_abc" },
      { key: "value", value: "li" + "ve_" + fake(BASE64URL, 20, 4554) },
      { key: "value", value: "deli" + "ve_" + fake(BASE64URL, 40, 4555) },
    ],
  },
};

export const PAYMENT_TEST_KEY: Detector = {
  id: "SG444",
  name: "payment-test-key",
  title: "a test-mode shipping or payment API key",
  // Test mode reaches no real money or parcels, but the key still belongs in a secret store.
  severity: "warning",
  explanation: "A test-mode key of a shipping, travel or payment API: EasyPost (EZTK), Flutterwave (FLWSECK_TEST), Shippo (shippo_test_), Duffel (duffel_test_), Plaid sandbox (access-sandbox-). It reaches the account's test data only.",
  fix: "Keep test keys in the same secret store as live ones (a leak shows the pattern); regenerate it in the vendor's dashboard.",
  keywords: ["EZTK", "FLWSECK_TEST", "shippo_test_", "duffel_test_", "access-sandbox-"],
  pattern:
    "(?<![A-Za-z0-9_-])(?:EZTK[A-Za-z0-9]{54}|FLWSECK_TEST-?(?:[A-Za-z0-9]{32}-X|[A-Za-z0-9]{12})|shippo_test_[a-fA-F0-9]{40}|duffel_test_[A-Za-z0-9_=-]{43}|access-sandbox-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})(?![A-Za-z0-9_=-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "EZ" + "TK" + fake(ALNUM, 54, 4561) },
      { key: "FLW_SECRET_KEY", value: "FLW" + "SECK_TEST-" + flutterwaveSecret(4562) + "-X" },
      { key: "content", value: "SHIPPO_API_KEY=" + "shippo" + "_test_" + fake(HEX, 40, 4563) + "\nDUFFEL_TOKEN=" + "duffel" + "_test_" + fake(BASE64URL, 43, 4564) + "\n" },
      { key: "value", value: "FLW" + "SECK_TEST" + fake(LOWER.slice(0, 8) + DIGITS, 12, 4565) },
      { key: "value", value: "access" + "-sandbox-" + fakeUuid(4566) },
    ],
    negative: [
      { key: "value", value: "EZ" + "TK" + fake(ALNUM, 20, 4567) },
      { key: "value", value: "shippo" + "_test_" + "0".repeat(40) },
      { key: "value", value: "duffel" + "_test_" + "b".repeat(43) },
    ],
  },
};

export const LOB_API_KEY: Detector = {
  id: "SG445",
  name: "lob-api-key",
  title: "a Lob API key",
  // live_ and test_ are common words: a warning, for the exact hex lengths only.
  severity: "warning",
  explanation: "A Lob secret API key (live_ or test_ and 35 hex): sends letters, postcards and checks billed to the account, and reads its address book. Publishable keys (live_pub_, test_pub_) only verify addresses and are not reported.",
  fix: "Keep the key in a secret store read at run time; roll it in the Lob dashboard (Settings > API keys).",
  keywords: ["live_", "test_"],
  pattern: "(?<![A-Za-z0-9_])(?:live|test)_[a-f0-9]{35}(?![A-Za-z0-9_])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "li" + "ve_" + fake(HEX, 35, 4571) },
      { key: "LOB_API_KEY", value: "te" + "st_" + fake(HEX, 35, 4572) },
      { key: "content", value: "lob:\n  api_key: " + "li" + "ve_" + fake(HEX, 35, 4573) + "\n" },
    ],
    negative: [
      { key: "value", value: "li" + "ve_" + "pub_" + fake(HEX, 31, 4574) },
      { key: "value", value: "te" + "st_" + fake(HEX, 32, 4575) },
      { key: "value", value: "te" + "st_" + "0".repeat(35) },
    ],
  },
};
