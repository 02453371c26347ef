// The construct library as another team imports it: several copies of one secret, clients with one id under
// different parents, the provider construct used as a provider, and typings that compile without @types/node.
import { Construct } from "constructs";
import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { EncryptedS3Backend, GeneratedSecret, EphemeralGeneratedSecret, GenesysCloudProvider, GenesysOAuthClient } from "../index";
import { typingErrors, unexportedPublicTypes } from "./support/public-types";


function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), "lib");
  new EncryptedS3Backend(s, { bucket: "state-bucket", key: "k", region: "us-east-1", kmsKeyId: "alias/k" });
  return s;
}
const synth = (s: TerraformStack) => JSON.parse(Testing.synth(s));
const entries = (doc: any, type: string) => Object.entries<any>(doc.resource?.[type] ?? {});

describe("one GeneratedSecret, many copies (library item 3)", () => {
  test("two regions and two orgs: every copy synthesized; the first keeps the ids it always had", () => {
    const s = stack();
    const east = new AwsProvider(s, "east", { region: "us-east-1", alias: "east" });
    const west = new AwsProvider(s, "west", { region: "eu-west-1", alias: "west" });
    const orgA = new GenesysCloudProvider(s, "org-a", { region: "us-east-1", alias: "a", env: {} });
    const orgB = new GenesysCloudProvider(s, "org-b", { region: "eu-west-1", alias: "b", env: {} });
    const g = new GeneratedSecret(s, "api");
    const first = g.toSecretsManager({ name: "genesys/api", provider: east });
    const second = g.toSecretsManager({ name: "genesys/api", provider: west }, "sm-west");
    const third = g.toSecretsManager({ name: "genesys/api-dr", provider: west });
    const credA = g.toIntegrationCredential({ name: "API", type: "basicAuth", principal: "genesys", provider: orgA });
    const credB = g.toIntegrationCredential({ name: "API (EU)", type: "basicAuth", principal: "genesys", provider: orgB });
    expect(first.secret.node.id).toBe("sm-secret");
    expect(first.version.node.id).toBe("sm-secret-version");
    expect(second.secret.node.id).toBe("sm-west-secret");
    expect(third.secret.node.id).toBe("sm-genesys-api-dr-secret");
    expect(credA.node.id).toBe("credential");
    expect(credB.node.id).toBe("credential-api-eu");
    const doc = synth(s);
    expect(entries(doc, "aws_secretsmanager_secret").map(([, v]) => v.provider).sort()).toEqual(["aws.east", "aws.west", "aws.west"]);
    const versions = entries(doc, "aws_secretsmanager_secret_version");
    expect(versions).toHaveLength(3);
    for (const [, v] of versions) expect(v.secret_string_wo).toMatch(/^\$\{random_password\.[^.]+\.result\}$/);
    expect(entries(doc, "genesyscloud_integration_credential").map(([, v]) => v.provider).sort()).toEqual(["genesyscloud.a", "genesyscloud.b"]);
    // The first copy's logical ids are what a stack written for one copy already has in its state.
    const single = stack();
    new GeneratedSecret(single, "api").toSecretsManager({ name: "genesys/api" });
    const before = Object.keys(synth(single).resource.aws_secretsmanager_secret);
    expect(Object.keys(doc.resource.aws_secretsmanager_secret)).toEqual(expect.arrayContaining(before));
  });

  test("the ephemeral variant takes several Secrets Manager copies too", () => {
    const s = stack();
    const g = new EphemeralGeneratedSecret(s, "eph");
    g.toSecretsManager({ name: "a" });
    g.toSecretsManager({ name: "b" });
    expect(entries(synth(s), "aws_secretsmanager_secret_version")).toHaveLength(2);
  });

  test("two copies that would share an id: one line naming the construct and the way out", () => {
    const g = new GeneratedSecret(stack(), "api");
    g.toSecretsManager({ name: "x" });
    g.toSecretsManager({ name: "x" });
    expect(() => g.toSecretsManager({ name: "x" })).toThrow(/^GeneratedSecret lib\/api: a copy with id "sm-x" already exists \(same target name "x"\); pass an id as the second argument$/);
    expect(() => g.toSecretsManager({ name: "y" }, "sm")).toThrow(/a copy with id "sm" already exists; pass another id/);
  });
});

describe("output names per construct path (library item 7)", () => {
  class Team extends Construct {}

  test("a single client keeps today's output names", () => {
    const s = stack();
    new GenesysOAuthClient(s, "reporting", { name: "R", roles: [{ name: "V" }], secretDelivery: "state" });
    expect(Object.keys(synth(s).output).sort()).toEqual(["reporting_client_id", "reporting_client_secret"]);
  });

  test("two clients with one id under different parents: both outputs survive, under distinct names", () => {
    const s = stack();
    new GenesysOAuthClient(new Team(s, "team-a"), "reporting", { name: "A", roles: [{ name: "V" }], secretDelivery: "state" });
    new GenesysOAuthClient(new Team(s, "team-b"), "reporting", { name: "B", roles: [{ name: "V" }], secretDelivery: "state" });
    const out = synth(s).output;
    expect(Object.keys(out).sort()).toEqual(["reporting_client_id", "reporting_client_secret", "team-b_reporting_client_id", "team-b_reporting_client_secret"]);
    expect(out["reporting_client_id"].description).toBe("Client id of A");
    expect(out["team-b_reporting_client_id"].description).toBe("Client id of B");
  });

  test("any other output with a client's output name fails synth naming both construct paths", () => {
    const s = stack();
    new GenesysOAuthClient(s, "reporting", { name: "A", roles: [{ name: "V" }] });
    new TerraformOutput(s, "mine", { value: "x" }).overrideLogicalId("reporting_client_id");
    expect(() => Testing.synth(s, true)).toThrow(/output reporting_client_id is written by both lib\/reporting\/client-id and lib\/mine/);
  });
});

describe("GenesysCloudProvider (library item 9)", () => {
  test("is the provider itself: passed as provider, .provider kept for older stacks", () => {
    const s = stack();
    const org = new GenesysCloudProvider(s, "org", { region: "eu-west-1", alias: "eu", env: {} });
    expect(org.provider).toBe(org);
    new GenesysOAuthClient(s, "c1", { name: "One", roles: [{ name: "V" }], provider: org });
    new GenesysOAuthClient(s, "c2", { name: "Two", roles: [{ name: "V" }], provider: org.provider });
    const doc = synth(s);
    expect(doc.provider.genesyscloud).toEqual([{ alias: "eu" }]);
    expect(entries(doc, "genesyscloud_oauth_client").map(([, v]) => v.provider)).toEqual(["genesyscloud.eu", "genesyscloud.eu"]);
  });
});

describe("published typings (library item 9)", () => {
  test("compile for a strict importer without @types/node, with library checking on", () => {
    expect(typingErrors()).toEqual([]);
  });
  test("every type the public API names can be imported from the package root", () => {
    expect(unexportedPublicTypes()).toEqual([]);
  });
});
