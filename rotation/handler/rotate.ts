/**
 * Secrets Manager's four rotation steps for a Genesys Cloud OAuth client, as AWS documents them
 * (https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda.html), each idempotent:
 * - createSecret: if the version `ClientRequestToken` already has a value under AWSPENDING, nothing to do.
 *   Otherwise regenerate the secret of the client to rotate (single-client: the one client; alternating-clients:
 *   the one AWSCURRENT does not use) and store {clientId, clientSecret, region, tokenUrl, apiBaseUrl} as AWSPENDING.
 * - setSecret: nothing to set (Genesys itself generated the secret).
 * - testSecret: get a token with the pending value from login.<domain>.
 * - finishSecret: move AWSCURRENT to the pending version (AWSPREVIOUS follows on its own).
 * Logs carry the step, the secret name, the version id and client ids: never a secret or a token.
 */
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from "@aws-sdk/client-secrets-manager";
import { HttpFailure, RetryPolicy } from "../../genesys-pack/doctor/http";
import { clientCredentialsToken, GenesysAnswerError, GenesysEndpoints, regenerateClientSecret } from "./genesys";
import type { RotatedClient, RotationSettings } from "./settings";

export const STEPS = ["createSecret", "setSecret", "testSecret", "finishSecret"] as const;
export type Step = (typeof STEPS)[number];

export interface RotationEvent {
  readonly Step: Step;
  readonly SecretId: string;
  readonly ClientRequestToken: string;
  readonly RotationToken?: string;
}

/** The value stored in Secrets Manager: what a consumer needs to get a token, as it is. */
export interface ClientSecretValue {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly region: string;
  readonly tokenUrl: string;
  readonly apiBaseUrl: string;
}

/** A rotation cannot go on: one line, no value. Secrets Manager records the failure and retries the rotation. */
export class RotationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RotationError";
  }
}

export interface RotationContext {
  readonly settings: RotationSettings;
  readonly sm: SecretsManagerClient;
  readonly policy: RetryPolicy;
  readonly log: (fields: Record<string, string | number | boolean>) => void;
}

const isNotFound = (e: unknown) => (e as { name?: string })?.name === "ResourceNotFoundException";

function endpoints(s: RotationSettings): GenesysEndpoints {
  return { apiBase: s.apiBase, loginBase: s.loginBase, apiHost: s.apiHost, loginHost: s.loginHost };
}

/** Parses a stored value; undefined when it is not one of ours (a message never quotes it). */
function parseValue(text: string | undefined): ClientSecretValue | undefined {
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text);
    if (typeof v?.clientId === "string" && typeof v?.clientSecret === "string") return v as ClientSecretValue;
  } catch {
    /* not JSON */
  }
  return undefined;
}

export async function rotate(event: RotationEvent, ctx: RotationContext): Promise<void> {
  if (!event || typeof event !== "object") throw new RotationError("the event is not a rotation event");
  const { Step: step, SecretId: secretId, ClientRequestToken: token } = event;
  if (!(STEPS as readonly string[]).includes(step)) throw new RotationError(`unknown rotation step ${JSON.stringify(String(step)).slice(0, 40)}`);
  if (typeof secretId !== "string" || typeof token !== "string" || token === "") throw new RotationError("the event needs SecretId and ClientRequestToken");

  const meta = await ctx.sm.send(new DescribeSecretCommand({ SecretId: secretId }));
  const name = meta.Name ?? secretId;
  const client = ctx.settings.clients.find((c) => c.secret === name || c.secret === meta.ARN);
  if (!client) throw new RotationError(`secret ${name} is not one this function rotates (ROTATION_CLIENTS)`);
  if (meta.RotationEnabled === false) throw new RotationError(`secret ${name} does not have rotation enabled`);
  const stages = meta.VersionIdsToStages ?? {};
  if (!stages[token]) throw new RotationError(`secret ${name} has no version ${token} to rotate to`);
  if (stages[token].includes("AWSCURRENT")) {
    ctx.log({ step, secret: name, version: token, outcome: "already current" });
    return;
  }
  if (!stages[token].includes("AWSPENDING")) throw new RotationError(`version ${token} of secret ${name} is not AWSPENDING`);
  ctx.log({ step, secret: name, version: token, strategy: client.strategy, outcome: "start" });

  switch (step) {
    case "createSecret":
      return createSecret(ctx, name, token, client, event.RotationToken);
    case "setSecret":
      ctx.log({ step, secret: name, version: token, outcome: "nothing to set: Genesys generated the secret" });
      return;
    case "testSecret":
      return testSecret(ctx, name, token);
    case "finishSecret":
      return finishSecret(ctx, name, token, stages);
  }
}

async function currentValue(ctx: RotationContext, name: string): Promise<ClientSecretValue | undefined> {
  try {
    const cur = await ctx.sm.send(new GetSecretValueCommand({ SecretId: name, VersionStage: "AWSCURRENT" }));
    return parseValue(cur.SecretString);
  } catch (e) {
    // A secret the stack just created has no value at all: the first rotation delivers it.
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** The client whose secret this rotation regenerates: for alternating clients, the one not in use. */
export function clientToRotate(client: RotatedClient, current: ClientSecretValue | undefined): string {
  if (client.strategy === "single-client") return client.clientIds[0];
  const [a, b] = client.clientIds;
  return current?.clientId === a ? b : a;
}

async function createSecret(ctx: RotationContext, name: string, token: string, client: RotatedClient, rotationToken?: string): Promise<void> {
  const log = (fields: Record<string, string>) => ctx.log({ step: "createSecret", secret: name, version: token, ...fields });
  try {
    await ctx.sm.send(new GetSecretValueCommand({ SecretId: name, VersionId: token, VersionStage: "AWSPENDING" }));
    log({ outcome: "pending value already stored" });
    return;
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  const current = await currentValue(ctx, name);
  const clientId = clientToRotate(client, current);
  const s = ctx.settings;
  const ep = endpoints(s);
  const admin = await adminCredentials(ctx);
  const adminToken = await clientCredentialsToken(ep, ctx.policy, admin.clientId, admin.clientSecret).catch((e) => {
    throw e instanceof GenesysAnswerError ? new RotationError(`admin client: ${e.message}`) : e;
  });
  log({ client: clientId, outcome: "regenerating the client secret" });
  const secret = await regenerateClientSecret(ep, ctx.policy, adminToken, clientId);
  const value: ClientSecretValue = {
    clientId,
    clientSecret: secret,
    region: s.region,
    tokenUrl: `https://${s.loginHost}/oauth/token`,
    apiBaseUrl: `https://${s.apiHost}`,
  };
  await ctx.sm.send(
    new PutSecretValueCommand({
      SecretId: name,
      ClientRequestToken: token,
      SecretString: JSON.stringify(value),
      VersionStages: ["AWSPENDING"],
      ...(rotationToken ? { RotationToken: rotationToken } : {}),
    }),
  );
  log({ client: clientId, outcome: "stored as AWSPENDING" });
}

async function adminCredentials(ctx: RotationContext): Promise<{ clientId: string; clientSecret: string }> {
  let text: string | undefined;
  try {
    text = (await ctx.sm.send(new GetSecretValueCommand({ SecretId: ctx.settings.adminSecretId }))).SecretString;
  } catch (e) {
    if (isNotFound(e)) throw new RotationError(`the admin credential secret ${ctx.settings.adminSecretId} has no value: put {"clientId", "clientSecret"} in it`);
    throw e;
  }
  const v = parseValue(text);
  if (!v || v.clientId === "" || v.clientSecret === "") {
    throw new RotationError(`the admin credential secret ${ctx.settings.adminSecretId} must be JSON {"clientId": "...", "clientSecret": "..."}`);
  }
  return { clientId: v.clientId, clientSecret: v.clientSecret };
}

async function testSecret(ctx: RotationContext, name: string, token: string): Promise<void> {
  const pending = await ctx.sm.send(new GetSecretValueCommand({ SecretId: name, VersionId: token, VersionStage: "AWSPENDING" }));
  const v = parseValue(pending.SecretString);
  if (!v) throw new RotationError(`version ${token} of secret ${name} is not a client secret value`);
  const ep = endpoints(ctx.settings);
  // A secret Genesys just generated may take a moment to be accepted everywhere: a few tries, then fail.
  const tries = 3;
  for (let i = 1; ; i++) {
    try {
      await clientCredentialsToken(ep, ctx.policy, v.clientId, v.clientSecret);
      ctx.log({ step: "testSecret", secret: name, version: token, client: v.clientId, outcome: "token issued with the pending secret" });
      return;
    } catch (e) {
      if (!(e instanceof GenesysAnswerError && e.status === 401) || i >= tries) {
        const known = e instanceof GenesysAnswerError || e instanceof HttpFailure;
        throw known ? new RotationError(`pending secret of client ${v.clientId} did not get a token: ${(e as Error).message}`) : e;
      }
      await new Promise((r) => setTimeout(r, ctx.settings.testRetryMs * i));
    }
  }
}

async function finishSecret(ctx: RotationContext, name: string, token: string, stages: Record<string, string[]>): Promise<void> {
  const current = Object.keys(stages).find((id) => stages[id].includes("AWSCURRENT"));
  await ctx.sm.send(
    new UpdateSecretVersionStageCommand({
      SecretId: name,
      VersionStage: "AWSCURRENT",
      MoveToVersionId: token,
      ...(current ? { RemoveFromVersionId: current } : {}),
    }),
  );
  ctx.log({ step: "finishSecret", secret: name, version: token, previous: current ?? "none", outcome: "AWSCURRENT moved" });
}
