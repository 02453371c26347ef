// An importer's stack, in plain JavaScript so that one file runs on either engine and either build:
//   node engine-consumer.js <app engine module> <provider scope: @cdktf|@cdktn> <library entry> <outdir>
// (NO_TARGET_VERSIONS=1: the App declares no targetVersions)
// It plants literal secrets in provider resources the guard must find, and synthesizes with
// CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS set by the caller, so the manifest and the guard's report are written.
"use strict";
const [engineName, scope, libEntry, outdir] = process.argv.slice(2);
const { App, TerraformStack, TerraformOutput } = require(engineName);
const { AwsProvider } = require(`${scope}/provider-aws/lib/provider`);
const { SsmParameter } = require(`${scope}/provider-aws/lib/ssm-parameter`);
const { DbInstance } = require(`${scope}/provider-aws/lib/db-instance`);
const lib = require(libEntry);

const app = new App({ outdir, context: process.env.NO_TARGET_VERSIONS === "1" ? {} : lib.withTargetVersions() });
const stack = new TerraformStack(app, "consumer");
new AwsProvider(stack, "aws", { region: "eu-west-1" });
new lib.EncryptedS3Backend(stack, { bucket: "acme-terraform-state", key: "cc/terraform.tfstate", region: "eu-west-1" });
const genesys = new lib.GenesysCloudProvider(stack, "genesys", { region: "eu-west-1", env: {} });
new lib.GenesysOAuthClient(stack, "reporting", {
  name: "Reporting API",
  roles: [{ name: "Analytics Viewer" }],
  secretDelivery: "secrets-manager",
  secretsManager: { name: "cc/reporting-client" },
  provider: genesys,
});
const key = new lib.GeneratedSecret(stack, "data-action-key");
key.toSecretsManager({ name: "cc/data-action-key" });
new lib.EphemeralGeneratedSecret(stack, "ephemeral-key").toSecretsManager({ name: "cc/ephemeral-key" });
// Planted: a GitHub token literal in a provider resource, a database password literal, an unmarked output.
const token = ["ghp", "_", "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz9Xc8V"].join("");
new SsmParameter(stack, "param", { name: "/cc/token", type: "SecureString", value: token });
new DbInstance(stack, "db", { instanceClass: "db.t4g.micro", engine: "postgres", allocatedStorage: 20, username: "app", password: ["Pl4nted", "-Db-", "Passw0rd-Value"].join("") });
new TerraformOutput(stack, "key-out", { value: key.value });
lib.SecretGuard.of(stack);
app.synth();
