/**
 * File encryption tools: age. Format from the age specification (age-encryption.org/v1): an X25519 identity is
 * Bech32 with the human-readable part "AGE-SECRET-KEY-", so "AGE-SECRET-KEY-1" then 58 characters of the Bech32
 * alphabet (upper case), the last six a checksum. Used by SOPS and many GitOps set-ups.
 */
import type { Detector } from "../detector";
import { fake } from "./sample-values";

const BECH32_UPPER = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

export const AGE_SECRET_KEY: Detector = {
  id: "SG402",
  name: "age-secret-key",
  title: "an age secret key",
  severity: "error",
  explanation: "An age X25519 identity (AGE-SECRET-KEY-1 and 58 Bech32 characters): decrypts every file, and every SOPS document, encrypted to its public key.",
  fix: "Keep the identity in a secret store or on the machines that decrypt (SOPS_AGE_KEY_FILE); generate a new one with age-keygen, re-encrypt the files to its public key and remove the old recipient.",
  keywords: ["AGE-SECRET-KEY-1"],
  pattern: "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Za-z0-9])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "AGE-SECRET" + "-KEY-1" + fake(BECH32_UPPER, 58, 4021) },
      { key: "SOPS_AGE_KEY", value: "AGE-SECRET" + "-KEY-1" + fake(BECH32_UPPER, 58, 4022) },
      { key: "content", value: "# created: 2024-05-01T10:00:00Z\n# public key: age1" + fake(BECH32_UPPER, 58, 4023).toLowerCase() + "\n" + "AGE-SECRET" + "-KEY-1" + fake(BECH32_UPPER, 58, 4024) + "\n" },
    ],
    negative: [
      { key: "value", value: "AGE-SECRET" + "-KEY-1" + "Q".repeat(58) },
      { key: "value", value: "AGE-SECRET" + "-KEY-1" + fake(BECH32_UPPER, 40, 4025) },
      { key: "value", value: "age1" + fake(BECH32_UPPER, 58, 4026).toLowerCase() },
    ],
  },
};
