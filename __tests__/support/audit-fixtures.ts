/** Small, schema-shaped state / plan / synth documents for genesyscloud and random resources. */

export interface Planted {
  clientSecret: string;
  password: string;
  bcrypt: string;
  credentialSecret: string;
}

/** A Terraform 1.5 state (before 1.8: provider-sensitive attributes are NOT in sensitive_attributes). */
export function oldGenesysState(p: Planted): object {
  return {
    version: 4,
    terraform_version: "1.5.7",
    serial: 3,
    lineage: "8a1f8f0e-5d5c-4c3e-9f1e-2b8c7a6d5e4f",
    outputs: {
      client_id: { value: "7d2b1f0a-3c4e-4d5f-8a9b-0c1d2e3f4a5b", type: "string" },
      leaked: { value: `Bearer ${p.clientSecret}`, type: "string" },
    },
    resources: [
      {
        mode: "managed",
        type: "genesyscloud_oauth_client",
        name: "app",
        provider: 'provider["registry.terraform.io/mypurecloud/genesyscloud"]',
        instances: [
          {
            schema_version: 0,
            attributes: {
              id: "7d2b1f0a-3c4e-4d5f-8a9b-0c1d2e3f4a5b",
              client_id: "7d2b1f0a-3c4e-4d5f-8a9b-0c1d2e3f4a5b",
              client_secret: p.clientSecret,
              name: "app",
              authorized_grant_type: "CLIENT-CREDENTIALS",
              description: "uU0nuZNNPgilLlLX2n2r-sSE7-N6U4DukIj3rOLvzek",
            },
            sensitive_attributes: [],
          },
        ],
      },
      {
        module: "module.creds",
        mode: "managed",
        type: "genesyscloud_integration_credential",
        name: "cred",
        provider: 'provider["registry.terraform.io/mypurecloud/genesyscloud"]',
        instances: [
          {
            index_key: 0,
            schema_version: 0,
            attributes: {
              id: "0c1d2e3f-4a5b-4d2b-8f0a-3c4e7d2b1f0a",
              name: "cred",
              credential_type_name: "pureCloudOAuthClient",
              fields: { clientId: "7d2b1f0a-3c4e-4d5f-8a9b-0c1d2e3f4a5b", clientSecret: p.credentialSecret },
            },
            sensitive_attributes: [],
          },
        ],
      },
      {
        mode: "managed",
        type: "random_password",
        name: "db",
        provider: 'provider["registry.terraform.io/hashicorp/random"]',
        instances: [
          {
            schema_version: 3,
            attributes: {
              id: "none",
              length: 64,
              result: p.password,
              bcrypt_hash: p.bcrypt,
              special: true,
            },
            sensitive_attributes: [],
          },
        ],
      },
      {
        mode: "managed",
        type: "terraform_data",
        name: "copy",
        provider: 'provider["terraform.io/builtin/terraform"]',
        instances: [
          {
            schema_version: 0,
            attributes: {
              id: "5e4f8a1f-8f0e-5d5c-4c3e-9f1e2b8c7a6d",
              input: { value: JSON.stringify({ pw: p.password }), type: "string" },
              output: { value: JSON.stringify({ pw: p.password }), type: "string" },
            },
            sensitive_attributes: [],
          },
        ],
      },
    ],
  };
}

// `fields` is schema-sensitive as a whole, but only members named like secrets are secrets: clientId and
// userName sit beside them and are not reported.
export const OLD_STATE_POINTERS = [
  "/outputs/leaked/value",
  "/resources/0/instances/0/attributes/client_secret",
  "/resources/1/instances/0/attributes/fields/clientSecret",
  "/resources/2/instances/0/attributes/result",
  "/resources/2/instances/0/attributes/bcrypt_hash",
  "/resources/3/instances/0/attributes/input/value",
  "/resources/3/instances/0/attributes/output/value",
];

/** A plan JSON (one line) for a genesyscloud client and a random_password, marked as Terraform 1.11 marks them. */
export function genesysPlan(p: Planted): object {
  const after = { name: "app", authorized_grant_type: "CLIENT-CREDENTIALS", client_secret: p.clientSecret, description: "app client" };
  return {
    format_version: "1.2",
    terraform_version: "1.11.4",
    variables: { seed: { value: p.password }, region: { value: "eu-west-1" } },
    planned_values: {
      outputs: { pw: { sensitive: true, value: p.password } },
      root_module: {
        resources: [
          {
            address: "genesyscloud_oauth_client.app",
            mode: "managed",
            type: "genesyscloud_oauth_client",
            name: "app",
            provider_name: "registry.terraform.io/mypurecloud/genesyscloud",
            values: after,
            sensitive_values: { client_secret: true },
          },
        ],
      },
    },
    resource_changes: [
      {
        address: "genesyscloud_oauth_client.app",
        mode: "managed",
        type: "genesyscloud_oauth_client",
        name: "app",
        change: { actions: ["create"], before: null, after, after_unknown: {}, before_sensitive: false, after_sensitive: { client_secret: true } },
      },
      {
        address: "module.m.genesyscloud_integration_credential.c[0]",
        module_address: "module.m",
        mode: "managed",
        type: "genesyscloud_integration_credential",
        name: "c",
        index: 0,
        change: {
          actions: ["create"],
          before: null,
          // Unmarked on purpose: a tool that dropped after_sensitive.
          after: { name: "c", credential_type_name: "basicAuth", fields: { userName: "svc", password: p.credentialSecret }, notes: `copy ${p.clientSecret}` },
          after_unknown: {},
          before_sensitive: false,
          after_sensitive: {},
        },
      },
    ],
    output_changes: { pw: { actions: ["create"], before: null, after: p.password, after_unknown: false, before_sensitive: false, after_sensitive: true } },
    configuration: { root_module: { variables: { seed: { sensitive: true }, region: {} } } },
  };
}

export const PLAN_POINTERS = [
  "/variables/seed/value",
  "/planned_values/outputs/pw/value",
  "/planned_values/root_module/resources/0/values/client_secret",
  "/resource_changes/0/change/after/client_secret",
  "/resource_changes/1/change/after/fields/password",
  "/resource_changes/1/change/after/notes",
  "/output_changes/pw/after",
];

/** A file full of look-alikes: nothing here is a secret. */
export function lookAlikes(): object {
  return {
    version: 4,
    terraform_version: "1.11.4",
    serial: 1,
    lineage: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    outputs: { url: { value: "https://api.mypurecloud.ie/api/v2/oauth/clients?pageSize=25", type: "string" } },
    resources: [
      {
        mode: "managed",
        type: "aws_s3_object",
        name: "o",
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [
          {
            schema_version: 0,
            attributes: {
              id: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
              arn: "arn:aws:s3:::my-bucket/path/to/object.json",
              etag: "d41d8cd98f00b204e9800998ecf8427e",
              source_hash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
              sha1: "da39a3ee5e6b4b0d3255bfef95601890afd80709",
              content_base64: Buffer.from("hello world").toString("base64"),
              image: "public.ecr.aws/app/web@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
              description: "uU0nuZNNPgilLlLX2n2rsSE7N6U4DukIj3rOLvzek_A",
              version_id: "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo",
              secret_version: "Xk9mP2qR7vT4wY6zA8bC1dE3fG5hJ0kL",
              kms_key_id: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
              password_length: "64",
              secret_arn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-AbCdEf",
              token_url: "https://login.mypurecloud.ie/oauth/token",
              api_key_source: "HEADER",
              tags: { etag: "uU0nuZNNPgilLlLX2n2rsSE7N6U4DukIj3rOLvzek_A", Name: "my-service-secret-name" },
              role_id: "AROAEXAMPLEROLEID1234",
            },
            sensitive_attributes: [],
          },
        ],
      },
    ],
  };
}
