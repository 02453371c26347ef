/**
 * AI model providers' API keys. OpenAI keys carry the marker T3BlbkFJ (base64 of "OpenAI"); Anthropic keys end in
 * "AA"; Groq, Perplexity, xAI and Replicate keys are prefixed (Hugging Face: data-platforms.ts); Cohere and Mistral keys are plain
 * shapes, judged only under a key that names the provider.
 * Read: OpenAI API reference "Authentication" and "Admin API keys" (sk-proj-, sk-svcacct-, sk-admin-), Anthropic
 * docs "API keys" and "Admin API" (sk-ant-api03-, sk-ant-admin01-), Groq, Perplexity, xAI, Replicate and Hugging
 * Face docs on API keys/tokens (gsk_, pplx-, xai-, r8_, hf_), Cohere and Mistral docs (CO_API_KEY,
 * MISTRAL_API_KEY), and the formats in gitleaks' and trufflehog's public rule catalogues.
 */
import type { Detector } from "../detector";
import { MADE_UP_RUN } from "../text-shapes";
import { ALNUM, BASE64URL, HEX, LOWER, UPPER, fake } from "./sample-values";

const MARK = "T3Bl" + "bkFJ";
const openAi = (kind: string, side: number, seed: number) =>
  "sk" + "-" + kind + fake(BASE64URL, side, seed) + MARK + fake(BASE64URL, side, seed + 1);

export const OPENAI_API_KEY: Detector = {
  id: "SG320",
  name: "openai-api-key",
  title: "an OpenAI API key",
  severity: "error",
  explanation: "An OpenAI project (sk-proj-), service account (sk-svcacct-), admin (sk-admin-) or legacy user key (sk-...T3BlbkFJ...): spends the organisation's credit and reads its files and fine-tunes; an admin key manages the organisation.",
  fix: "Keep the key in a secret store read at run time; revoke it in the OpenAI platform (Settings > API keys, or Admin keys) and create a new one.",
  keywords: ["sk-"],
  pattern: "(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin|None|service)-)?[A-Za-z0-9_-]{20,250}T3BlbkFJ[A-Za-z0-9_-]{20,250}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: openAi("proj-", 74, 411) },
      { key: "OPENAI_API_KEY", value: openAi("svcacct-", 74, 413) },
      { key: "content", value: "OPENAI_ADMIN_KEY=" + openAi("admin-", 58, 415) + "\n" },
      { key: "tags", value: "sk" + "-" + fake(ALNUM, 20, 417) + MARK + fake(ALNUM, 20, 418) },
    ],
    negative: [
      { key: "value", value: "sk" + "-proj-" + fake(BASE64URL, 48, 419) },
      { key: "value", value: "sk" + "-proj-" + "x".repeat(74) + MARK + "x".repeat(74) },
      { key: "value", value: "task-" + fake(ALNUM, 20, 420) + MARK + fake(ALNUM, 20, 421) },
    ],
  },
};

export const ANTHROPIC_API_KEY: Detector = {
  id: "SG321",
  name: "anthropic-api-key",
  title: "an Anthropic API key",
  severity: "error",
  explanation: "An Anthropic API key (sk-ant-api03-, 93 characters then AA), Admin API key (sk-ant-admin01-) or OAuth token (sk-ant-oat01-/ort01-): spends the organisation's credit; an admin key manages its members and keys.",
  fix: "Keep the key in a secret store read at run time; disable and delete it in the Claude Console (Settings > API keys, or Admin keys).",
  keywords: ["sk-ant-"],
  pattern: "(?<![A-Za-z0-9_-])sk-ant-(?:(?:api03|admin01)-[A-Za-z0-9_-]{93}AA|(?:oat|ort)01-[A-Za-z0-9_-]{60,200})(?![A-Za-z0-9_-])",
  entropy: 3.5,
  // Hand-written examples of the right length (`...-abc123xyz-...-klmnopqrstuvwx-...AA`) are not keys.
  allow: [MADE_UP_RUN],
  samples: {
    positive: [
      { key: "value", value: "sk" + "-ant-api03-" + fake(BASE64URL, 93, 431) + "AA" },
      { key: "ANTHROPIC_API_KEY", value: "sk" + "-ant-api03-" + fake(BASE64URL, 93, 432) + "AA" },
      { key: "content", value: "export ANTHROPIC_ADMIN_KEY=" + "sk" + "-ant-admin01-" + fake(BASE64URL, 93, 433) + "AA\n" },
    ],
    negative: [
      { key: "value", value: "sk" + "-ant-api03-" + fake(BASE64URL, 93, 434) + "ZZ" },
      { key: "value", value: "sk" + "-ant-api03-" + "x".repeat(93) + "AA" },
      { key: "value", value: "sk" + "-ant-api03-" + "<your-key>" },
      { key: "value", value: "sk" + "-ant-admin01-" + fake(BASE64URL, 79, 435) + "-klmnopqrstu-" + "AA" },
      { key: "value", value: "sk" + "-ant-api03-" + fake(BASE64URL, 80, 436) + "AA" },
    ],
  },
};

export const GROQ_API_KEY: Detector = {
  id: "SG322",
  name: "groq-api-key",
  title: "a Groq API key",
  severity: "error",
  explanation: "A Groq API key (gsk_ followed by 52 characters): spends the account's inference quota.",
  fix: "Keep the key in a secret store read at run time; delete it in the Groq console (API Keys) and create a new one.",
  keywords: ["gsk_"],
  pattern: "(?<![A-Za-z0-9_])gsk_[A-Za-z0-9]{52}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "gs" + "k_" + fake(ALNUM, 52, 441) },
      { key: "GROQ_API_KEY", value: "gs" + "k_" + fake(ALNUM, 52, 442) },
      { key: "content", value: "llm:\n  provider: groq\n  api_key: " + "gs" + "k_" + fake(ALNUM, 52, 443) + "\n" },
    ],
    negative: [
      { key: "value", value: "gs" + "k_" + "x".repeat(52) },
      { key: "value", value: "gs" + "k_" + fake(ALNUM, 40, 444) },
      { key: "value", value: "gs" + "k_" + "<your-groq-key>" },
    ],
  },
};

export const PERPLEXITY_API_KEY: Detector = {
  id: "SG323",
  name: "perplexity-api-key",
  title: "a Perplexity API key",
  severity: "error",
  explanation: "A Perplexity API key (pplx- followed by 48 characters): spends the account's API credit.",
  fix: "Keep the key in a secret store read at run time; revoke it in Perplexity (Settings > API) and generate a new one.",
  keywords: ["pplx-"],
  pattern: "(?<![A-Za-z0-9_-])pplx-[A-Za-z0-9]{48}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "pp" + "lx-" + fake(ALNUM, 48, 451) },
      { key: "PERPLEXITY_API_KEY", value: "pp" + "lx-" + fake(ALNUM, 48, 452) },
      { key: "content", value: "Authorization: Bearer " + "pp" + "lx-" + fake(ALNUM, 48, 453) + "\n" },
    ],
    negative: [
      { key: "value", value: "pp" + "lx-" + "0".repeat(48) },
      { key: "value", value: "pp" + "lx-" + fake(ALNUM, 30, 454) },
      { key: "value", value: "pp" + "lx-" + "your-api-key-here" },
    ],
  },
};

export const XAI_API_KEY: Detector = {
  id: "SG324",
  name: "xai-api-key",
  title: "an xAI API key",
  severity: "error",
  explanation: "An xAI (Grok) API key (xai- followed by 80 characters): spends the team's API credit.",
  fix: "Keep the key in a secret store read at run time; delete it in the xAI console (API Keys) and create a new one.",
  keywords: ["xai-"],
  pattern: "(?<![A-Za-z0-9_-])xai-[A-Za-z0-9]{80}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "xa" + "i-" + fake(ALNUM, 80, 461) },
      { key: "XAI_API_KEY", value: "xa" + "i-" + fake(ALNUM, 80, 462) },
      { key: "content", value: "XAI_API_KEY=" + "xa" + "i-" + fake(ALNUM, 80, 463) + "\n" },
    ],
    negative: [
      { key: "value", value: "xa" + "i-" + "x".repeat(80) },
      { key: "value", value: "xa" + "i-" + fake(ALNUM, 60, 464) },
      { key: "value", value: "my-xa" + "i-" + fake(ALNUM, 80, 465) },
    ],
  },
};

export const REPLICATE_API_TOKEN: Detector = {
  id: "SG325",
  name: "replicate-api-token",
  title: "a Replicate API token",
  severity: "error",
  explanation: "A Replicate API token (r8_ followed by 37 characters): runs models billed to the account.",
  fix: "Keep the token in a secret store read at run time; disable it in Replicate (Account > API tokens) and create a new one.",
  keywords: ["r8_"],
  pattern: "(?<![A-Za-z0-9_])r8_[A-Za-z0-9]{37}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "r" + "8_" + fake(ALNUM, 37, 471) },
      { key: "REPLICATE_API_TOKEN", value: "r" + "8_" + fake(ALNUM, 37, 472) },
      { key: "content", value: "export REPLICATE_API_TOKEN=" + "r" + "8_" + fake(ALNUM, 37, 473) + "\n" },
    ],
    negative: [
      { key: "value", value: "r" + "8_" + "0".repeat(37) },
      { key: "value", value: "r" + "8_" + fake(ALNUM, 20, 474) },
      { key: "value", value: "ami_r" + "8_" + fake(ALNUM, 37, 475) },
    ],
  },
};


export const COHERE_API_KEY: Detector = {
  id: "SG327",
  name: "cohere-api-key",
  title: "a Cohere API key",
  severity: "error",
  explanation: "A Cohere API key (40 letters and digits) under a Cohere key name (CO_API_KEY, COHERE_API_KEY).",
  fix: "Keep the key in a secret store read at run time; delete it in the Cohere dashboard (API keys) and create a new one.",
  keywords: [],
  keys: { include: "^(?:co|cohere[a-z0-9]{0,20})(?:apikey|key|token)$" },
  pattern: "^[A-Za-z0-9]{40}$",
  check: "mixed-classes",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "CO_API_KEY", value: fake(ALNUM, 40, 491) },
      { key: "cohere_api_key", value: fake(ALNUM, 40, 492) },
      { key: "content", value: "COHERE_API_KEY=" + fake(ALNUM, 40, 493) + "\nCOHERE_MODEL=command-r\n" },
    ],
    negative: [
      { key: "cohere_api_key", value: fake(HEX, 40, 494) },
      { key: "cohere_model", value: fake(ALNUM, 40, 495) },
      { key: "cohere_api_key", value: "${var.cohere_api_key}" },
    ],
  },
};

export const MISTRAL_API_KEY: Detector = {
  id: "SG328",
  name: "mistral-api-key",
  title: "a Mistral AI API key",
  severity: "error",
  explanation: "A Mistral AI API key (32 letters and digits) under a Mistral key name (MISTRAL_API_KEY).",
  fix: "Keep the key in a secret store read at run time; revoke it in the Mistral console (API Keys) and create a new one.",
  keywords: [],
  keys: { include: "mistral[a-z0-9]{0,20}(?:apikey|key|token)$" },
  pattern: "^[A-Za-z0-9]{32}$",
  check: "mixed-classes",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "MISTRAL_API_KEY", value: fake(ALNUM, 32, 501) },
      { key: "mistralApiKey", value: fake(ALNUM, 32, 502) },
      { key: "content", value: "MISTRAL_API_KEY=" + fake(ALNUM, 32, 503) + "\n" },
    ],
    negative: [
      { key: "mistral_api_key", value: fake(HEX, 32, 504) },
      { key: "mistral_model", value: fake(ALNUM, 32, 505) },
      { key: "mistral_api_key", value: "<your-mistral-key>" },
    ],
  },
};
