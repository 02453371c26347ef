/** The last resort: a random-looking value under a secret-like key. A hint (warning), since it is a guess. */
import type { Detector } from "../detector";
import { ALNUM, DIGITS, HEX, LOWER, b64, fake, fakePassword, fakeUuid } from "./sample-values";

export const HIGH_ENTROPY_SECRET_HINT: Detector = {
  id: "SG125",
  name: "high-entropy-secret-hint",
  title: "a high-entropy value under a secret-like key",
  severity: "warning",
  explanation:
    "A random-looking value under a secret-like key (password, secret, token, api_key, private_key, credential...), not marked sensitive. Hashes, ids, UUIDs, ARNs, digests and encoded text are ignored.",
  fix: "If it is a secret, mark it sensitive and keep it out of state; if not, rename the key or suppress the finding with a reason.",
  keywords: [],
  keys: "secret-key",
  pattern: "^\\S{10,4096}$",
  check: "random-looking",
  samples: {
    positive: [
      { key: "db_password", value: fakePassword(301, 24) },
      { key: "apiKey", value: fake(ALNUM, 32, 302) },
      { key: "password", value: b64(fakePassword(303, 24)) },
      { key: "settings", value: JSON.stringify({ name: "svc", signing_key: fake(ALNUM, 40, 304) }) },
      // A template slot inside a random value does not make it a template.
      { key: "db_password", value: "pa${ss}" + fake(ALNUM, 20, 308) },
      // Lower case and digits interleaved: a generated token, though slug-shaped.
      { key: "service_token", value: fake(LOWER + DIGITS, 40, 309) },
      { key: "api_secret", value: fake(LOWER + DIGITS, 16, 310) + "-" + fake(LOWER + DIGITS, 20, 311) },
    ],
    negative: [
      { key: "secret_id", value: fakePassword(305, 24) },
      { key: "password", value: "changeme" },
      { key: "token", value: fakeUuid(306) },
      { key: "secret", value: "sha256:" + fake(HEX, 64, 307) },
      { key: "password", value: "correct-horse-battery-staple" },
      { key: "api_token", value: "tok_live_<paste-your-token>" },
      { key: "bot_token", value: "1234567890:<token>" },
      { key: "token", value: "release-2024-candidate-build" },
      { key: "secret", value: "app-server-01-prod-eu-west-1" },
      { key: "token", value: fake(HEX, 24, 312) },
      { key: "secret", value: "vpc-" + fake(HEX, 17, 313) + "-" + fake(LOWER + DIGITS, 8, 314) },
    ],
  },
};
