import { Construct } from "constructs";
import { DefaultTokenResolver, StringConcat, TerraformBackend, Tokenization, TerraformOutput, TerraformProvider, TerraformStack, Token } from "cdktf";
import { OauthClient, OauthClientRoles } from "../.gen/providers/genesyscloud/oauth-client";
import { IntegrationCredential } from "../.gen/providers/genesyscloud/integration-credential";
import { DataGenesyscloudAuthRole } from "../.gen/providers/genesyscloud/data-genesyscloud-auth-role";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { ConfigDocument } from "../guard/rules/config-document";
import { ProviderFacts } from "../guard/provider-facts";
import { shippedDetectors } from "../guard/detectors/shipped-detectors";
import { SecretsManagerCopyProps, writeOnlySecretsManagerCopy } from "./generated-secret";
import { checkedFor, GenesysConfigError, require_ } from "./errors";
import { slug } from "./slug";
import { ClientRotationProps, RotatedClientSecret, RotationFunction, RotationFunctionProps } from "./rotated-client-secret";
import { requireEngineOf } from "../engine/engine-of-stack";

export const GRANT_TYPES = ["CODE", "TOKEN", "SAML2BEARER", "SAML2-BEARER", "PASSWORD", "CLIENT-CREDENTIALS"] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

export const SECRET_DELIVERIES = ["none", "integration-credential", "state", "secrets-manager", "secrets-manager-rotation"] as const;
export type SecretDelivery = (typeof SECRET_DELIVERIES)[number];

export const TOKEN_LIFETIME = { min: 300, max: 38_880_000 } as const;

/** A role granted to a client-credentials client: by name (looked up with genesyscloud_auth_role) or by id. */
export interface RoleGrant {
  /** Role name, exactly as in Genesys Cloud. */
  readonly name?: string;
  /** Role id, when known. */
  readonly id?: string;
  /** Division id; the home division when omitted; `*` for all divisions. */
  readonly division?: string;
}

export interface GenesysOAuthClientProps {
  /** Client name, shown in Genesys Cloud admin. Names should be unique in an org. */
  readonly name: string;
  readonly description?: string;
  /** Default `CLIENT-CREDENTIALS`. */
  readonly grantType?: GrantType;
  /** Roles, required for (and only for) CLIENT-CREDENTIALS. */
  readonly roles?: readonly RoleGrant[];
  /** Scopes, required for (and only for) the other grants. */
  readonly scopes?: readonly string[];
  /** Redirect URIs, required for CODE and TOKEN. */
  readonly redirectUris?: readonly string[];
  /** Access token lifetime in seconds, 300 to 38,880,000 (Genesys default 86,400). */
  readonly tokenLifetimeSeconds?: number;
  readonly state?: "active" | "inactive";
  /** Refuse `terraform destroy` of the client (default true: deleting a client breaks every integration using it). */
  readonly preventDestroy?: boolean;
  /**
   * Where the secret Genesys generates goes:
   * - `none` (default): nowhere; it never reaches Terraform (`expose_client_secret = false`).
   * - `integration-credential`: into a pureCloudOAuthClient integration credential, filled by the provider in the
   *   same apply; the secret never lands in state.
   * - `state`: kept in state (sensitive) and offered through a sensitive output; needs an encrypted backend.
   * - `secrets-manager`: as `state`, then handed to AWS Secrets Manager through the write-only
   *   `secret_string_wo`, so it is stored once, not twice.
   * - `secrets-manager-rotation`: never in Terraform (`expose_client_secret = false`); the stack's rotation function
   *   regenerates the secret through the Genesys API and stores it in Secrets Manager, right after deploy and then
   *   on a schedule (RotatedClientSecret).
   */
  readonly secretDelivery?: SecretDelivery;
  /** Name of the integration credential (`integration-credential` delivery); default `<name> credential`. */
  readonly integrationCredentialName?: string;
  /** Where to store the secret (`secrets-manager` and `secrets-manager-rotation` deliveries). */
  readonly secretsManager?: SecretsManagerCopyProps;
  /** `secrets-manager-rotation` only: strategy and schedule (defaults: single-client, every 30 days, rotate at apply). */
  readonly rotation?: ClientRotationProps;
  /**
   * `secrets-manager-rotation` only: the stack's rotation function (shared by its rotated clients). `genesysRegion`
   * defaults to the region of the stack's GenesysCloudProvider.
   */
  readonly rotationFunction?: Partial<RotationFunctionProps>;
  /** Id of an existing client to adopt: synth emits a Terraform `import` block (the fix for a 409 on create). */
  readonly adoptClientId?: string;
  readonly provider?: TerraformProvider;
  readonly awsProvider?: TerraformProvider;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const roleLookups = new WeakMap<TerraformStack, Map<string, DataGenesyscloudAuthRole>>();

/** One genesyscloud_auth_role data source per role name and provider in a stack, shared by all clients. */
function roleIdByName(scope: Construct, name: string, provider?: TerraformProvider): string {
  const stack = TerraformStack.of(scope);
  let byName = roleLookups.get(stack);
  if (!byName) roleLookups.set(stack, (byName = new Map()));
  const key = `${provider?.node.path ?? ""}|${name}`;
  let ds = byName.get(key);
  if (!ds) {
    ds = new DataGenesyscloudAuthRole(stack, `role-${slug(name) || "role"}-${byName.size}`, { name, provider });
    byName.set(key, ds);
  }
  return ds.id;
}

/** Terraform-safe output name from a construct id. */
function outputName(id: string, suffix: string): string {
  return `${id.replace(/[^A-Za-z0-9_-]/g, "_")}_${suffix}`;
}

/** Per stack: the output names GenesysOAuthClients have taken, and the client that took each. */
const outputNames = new WeakMap<TerraformStack, Map<string, string>>();
const stacksCheckedForOutputs = new WeakSet<TerraformStack>();
const outputPrefixes = new WeakMap<Construct, string>();

/**
 * The output name for `client`: `<id>_<suffix>` as always; when another client in the stack (same id, another
 * parent) already has it, a name from the construct path below the stack (`<parent>_<id>_<suffix>`).
 */
function clientOutputName(client: Construct, suffix: string): string {
  const stack = TerraformStack.of(client);
  let taken = outputNames.get(stack);
  if (!taken) outputNames.set(stack, (taken = new Map()));
  let prefix = outputPrefixes.get(client);
  if (prefix === undefined) {
    // Decided once per client, on its first output (the client id, which every client writes).
    const owner = taken.get(outputName(client.node.id, "client_id"));
    prefix = owner !== undefined && owner !== client.node.path
      ? client.node.scopes.slice(client.node.scopes.indexOf(stack) + 1).map((c) => c.node.id).join("_")
      : client.node.id;
    outputPrefixes.set(client, prefix);
  }
  const name = outputName(prefix, suffix);
  const other = taken.get(name);
  if (other !== undefined && other !== client.node.path) {
    throw new GenesysConfigError(`GenesysOAuthClient ${client.node.path}: output name ${name} is already used by ${other}; give one of them another id`, client);
  }
  taken.set(name, client.node.path);
  checkUniqueOutputs(stack);
  return name;
}

/**
 * Synth fails when two outputs of a stack share a name (cdktf would keep one and silently drop the other), naming
 * both construct paths. Added once per stack that holds a GenesysOAuthClient.
 */
function checkUniqueOutputs(stack: TerraformStack): void {
  if (stacksCheckedForOutputs.has(stack)) return;
  stacksCheckedForOutputs.add(stack);
  stack.node.addValidation({
    validate: () => {
      const seen = new Map<string, string>();
      const errors: string[] = [];
      for (const c of stack.node.findAll()) {
        if (!TerraformOutput.isTerraformOutput(c)) continue;
        const name = (c as TerraformOutput).friendlyUniqueId;
        const first = seen.get(name);
        if (first !== undefined) errors.push(`output ${name} is written by both ${first} and ${c.node.path}: output names must be unique in a stack; give one of them another id`);
        else seen.set(name, c.node.path);
      }
      return errors;
    },
  });
}

/**
 * Judges the backend as it will be synthesized, not by its class: cdktf's own S3Backend with encrypt, an
 * EncryptedS3Backend, or an HCP Terraform cloud backend all qualify (the same test as the guard's SG008).
 */
function isEncryptedRemote(stack: TerraformStack, backend: TerraformBackend | undefined): boolean {
  if (!backend) return false;
  const resolved = Tokenization.resolve(backend.toTerraform(), { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()), preparing: false });
  return new ConfigDocument(resolved, ProviderFacts.shipped(), shippedDetectors()).encryptedRemoteBackend;
}

/**
 * A Genesys Cloud OAuth client (`genesyscloud_oauth_client`) whose generated secret goes only where
 * `secretDelivery` says. Props are checked at construction; a mistake throws a GenesysConfigError naming the prop.
 */
export class GenesysOAuthClient extends Construct {
  public readonly client: OauthClient;
  public readonly grantType: GrantType;
  public readonly secretDelivery: SecretDelivery;
  /** The client id (not a secret). */
  public readonly clientId: string;
  public readonly clientIdOutput: TerraformOutput;
  public readonly integrationCredential?: IntegrationCredential;
  public readonly secret?: SecretsmanagerSecret;
  /** `secrets-manager-rotation` with `alternating-clients`: the second client, with the same roles. */
  public readonly alternateClient?: OauthClient;
  public readonly rotatedSecret?: RotatedClientSecret;

  constructor(scope: Construct, id: string, props: GenesysOAuthClientProps) {
    super(scope, id);
    requireEngineOf(this, `GenesysOAuthClient ${id}`);
    const where = `GenesysOAuthClient ${id}`;
    const grantType = props.grantType ?? "CLIENT-CREDENTIALS";
    const delivery = props.secretDelivery ?? "none";
    checkedFor(this, () => validate(where, props, grantType, delivery));
    this.grantType = grantType;
    this.secretDelivery = delivery;

    const roles: OauthClientRoles[] | undefined =
      grantType === "CLIENT-CREDENTIALS"
        ? props.roles!.map((r) => ({
            roleId: r.id ?? roleIdByName(this, r.name!, props.provider),
            divisionId: r.division,
          }))
        : undefined;

    const exposes = delivery === "state" || delivery === "secrets-manager";
    this.client = new OauthClient(this, "client", {
      name: props.name,
      description: props.description,
      authorizedGrantType: grantType,
      roles,
      scopes: props.scopes ? [...props.scopes] : undefined,
      registeredRedirectUris: props.redirectUris ? [...props.redirectUris] : undefined,
      accessTokenValiditySeconds: props.tokenLifetimeSeconds,
      state: props.state,
      exposeClientSecret: exposes,
      provider: props.provider,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    if (props.adoptClientId) this.client.importFrom(props.adoptClientId, props.provider);
    this.clientId = this.client.id;

    this.clientIdOutput = new TerraformOutput(this, "client-id", {
      value: this.client.id,
      description: `Client id of ${props.name}`,
    });
    this.clientIdOutput.overrideLogicalId(clientOutputName(this, "client_id"));

    if (delivery === "integration-credential") {
      // No clientSecret field: the provider fills it from the create response it holds in memory.
      this.integrationCredential = new IntegrationCredential(this, "credential", {
        name: props.integrationCredentialName ?? `${props.name} credential`,
        credentialTypeName: "pureCloudOAuthClient",
        fields: { clientId: this.client.id },
        provider: props.provider,
      });
    }
    if (exposes) {
      this.node.addValidation({
        validate: () => {
          const stack = TerraformStack.of(this);
          const backend = stack.node.findAll().find(TerraformBackend.isBackend);
          return isEncryptedRemote(stack, backend as TerraformBackend | undefined)
            ? []
            : [
                `${where}: secretDelivery "${delivery}" keeps the client secret in state, so the stack needs an ` +
                  `encrypted remote backend: EncryptedS3Backend, an S3Backend with encrypt: true, or an HCP Terraform (cloud) backend`,
              ];
        },
      });
    }
    if (delivery === "state") {
      const out = new TerraformOutput(this, "client-secret", {
        value: this.client.clientSecret,
        sensitive: true,
        description: `Client secret of ${props.name} (sensitive; set only by the apply that created the client)`,
      });
      out.overrideLogicalId(clientOutputName(this, "client_secret"));
    }
    if (delivery === "secrets-manager-rotation") {
      const rotated = rotatedDelivery(this, id, props, roles, where);
      this.alternateClient = rotated.alternate;
      this.rotatedSecret = rotated.secret;
      this.secret = rotated.secret.secret;
    }
    if (delivery === "secrets-manager") {
      const { secret } = writeOnlySecretsManagerCopy(this, "sm", this.client.clientSecret, {
        ...props.secretsManager!,
        provider: props.secretsManager!.provider ?? props.awsProvider,
      });
      this.secret = secret;
      const out = new TerraformOutput(this, "secret-arn", {
        value: secret.arn,
        description: `ARN of the Secrets Manager secret holding the client secret of ${props.name}`,
      });
      out.overrideLogicalId(clientOutputName(this, "secret_arn"));
    }
  }
}

function list(values: readonly string[]): string {
  return values.join(", ");
}

function validate(where: string, p: GenesysOAuthClientProps, grant: GrantType, delivery: SecretDelivery): void {
  const fixed = (v: unknown) => !Token.isUnresolved(v);
  require_(typeof p.name === "string" && (!fixed(p.name) || p.name.trim().length > 0), `${where}: name must be a non-empty string`);
  require_(
    (GRANT_TYPES as readonly string[]).includes(grant),
    `${where}: grantType ${JSON.stringify(grant)} is not allowed; use one of ${list(GRANT_TYPES)} (case-sensitive)`,
  );
  require_(
    (SECRET_DELIVERIES as readonly string[]).includes(delivery),
    `${where}: secretDelivery ${JSON.stringify(delivery)} is not allowed; use one of ${list(SECRET_DELIVERIES)}`,
  );
  const roles = p.roles ?? [];
  const scopes = p.scopes ?? [];
  if (grant === "CLIENT-CREDENTIALS") {
    require_(roles.length > 0, `${where}: roles must list at least one role for grantType CLIENT-CREDENTIALS`);
    require_(scopes.length === 0, `${where}: scopes apply to the other grant types; CLIENT-CREDENTIALS clients get roles`);
  } else {
    require_(roles.length === 0, `${where}: roles apply only to grantType CLIENT-CREDENTIALS; use scopes for ${grant}`);
    require_(scopes.length > 0, `${where}: scopes must list at least one scope for grantType ${grant}`);
  }
  roles.forEach((r, i) => {
    require_(
      !!r && (r.name === undefined) !== (r.id === undefined),
      `${where}: roles[${i}] must have exactly one of name or id`,
    );
    if (r.name !== undefined) require_(fixed(r.name) ? r.name.trim().length > 0 : true, `${where}: roles[${i}].name must be non-empty`);
    if (r.division !== undefined && fixed(r.division)) {
      require_(
        r.division === "*" || UUID.test(r.division),
        `${where}: roles[${i}].division must be a division id (lowercase UUID) or * for all divisions (omit it for the home division)`,
      );
    }
  });
  const redirects = p.redirectUris ?? [];
  if (grant === "CODE" || grant === "TOKEN") {
    require_(redirects.length > 0, `${where}: redirectUris must list at least one URI for grantType ${grant}`);
  }
  redirects.forEach((u, i) => {
    if (!fixed(u)) return;
    let ok = false;
    try {
      const url = new URL(u);
      ok = url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1"].includes(url.hostname));
    } catch {
      ok = false;
    }
    require_(ok, `${where}: redirectUris[${i}] must be an absolute https URL (http only for localhost)`);
  });
  const ttl = p.tokenLifetimeSeconds;
  if (ttl !== undefined && fixed(ttl)) {
    require_(
      Number.isInteger(ttl) && ttl >= TOKEN_LIFETIME.min && ttl <= TOKEN_LIFETIME.max,
      `${where}: tokenLifetimeSeconds must be a whole number from ${TOKEN_LIFETIME.min} to ${TOKEN_LIFETIME.max} (got ${ttl})`,
    );
  }
  if (p.state !== undefined) {
    require_(p.state === "active" || p.state === "inactive", `${where}: state must be active or inactive (got ${JSON.stringify(p.state)})`);
  }
  if (delivery === "integration-credential") {
    require_(grant === "CLIENT-CREDENTIALS", `${where}: secretDelivery integration-credential needs grantType CLIENT-CREDENTIALS`);
  }
  if (delivery === "secrets-manager" || delivery === "secrets-manager-rotation") {
    require_(!!p.secretsManager?.name, `${where}: secretsManager.name is required for secretDelivery ${delivery}`);
  } else if (p.secretsManager) {
    throw new GenesysConfigError(`${where}: secretsManager is only used with secretDelivery secrets-manager or secrets-manager-rotation (got ${delivery})`);
  }
  if (delivery === "secrets-manager-rotation") {
    require_(grant === "CLIENT-CREDENTIALS", `${where}: secretDelivery secrets-manager-rotation needs grantType CLIENT-CREDENTIALS`);
    require_(p.secretsManager?.version === undefined, `${where}: secretsManager.version applies to secrets-manager only (rotation writes its own versions)`);
  } else {
    require_(p.rotation === undefined, `${where}: rotation is only used with secretDelivery secrets-manager-rotation (got ${delivery})`);
    require_(p.rotationFunction === undefined, `${where}: rotationFunction is only used with secretDelivery secrets-manager-rotation (got ${delivery})`);
  }
  if (p.adoptClientId !== undefined) {
    require_(UUID.test(p.adoptClientId), `${where}: adoptClientId must be an existing client id (a lowercase UUID)`);
    // Genesys returns a secret only when a client is created: an adopted client has none to deliver.
    // Rotation regenerates the secret itself, so it works for an adopted client too.
    require_(
      delivery === "none" || delivery === "secrets-manager-rotation",
      `${where}: secretDelivery must be none or secrets-manager-rotation for an adopted client (adoptClientId): Genesys never returns an existing client's secret`,
    );
  }
}

/** The region of the stack's GenesysCloudProvider construct (it keeps the key it validated), if there is one. */
function providerRegion(scope: Construct): string | undefined {
  for (const c of TerraformStack.of(scope).node.findAll()) {
    const region = (c as { region?: unknown }).region;
    if (c.constructor.name === "GenesysCloudProvider" && typeof region === "string") return region;
  }
  return undefined;
}

/** secrets-manager-rotation: the second client (alternating-clients) and the rotated secret. */
function rotatedDelivery(
  self: GenesysOAuthClient,
  id: string,
  props: GenesysOAuthClientProps,
  roles: OauthClientRoles[] | undefined,
  where: string,
): { alternate?: OauthClient; secret: RotatedClientSecret } {
  const stack = TerraformStack.of(self);
  const fnProps = props.rotationFunction ?? {};
  const genesysRegion = fnProps.genesysRegion ?? providerRegion(self);
  require_(!!genesysRegion, `${where}: rotationFunction.genesysRegion is required when the stack has no GenesysCloudProvider`);
  const awsProvider = props.secretsManager!.provider ?? props.awsProvider;
  const fn = checkedFor(self, () => RotationFunction.of(self, { ...fnProps, genesysRegion: genesysRegion!, provider: fnProps.provider ?? awsProvider }));
  let alternate: OauthClient | undefined;
  if ((props.rotation?.strategy ?? "single-client") === "alternating-clients") {
    alternate = new OauthClient(self, "alternate-client", {
      name: `${props.name} (alternate)`,
      description: props.description,
      authorizedGrantType: self.grantType,
      roles,
      accessTokenValiditySeconds: props.tokenLifetimeSeconds,
      state: props.state,
      exposeClientSecret: false,
      provider: props.provider,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    const out = new TerraformOutput(self, "alternate-client-id", { value: alternate.id, description: `Client id of ${props.name} (alternate)` });
    out.overrideLogicalId(outputName(id, "alternate_client_id"));
  }
  const clients = alternate ? [self.client, alternate] : [self.client];
  const sm = props.secretsManager!;
  const secret = checkedFor(self, () =>
    new RotatedClientSecret(self, "rotated", {
      name: sm.name,
      description: sm.description,
      kmsKeyId: sm.kmsKeyId,
      recoveryWindowInDays: sm.recoveryWindowInDays,
      clientIds: clients.map((c) => c.id),
      clientLogicalIds: clients.map((c) => stack.getLogicalId(c)),
      rotation: props.rotation,
      function: fn,
      provider: awsProvider,
    }),
  );
  const out = new TerraformOutput(self, "secret-arn", {
    value: secret.secret.arn,
    description: `ARN of the Secrets Manager secret the rotation function fills with the client secret of ${props.name}`,
  });
  out.overrideLogicalId(outputName(id, "secret_arn"));
  return { alternate, secret };
}
