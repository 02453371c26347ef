// Fleet configs: N environments x M OAuth clients, for the synth bench and the tests (__tests__/support/fleet.ts).
"use strict";

const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-1", "ca-central-1"];
const DELIVERY = ["none", "integration-credential", "secrets-manager"];

function fleetConfig(environments, clientsPerEnv) {
  return {
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
        secretDelivery: DELIVERY[c % 3],
        ...(c % 3 === 2 ? { secretsManager: { name: `genesys/env-${e}/client-${c}` } } : {}),
      })),
    })),
  };
}

module.exports = { fleetConfig };
