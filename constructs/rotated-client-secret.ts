import * as fs from "node:fs";
import * as path from "node:path";
import { createHash } from "node:crypto";
import { Construct } from "constructs";
import { AssetType, Fn, Lazy, TerraformAsset, TerraformProvider, TerraformStack, Token } from "cdktf";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { rotationRuntime } from "./rotation-runtime";
import { normalizeRegion, allowedRegionsText } from "./regions";
import { GenesysConfigError, require_ } from "./errors";
import { slug } from "./slug";
import { requireEngineOf } from "../engine/engine-of-stack";

export const ROTATION_STRATEGIES = ["single-client", "alternating-clients"] as const;
export type RotationStrategy = (typeof ROTATION_STRATEGIES)[number];

/** Tag on a rotated secret naming the logical ids of the genesyscloud_oauth_client resources it rotates (diff reads it). */
export const ROTATED_CLIENTS_TAG = "genesys-oauth-rotated-clients";

/** Retention values CloudWatch Logs accepts (0 = never expire). */
export const LOG_RETENTION_DAYS = [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const ROTATION_DEFAULTS = {
  strategy: "single-client" as RotationStrategy,
  automaticallyAfterDays: 30,
  rotateImmediately: true,
  logRetentionDays: 90,
  timeoutSeconds: 60,
  memorySize: 256,
  /** The admin credential secret: `genesys-oauth/<stack name>/rotation-admin`. */
  adminSecretName: (stackName: string) => `genesys-oauth/${stackName}/rotation-admin`,
};

/** How one client's secret is rotated (config `rotation`, GenesysOAuthClient prop `rotation`). */
export interface ClientRotationProps {
  /** `single-client` (default: the old secret stops working at once) or `alternating-clients` (zero downtime). */
  readonly strategy?: RotationStrategy;
  /** Days between rotations, 1 to 1000 (default 30). Ignored when scheduleExpression is set. */
  readonly automaticallyAfterDays?: number;
  /** `rate(...)` or `cron(...)` (UTC, at least 4 hours apart), instead of automaticallyAfterDays. */
  readonly scheduleExpression?: string;
  /** Window in which the rotation runs, e.g. `3h` (with scheduleExpression). */
  readonly duration?: string;
  /** Rotate when the stack is applied (default true: the first rotation delivers the secret right after deploy). */
  readonly rotateImmediately?: boolean;
}

/** The environment's one rotation function (config `rotationFunction`). */
export interface RotationFunctionProps {
  /** Genesys Cloud region key of the org the clients live in. */
  readonly genesysRegion: string;
  /**
   * Name or ARN of the Secrets Manager secret holding the admin client's credentials as JSON
   * `{"clientId": "...", "clientSecret": "..."}` (needs oauth:client:edit). A person puts them there; never Terraform.
   * Default `genesys-oauth/<stack name>/rotation-admin`.
   */
  readonly adminSecret?: string;
  /** ARN of the KMS key that encrypts the admin secret, when it is a customer managed key. */
  readonly adminSecretKmsKeyArn?: string;
  /** Lambda function name (default `genesys-oauth-rotation-<stack name>`, cut to 64 characters). */
  readonly functionName?: string;
  /** Days the function's log group keeps logs (default 90). */
  readonly logRetentionDays?: number;
  /** Seconds (default 60; AWS's default of 3 is too short for the Genesys calls). */
  readonly timeoutSeconds?: number;
  /** Path of the function's zip (default: the one `npm run build` writes, dist/rotation/rotation-function.zip). */
  readonly bundlePath?: string;
  readonly provider?: TerraformProvider;
}

export interface RotatedClientRegistration {
  readonly secret: SecretsmanagerSecret;
  readonly secretName: string;
  readonly strategy: RotationStrategy;
  readonly clientIds: readonly string[];
  readonly kmsKeyId?: string;
}

const BUNDLE_FILE = "rotation-function.zip";

/** The zip `npm run build` writes, found from wherever this module runs (dist/constructs, dist/cdktn/constructs, dist/app.js or the source). */
export function defaultRotationBundlePath(): string {
  const candidates = [
    path.resolve(__dirname, "..", "rotation", BUNDLE_FILE),
    path.resolve(__dirname, "rotation", BUNDLE_FILE),
    path.resolve(__dirname, "..", "dist", "rotation", BUNDLE_FILE),
    path.resolve(__dirname, "..", "..", "rotation", BUNDLE_FILE),
  ];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new GenesysConfigError(`the rotation function bundle ${BUNDLE_FILE} is missing: run npm run build (looked in ${candidates.join(", ")})`);
  return found;
}

/** base64(sha256(file)): what Terraform's filebase64sha256 gives, computed once at synth. */
export function base64Sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("base64");
}

const functions = new WeakMap<TerraformStack, RotationFunction>();
/** Lambda's limit on a function's environment: 4 KB, keys and values together. */
export const LAMBDA_ENVIRONMENT_LIMIT_BYTES = 4096;
/** What a client id becomes at apply (a UUID), for sizing the environment at synth. */
const APPLIED_CLIENT_ID = "00000000-0000-0000-0000-000000000000";
const ARN = /^arn:aws[a-z-]*:/;

/**
 * The rotation function of a stack: one aws_lambda_function (Node.js, the project's bundle from a zip asset)
 * serving every rotated client of the stack (runtime nodejs24.x on AWS provider 6 and later, nodejs22.x on 5: rotation-runtime.ts; the bundle targets Node.js 22), its role (least privilege: the four rotation actions on those secrets
 * only, read of the admin credential secret, KMS decrypt for customer managed keys, its own log group) and its log
 * group with a retention. Get it with `RotationFunction.of(stack, props)`.
 */
export class RotationFunction extends Construct {
  public readonly function: LambdaFunction;
  public readonly role: IamRole;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly policy: IamRolePolicy;
  public readonly bundlePath: string;
  public readonly sourceCodeHash: string;
  public readonly genesysRegion: string;
  private readonly registered: RotatedClientRegistration[] = [];
  private readonly provider?: TerraformProvider;

  /** The stack's rotation function, created on first use (later calls must agree on the region). */
  public static of(scope: Construct, props: RotationFunctionProps): RotationFunction {
    const stack = TerraformStack.of(scope);
    let fn = functions.get(stack);
    if (!fn) {
      fn = new RotationFunction(stack, "secret-rotation", props);
      functions.set(stack, fn);
    } else {
      require_(
        normalizeRegion(props.genesysRegion) === fn.genesysRegion,
        `RotationFunction: every rotated client of a stack must be in one Genesys region (${fn.genesysRegion}, got ${props.genesysRegion})`,
      );
    }
    return fn;
  }

  private constructor(scope: TerraformStack, id: string, props: RotationFunctionProps) {
    super(scope, id);
    requireEngineOf(this, `RotationFunction ${id}`);
    const region = normalizeRegion(props.genesysRegion ?? "");
    require_(!!region, `RotationFunction: genesysRegion ${JSON.stringify(props.genesysRegion)} is not a Genesys Cloud region key; allowed: ${allowedRegionsText()}`);
    this.genesysRegion = region!;
    const retention = props.logRetentionDays ?? ROTATION_DEFAULTS.logRetentionDays;
    require_((LOG_RETENTION_DAYS as readonly number[]).includes(retention), `RotationFunction: logRetentionDays must be one of ${LOG_RETENTION_DAYS.join(", ")} (got ${retention})`);
    const timeout = props.timeoutSeconds ?? ROTATION_DEFAULTS.timeoutSeconds;
    require_(Number.isInteger(timeout) && timeout >= 10 && timeout <= 900, `RotationFunction: timeoutSeconds must be a whole number from 10 to 900 (got ${timeout})`);
    if (props.adminSecretKmsKeyArn !== undefined) {
      require_(ARN.test(props.adminSecretKmsKeyArn), `RotationFunction: adminSecretKmsKeyArn must be a KMS key ARN`);
    }
    const stackName = scope.node.id;
    const name = props.functionName ?? functionNameFor(stackName);
    require_(/^[A-Za-z0-9_-]{1,64}$/.test(name), `RotationFunction: functionName must be 1 to 64 letters, digits, - or _`);
    const adminSecret = props.adminSecret ?? ROTATION_DEFAULTS.adminSecretName(stackName);
    require_(adminSecret.trim().length > 0, `RotationFunction: adminSecret must be a secret name or ARN`);
    this.provider = props.provider;
    const provider = props.provider;

    this.bundlePath = props.bundlePath ?? defaultRotationBundlePath();
    this.sourceCodeHash = base64Sha256(this.bundlePath);
    const asset = new TerraformAsset(this, "bundle", { path: this.bundlePath, type: AssetType.FILE });

    const partition = new DataAwsPartition(this, "partition", { provider });
    // Its `id` is the region's name on AWS 5 and 6 alike; `name` is deprecated on 6 (a warning on every plan).
    const awsRegion = new DataAwsRegion(this, "region", { provider });

    this.logGroup = new CloudwatchLogGroup(this, "logs", { name: `/aws/lambda/${name}`, retentionInDays: retention, provider });
    this.role = new IamRole(this, "role", {
      name: `${name}-role`.slice(0, 64),
      description: "Rotates Genesys Cloud OAuth client secrets in AWS Secrets Manager",
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
      provider,
    });

    // The account of the rotated secrets (the function's own): read from a secret's ARN, so plan needs no credentials.
    const account = Lazy.stringValue({
      produce: () => (this.registered.length ? Fn.element(Fn.split(":", this.registered[0].secret.arn), 4) : "*"),
    });
    const adminSecretArn = ARN.test(adminSecret)
      ? adminSecret
      : `arn:${partition.partition}:secretsmanager:${awsRegion.id}:${account}:secret:${adminSecret}-??????`;
    this.policy = new IamRolePolicy(this, "policy", {
      name: "rotate-genesys-oauth-client-secrets",
      role: this.role.id,
      policy: Lazy.stringValue({ produce: () => Fn.jsonencode(this.policyDocument(adminSecretArn, props.adminSecretKmsKeyArn, awsRegion.id)) }),
      provider,
    });

    this.function = new LambdaFunction(this, "function", {
      functionName: name,
      description: "Rotates Genesys Cloud OAuth client secrets (Secrets Manager rotation function)",
      role: this.role.arn,
      runtime: rotationRuntime(partition.terraformGeneratorMetadata?.providerVersion),
      handler: "index.handler",
      filename: asset.path,
      sourceCodeHash: this.sourceCodeHash,
      timeout,
      memorySize: ROTATION_DEFAULTS.memorySize,
      loggingConfig: { logFormat: "Text", logGroup: this.logGroup.name },
      environment: {
        variables: {
          GENESYS_REGION: this.genesysRegion,
          ROTATION_ADMIN_SECRET_ID: adminSecret,
          ROTATION_CLIENTS: Lazy.stringValue({ produce: () => this.clientsJson() }),
        },
      },
      dependsOn: [this.logGroup, this.policy],
      provider,
    });
    // ROTATION_CLIENTS grows with every rotated client: fail at synth, not at apply, when Lambda would refuse it.
    const environment = () => ({ GENESYS_REGION: this.genesysRegion, ROTATION_ADMIN_SECRET_ID: adminSecret, ROTATION_CLIENTS: this.clientsJson(true) });
    this.node.addValidation({
      validate: () => {
        const bytes = Object.entries(environment()).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
        return bytes <= LAMBDA_ENVIRONMENT_LIMIT_BYTES
          ? []
          : [
              `RotationFunction ${this.node.path}: ${this.registered.length} rotated clients need about ${bytes} bytes of Lambda ` +
                `environment at apply, over Lambda's ${LAMBDA_ENVIRONMENT_LIMIT_BYTES}-byte limit: rotate some of them from another stack (environment)`,
            ];
      },
    });
  }

  /** Adds a secret this function rotates; returns the permission that lets Secrets Manager invoke it for that secret. */
  public register(scope: Construct, r: RotatedClientRegistration): LambdaPermission {
    require_(!this.registered.some((x) => x.secretName === r.secretName), `RotationFunction: secret ${r.secretName} is rotated twice`);
    this.registered.push(r);
    return new LambdaPermission(scope, "rotation-permission", {
      action: "lambda:InvokeFunction",
      functionName: this.function.functionName,
      principal: "secretsmanager.amazonaws.com",
      sourceArn: r.secret.arn,
      provider: this.provider,
    });
  }

  /** ROTATION_CLIENTS: names are checked at synth (no `${`), client ids are Terraform references (UUIDs at apply). */
  private clientsJson(applied = false): string {
    const id = (c: string) => (applied && Token.isUnresolved(c) ? APPLIED_CLIENT_ID : c);
    return JSON.stringify(this.registered.map((r) => ({ secret: r.secretName, strategy: r.strategy, clientIds: r.clientIds.map(id) })));
  }

  private policyDocument(adminSecretArn: string, adminKms: string | undefined, awsRegion: string): unknown {
    const secrets = this.registered.map((r) => r.secret.arn);
    const statements: unknown[] = [
      {
        Sid: "RotateTheseSecrets",
        Effect: "Allow",
        Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
        Resource: secrets,
      },
      { Sid: "ReadAdminCredentials", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: adminSecretArn },
      { Sid: "OwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${this.logGroup.arn}:*` },
    ];
    const keys = [...new Set(this.registered.map((r) => r.kmsKeyId).filter((k): k is string => !!k))];
    const keyArns = keys.filter((k) => ARN.test(k) && !k.includes(":alias/"));
    if (keyArns.length > 0) {
      statements.push({ Sid: "SecretKeys", Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: keyArns });
    }
    if (keys.length > keyArns.length) {
      // A key named by id or alias: its ARN is not known at synth; allow it only through Secrets Manager.
      statements.push({
        Sid: "SecretKeysViaSecretsManager",
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: "*",
        Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${awsRegion}.amazonaws.com` } },
      });
    }
    if (adminKms) statements.push({ Sid: "AdminSecretKey", Effect: "Allow", Action: ["kms:Decrypt"], Resource: adminKms });
    return { Version: "2012-10-17", Statement: statements };
  }
}

function functionNameFor(stackName: string): string {
  const base = `genesys-oauth-rotation-${slug(stackName) || "stack"}`;
  if (base.length <= 64) return base;
  const h = createHash("sha256").update(stackName).digest("hex").slice(0, 8);
  return `${base.slice(0, 55)}-${h}`;
}

export interface RotatedClientSecretProps {
  /** Secret name in AWS Secrets Manager. */
  readonly name: string;
  readonly description?: string;
  /** KMS key (id, ARN or alias) that encrypts the secret; AWS-managed key when omitted. */
  readonly kmsKeyId?: string;
  /** Days AWS keeps a deleted secret recoverable, 0 or 7-30 (default 30). */
  readonly recoveryWindowInDays?: number;
  /** genesyscloud_oauth_client ids: one (single-client) or two (alternating-clients). */
  readonly clientIds: readonly string[];
  /** Logical ids of those client resources (the ROTATED_CLIENTS_TAG tag, which `secret-guard diff` reads). */
  readonly clientLogicalIds: readonly string[];
  readonly rotation?: ClientRotationProps;
  readonly function: RotationFunction;
  readonly provider?: TerraformProvider;
}

/**
 * A Secrets Manager secret that Terraform never gives a value: the rotation function fills it (the first time
 * right after apply, with rotate_immediately) with {clientId, clientSecret, region, tokenUrl, apiBaseUrl}.
 */
export class RotatedClientSecret extends Construct {
  public readonly secret: SecretsmanagerSecret;
  public readonly rotation: SecretsmanagerSecretRotation;
  public readonly permission: LambdaPermission;
  public readonly strategy: RotationStrategy;

  constructor(scope: Construct, id: string, props: RotatedClientSecretProps) {
    super(scope, id);
    requireEngineOf(this, `RotatedClientSecret ${id}`);
    const r = props.rotation ?? {};
    this.strategy = r.strategy ?? ROTATION_DEFAULTS.strategy;
    checkRotation("rotation", r);
    const rw = props.recoveryWindowInDays;
    require_(
      rw === undefined || rw === 0 || (Number.isInteger(rw) && rw >= 7 && rw <= 30),
      `secretsManager.recoveryWindowInDays must be 0 or 7 to 30 (got ${rw})`,
    );
    require_(
      Token.isUnresolved(props.name) || /^[A-Za-z0-9/_+=.@-]{1,512}$/.test(props.name),
      `secretsManager.name must be 1 to 512 of letters, digits and /_+=.@-`,
    );
    require_(props.clientIds.length === (this.strategy === "alternating-clients" ? 2 : 1), `rotation: ${this.strategy} needs ${this.strategy === "alternating-clients" ? 2 : 1} client(s)`);

    this.secret = new SecretsmanagerSecret(this, "secret", {
      name: props.name,
      description: props.description,
      kmsKeyId: props.kmsKeyId,
      recoveryWindowInDays: rw,
      tags: { [ROTATED_CLIENTS_TAG]: props.clientLogicalIds.join(" ") },
      provider: props.provider,
    });
    this.permission = props.function.register(this, {
      secret: this.secret,
      secretName: props.name,
      strategy: this.strategy,
      clientIds: props.clientIds,
      kmsKeyId: props.kmsKeyId,
    });
    this.rotation = new SecretsmanagerSecretRotation(this, "rotation", {
      secretId: this.secret.id,
      rotationLambdaArn: props.function.function.arn,
      rotationRules: r.scheduleExpression
        ? { scheduleExpression: r.scheduleExpression, duration: r.duration }
        : { automaticallyAfterDays: r.automaticallyAfterDays ?? ROTATION_DEFAULTS.automaticallyAfterDays, duration: r.duration },
      rotateImmediately: r.rotateImmediately ?? ROTATION_DEFAULTS.rotateImmediately,
      dependsOn: [this.permission, props.function.policy],
      provider: props.provider,
    });
  }
}

/** Checks a client's rotation settings; messages name the field. */
export function checkRotation(where: string, r: ClientRotationProps): void {
  if (r.strategy !== undefined) {
    require_((ROTATION_STRATEGIES as readonly string[]).includes(r.strategy), `${where}.strategy must be one of ${ROTATION_STRATEGIES.join(", ")}`);
  }
  const days = r.automaticallyAfterDays;
  if (days !== undefined) require_(Number.isInteger(days) && days >= 1 && days <= 1000, `${where}.automaticallyAfterDays must be a whole number from 1 to 1000 (got ${days})`);
  if (r.scheduleExpression !== undefined) {
    require_(/^(rate\(\d+ (hours?|days?)\)|cron\([^()]+\))$/.test(r.scheduleExpression), `${where}.scheduleExpression must be rate(N hours|days) or cron(...)`);
    require_(days === undefined, `${where}: give automaticallyAfterDays or scheduleExpression, not both`);
  }
  if (r.duration !== undefined) require_(/^([1-9]|1\d|2[0-4])h$/.test(r.duration), `${where}.duration must be 1h to 24h`);
}
