import { S3Backend, TerraformStack, Testing, TerraformVariable } from "cdktf";
import { OauthClient } from "../.gen/providers/genesyscloud/oauth-client";
import { IntegrationCredential } from "../.gen/providers/genesyscloud/integration-credential";
import { DataGenesyscloudAuthRole } from "../.gen/providers/genesyscloud/data-genesyscloud-auth-role";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Password } from "@cdktf/provider-random/lib/password";
import {
  EncryptedS3Backend,
  EphemeralGeneratedSecret,
  GeneratedSecret,
  GenesysCloudProvider,
  GenesysConfigError,
  GenesysOAuthClient,
  ephemeralVariable,
} from "../index";
import { expectNoLeaks } from "./support/leak-check";

const ROLE_ID = "0f6b4c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f";

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), "test");
}

function synthJson(s: TerraformStack): any {
  return JSON.parse(Testing.synth(s));
}

const one = (doc: any, kind: string, type: string) => Object.values<any>(doc[kind]?.[type] ?? {});

describe("GenesysOAuthClient", () => {
  test("defaults: client credentials, secret kept out of Terraform, prevent_destroy, role looked up by name", () => {
    const s = stack();
    new GenesysOAuthClient(s, "api", { name: "Production-API-Client", roles: [{ name: "Analytics Viewer" }] });
    const synth = Testing.synth(s);
    expect(synth).toHaveResourceWithProperties(OauthClient, {
      name: "Production-API-Client",
      authorized_grant_type: "CLIENT-CREDENTIALS",
      expose_client_secret: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(synth).toHaveDataSourceWithProperties(DataGenesyscloudAuthRole, { name: "Analytics Viewer" });
    const doc = JSON.parse(synth);
    const client = one(doc, "resource", "genesyscloud_oauth_client")[0];
    expect(client.client_secret).toBeUndefined();
    expect(client.roles[0].role_id).toMatch(/^\$\{data\.genesyscloud_auth_role\.[^.]+\.id\}$/);
    expect(client.roles[0].division_id).toBeUndefined();
    expect(doc.output.api_client_id).toEqual(expect.objectContaining({ value: expect.stringContaining(".id}") }));
    expect(doc.output.api_client_id.sensitive).toBeUndefined();
    expect(synth).not.toHaveResource(IntegrationCredential);
  });

  test("shares one role lookup per role name across clients; ids and * divisions pass through", () => {
    const s = stack();
    new GenesysOAuthClient(s, "a", { name: "A", roles: [{ name: "Viewer" }, { id: ROLE_ID, division: "*" }] });
    new GenesysOAuthClient(s, "b", { name: "B", roles: [{ name: "Viewer" }] });
    const doc = synthJson(s);
    expect(one(doc, "data", "genesyscloud_auth_role")).toHaveLength(1);
    const a = one(doc, "resource", "genesyscloud_oauth_client").find((c) => c.name === "A");
    expect(a.roles).toEqual(expect.arrayContaining([{ role_id: ROLE_ID, division_id: "*" }]));
  });

  test("integration-credential delivery: pureCloudOAuthClient credential with the client id and no secret field", () => {
    const s = stack();
    new GenesysOAuthClient(s, "api", { name: "X", roles: [{ id: ROLE_ID }], secretDelivery: "integration-credential" });
    const doc = synthJson(s);
    const cred = one(doc, "resource", "genesyscloud_integration_credential")[0];
    expect(cred.credential_type_name).toBe("pureCloudOAuthClient");
    expect(Object.keys(cred.fields)).toEqual(["clientId"]);
    expect(cred.name).toBe("X credential");
    expect(one(doc, "resource", "genesyscloud_oauth_client")[0].expose_client_secret).toBe(false);
  });

  test("state delivery: exposes the secret only through a sensitive output", () => {
    const s = stack();
    new EncryptedS3Backend(s, { bucket: "state-bucket", key: "k/terraform.tfstate", region: "us-east-1" });
    new GenesysOAuthClient(s, "api", { name: "X", roles: [{ id: ROLE_ID }], secretDelivery: "state" });
    const doc = synthJson(s);
    expect(one(doc, "resource", "genesyscloud_oauth_client")[0].expose_client_secret).toBe(true);
    expect(doc.output.api_client_secret).toEqual(expect.objectContaining({ sensitive: true, value: expect.stringContaining(".client_secret}") }));
  });

  test("secrets-manager delivery: write-only hand-off with a version, ARN output, nothing in secret_string", () => {
    const s = stack();
    new EncryptedS3Backend(s, { bucket: "state-bucket", key: "k/terraform.tfstate", region: "us-east-1" });
    new GenesysOAuthClient(s, "api", {
      name: "X",
      roles: [{ id: ROLE_ID }],
      secretDelivery: "secrets-manager",
      secretsManager: { name: "genesys/x", version: 3 },
    });
    const synth = Testing.synth(s);
    expect(synth).toHaveResourceWithProperties(SecretsmanagerSecretVersion, { secret_string_wo_version: 3 });
    const version = one(JSON.parse(synth), "resource", "aws_secretsmanager_secret_version")[0];
    expect(version.secret_string_wo).toMatch(/genesyscloud_oauth_client\.[^.]+\.client_secret/);
    expect(version.secret_string).toBeUndefined();
    expect(JSON.parse(synth).output.api_secret_arn.value).toContain(".arn}");
  });

  test("state/secrets-manager delivery without an encrypted backend fails synth naming the prop", () => {
    const s = stack();
    new S3Backend(s, { bucket: "b", key: "k" });
    new GenesysOAuthClient(s, "api", { name: "X", roles: [{ id: ROLE_ID }], secretDelivery: "state" });
    expect(() => Testing.fullSynth(s)).toThrow(/secretDelivery "state" keeps the client secret in state.*EncryptedS3Backend/);
  });

  test("adoptClientId emits an import block with the client id", () => {
    const s = stack();
    const id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    new GenesysOAuthClient(s, "api", { name: "X", roles: [{ id: ROLE_ID }], adoptClientId: id });
    const doc = synthJson(s);
    expect(doc.import).toEqual([expect.objectContaining({ id, to: expect.stringMatching(/^genesyscloud_oauth_client\./) })]);
  });

  test.each([
    [{ grantType: "client_credentials" as any }, /grantType "client_credentials" is not allowed; use one of CODE, TOKEN, SAML2BEARER, SAML2-BEARER, PASSWORD, CLIENT-CREDENTIALS/],
    [{ roles: [] }, /roles must list at least one role for grantType CLIENT-CREDENTIALS/],
    [{ scopes: ["user:profile:read"] }, /scopes apply to the other grant types/],
    [{ grantType: "CODE" as const, roles: undefined, scopes: ["a"] }, /redirectUris must list at least one URI for grantType CODE/],
    [{ grantType: "PASSWORD" as const, roles: undefined }, /scopes must list at least one scope for grantType PASSWORD/],
    [{ grantType: "TOKEN" as const, roles: undefined, scopes: ["a"], redirectUris: ["ftp://x"] }, /redirectUris\[0\] must be an absolute https URL/],
    [{ tokenLifetimeSeconds: 299 }, /tokenLifetimeSeconds must be a whole number from 300 to 38880000 \(got 299\)/],
    [{ tokenLifetimeSeconds: 38_880_001 }, /tokenLifetimeSeconds must be a whole number from 300 to 38880000/],
    [{ name: "  " }, /name must be a non-empty string/],
    [{ roles: [{ name: "a", id: ROLE_ID }] }, /roles\[0\] must have exactly one of name or id/],
    [{ roles: [{ name: "a", division: "home" }] }, /roles\[0\]\.division must be a division id/],
    [{ secretDelivery: "file" as any }, /secretDelivery "file" is not allowed; use one of none, integration-credential, state, secrets-manager/],
    [{ secretDelivery: "secrets-manager" as const }, /secretsManager\.name is required/],
    [{ adoptClientId: "not-a-uuid" }, /adoptClientId must be an existing client id/],
    [
      { adoptClientId: "7c9e6679-7425-40de-944b-e07fc1f90ae7", secretDelivery: "secrets-manager" as const, secretsManager: { name: "a/b" } },
      /secretDelivery must be none or secrets-manager-rotation for an adopted client \(adoptClientId\): Genesys never returns an existing client's secret/,
    ],
  ])("rejects bad props %#: one clear line naming the prop", (bad, message) => {
    const s = stack();
    let err: unknown;
    try {
      new GenesysOAuthClient(s, "api", { name: "X", roles: [{ name: "Viewer" }], ...bad });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GenesysConfigError);
    expect((err as Error).message).toMatch(/^GenesysOAuthClient api: /);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain("\n");
  });

  test("accepts the limits of token lifetime", () => {
    const s = stack();
    new GenesysOAuthClient(s, "a", { name: "A", roles: [{ name: "V" }], tokenLifetimeSeconds: 300 });
    new GenesysOAuthClient(s, "b", { name: "B", roles: [{ name: "V" }], tokenLifetimeSeconds: 38_880_000 });
    expect(one(synthJson(s), "resource", "genesyscloud_oauth_client").map((c) => c.access_token_validity_seconds).sort()).toEqual([300, 38_880_000]);
  });
});

describe("GeneratedSecret", () => {
  test("random_password of 64 characters without specials, with write-only Secrets Manager copy and a basicAuth credential", () => {
    const s = stack();
    const g = new GeneratedSecret(s, "api");
    g.toSecretsManager({ name: "genesys/api" });
    g.toIntegrationCredential({ name: "API", type: "basicAuth", principal: "genesys" });
    g.toSensitiveOutput("value");
    const synth = Testing.synth(s);
    expect(synth).toHaveResourceWithProperties(Password, { length: 64, special: false });
    const doc = JSON.parse(synth);
    const version = one(doc, "resource", "aws_secretsmanager_secret_version")[0];
    expect(version.secret_string_wo).toMatch(/^\$\{random_password\.[^.]+\.result\}$/);
    expect(version.secret_string_wo_version).toBe(1);
    const cred = one(doc, "resource", "genesyscloud_integration_credential")[0];
    expect(cred.credential_type_name).toBe("basicAuth");
    expect(cred.fields.userName).toBe("genesys");
    expect(cred.fields.password).toMatch(/random_password\.[^.]+\.result/);
    const out = Object.values<any>(doc.output)[0];
    expect(out.sensitive).toBe(true);
  });

  test("rejects lengths outside 16-256", () => {
    expect(() => new GeneratedSecret(stack(), "x", { length: 8 })).toThrow(/length must be a whole number from 16 to 256 \(got 8\)/);
  });

  test("ephemeral variant synthesizes an ephemeral random_password feeding only secret_string_wo", () => {
    const s = stack();
    const g = new EphemeralGeneratedSecret(s, "api", { length: 48 });
    g.toSecretsManager({ name: "genesys/api", version: 2 });
    const doc = synthJson(s);
    const eph = Object.entries<any>(doc.ephemeral.random_password);
    expect(eph).toHaveLength(1);
    expect(eph[0][1]).toEqual({ length: 48, special: false });
    expect(doc.resource?.random_password).toBeUndefined();
    const version = one(doc, "resource", "aws_secretsmanager_secret_version")[0];
    expect(version.secret_string_wo).toBe(`\${ephemeral.random_password.${eph[0][0]}.result}`);
  });
});

describe("EncryptedS3Backend", () => {
  test("always encrypted, locks with use_lockfile by default, takes a KMS key and endpoint overrides", () => {
    const s = stack();
    new EncryptedS3Backend(s, {
      bucket: "state-bucket",
      key: "env/terraform.tfstate",
      region: "us-east-1",
      kmsKeyId: "alias/tf",
      endpoints: { s3: "http://127.0.0.1:4568" },
      usePathStyle: true,
    });
    const b = synthJson(s).terraform.backend.s3;
    expect(b).toEqual(expect.objectContaining({ encrypt: true, use_lockfile: true, kms_key_id: "alias/tf", use_path_style: true }));
    expect(b.endpoints.s3).toBe("http://127.0.0.1:4568");
    expect(b.dynamodb_table).toBeUndefined();
  });

  test("legacy DynamoDB locking, alone or while migrating", () => {
    const s = stack();
    new EncryptedS3Backend(s, { bucket: "state-bucket", key: "k", locking: "dynamodb", dynamodbTable: "locks" });
    const b = synthJson(s).terraform.backend.s3;
    expect(b.dynamodb_table).toBe("locks");
    expect(b.use_lockfile).toBeUndefined();
    const s2 = stack();
    new EncryptedS3Backend(s2, { bucket: "state-bucket", key: "k", locking: "lockfile+dynamodb", dynamodbTable: "locks" });
    expect(synthJson(s2).terraform.backend.s3).toEqual(expect.objectContaining({ dynamodb_table: "locks", use_lockfile: true }));
  });

  test("refuses to be built unencrypted, or with DynamoDB locking but no table", () => {
    expect(() => new EncryptedS3Backend(stack(), { bucket: "b-b-b", key: "k", encrypt: false as any })).toThrow(
      /EncryptedS3Backend: encrypt must be true/,
    );
    expect(() => new EncryptedS3Backend(stack(), { bucket: "b-b-b", key: "k", locking: "dynamodb" })).toThrow(/needs dynamodbTable/);
    expect(() => new EncryptedS3Backend(stack(), { bucket: "Bad_Bucket", key: "k" })).toThrow(/not a valid S3 bucket name/);
  });
});

describe("GenesysCloudProvider", () => {
  const secretEnv = {
    GENESYSCLOUD_OAUTHCLIENT_ID: "11111111-2222-4333-8444-555555555555",
    GENESYSCLOUD_OAUTHCLIENT_SECRET: "Pl4nted" + "Adm1nSecr3t" + "Vm8Kq3Zr5Tx1",
    GENESYSCLOUD_REGION: "eu-west-1",
  };

  test("writes neither credentials nor region into cdk.tf.json, even when they are set", () => {
    const s = stack();
    new GenesysCloudProvider(s, "gc", { region: "EU-West-1", env: secretEnv });
    const synth = Testing.synth(s);
    expectNoLeaks(secretEnv.GENESYSCLOUD_OAUTHCLIENT_SECRET, [["cdk.tf.json", synth]]);
    expect(synth).not.toContain(secretEnv.GENESYSCLOUD_OAUTHCLIENT_ID);
    const cfg = JSON.parse(synth).provider.genesyscloud[0];
    expect(Object.keys(cfg).filter((k) => k !== "//")).toEqual([]);
    expect(JSON.parse(synth).terraform.required_providers.genesyscloud).toEqual({ source: "registry.terraform.io/mypurecloud/genesyscloud", version: "1.84.1" });
  });

  test("rejects an unknown region key, listing the allowed ones", () => {
    expect(() => new GenesysCloudProvider(stack(), "gc", { region: "mycompany.mygen.com", env: {} })).toThrow(
      /region "mycompany\.mygen\.com" is not a Genesys Cloud region key; allowed: us-east-1, .*eu-west-1/,
    );
  });

  test("names the real variables when the tutorial's GENESYS_CLOUD_* ones are set", () => {
    const app = Testing.app();
    const s = new TerraformStack(app, "t");
    const planted = "Tut0rial" + "Zx8Qw2Lm5Rt9" + "Vb4Nk7";
    const p = new GenesysCloudProvider(s, "gc", {
      region: "us-east-1",
      env: { GENESYS_CLOUD_CLIENT_ID: "x", GENESYS_CLOUD_CLIENT_SECRET: planted, GENESYS_CLOUD_DOMAIN: "mycompany.mygen.com" },
    });
    const messages = p.node.metadata.map((m) => String(m.data));
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/GENESYS_CLOUD_CLIENT_ID is set but the genesyscloud provider never reads it; use GENESYSCLOUD_OAUTHCLIENT_ID/),
        expect.stringMatching(/GENESYS_CLOUD_CLIENT_SECRET .* use GENESYSCLOUD_OAUTHCLIENT_SECRET/),
        expect.stringMatching(/GENESYS_CLOUD_DOMAIN .* use GENESYSCLOUD_REGION/),
      ]),
    );
    expectNoLeaks(planted, [["annotations", messages.join("\n")]]);
  });
});

describe("cdktf gaps", () => {
  test("ephemeral variables are sensitive and ephemeral", () => {
    const s = stack();
    ephemeralVariable(s, "token", { type: "string" });
    const v = synthJson(s).variable.token;
    expect(v).toEqual(expect.objectContaining({ ephemeral: true, sensitive: true, type: "string" }));
  });

  test("a plain TerraformVariable is left alone", () => {
    const s = stack();
    new TerraformVariable(s, "plain", { type: "string" });
    expect(synthJson(s).variable.plain.ephemeral).toBeUndefined();
  });
});
