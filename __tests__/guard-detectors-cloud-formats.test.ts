/**
 * End to end, for each family of cloud, infrastructure and identity detectors: one of its positive samples,
 * planted in an unmarked attribute of a state (a Lambda function's environment variables, nothing marked
 * sensitive), is reported by `secret-guard audit` with that detector's id, and neither the sample nor its secret
 * part appears in the text, JSON or SARIF output. Values are never printed: failures name ids and pointers.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import type { Detector } from "../guard/detectors/detector";
import { FLYIO_TOKEN, HEROKU_API_KEY } from "../guard/detectors/families/app-platforms";
import { AWS_BEDROCK_API_KEY } from "../guard/detectors/families/aws";
import { AZURE_AI_SERVICES_KEY, AZURE_ENTRA_CLIENT_SECRET, AZURE_IDENTIFIABLE_KEY } from "../guard/detectors/families/azure";
import { AZURE_SAS_TOKEN } from "../guard/detectors/families/cloud";
import { CLOUDFLARE_API_TOKEN, LINODE_TOKEN } from "../guard/detectors/families/cloud-hosting";
import { DATABRICKS_TOKEN } from "../guard/detectors/families/data-platforms";
import { DOPPLER_TOKEN } from "../guard/detectors/families/devops-platforms";
import { TERRAFORM_CLOUD_TOKEN } from "../guard/detectors/families/hashicorp";
import { AUTH0_CLIENT_SECRET, GOOGLE_OAUTH_CLIENT_SECRET, OKTA_API_TOKEN } from "../guard/detectors/families/identity-providers";
import { VAULT_APPROLE_SECRET_ID, VAULT_TOKEN } from "../guard/detectors/families/vault";
import { runCli, tempDir } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";

/** Family file -> detectors planted from it (a prefixed one under a neutral name, a key-gated one under its own). */
const PLANTED: ReadonlyArray<{ family: string; detector: Detector; sample: number; name?: string }> = [
  { family: "azure", detector: AZURE_ENTRA_CLIENT_SECRET, sample: 0, name: "SETTING_A" },
  { family: "azure", detector: AZURE_IDENTIFIABLE_KEY, sample: 0, name: "SETTING_B" },
  { family: "azure", detector: AZURE_AI_SERVICES_KEY, sample: 0 },
  { family: "cloud", detector: AZURE_SAS_TOKEN, sample: 2, name: "EXPORT_URL" },
  { family: "hashicorp", detector: TERRAFORM_CLOUD_TOKEN, sample: 0, name: "SETTING_C" },
  { family: "vault", detector: VAULT_TOKEN, sample: 2, name: "SETTING_D" },
  { family: "vault", detector: VAULT_APPROLE_SECRET_ID, sample: 0 },
  { family: "aws", detector: AWS_BEDROCK_API_KEY, sample: 0, name: "SETTING_E" },
  { family: "cloud-hosting", detector: CLOUDFLARE_API_TOKEN, sample: 0, name: "SETTING_F" },
  { family: "cloud-hosting", detector: LINODE_TOKEN, sample: 0 },
  { family: "app-platforms", detector: HEROKU_API_KEY, sample: 0, name: "SETTING_G" },
  { family: "app-platforms", detector: FLYIO_TOKEN, sample: 0, name: "SETTING_H" },
  { family: "devops-platforms", detector: DOPPLER_TOKEN, sample: 0, name: "SETTING_I" },
  { family: "data-platforms", detector: DATABRICKS_TOKEN, sample: 0, name: "SETTING_J" },
  { family: "identity-providers", detector: GOOGLE_OAUTH_CLIENT_SECRET, sample: 0, name: "SETTING_K" },
  { family: "identity-providers", detector: OKTA_API_TOKEN, sample: 0 },
  { family: "identity-providers", detector: AUTH0_CLIENT_SECRET, sample: 0 },
];

/** A v4 state: one Lambda function per planted value, the value in an environment variable, nothing marked. */
function lambdaState(): string {
  return JSON.stringify(
    {
      version: 4,
      terraform_version: "1.11.4",
      serial: 3,
      lineage: "3f0c2a9e-1b7d-4c55-9e0a-7d2b1c4e8f60",
      outputs: {},
      resources: PLANTED.map((p, i) => ({
        mode: "managed",
        type: "aws_lambda_function",
        name: `fn${i}`,
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [
          {
            schema_version: 0,
            attributes: {
              function_name: `svc-${p.family}-${i}`,
              handler: "index.handler",
              runtime: "nodejs20.x",
              environment: [{ variables: { LOG_LEVEL: "info", [p.name ?? p.detector.samples.positive[p.sample].key ?? "VALUE"]: p.detector.samples.positive[p.sample].value } }],
              tags: { team: "platform" },
            },
            sensitive_attributes: [],
          },
        ],
      })),
    },
    null,
    2,
  );
}

describe("cloud, infrastructure and identity formats, planted in an unmarked state attribute", () => {
  const dir = tempDir("sg-cloud-formats-");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "terraform.tfstate");
  fs.writeFileSync(file, lambdaState());
  const catalogue = DetectorCatalogue.shipped();

  it("plants a sample from every family file of the slice", () => {
    expect(new Set(PLANTED.map((p) => p.family))).toEqual(
      new Set(["azure", "cloud", "hashicorp", "vault", "aws", "cloud-hosting", "app-platforms", "devops-platforms", "data-platforms", "identity-providers"]),
    );
  });

  it("each planted value is reported with its own detector's id at its own resource", () => {
    const r = runCli(["audit", "--format", "json", file]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).findings as Array<{ ruleId: string; pointer: string }>;
    const got = PLANTED.map((p, i) => `${i}:${findings.filter((f) => f.pointer.startsWith(`/resources/${i}/`)).map((f) => f.ruleId).join(",") || "none"}`);
    expect(got).toEqual(PLANTED.map((p, i) => `${i}:${p.detector.id}`));
  });

  it.each(["text", "json", "sarif"])("never prints a planted value or its secret part (%s)", (format) => {
    const r = runCli(["audit", "--format", format, file]);
    expect(r.code).toBe(1);
    const out: Array<[string, string]> = [[`audit ${format} stdout`, r.stdout], [`audit ${format} stderr`, r.stderr]];
    PLANTED.forEach((p, i) => {
      const sample = p.detector.samples.positive[p.sample];
      const secret = catalogue.detect(sample.key ?? "", sample.value)?.secret;
      expect(secret === undefined ? `${i}: no secret` : `${i}: ok`).toBe(`${i}: ok`);
      // Vendor formats carry words (`https://`, `AccountKey`) and public markers (the detector's keywords, such as
      // `.atlasv1.`) that the report and the rules' help also print: those are not material.
      expectNoLeaks([sample.value, secret ?? sample.value], out, { skipWords: true, publicParts: p.detector.keywords });
    });
  });
});
