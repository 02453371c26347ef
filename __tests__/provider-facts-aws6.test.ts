// The shipped aws facts cover AWS provider 5 (the real 5.100.0 schema) and 6 (schemas/aws-6.facts.json, read
// from the provider's Go source and the CDK Terrain bindings): a union per type, never losing a 5.100.0 path.
import { ProviderFacts } from "../guard/provider-facts";
import shipped from "../guard/schemas/provider-facts.json";
import aws6 from "../schemas/aws-6.facts.json";
import { itWithTerraform } from "./support/terraform-runner";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { awsSchema, providerFacts } = require("../scripts/provider-facts.js");

const KINDS = ["resources", "data_sources", "ephemeral_resources"] as const;
const AWS = "registry.terraform.io/hashicorp/aws";

describe("shipped aws facts cover AWS provider 6", () => {
  const facts = ProviderFacts.shipped();

  test("records where the AWS 6 facts come from", () => {
    const aws = (shipped as any)[AWS];
    expect(aws.version).toBe("5.100.0");
    expect(aws.also).toEqual([expect.objectContaining({ version: aws6.version, file: "schemas/aws-6.facts.json" })]);
    expect(aws6.about).toMatch(/terraform-provider-aws/);
  });

  test("a write-only argument that only AWS 6 has is known", () => {
    // aws_elasticache_replication_group.auth_token_wo: added in AWS 6 (marked write-only in the 6.66.0 bindings)
    expect(facts.of("resources", "aws_elasticache_replication_group").writeOnly.has("auth_token_wo")).toBe(true);
    // nested, from the source: self_managed_active_directory.password_wo
    expect(facts.of("resources", "aws_fsx_windows_file_system").writeOnly.has("self_managed_active_directory.password_wo")).toBe(true);
    // the 5.100.0 ones are still there
    expect(facts.of("resources", "aws_secretsmanager_secret_version").writeOnly.has("secret_string_wo")).toBe(true);
  });

  test("a sensitive attribute of a type that only AWS 6 has is known", () => {
    const oauth = facts.of("resources", "aws_bedrockagentcore_oauth2_credential_provider");
    expect(facts.knows("resources", "aws_bedrockagentcore_oauth2_credential_provider")).toBe(true);
    expect(oauth.sensitive.has("oauth2_provider_config.custom_oauth2_provider_config.client_secret")).toBe(true);
    expect(oauth.writeOnly.has("oauth2_provider_config.custom_oauth2_provider_config.client_secret_wo")).toBe(true);
    expect(facts.of("resources", "aws_bedrockagentcore_api_key_credential_provider").sensitive.has("api_key")).toBe(true);
  });

  test("every path of schemas/aws-6.facts.json is shipped", () => {
    for (const kind of KINDS) {
      for (const [type, b] of Object.entries((aws6 as any)[kind] as Record<string, { sensitive?: string[]; writeOnly?: string[] }>)) {
        const f = facts.of(kind, type);
        for (const p of b.sensitive ?? []) expect([kind, type, p, f.sensitive.has(p)]).toEqual([kind, type, p, true]);
        for (const p of b.writeOnly ?? []) expect([kind, type, p, f.writeOnly.has(p)]).toEqual([kind, type, p, true]);
      }
    }
  });

  itWithTerraform()(
    "the shipped facts are a superset of the real hashicorp/aws 5.100.0 schema's",
    () => {
      const real = providerFacts(awsSchema());
      let n = 0;
      for (const kind of KINDS) {
        for (const [type, b] of Object.entries(real[kind] as Record<string, { sensitive?: string[]; writeOnly?: string[] }>)) {
          const f = facts.of(kind, type);
          for (const p of b.sensitive ?? []) (n++, expect([kind, type, p, f.sensitive.has(p)]).toEqual([kind, type, p, true]));
          for (const p of b.writeOnly ?? []) (n++, expect([kind, type, p, f.writeOnly.has(p)]).toEqual([kind, type, p, true]));
        }
      }
      expect(n).toBeGreaterThan(200);
    },
  );
});
