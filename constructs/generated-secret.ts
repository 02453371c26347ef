import { Construct } from "constructs";
import { TerraformOutput, TerraformProvider, TerraformStack } from "cdktf";
import { Password } from "@cdktf/provider-random/lib/password";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { IntegrationCredential } from "../.gen/providers/genesyscloud/integration-credential";
import { addStackAspect, EphemeralResource } from "../engine/cdktf-gaps";
import { require_ } from "./errors";
import { slug } from "./slug";
import { requireEngineOf } from "../engine/engine-of-stack";

export interface GeneratedSecretProps {
  /** Characters, 16 to 256 (default 64, as in the tutorial). */
  readonly length?: number;
  /** Include special characters (default false: many APIs and URL forms mangle them). */
  readonly special?: boolean;
  /** Values whose change makes Terraform generate a new secret (rotation). Not available on the ephemeral variant. */
  readonly keepers?: Record<string, string>;
  readonly provider?: TerraformProvider;
}

export interface SecretsManagerCopyProps {
  /** Secret name in AWS Secrets Manager, e.g. `genesys/data-action-api`. */
  readonly name: string;
  readonly description?: string;
  /** KMS key (id, ARN or alias) that encrypts the secret; AWS-managed key when omitted. */
  readonly kmsKeyId?: string;
  /** Days AWS keeps a deleted secret recoverable, 0 or 7-30 (default 30). */
  readonly recoveryWindowInDays?: number;
  /**
   * Version of the write-only value. Terraform sends `secret_string_wo` only when this changes:
   * bump it to store a new value.
   */
  readonly version?: number;
  readonly provider?: TerraformProvider;
}

export type SelfOwnedCredentialType = "basicAuth" | "userDefinedOAuth";

export interface IntegrationCredentialCopyProps {
  /** Credential name as shown in Genesys Cloud. */
  readonly name: string;
  /** `basicAuth` (fields userName/password) or `userDefinedOAuth` (fields clientId/clientSecret). */
  readonly type: SelfOwnedCredentialType;
  /** The user name (basicAuth) or client id (userDefinedOAuth) that goes with the secret. */
  readonly principal: string;
  readonly provider?: TerraformProvider;
}

const DEFAULT_LENGTH = 64;
const stacksWithImplicitRandom = new WeakSet<TerraformStack>();

/**
 * The random provider for a generated secret: the one given, else the stack's default `random` provider. Whether
 * the stack declares one is decided at synth time, not here: an importer may declare its RandomProvider later, or
 * inside a nested construct. Only when the whole stack has no default random provider does synth add one
 * (`provider "random" {}`, construct id `random`), so there is never a second default configuration.
 */
function randomProvider(scope: Construct, given?: TerraformProvider): TerraformProvider | undefined {
  if (given) return given;
  const stack = TerraformStack.of(scope);
  if (!stacksWithImplicitRandom.has(stack)) {
    stacksWithImplicitRandom.add(stack);
    addStackAspect(stack, {
      visit(node) {
        if (node !== stack) return;
        const declared = stack.node
          .findAll()
          .some((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === "random" && c.alias === undefined);
        if (!declared) new RandomProvider(stack, "random");
      },
    });
  }
  return undefined;
}

/**
 * The construct id for another copy of a secret under `owner`: `explicit` when given; else `base` for the first copy
 * (so stacks written before several copies were allowed keep their logical ids), then `base-<slug of the target
 * name>`. Two copies that would share an id fail with one line naming both.
 */
function copyId(owner: Construct, base: string, target: string, explicit: string | undefined, children: (id: string) => string[]): string {
  const taken = (id: string) => children(id).some((c) => owner.node.tryFindChild(c) !== undefined);
  const where = `${owner.constructor.name} ${owner.node.path}`;
  if (explicit !== undefined) {
    require_(typeof explicit === "string" && explicit.trim().length > 0, `${where}: a copy's id must be a non-empty string`);
    require_(!taken(explicit), `${where}: a copy with id ${JSON.stringify(explicit)} already exists; pass another id`);
    return explicit;
  }
  if (!taken(base)) return base;
  const derived = `${base}-${slug(typeof target === "string" ? target : "") || "copy"}`;
  require_(
    !taken(derived),
    `${where}: a copy with id ${JSON.stringify(derived)} already exists (same target name ${JSON.stringify(target)}); pass an id as the second argument`,
  );
  return derived;
}

const smChildren = (id: string) => [`${id}-secret`, `${id}-secret-version`];
const credentialChildren = (id: string) => [id];

function checkLength(owner: string, length: number): void {
  require_(
    Number.isInteger(length) && length >= 16 && length <= 256,
    `${owner}: length must be a whole number from 16 to 256 (got ${length})`,
  );
}

/** Hands a value to AWS Secrets Manager through the write-only `secret_string_wo`: never stored in state. */
export function writeOnlySecretsManagerCopy(
  scope: Construct,
  id: string,
  value: string,
  props: SecretsManagerCopyProps,
): { secret: SecretsmanagerSecret; version: SecretsmanagerSecretVersion } {
  const version = props.version ?? 1;
  require_(Number.isInteger(version) && version >= 1, `${id}: secretsManager.version must be a whole number >= 1 (got ${version})`);
  const rw = props.recoveryWindowInDays;
  require_(
    rw === undefined || rw === 0 || (Number.isInteger(rw) && rw >= 7 && rw <= 30),
    `${id}: secretsManager.recoveryWindowInDays must be 0 or 7 to 30 (got ${rw})`,
  );
  const secret = new SecretsmanagerSecret(scope, `${id}-secret`, {
    name: props.name,
    description: props.description,
    kmsKeyId: props.kmsKeyId,
    recoveryWindowInDays: rw,
    provider: props.provider,
  });
  const secretVersion = new SecretsmanagerSecretVersion(scope, `${id}-secret-version`, {
    secretId: secret.id,
    secretStringWo: value,
    secretStringWoVersion: version,
    provider: props.provider,
  });
  return { secret, version: secretVersion };
}

/**
 * A secret the deployment itself owns (the tutorial's `random_password`): the credential Genesys presents to
 * your own API (Data Actions) and the copy your API reads from AWS Secrets Manager.
 *
 * It can never be an OAuth client's secret: Genesys generates client secrets and the API has no field to set one.
 * `result` is stored in state (marked sensitive): keep state in an EncryptedS3Backend, or use
 * EphemeralGeneratedSecret where every consumer takes write-only values.
 */
export class GeneratedSecret extends Construct {
  public readonly password: Password;
  /** The secret, as a token Terraform marks sensitive. */
  public readonly value: string;

  constructor(scope: Construct, id: string, props: GeneratedSecretProps = {}) {
    super(scope, id);
    requireEngineOf(this, `GeneratedSecret ${id}`);
    const length = props.length ?? DEFAULT_LENGTH;
    checkLength(`GeneratedSecret ${id}`, length);
    this.password = new Password(this, "password", {
      length,
      special: props.special ?? false,
      keepers: props.keepers,
      provider: randomProvider(this, props.provider),
    });
    this.value = this.password.result;
  }

  /**
   * Stores the value in AWS Secrets Manager via the write-only argument (stored once: not again in state). Call it
   * once per target (another region, another account): the first copy has construct ids `sm-secret` and
   * `sm-secret-version`, later ones `sm-<name>-…` from the secret's name, or `<id>-…` when `id` is given.
   */
  public toSecretsManager(props: SecretsManagerCopyProps, id?: string) {
    return writeOnlySecretsManagerCopy(this, copyId(this, "sm", props?.name, id, smChildren), this.value, props);
  }

  /**
   * A Genesys integration credential (for Data Actions) holding the value in `fields` (sensitive). Call it once per
   * org (pass each org's provider): the first has construct id `credential`, later ones `credential-<name>`, or `id`.
   */
  public toIntegrationCredential(props: IntegrationCredentialCopyProps, id?: string): IntegrationCredential {
    require_(
      props.type === "basicAuth" || props.type === "userDefinedOAuth",
      `GeneratedSecret ${this.node.id}: integrationCredential.type must be basicAuth or userDefinedOAuth (got ${JSON.stringify(props.type)})`,
    );
    const fields: Record<string, string> =
      props.type === "basicAuth"
        ? { userName: props.principal, password: this.value }
        : { clientId: props.principal, clientSecret: this.value };
    return new IntegrationCredential(this, copyId(this, "credential", props.name, id, credentialChildren), {
      name: props.name,
      credentialTypeName: props.type,
      fields,
      provider: props.provider,
    });
  }

  /** A root output of the value, always `sensitive = true`. */
  public toSensitiveOutput(outputId: string, description?: string): TerraformOutput {
    return new TerraformOutput(this, outputId, {
      value: this.value,
      sensitive: true,
      description: description ?? `Generated secret ${this.node.path} (sensitive)`,
    });
  }
}

export interface EphemeralGeneratedSecretProps extends Omit<GeneratedSecretProps, "keepers"> {}

/**
 * The ephemeral variant (Terraform >= 1.10, random >= 3.7): generated during each run and never written to plan
 * or state. Terraform only accepts it in write-only arguments, so it can feed Secrets Manager's
 * `secret_string_wo` but not an integration credential's `fields` or an output. The value sent is fixed by
 * `version`: bump it to rotate.
 */
export class EphemeralGeneratedSecret extends Construct {
  public readonly resource: EphemeralResource;
  /** The value; only valid in write-only arguments. */
  public readonly value: string;

  constructor(scope: Construct, id: string, props: EphemeralGeneratedSecretProps = {}) {
    super(scope, id);
    requireEngineOf(this, `EphemeralGeneratedSecret ${id}`);
    const length = props.length ?? DEFAULT_LENGTH;
    checkLength(`EphemeralGeneratedSecret ${id}`, length);
    this.resource = new EphemeralResource(this, "password", {
      type: "random_password",
      args: { length, special: props.special ?? false },
      provider: randomProvider(this, props.provider),
    });
    this.value = this.resource.stringAttribute("result");
  }

  /** As GeneratedSecret.toSecretsManager: any number of copies, the first with the ids it always had. */
  public toSecretsManager(props: SecretsManagerCopyProps, id?: string) {
    return writeOnlySecretsManagerCopy(this, copyId(this, "sm", props?.name, id, smChildren), this.value, props);
  }
}
