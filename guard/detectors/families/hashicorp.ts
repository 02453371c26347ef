/**
 * HCP Terraform and Terraform Enterprise API tokens. Format from HashiCorp's docs (API tokens: user, team and
 * organization tokens) and its secret-scanning partnership: fourteen characters, `.atlasv1.`, then 60-70.
 */
import type { Detector } from "../detector";
import { ALNUM, fake } from "./sample-values";

const tfcToken = (seed: number) => fake(ALNUM, 14, seed) + ".atlas" + "v1." + fake(ALNUM, 67, seed + 1);

export const TERRAFORM_CLOUD_TOKEN: Detector = {
  id: "SG210",
  name: "terraform-cloud-token",
  title: "an HCP Terraform API token",
  severity: "error",
  explanation:
    "An HCP Terraform / Terraform Enterprise user, team or organization API token (14 characters, .atlasv1., 60-70 characters): plans, applies and reads state, variables and their sensitive values in the workspaces it reaches.",
  fix: "Use dynamic credentials or a team token kept in the CI's secret store; revoke the token under User/Team/Organization Settings > API Tokens and create a new one.",
  keywords: [".atlasv1."],
  // Starts at the marker; the key-before-marker check adds the fourteen characters before it.
  pattern: "\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])",
  check: "key-before-marker",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: tfcToken(2101) },
      { key: "TF_TOKEN_app_terraform_io", value: tfcToken(2103) },
      { key: "content", value: "credentials \"app.terraform.io\" {\n  token = \"" + tfcToken(2105) + "\"\n}\n" },
    ],
    negative: [
      { key: "value", value: fake(ALNUM, 10, 2107) + ".atlas" + "v1." + fake(ALNUM, 67, 2108) },
      { key: "value", value: "x".repeat(14) + ".atlas" + "v1." + "x".repeat(67) },
      { key: "value", value: fake(ALNUM, 14, 2109) + ".atlas" + "v1." + fake(ALNUM, 30, 2110) },
    ],
  },
};
