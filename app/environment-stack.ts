import { GuardError } from "../guard/errors";
import { Construct } from "constructs";
import { CloudBackend, NamedCloudWorkspace, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { EncryptedS3Backend } from "../constructs/encrypted-s3-backend";
import { GenesysCloudProvider } from "../constructs/genesys-cloud-provider";
import { GenesysOAuthClient } from "../constructs/genesys-oauth-client";
import { EphemeralGeneratedSecret, GeneratedSecret } from "../constructs/generated-secret";
import { GenesysConfigError } from "../constructs/errors";
import { SecretGuard } from "../guard/synth/secret-guard";
import { EnvironmentConfig, needsAws } from "./config";
import { clientConstructId } from "./client-id";

export interface EnvironmentStackProps {
  readonly environment: EnvironmentConfig;
  /** Config file name, for error messages. */
  readonly file: string;
  /** Environment checked for provider variables at synth (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Adds `<file>: <location>: ` to a construct's own error, so a config mistake names where it is. */
function at<T>(file: string, location: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (GuardError.isGuardError(e) && e.kind === "validation") throw new GenesysConfigError(`${file}: ${location}: ${e.message}`);
    throw e;
  }
}

/** One Genesys Cloud org: its providers, encrypted backend, OAuth clients and generated secrets, guarded. */
export class GenesysOAuthEnvironmentStack extends TerraformStack {
  constructor(scope: Construct, props: EnvironmentStackProps) {
    const e = props.environment;
    super(scope, e.stackName);
    const { file } = props;

    at(file, `${e.location}.region`, () => new GenesysCloudProvider(this, "genesys", { region: e.region, env: props.env }));
    if (needsAws(e)) {
      new AwsProvider(this, "aws", {
        region: e.aws.region,
        allowedAccountIds: e.aws.accountId ? [e.aws.accountId] : undefined,
        profile: e.aws.profile,
      });
    }

    const b = e.backend;
    if (b.type === "s3") {
      at(file, `${e.location}.backend`, () =>
        new EncryptedS3Backend(this, {
          bucket: b.bucket,
          key: b.key,
          region: b.region,
          kmsKeyId: b.kmsKeyId,
          locking: b.locking,
          dynamodbTable: b.dynamodbTable,
          profile: b.profile,
          roleArn: b.roleArn,
          endpoints: b.endpoint ? { s3: b.endpoint } : undefined,
          usePathStyle: b.usePathStyle,
        }),
      );
    } else {
      new CloudBackend(this, {
        organization: b.organization,
        hostname: b.hostname,
        workspaces: new NamedCloudWorkspace(b.workspace, b.project),
      });
    }

    e.clients.forEach((c, i) =>
      at(file, `${e.location}.clients[${i}]`, () =>
        new GenesysOAuthClient(this, clientConstructId(c.name, i), {
          ...c,
          ...(c.secretDelivery === "secrets-manager-rotation" ? { rotationFunction: { ...e.rotationFunction, genesysRegion: e.region } } : {}),
        }),
      ),
    );
    e.generatedSecrets.forEach((g, i) =>
      at(file, `${e.location}.generatedSecrets[${i}]`, () => {
        if (g.ephemeral) {
          const s = new EphemeralGeneratedSecret(this, `secret-${g.name}`, { length: g.length, special: g.special });
          if (g.secretsManager) s.toSecretsManager(g.secretsManager);
          return s;
        }
        const s = new GeneratedSecret(this, `secret-${g.name}`, { length: g.length, special: g.special });
        if (g.secretsManager) s.toSecretsManager(g.secretsManager);
        if (g.integrationCredential) s.toIntegrationCredential(g.integrationCredential);
        if (g.sensitiveOutput) s.toSensitiveOutput("value").overrideLogicalId(`${g.name.replace(/-/g, "_")}_secret`);
        return s;
      }),
    );

    SecretGuard.of(this);
  }
}
