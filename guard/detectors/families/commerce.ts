/**
 * Commerce platforms: Shopify, Square, Braintree, PayPal, Adyen. (Stripe and webhook signing secrets are in
 * payments.ts.) Shopify, Square and Braintree tokens are prefixed; PayPal and Adyen secrets are judged under a key
 * that names the vendor.
 * Read: Shopify Dev Docs "About authentication" / "Access tokens" (shpat_, shpca_, shppa_, shpss_ + 32 hex),
 * Square Developer "Access tokens" and "OAuth" (EAAA + 60, sq0atp-, sq0csp- application secrets), Braintree
 * "Access tokens" for PayPal-powered Braintree (access_token$<environment>$<merchant id>$<32 hex>), PayPal Developer
 * "REST API credentials" (client id and 80-character secret), Adyen Docs "API credentials" (API keys start AQE;
 * HMAC keys are 64 hex).
 */
import type { Detector } from "../detector";
import { MADE_UP_RUN } from "../text-shapes";
import { ALNUM, BASE64, BASE64URL, HEX, LOWER, DIGITS, fake } from "./sample-values";

export const SHOPIFY_TOKEN: Detector = {
  id: "SG370",
  name: "shopify-token",
  title: "a Shopify access token or shared secret",
  severity: "error",
  explanation: "A Shopify Admin API access token (shpat_), custom app token (shpca_), private app password (shppa_) or app shared secret (shpss_): reads and changes the shop's orders, customers and products, or forges app requests.",
  fix: "Keep the token in a secret store read at run time; uninstall/reinstall or rotate the app's credentials in the Shopify admin (Apps > Develop apps, or the Partner dashboard for secrets).",
  keywords: ["shpat_", "shpca_", "shppa_", "shpss_"],
  pattern: "(?<![A-Za-z0-9_])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9_])",
  entropy: 3.0,
  // Hand-written examples (`shpss_a1b2c3d4e5f6...`) are not tokens.
  allow: [MADE_UP_RUN],
  samples: {
    positive: [
      { key: "value", value: "shp" + "at_" + fake(HEX, 32, 801) },
      { key: "SHOPIFY_ACCESS_TOKEN", value: "shp" + "ca_" + fake(HEX, 32, 802) },
      { key: "content", value: "SHOPIFY_API_SECRET=" + "shp" + "ss_" + fake(HEX, 32, 803) + "\nSHOPIFY_SHOP=example.myshopify.com\n" },
    ],
    negative: [
      { key: "value", value: "shp" + "at_" + "0".repeat(32) },
      { key: "value", value: "shp" + "at_" + fake(HEX, 20, 804) },
      { key: "value", value: "shp" + "at_" + "<admin-api-access-token>" },
      { key: "value", value: "shp" + "ss_" + "a1b2c3d4e5f6a7b8c9d0" + fake(HEX, 12, 805) },
    ],
  },
};

/**
 * A Shopify-prefixed value that is not the documented 32 hex: letters and digits of 32-38 characters, as public
 * scanners and some app frameworks write them. Possibly a token in a form we do not know, possibly a test value:
 * a warning.
 */
export const SHOPIFY_TOKEN_UNVERIFIED: Detector = {
  id: "SG500",
  name: "shopify-token-unverified",
  title: "a Shopify-prefixed token in an undocumented form",
  severity: "warning",
  explanation: "A shpat_/shpca_/shppa_/shpss_ value of 32-38 letters and digits, not the 32 hex characters Shopify documents: a test value or a token in a form Shopify has not documented. Worth a look, since a working token reads and changes the shop.",
  fix: "If it is a real token, keep it in a secret store read at run time and rotate the app's credentials; if it is a fixture, keep it out of infrastructure state or suppress the finding with a reason.",
  keywords: ["shpat_", "shpca_", "shppa_", "shpss_"],
  pattern: "(?<![A-Za-z0-9_])shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,38}(?![A-Za-z0-9_])",
  entropy: 3.5,
  check: "token-body-classes",
  // The documented form is SG370's.
  allow: ["^shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}$", MADE_UP_RUN],
  samples: {
    positive: [
      { key: "value", value: "shp" + "at_" + fake(ALNUM, 32, 821) },
      { key: "SHOPIFY_API_SECRET", value: "shp" + "ss_" + fake(ALNUM, 36, 822) },
      { key: "content", value: "SHOPIFY_ACCESS_TOKEN=" + "shp" + "ca_" + fake(LOWER + DIGITS, 38, 823) + "\n" },
    ],
    negative: [
      { key: "value", value: "shp" + "at_" + fake(ALNUM, 30, 824) },
      { key: "value", value: "shp" + "at_" + fake(LOWER, 34, 825) },
      { key: "value", value: "shp" + "pa_" + "X".repeat(36) },
    ],
  },
};

export const SQUARE_TOKEN: Detector = {
  id: "SG371",
  name: "square-token",
  title: "a Square access token or application secret",
  severity: "error",
  explanation: "A Square access token (EAAA + 60 characters, or the legacy sq0atp-) or OAuth application secret (sq0csp-): takes payments and reads the seller's customers and orders.",
  fix: "Keep the token in a secret store read at run time; revoke it (OAuth revoke, or replace the personal access token in the Developer Dashboard) and rotate the application secret.",
  keywords: ["EAAA", "sq0atp-", "sq0csp-", "sandbox-sq0"],
  // EAAA + 60 (base64url, `+`/`=` seen in copies); legacy sq0atp- access tokens of 22-60. (sq0idp-/sq0idb- are
  // application ids, public by design, and not reported.)
  pattern: "(?<![A-Za-z0-9_-])(?:EAAA[A-Za-z0-9_+=-]{60}|(?:sandbox-)?sq0atp-[A-Za-z0-9_-]{22,60}|(?:sandbox-)?sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_+=-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "EA" + "AA" + fake(BASE64URL, 60, 811) },
      { key: "SQUARE_ACCESS_TOKEN", value: "sq0" + "atp-" + fake(BASE64URL, 22, 812) },
      { key: "content", value: "SQUARE_APPLICATION_SECRET=" + "sq0" + "csp-" + fake(BASE64URL, 43, 813) + "\n" },
      { key: "value", value: "sq0" + "atp-" + fake(BASE64URL, 48, 815) },
      { key: "value", value: "EA" + "AA" + fake(BASE64URL + "=", 60, 816) },
    ],
    negative: [
      { key: "value", value: "EA" + "AA" + fake(BASE64URL, 120, 814) },
      { key: "value", value: "EA" + "AA" + "A".repeat(60) },
      { key: "value", value: "sq0" + "atp-" + "<access-token>" },
      { key: "value", value: "sq0" + "idp-" + fake(BASE64URL, 22, 817) },
      { key: "value", value: "sq0" + "atp-" + fake(BASE64URL, 12, 818) },
    ],
  },
};

export const BRAINTREE_ACCESS_TOKEN: Detector = {
  id: "SG372",
  name: "braintree-access-token",
  title: "a Braintree access token",
  severity: "error",
  explanation: "A Braintree (PayPal) access token (access_token$production$<merchant id>$<32 hex>, or $sandbox$): takes payments as the merchant.",
  fix: "Keep the token in a secret store read at run time; revoke it in the PayPal/Braintree control panel (API credentials) and issue a new one.",
  keywords: ["access_token$"],
  pattern: "access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$([0-9a-f]{32})(?![A-Za-z0-9])",
  secretGroup: 1,
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "access_token$" + "production$" + fake(LOWER + DIGITS, 16, 821) + "$" + fake(HEX, 32, 822) },
      { key: "BRAINTREE_ACCESS_TOKEN", value: "access_token$" + "sandbox$" + fake(LOWER + DIGITS, 16, 823) + "$" + fake(HEX, 32, 824) },
      { key: "content", value: "paypal:\n  token: \"access_token$" + "production$" + fake(LOWER + DIGITS, 16, 825) + "$" + fake(HEX, 32, 826) + "\"\n" },
    ],
    negative: [
      { key: "value", value: "access_token$" + "production$" + "<merchant-id>$" + "<token>" },
      { key: "value", value: "access_token$" + "production$" + fake(LOWER + DIGITS, 16, 827) + "$" + "0".repeat(32) },
      { key: "value", value: "access_token$" + "staging$" + fake(LOWER + DIGITS, 16, 828) + "$" + fake(HEX, 32, 829) },
    ],
  },
};

export const PAYPAL_CLIENT_SECRET: Detector = {
  id: "SG373",
  name: "paypal-client-secret",
  title: "a PayPal REST client secret",
  severity: "error",
  explanation: "A PayPal REST API client secret (about 80 characters) under a PayPal secret name: with its client id, mints access tokens that move money.",
  fix: "Keep the secret in a secret store read at run time; generate a new secret for the app in the PayPal Developer Dashboard and disable the old one.",
  keywords: [],
  keys: { include: "paypal[a-z0-9]{0,30}(?:clientsecret|secret|secretkey)$" },
  pattern: "^[A-Za-z0-9_-]{60,90}$",
  check: "mixed-classes",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "PAYPAL_CLIENT_SECRET", value: "E" + fake(BASE64URL, 79, 831) },
      { key: "paypal_secret", value: fake(BASE64URL, 80, 832) },
      { key: "content", value: "PAYPAL_CLIENT_ID=A" + fake(BASE64URL, 79, 833) + "\nPAYPAL_CLIENT_SECRET=E" + fake(BASE64URL, 79, 834) + "\n" },
    ],
    negative: [
      { key: "paypal_client_id", value: "A" + fake(BASE64URL, 79, 835) },
      { key: "paypal_client_secret", value: "<paypal-client-secret>" },
      { key: "paypal_client_secret", value: "${var.paypal_client_secret}" },
    ],
  },
};

export const ADYEN_API_KEY: Detector = {
  id: "SG374",
  name: "adyen-api-key",
  title: "an Adyen API key or HMAC key",
  severity: "error",
  explanation: "An Adyen API key (starts AQE) or webhook HMAC key (64 hex) under an Adyen key name: processes payments as the merchant account, or forges webhook notifications.",
  fix: "Keep the key in a secret store read at run time; generate a new key for the API credential in the Adyen Customer Area (Developers > API credentials) and revoke the old one.",
  keywords: [],
  keys: { include: "adyen[a-z0-9]{0,30}(?:apikey|key|secret|password|hmackey|token)$" },
  pattern: "^(?:AQE[A-Za-z0-9+/=_.;:%{}\\-]{60,400}|[0-9A-Fa-f]{64})$",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "ADYEN_API_KEY", value: "AQE" + fake(BASE64, 80, 841) + "=-" + fake(BASE64, 43, 842) + "=-" + fake(ALNUM, 10, 843) },
      { key: "adyen_hmac_key", value: fake(HEX, 64, 844).toUpperCase() },
      { key: "content", value: "ADYEN_MERCHANT_ACCOUNT=ShopECOM\nADYEN_API_KEY=AQE" + fake(BASE64, 100, 845) + "\n" },
    ],
    negative: [
      { key: "adyen_merchant_account", value: "AQE" + fake(BASE64, 80, 846) },
      { key: "adyen_api_key", value: "<adyen-api-key>" },
      { key: "adyen_hmac_key", value: "0".repeat(64) },
    ],
  },
};
