import { startLoopback, stopLoopback } from "./loopback-server";
// A Secrets Manager stand-in on loopback speaking the real JSON 1.1 protocol (POST /, X-Amz-Target:
// secretsmanager.<Op>, errors as {"__type": ...}) for the operations the rotation function and `secret-guard rotate`
// use, with staging-label semantics: AWSCURRENT / AWSPENDING / AWSPREVIOUS, one version per label, a pending version
// that exists before its value, idempotent PutSecretValue, RemoveFromVersionId checked. RotateSecret invokes the
// registered rotation function's four steps in order, as the service does.
import * as http from "node:http";
import { randomUUID } from "node:crypto";

export interface StandinVersion {
  value?: string;
  stages: Set<string>;
  created: number;
}

export interface StandinSecret {
  name: string;
  arn: string;
  versions: Map<string, StandinVersion>;
  rotationEnabled: boolean;
  rotationLambdaArn?: string;
}

export type RotationInvoker = (event: { Step: string; SecretId: string; ClientRequestToken: string }) => Promise<void>;

class ApiError extends Error {
  constructor(readonly type: string, message: string, readonly status = 400) {
    super(message);
  }
}

export class SecretsManagerStandin {
  readonly secrets = new Map<string, StandinSecret>();
  readonly calls: string[] = [];
  /** Operations to fail once with a 500 (to test that a failed step leaves the current secret alone). */
  readonly failNext = new Map<string, number>();
  invoker?: RotationInvoker;
  /** The last rotation started by RotateSecret: resolves when its four steps ran (or one failed). */
  lastRotation?: Promise<{ ok: boolean; error?: string }>;
  private server?: http.Server;
  endpoint = "";

  async start(): Promise<this> {
    const { server, base } = await startLoopback((req, res, body) => this.handle(req, res, body));
    this.server = server;
    this.endpoint = base;
    return this;
  }

  /** Rotations RotateSecret started in the background; stop() waits for them, so none outlives its test file. */
  private readonly rotations = new Set<Promise<unknown>>();

  async stop(): Promise<void> {
    await Promise.allSettled([...this.rotations]);
    await stopLoopback(this.server);
  }

  /** A secret as Terraform creates it: no value, rotation enabled when an invoker is set. */
  create(name: string, value?: string): StandinSecret {
    const s: StandinSecret = {
      name,
      arn: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf`,
      versions: new Map(),
      rotationEnabled: true,
      rotationLambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:genesys-oauth-rotation",
    };
    if (value !== undefined) s.versions.set(randomUUID(), { value, stages: new Set(["AWSCURRENT"]), created: Date.now() });
    this.secrets.set(name, s);
    return s;
  }

  find(id: string): StandinSecret {
    for (const s of this.secrets.values()) if (s.name === id || s.arn === id) return s;
    throw new ApiError("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
  }

  /** Version id holding a label, if any. */
  holder(s: StandinSecret, stage: string): string | undefined {
    for (const [id, v] of s.versions) if (v.stages.has(stage)) return id;
    return undefined;
  }

  value(name: string, stage = "AWSCURRENT"): string | undefined {
    const s = this.find(name);
    const id = this.holder(s, stage);
    return id ? s.versions.get(id)!.value : undefined;
  }

  /** Starts a rotation the way the service does: a pending version id without a value, then the four steps. */
  startRotation(s: StandinSecret, token: string): void {
    const pendingElsewhere = this.holder(s, "AWSPENDING");
    if (pendingElsewhere && pendingElsewhere !== token && !s.versions.get(pendingElsewhere)!.stages.has("AWSCURRENT")) {
      throw new ApiError("InvalidRequestException", "A previous rotation isn't complete. That rotation will be reattempted.");
    }
    if (pendingElsewhere && pendingElsewhere !== token) s.versions.get(pendingElsewhere)!.stages.delete("AWSPENDING");
    if (!s.versions.has(token)) s.versions.set(token, { stages: new Set(["AWSPENDING"]), created: Date.now() });
    const invoker = this.invoker;
    if (!invoker) throw new ApiError("InvalidRequestException", "No rotation function is configured.");
    const rotation = (async (): Promise<{ ok: boolean; error?: string }> => {
      try {
        for (const Step of ["createSecret", "setSecret", "testSecret", "finishSecret"]) {
          await invoker({ Step, SecretId: s.arn, ClientRequestToken: token });
        }
        return { ok: true };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    })();
    this.lastRotation = rotation;
    this.rotations.add(rotation);
    void rotation.finally(() => this.rotations.delete(rotation));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const target = String(req.headers["x-amz-target"] ?? "");
    const op = target.replace(/^secretsmanager\./, "");
    this.calls.push(op);
    const send = (status: number, doc: unknown) => {
      res.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": randomUUID() });
      res.end(JSON.stringify(doc));
    };
    try {
      if (req.method !== "POST" || !target.startsWith("secretsmanager.")) throw new ApiError("UnknownOperationException", "unknown operation");
      if (!String(req.headers["content-type"]).startsWith("application/x-amz-json-1.1")) throw new ApiError("SerializationException", "bad content type");
      if (!/AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[a-z0-9-]+\/secretsmanager\/aws4_request/.test(String(req.headers.authorization))) {
        throw new ApiError("IncompleteSignature", "request is not signed for secretsmanager", 403);
      }
      const n = this.failNext.get(op) ?? 0;
      if (n > 0) {
        this.failNext.set(op, n - 1);
        throw new ApiError("InternalServiceError", "stand-in failure", 500);
      }
      send(200, this.operation(op, JSON.parse(body || "{}")));
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError("InternalServiceError", "stand-in error", 500);
      send(err.status, { __type: err.type, message: err.message });
    }
  }

  private operation(op: string, b: any): unknown {
    const s = this.find(b.SecretId);
    const stagesOf = () => Object.fromEntries([...s.versions].filter(([, v]) => v.stages.size > 0).map(([id, v]) => [id, [...v.stages]]));
    switch (op) {
      case "DescribeSecret":
        return {
          ARN: s.arn,
          Name: s.name,
          RotationEnabled: s.rotationEnabled,
          RotationLambdaARN: s.rotationLambdaArn,
          RotationRules: { AutomaticallyAfterDays: 30 },
          VersionIdsToStages: stagesOf(),
        };
      case "GetSecretValue": {
        let id: string | undefined = b.VersionId;
        const stage = b.VersionStage ?? (b.VersionId ? undefined : "AWSCURRENT");
        if (!id) id = this.holder(s, stage);
        const v = id ? s.versions.get(id) : undefined;
        if (!v || (stage && !v.stages.has(stage)) || v.value === undefined) {
          throw new ApiError("ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label or version id.");
        }
        return { ARN: s.arn, Name: s.name, VersionId: id, SecretString: v.value, VersionStages: [...v.stages], CreatedDate: v.created / 1000 };
      }
      case "PutSecretValue": {
        const token: string = b.ClientRequestToken;
        if (!token || typeof b.SecretString !== "string") throw new ApiError("InvalidParameterException", "ClientRequestToken and SecretString are required");
        const stages: string[] = b.VersionStages ?? ["AWSCURRENT"];
        const existing = s.versions.get(token);
        if (existing?.value !== undefined) {
          if (existing.value !== b.SecretString) throw new ApiError("ResourceExistsException", "You can't modify an existing version, you can only create a new version.");
          return { ARN: s.arn, Name: s.name, VersionId: token, VersionStages: [...existing.stages] };
        }
        const v = existing ?? { stages: new Set<string>(), created: Date.now() };
        v.value = b.SecretString;
        for (const stage of stages) this.moveStage(s, stage, token, v);
        s.versions.set(token, v);
        return { ARN: s.arn, Name: s.name, VersionId: token, VersionStages: [...v.stages] };
      }
      case "UpdateSecretVersionStage": {
        const stage: string = b.VersionStage;
        const holder = this.holder(s, stage);
        if (b.RemoveFromVersionId && holder !== b.RemoveFromVersionId) {
          throw new ApiError("InvalidParameterException", `The staging label ${stage} is not attached to version ${b.RemoveFromVersionId}.`);
        }
        if (b.MoveToVersionId) {
          const target = s.versions.get(b.MoveToVersionId);
          if (!target || target.value === undefined) throw new ApiError("InvalidParameterException", "The version to move to has no value.");
          if (holder && holder !== b.MoveToVersionId && !b.RemoveFromVersionId) {
            throw new ApiError("InvalidParameterException", `The staging label ${stage} is attached to another version: name it in RemoveFromVersionId.`);
          }
          this.moveStage(s, stage, b.MoveToVersionId, target);
        } else if (b.RemoveFromVersionId) {
          s.versions.get(b.RemoveFromVersionId)!.stages.delete(stage);
        }
        return { ARN: s.arn, Name: s.name };
      }
      case "RotateSecret": {
        const token: string = b.ClientRequestToken ?? randomUUID();
        if (b.RotationLambdaARN) s.rotationLambdaArn = b.RotationLambdaARN;
        s.rotationEnabled = true;
        this.startRotation(s, token);
        return { ARN: s.arn, Name: s.name, VersionId: token };
      }
      default:
        throw new ApiError("UnknownOperationException", `operation ${op} is not in the stand-in`);
    }
  }

  /** Moves a label onto a version; AWSCURRENT leaving a version leaves AWSPREVIOUS there, as the service does. */
  private moveStage(s: StandinSecret, stage: string, to: string, v: StandinVersion): void {
    for (const [id, other] of s.versions) {
      if (id === to || !other.stages.has(stage)) continue;
      other.stages.delete(stage);
      if (stage === "AWSCURRENT") {
        for (const o of s.versions.values()) o.stages.delete("AWSPREVIOUS");
        other.stages.add("AWSPREVIOUS");
      }
    }
    v.stages.add(stage);
    if (stage === "AWSCURRENT") v.stages.delete("AWSPREVIOUS");
  }
}
