/**
 * Password managers: 1Password. Formats from 1Password's docs: the account Secret Key ("A3-" then five or six
 * groups of upper-case letters and digits, 34 characters after the version) and service account tokens ("ops_"
 * then base64 of a JSON document, so "ops_eyJ" and some hundreds of characters).
 */
import type { Detector } from "../detector";
import { BASE64, DIGITS, UPPER, b64, fake } from "./sample-values";

const SECRET_KEY_ALPHABET = UPPER + DIGITS;

/** A 1Password Secret Key in its printed grouping: A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX. */
const secretKey = (seed: number, grouped = true) => {
  const body = fake(SECRET_KEY_ALPHABET, 32, seed);
  const mid = grouped ? body.slice(6, 12) + "-" + body.slice(12, 17) : body.slice(6, 17);
  return "A" + "3-" + body.slice(0, 6) + "-" + mid + "-" + body.slice(17, 22) + "-" + body.slice(22, 27) + "-" + body.slice(27, 32);
};

export const ONEPASSWORD_SECRET_KEY: Detector = {
  id: "SG400",
  name: "onepassword-secret-key",
  title: "a 1Password account Secret Key",
  severity: "error",
  explanation: "A 1Password account Secret Key (A3- and 34 upper-case letters and digits in groups): with the account password it opens every vault the person can read.",
  fix: "Never store the Secret Key outside the person's devices and Emergency Kit; if it leaked, regenerate it in 1Password (Profile > Regenerate Secret Key) and change the account password.",
  keywords: ["A3-"],
  pattern: "(?<![A-Za-z0-9_-])A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: secretKey(4001) },
      { key: "OP_SECRET_KEY", value: secretKey(4002, false) },
      { key: "content", value: "# emergency kit\nsecret_key = " + secretKey(4003) + "\n" },
    ],
    negative: [
      { key: "value", value: "A" + "3-" + "XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX" },
      { key: "value", value: secretKey(4004).slice(0, 30) },
      { key: "value", value: "size A" + "3-" + fake(SECRET_KEY_ALPHABET, 6, 4005) + " paper" },
    ],
  },
};

/** A service account token: ops_ and base64 of a JSON document (sign-in address, user and key material). */
const serviceToken = (seed: number) =>
  "ops" + "_" + b64(JSON.stringify({ signInAddress: "my.1password.com", userAuth: { method: "SRPg-4096", alg: "PBES2g-HS256", iterations: 650000, salt: fake(BASE64, 22, seed) }, email: fake(UPPER, 12, seed + 1).toLowerCase() + "@1passwordserviceaccounts.com", srpX: fake(BASE64, 64, seed + 2), muk: { alg: "A256GCM", k: fake(BASE64, 43, seed + 3) } }));

export const ONEPASSWORD_SERVICE_ACCOUNT_TOKEN: Detector = {
  id: "SG401",
  name: "onepassword-service-account-token",
  title: "a 1Password service account token",
  severity: "error",
  explanation: "A 1Password service account token (ops_ and base64 JSON): reads, and if allowed writes, the items of the vaults the service account was granted.",
  fix: "Keep the token in the CI's or platform's secret store (OP_SERVICE_ACCOUNT_TOKEN at run time); revoke it in 1Password (Developer > Service Accounts) and create a new one.",
  keywords: ["ops_eyJ"],
  pattern: "(?<![A-Za-z0-9_])ops_eyJ[A-Za-z0-9+/_-]{250,8000}={0,3}",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: serviceToken(4011) },
      { key: "OP_SERVICE_ACCOUNT_TOKEN", value: serviceToken(4012) },
      { key: "content", value: "export OP_SERVICE_ACCOUNT_TOKEN=" + serviceToken(4013) + "\n" },
    ],
    negative: [
      { key: "value", value: "ops" + "_" + b64(JSON.stringify({ note: "short" })) },
      { key: "value", value: "ops" + "_" + "eyJ" + "A".repeat(300) },
      { key: "value", value: "drops" + "_" + serviceToken(4014).slice(4) },
    ],
  },
};
