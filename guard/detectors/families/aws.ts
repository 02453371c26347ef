/**
 * AWS credentials: access key ids (precise on their own), secret keys and session tokens (by key or prefix), and
 * Amazon Bedrock API keys. Formats from AWS's docs: IAM "unique identifiers" (AKIA/ASIA... key id prefixes) and
 * Bedrock "API keys" (long-term keys start with ABSK; short-term keys with bedrock-api-key- and a base64 of
 * bedrock.amazonaws.com).
 */
import type { Detector } from "../detector";
import { ALNUM, BASE32, BASE64, HEX, b64, fake } from "./sample-values";

const keyId = (prefix: string, seed: number) => prefix + fake(BASE32, 16, seed);
/** AWS's documented example key id. Reported like any other: a key-shaped literal in config is a mistake either way. */
const DOCS_EXAMPLE_KEY_ID = "AKIA" + "IOSFODNN7" + "EXAMPLE";

export const AWS_ACCESS_KEY_ID: Detector = {
  id: "SG121",
  name: "aws-access-key-id",
  title: "an AWS access key id",
  severity: "error",
  explanation: "An AWS access key id (AKIA/ASIA/ABIA/ACCA...): long-lived credentials usually travel with their secret key.",
  fix: "Use roles or short-lived credentials from the environment instead of keys in configuration; deactivate the key if it leaked.",
  keywords: ["AKIA", "ASIA", "ABIA", "ACCA"],
  pattern: "(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])",
  samples: {
    positive: [
      { key: "access_key", value: keyId("AKIA", 1) },
      { key: "access_key", value: DOCS_EXAMPLE_KEY_ID },
      { key: "note", value: "temporary creds " + keyId("ASIA", 2) + " from sts" },
      { key: "user_data_base64", value: b64("#!/bin/bash\nexport AWS_ACCESS_KEY_ID=" + keyId("AKIA", 3) + "\n") },
    ],
    negative: [
      { key: "unique_id", value: "AIDA" + fake(BASE32, 17, 4) },
      { key: "role_unique_id", value: "AROA" + fake(BASE32, 17, 5) },
      { key: "access_key", value: "AKIA" + fake(BASE32, 12, 6) },
      { key: "blob", value: "X" + keyId("AKIA", 7) },
    ],
  },
};

export const AWS_SECRET_ACCESS_KEY: Detector = {
  id: "SG122",
  name: "aws-secret-access-key",
  title: "an AWS secret access key",
  severity: "error",
  explanation: "A 40-character AWS secret access key under a secret-key-like key.",
  fix: "Remove it from configuration and state, use roles or the environment, and rotate the key.",
  keywords: [],
  keys: { include: "^(?:aws)?(?:secret|secretkey|secretaccesskey)$" },
  pattern: "^[A-Za-z0-9/+]{40}$",
  check: "aws-secret-shape",
  samples: {
    positive: [
      { key: "secret_key", value: fake(BASE64, 40, 11) },
      { key: "aws_secret_access_key", value: fake(ALNUM, 40, 12) },
      { key: "credentials", value: "[default]\naws_access_key_id = " + "AKIA" + "..." + "\naws_secret_access_key = " + fake(BASE64, 40, 13) + "\n" },
    ],
    negative: [
      { key: "secret_key", value: fake(HEX, 40, 14) },
      { key: "description", value: fake(BASE64, 40, 15) },
      { key: "secret_key", value: "${aws_iam_access_key.ci.secret}" },
    ],
  },
};

export const AWS_SESSION_TOKEN: Detector = {
  id: "SG130",
  name: "aws-session-token",
  title: "an AWS session token",
  severity: "error",
  explanation: "An AWS STS session token (its base64 starts with a fixed prefix): temporary, but a working credential until it expires.",
  fix: "Do not store session tokens; obtain them at run time from the environment or an assumed role.",
  keywords: ["FwoGZXIvYXdzE", "IQoJb3JpZ2luX2Vj"],
  pattern: "(?:FwoGZXIvYXdzE|IQoJb3JpZ2luX2Vj)[A-Za-z0-9+/=]{100,4096}",
  samples: {
    positive: [
      { key: "token", value: "IQoJb3JpZ2luX2Vj" + fake(BASE64, 300, 21) },
      { key: "x", value: "FwoGZXIvYXdzE" + fake(BASE64, 200, 22) },
      { key: "content", value: "[default]\naws_session_token = " + "IQoJb3JpZ2luX2Vj" + fake(BASE64, 400, 24) + "\n" },
    ],
    negative: [
      { key: "note", value: "IQoJb3JpZ2luX2Vj" + fake(BASE64, 40, 23) },
      { key: "note", value: "prefix FwoGZXIvYXdzE only" },
      { key: "value", value: "XIQoJb3JpZ2luX2Vj" + "A".repeat(20) },
    ],
  },
};

export const AWS_SESSION_TOKEN_BY_KEY: Detector = {
  id: "SG131",
  name: "aws-session-token-under-key",
  title: "an AWS session token",
  severity: "error",
  explanation: "A long base64 value under a session-token key (aws_session_token, security_token): a temporary AWS credential.",
  fix: "Do not store session tokens; obtain them at run time from the environment or an assumed role.",
  keywords: [],
  keys: { include: "(?:sessiontoken|securitytoken)$" },
  pattern: "^[A-Za-z0-9+/]{100,4096}={0,2}$",
  entropy: 4.5,
  check: "mixed-classes",
  samples: {
    positive: [
      { key: "aws_session_token", value: fake(BASE64, 360, 31) },
      { key: "sessionToken", value: fake(BASE64, 200, 32) + "=" },
      { key: "AWS_SECURITY_TOKEN", value: fake(BASE64, 300, 34) },
    ],
    negative: [
      { key: "session_token_duration", value: fake(BASE64, 200, 33) },
      { key: "aws_session_token", value: "${var.aws_session_token}" },
      { key: "aws_session_token", value: "A".repeat(200) },
    ],
  },
};

/** Base64 of "bedrock.amazonaws.com": the fixed start of a short-term key's encoded, presigned request. */
const BEDROCK_HOST_B64 = "YmVkcm9jay5hbWF6b25hd3MuY29t";

export const AWS_BEDROCK_API_KEY: Detector = {
  id: "SG243",
  name: "aws-bedrock-api-key",
  title: "an Amazon Bedrock API key",
  severity: "error",
  explanation:
    "An Amazon Bedrock API key: a long-term key (ABSK and base64, a service-specific credential of an IAM user) or a short-term key (bedrock-api-key- and an encoded presigned request): calls Bedrock models on the account's bill.",
  fix: "Use IAM roles (or short-term keys generated at run time) instead; delete the long-term key (IAM > Users > Security credentials > API keys for Amazon Bedrock, or aws iam delete-service-specific-credential).",
  keywords: ["ABSK", "bedrock-api-key-"],
  pattern:
    "(?<![A-Za-z0-9+/])ABSK[A-Za-z0-9+/]{109,269}={0,2}(?![A-Za-z0-9+/=])|bedrock-api-key-" + BEDROCK_HOST_B64 + "[A-Za-z0-9+/=%]{64,8192}",
  entropy: 4.0,
  samples: {
    positive: [
      { key: "value", value: "AB" + "SK" + fake(BASE64, 132, 41) },
      { key: "AWS_BEARER_TOKEN_BEDROCK", value: "bedrock-api-key-" + BEDROCK_HOST_B64 + fake(BASE64, 600, 42) },
      { key: "content", value: "export AWS_BEARER_TOKEN_BEDROCK=" + "AB" + "SK" + fake(BASE64, 180, 43) + "\n" },
    ],
    negative: [
      { key: "value", value: "AB" + "SK" + fake(BASE64, 40, 44) },
      { key: "value", value: "bedrock-api-key-" + "short" },
      { key: "value", value: "AB" + "SK" + "A".repeat(140) },
    ],
  },
};
