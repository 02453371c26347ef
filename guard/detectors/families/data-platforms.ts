/**
 * Data and ML platforms: Databricks and Hugging Face. Formats from the vendors' docs: Databricks personal access
 * tokens (dapi and 32 hex, an optional -N suffix on Azure Databricks); Hugging Face user access tokens (hf_ and
 * 34 letters and digits) and organization API tokens (api_org_).
 */
import type { Detector } from "../detector";
import { ALNUM, HEX, LOWER, UPPER, fake } from "./sample-values";

export const DATABRICKS_TOKEN: Detector = {
  id: "SG237",
  name: "databricks-token",
  title: "a Databricks personal access token",
  severity: "error",
  explanation: "A Databricks personal access token (dapi and 32 hex): acts as the user (or service principal) in the workspace, with its data access.",
  fix: "Use OAuth (machine-to-machine for service principals) instead of tokens; revoke it under User Settings > Developer > Access tokens (or the Token Management API).",
  keywords: ["dapi"],
  // Upper-case hex is seen in copies and accepted.
  pattern: "(?<![A-Za-z0-9_])dapi[a-fA-F0-9]{32}(?:-[0-9]{1,2})?(?![A-Za-z0-9_])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "da" + "pi" + fake(HEX, 32, 2501) },
      { key: "DATABRICKS_TOKEN", value: "da" + "pi" + fake(HEX, 32, 2502) + "-2" },
      { key: "value", value: "da" + "pi" + fake(HEX, 32, 2506).toUpperCase() },
      { key: "content", value: "[DEFAULT]\nhost = https://adb-1234567890123456.7.azuredatabricks.net\ntoken = " + "da" + "pi" + fake(HEX, 32, 2503) + "\n" },
    ],
    negative: [
      { key: "value", value: "da" + "pi" + fake(HEX, 20, 2504) },
      { key: "value", value: "da" + "pi" + "0".repeat(32) },
      { key: "value", value: "rapi" + "da" + "pi" + fake(HEX, 32, 2505) },
    ],
  },
};

const LETTERS = UPPER + LOWER;

export const HUGGINGFACE_TOKEN: Detector = {
  id: "SG238",
  name: "huggingface-token",
  title: "a Hugging Face access token",
  severity: "error",
  explanation: "A Hugging Face user access token (hf_ and 34 characters) or organization API token (api_org_): reads, and with write scope pushes, the user's models, datasets and Spaces.",
  fix: "Use fine-grained tokens with the least scope kept in a secret store; invalidate or delete it under Settings > Access Tokens.",
  keywords: ["hf_", "api_org_"],
  pattern: "(?<![A-Za-z0-9_])(?:hf_|api_org_)[A-Za-z0-9]{34}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "hf" + "_" + fake(LETTERS, 34, 2510) },
      { key: "HF_TOKEN", value: "hf" + "_" + fake(ALNUM, 34, 2511) },
      { key: "content", value: "from huggingface_hub import login\nlogin(token=\"" + "api_" + "org_" + fake(LETTERS, 34, 2512) + "\")\n" },
    ],
    negative: [
      { key: "value", value: "hf" + "_" + fake(LETTERS, 20, 2513) },
      { key: "value", value: "hf" + "_transformers_cache_directory_path" },
      { key: "value", value: "hf" + "_" + "x".repeat(34) },
    ],
  },
};
