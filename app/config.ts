import * as fs from "node:fs";
import type { ErrorObject } from "ajv";
// Precompiled from schemas/genesys-oauth.config.schema.json at build time (scripts/build-config-validator.js).
import { validate as validateSchema } from "./config-validator.generated";
import { GenesysConfigError } from "../constructs/errors";
import { clientConstructId } from "./client-id";
import type { GenesysOAuthClientProps } from "../constructs/genesys-oauth-client";
import type { SelfOwnedCredentialType, SecretsManagerCopyProps } from "../constructs/generated-secret";
import type { StateLocking } from "../constructs/encrypted-s3-backend";
import type { RotationFunctionProps } from "../constructs/rotated-client-secret";

/** The app's config file (see schemas/genesys-oauth.config.schema.json and the README). */
export const DEFAULT_CONFIG_FILE = "genesys-oauth.config.json";

/** A client in the config: GenesysOAuthClient's props, as plain data. */
export type ClientConfig = Omit<GenesysOAuthClientProps, "provider" | "awsProvider" | "rotationFunction">;

/** An environment's rotation function (`rotationFunction`), for clients with secretDelivery secrets-manager-rotation. */
export type RotationFunctionConfig = Omit<RotationFunctionProps, "genesysRegion" | "provider" | "bundlePath">;

export interface GeneratedSecretConfig {
  readonly name: string;
  readonly length?: number;
  readonly special?: boolean;
  readonly ephemeral?: boolean;
  readonly secretsManager?: SecretsManagerCopyProps;
  readonly integrationCredential?: { name: string; type: SelfOwnedCredentialType; principal: string };
  readonly sensitiveOutput?: boolean;
}

export interface S3BackendSettings {
  readonly type: "s3";
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  readonly kmsKeyId?: string;
  readonly locking?: StateLocking;
  readonly dynamodbTable?: string;
  readonly endpoint?: string;
  readonly usePathStyle?: boolean;
  readonly profile?: string;
  readonly roleArn?: string;
}

export interface CloudBackendSettings {
  readonly type: "cloud";
  readonly organization: string;
  readonly workspace: string;
  readonly hostname?: string;
  readonly project?: string;
}

export type BackendSettings = S3BackendSettings | CloudBackendSettings;

export interface EnvironmentConfig {
  readonly name: string;
  readonly stackName: string;
  readonly region: string;
  readonly aws: { readonly region: string; readonly accountId?: string; readonly profile?: string };
  readonly backend: BackendSettings;
  readonly clients: ClientConfig[];
  readonly generatedSecrets: GeneratedSecretConfig[];
  readonly rotationFunction?: RotationFunctionConfig;
  /** Where this environment sits in the file, for error messages (`environments[1]`). */
  readonly location: string;
}

export interface FleetConfig {
  readonly file: string;
  readonly environments: EnvironmentConfig[];
}

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
const validator = validateSchema as Validator;

/** `/environments/0/clients/3/grantType` -> `environments[0].clients[3].grantType`. */
export function pointerToPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), "");
}

function describe(err: ErrorObject, data: unknown): string {
  const at = pointerToPath(err.instancePath) || "(top level)";
  const got = valueAt(data, err.instancePath);
  // Echo only what cannot be a pasted secret: numbers, booleans, and short strings for enum fields.
  const echo = typeof got === "number" || typeof got === "boolean" || (err.keyword === "enum" && typeof got === "string" && got.length <= 32);
  const shown = echo ? ` (got ${JSON.stringify(got)})` : "";
  switch (err.keyword) {
    case "additionalProperties": {
      const allowed = Object.keys(propertiesAt(err.parentSchema) ?? {}).join(", ");
      return `${at}: unknown field "${(err.params as any).additionalProperty}"; allowed: ${allowed}`;
    }
    case "required":
      return `${at}: missing required field "${(err.params as any).missingProperty}"`;
    case "enum":
      return `${at} must be one of ${(err.params as any).allowedValues.join(", ")}${shown}`;
    case "const":
      if (at.endsWith("encrypt")) return `${at} must be true: state holds secrets, unencrypted backends are refused${shown}`;
      return `${at} must be ${JSON.stringify((err.params as any).allowedValue)}${shown}`;
    default:
      return `${at} ${inWords(err)}${shown}`;
  }
}

const UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** What each pattern of the config schema means, for people. */
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  "\\S": "must not be empty or only spaces",
  [`^${UUID_PATTERN}$`]: "must be an id: a lowercase UUID such as 7c9e6679-7425-40de-944b-e07fc1f90ae7",
  [`^(\\*|${UUID_PATTERN})$`]: "must be a division id (a lowercase UUID) or * for all divisions",
  "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$": "must be an S3 bucket name: 3 to 63 of a-z, 0-9, '.' and '-', starting and ending with a letter or digit",
  "^[a-z]{2}(-[a-z]+)+-\\d$": "must be an AWS region such as us-east-1",
  "^\\d{12}$": "must be a 12-digit AWS account id",
  "^[a-z0-9][a-z0-9-]{0,62}$": "must be 1 to 63 of a-z, 0-9 and '-', starting with a letter or digit",
  "^[a-z0-9][a-z0-9-]{0,40}$": "must be 1 to 41 of a-z, 0-9 and '-', starting with a letter or digit",
  "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$": "must be 1 to 63 of A-Z, a-z, 0-9, '_' and '-', starting with a letter or digit",
};

const TYPE_WORDS: Readonly<Record<string, string>> = {
  integer: "a whole number",
  number: "a number",
  string: "text (a JSON string)",
  boolean: "true or false",
  array: "a list ([...])",
  object: "an object ({...})",
};

/** Ajv's keyword messages (`must match pattern "\S"`, `must NOT have fewer than 1 characters`) in words. */
function inWords(err: ErrorObject): string {
  const p = err.params as any;
  switch (err.keyword) {
    case "pattern":
      return PATTERN_WORDS[p.pattern] ?? "is not in the form this field takes (see schemas/genesys-oauth.config.schema.json)";
    case "minLength":
      return p.limit === 1 ? "must not be empty" : `must have at least ${p.limit} characters`;
    case "maxLength":
      return `must have at most ${p.limit} characters`;
    case "minimum":
      return `must be at least ${p.limit}`;
    case "maximum":
      return `must be at most ${p.limit}`;
    case "exclusiveMinimum":
      return `must be more than ${p.limit}`;
    case "exclusiveMaximum":
      return `must be less than ${p.limit}`;
    case "minItems":
      return `must list at least ${p.limit} item${p.limit === 1 ? "" : "s"}`;
    case "maxItems":
      return `must list at most ${p.limit} item${p.limit === 1 ? "" : "s"}`;
    case "uniqueItems":
      return `must not list the same item twice (items ${p.j} and ${p.i} are equal)`;
    case "type": {
      const types = String(p.type).split(",").map((t) => TYPE_WORDS[t] ?? t);
      return `must be ${types.join(" or ")}`;
    }
    case "oneOf":
    case "anyOf":
      return "does not match any of the forms this field takes (see schemas/genesys-oauth.config.schema.json)";
    default:
      return `is not valid (${err.keyword}; see schemas/genesys-oauth.config.schema.json)`;
  }
}

/**
 * JSON with comments, as the README shows it: `//` line and block comments outside strings become spaces (so
 * line and column numbers in errors still point into the file), and a UTF-8 byte-order mark is dropped.
 */
export function stripJsonComments(text: string): string {
  let out = "";
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    out = " ";
    i = 1;
  }
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === "/" && text[i + 1] === "/") {
      let j = i;
      while (j < n && text[j] !== "\n") j++;
      out += " ".repeat(j - i);
      i = j;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const j = end < 0 ? n : end + 2;
      out += text.slice(i, j).replace(/[^\n]/g, " ");
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function propertiesAt(schema: any): Record<string, unknown> | undefined {
  return schema?.properties;
}

function valueAt(data: any, pointer: string): unknown {
  let v = data;
  for (const seg of pointer.split("/").slice(1)) v = v?.[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
  return v;
}

function fail(file: string, message: string): never {
  throw new GenesysConfigError(`${file}: ${message}`);
}

/** Reads, validates and resolves defaults of a fleet config. Every error is one line naming file and path. */
export function loadConfig(file: string): FleetConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    fail(file, `cannot read config (${(e as NodeJS.ErrnoException).code ?? "error"}); pass a file with --config or GENESYS_OAUTH_CONFIG`);
  }
  text = stripJsonComments(text);
  let data: any;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // V8's message quotes the text around the error, which could be a secret: say where, not what.
    const at = syntaxErrorOffset(text);
    fail(file, at === undefined ? "not valid JSON (it ends early or is empty)" : `not valid JSON (at ${lineColumn(text, at)})`);
  }
  return parseConfig(data, file);
}

/**
 * Offset of the first character that makes `text` invalid JSON, or undefined when it is only cut short. Every
 * prefix of valid JSON fails only for ending early, so the first bad offset can be found by bisection.
 */
function syntaxErrorOffset(text: string): number | undefined {
  const badAt = (k: number): boolean => {
    try {
      JSON.parse(text.slice(0, k));
      return false;
    } catch (e) {
      const m = (e as Error).message;
      const pos = /position (\d+)/.exec(m);
      return !/end of JSON input/.test(m) && !(pos && Number(pos[1]) >= k);
    }
  };
  if (!badAt(text.length)) return undefined;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (badAt(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  return `line ${line}, column ${position - before.lastIndexOf("\n")}`;
}

/** Whether an environment hands secrets to AWS Secrets Manager (and so needs the aws provider). */
export function needsAws(e: { clients: readonly ClientConfig[]; generatedSecrets: readonly GeneratedSecretConfig[] }): boolean {
  return e.clients.some((c) => c.secretDelivery === "secrets-manager" || c.secretDelivery === "secrets-manager-rotation") || e.generatedSecrets.some((g) => !!g.secretsManager);
}

export function parseConfig(data: unknown, file: string): FleetConfig {
  if (!validator(data)) fail(file, describe(validator.errors![0], data));
  const raw = data as any;
  const d = raw.defaults ?? {};
  const seenEnv = new Map<string, number>();
  const seenStack = new Map<string, number>();
  const environments = (raw.environments as any[]).map((e, i): EnvironmentConfig => {
    const location = `environments[${i}]`;
    if (seenEnv.has(e.name)) fail(file, `${location}.name "${e.name}" is already used by environments[${seenEnv.get(e.name)}]`);
    seenEnv.set(e.name, i);
    const stackName = e.stackName ?? `genesys-oauth-${e.name}`;
    if (seenStack.has(stackName)) fail(file, `${location}.stackName "${stackName}" is already used by environments[${seenStack.get(stackName)}]`);
    seenStack.set(stackName, i);

    const backend = { ...(d.backend ?? {}), ...(e.backend ?? {}) };
    backend.type ??= "s3";
    if (backend.type === "s3") {
      for (const k of ["organization", "workspace", "hostname", "project"]) {
        if (backend[k] !== undefined) fail(file, `${location}.backend.${k} applies to type cloud, not s3`);
      }
      if (!backend.bucket) fail(file, `${location}.backend: missing required field "bucket" (type s3)`);
      backend.key ??= `genesys-oauth/${e.name}/terraform.tfstate`;
      backend.region ??= e.aws?.region ?? d.aws?.region;
      if (!backend.region) fail(file, `${location}.backend: missing required field "region" (type s3)`);
      const locking = backend.locking ?? "lockfile";
      if (locking !== "lockfile" && !backend.dynamodbTable) fail(file, `${location}.backend.dynamodbTable is required for locking "${locking}"`);
    } else {
      for (const k of ["bucket", "key", "region", "encrypt", "kmsKeyId", "locking", "dynamodbTable", "endpoint", "usePathStyle", "profile", "roleArn"]) {
        if (e.backend?.[k] !== undefined) fail(file, `${location}.backend.${k} applies to type s3, not cloud`);
      }
      for (const k of ["bucket", "key", "region", "encrypt", "kmsKeyId", "locking", "dynamodbTable", "endpoint", "usePathStyle", "profile", "roleArn"]) delete backend[k];
      if (!backend.organization) fail(file, `${location}.backend: missing required field "organization" (type cloud)`);
      if (!backend.workspace) fail(file, `${location}.backend: missing required field "workspace" (type cloud)`);
    }
    delete backend.encrypt;

    const seenClient = new Map<string, number>();
    const seenId = new Map<string, number>();
    const clients = (e.clients ?? []).map((c: any, j: number) => {
      // Genesys answers 409 at apply for a duplicate name; catch it at synth instead.
      const key = c.name.trim().toLowerCase();
      if (seenClient.has(key)) {
        fail(file, `${location}.clients[${j}].name "${c.name}" duplicates ${location}.clients[${seenClient.get(key)}] in the same org (Genesys would answer 409)`);
      }
      seenClient.set(key, j);
      const id = clientConstructId(c.name, j);
      if (seenId.has(id)) {
        const other = seenId.get(id)!;
        fail(file, `${location}.clients[${j}].name "${c.name}" and ${location}.clients[${other}].name "${e.clients[other].name}" differ only in punctuation and would share one Terraform address; rename one`);
      }
      seenId.set(id, j);
      return { ...(d.client ?? {}), ...c };
    });
    const seenSecret = new Set<string>();
    const generatedSecrets = (e.generatedSecrets ?? []).map((g: any, j: number) => {
      if (seenSecret.has(g.name)) fail(file, `${location}.generatedSecrets[${j}].name "${g.name}" is used twice`);
      seenSecret.add(g.name);
      if (g.ephemeral && (g.integrationCredential || g.sensitiveOutput)) {
        fail(file, `${location}.generatedSecrets[${j}]: an ephemeral secret can only feed write-only arguments (secretsManager), not integrationCredential or sensitiveOutput`);
      }
      return g;
    });
    const aws = { ...(d.aws ?? {}), ...(e.aws ?? {}) };
    aws.region ??= backend.type === "s3" ? backend.region : undefined;
    if (needsAws({ clients, generatedSecrets }) && !aws.region) fail(file, `${location}.aws.region is required when secrets go to AWS Secrets Manager`);
    if (e.rotationFunction && !clients.some((c: ClientConfig) => c.secretDelivery === "secrets-manager-rotation")) {
      fail(file, `${location}.rotationFunction is only used when a client has secretDelivery secrets-manager-rotation`);
    }
    return { name: e.name, stackName, region: e.region, aws, backend, clients, generatedSecrets, rotationFunction: e.rotationFunction, location };
  });
  return { file, environments };
}
