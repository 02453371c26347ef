// Generated files that are committed must match their sources, so they never go stale unnoticed.
import { execFile } from "node:child_process";
import * as path from "node:path";
import { ProviderFacts } from "../guard/provider-facts";
import shipped from "../guard/schemas/provider-facts.json";
import genesysSchema from "../schemas/genesyscloud-1.84.1.schema.json";
import randomFacts from "../schemas/random-3.9.0.facts.json";
import randomSchema from "../schemas/random-3.7.2.schema.json";
import { CHILD_LIMITS } from "./support/child-limits";

const ROOT = path.resolve(__dirname, "..");

function run(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, args, { ...CHILD_LIMITS, cwd: ROOT }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as any).code ?? 1) : 0, out: stdout + stderr }),
    ),
  );
}

describe("generated and derived files", () => {
  test(".gen/ bindings match schemas/genesyscloud-1.84.1.schema.json (npm run gen)", async () => {
    const r = await run(["scripts/gen.js", "--check"]);
    expect(r.out).toContain("matches");
    expect(r.code).toBe(0);
  });

  test("shipped provider facts agree with the genesyscloud and random schemas", () => {
    const fromSchemas = new ProviderFacts().addProviderSchemaJson(genesysSchema as any).addProviderSchemaJson(randomSchema as any);
    const fromShipped = new ProviderFacts().addFacts(shipped as any);
    // The sensitive attributes as the provider schemas mark them (read off the schema files by hand, not computed
    // by ProviderFacts), so both readings are checked against known values, not only against each other.
    const cases: Array<["resources" | "data_sources" | "ephemeral_resources" | "provider", string, string[]]> = [
      ["resources", "genesyscloud_oauth_client", ["client_secret"]],
      ["resources", "genesyscloud_integration_credential", ["fields"]],
      ["provider", "genesyscloud", ["oauthclient_secret"]],
      ["resources", "random_password", ["bcrypt_hash", "result"]],
      ["ephemeral_resources", "random_password", ["bcrypt_hash", "result"]],
    ];
    for (const [kind, type, known] of cases) {
      expect([kind, type, [...fromSchemas.of(kind, type).sensitive].sort()]).toEqual([kind, type, known]);
      expect([kind, type, [...fromShipped.of(kind, type).sensitive].sort()]).toEqual([kind, type, known]);
    }
    expect((shipped as any)["registry.terraform.io/hashicorp/random"]).toEqual(randomFacts);
  });

  test("shipped aws facts come from hashicorp/aws 5.100.0 and know the write-only twins", () => {
    const facts = ProviderFacts.shipped();
    expect((shipped as any)["registry.terraform.io/hashicorp/aws"].version).toBe("5.100.0");
    expect(facts.writeOnlyTwin("resources", "aws_secretsmanager_secret_version", "secret_string")).toBe("secret_string_wo");
    expect(facts.writeOnlyTwin("resources", "aws_ssm_parameter", "value")).toBe("value_wo");
    expect(facts.writeOnlyTwin("resources", "aws_secretsmanager_secret", "name")).toBeUndefined();
  });
});
