// Builds fleet configs for tests: N environments x M clients, with planted mistakes on request.
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "./terraform-runner";

const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-1", "ca-central-1"];

export function fleetConfig(environments: number, clientsPerEnv: number): any {
  return {
    $schema: "../schemas/genesys-oauth.config.schema.json",
    defaults: {
      client: { grantType: "CLIENT-CREDENTIALS", tokenLifetimeSeconds: 3600 },
      backend: { type: "s3", bucket: "fleet-terraform-state", region: "us-east-1", kmsKeyId: "alias/terraform-state" },
      aws: { region: "us-east-1" },
    },
    environments: Array.from({ length: environments }, (_, e) => ({
      name: `env-${e}`,
      region: REGIONS[e % REGIONS.length],
      clients: Array.from({ length: clientsPerEnv }, (_, c) => ({
        name: `Integration ${e}-${c}`,
        roles: [{ name: c % 2 ? "Analytics Viewer" : "Data Action Runner" }],
        secretDelivery: (["none", "integration-credential", "secrets-manager"] as const)[c % 3],
        ...(c % 3 === 2 ? { secretsManager: { name: `genesys/env-${e}/client-${c}` } } : {}),
      })),
    })),
  };
}

export function writeConfig(config: unknown, name = "genesys-oauth.config.json"): string {
  const dir = tempDir("fleet");
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
