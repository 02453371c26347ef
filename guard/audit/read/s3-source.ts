import type { S3Client, S3ClientConfig } from "@aws-sdk/client-s3";
import { InputError } from "../../errors";
import type { ByteSource } from "./file-chunks";
import { remoteSource } from "./remote-source";
import { StopsAudit } from "./remote-error";
import { awsCredentialError, awsCredentialProvider } from "../../commands/aws-credentials";
import { headLooksLikeTerraform, isStateName, SNIFF_BYTES } from "./audit-targets";

/**
 * Terraform state in S3, read with the AWS SDK v3 and never written to disk.
 *
 * - Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN) from the command's environment
 *   when set, else the SDK's standard chain (profile files, SSO, web identity, container and instance roles).
 * - Region: the backend's `region`, else AWS_REGION / AWS_DEFAULT_REGION, else the SDK's chain (profile); a
 *   bucket in another region is followed (followRegionRedirects).
 * - Endpoint: the backend's `endpoints.s3` (or legacy `endpoint`), else AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL
 *   (both ignored when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true), else AWS. A custom endpoint gets path-style
 *   addressing (as Terraform's `use_path_style`; the SDK would otherwise put the bucket in the host name) and
 *   checksums only when required (S3-compatible servers rarely send them).
 * - SSE-KMS objects read like any other (S3 decrypts; the caller needs kms:Decrypt). SSE-C: `sse_customer_key` or
 *   AWS_SSE_CUSTOMER_KEY (base64 of 32 bytes), as Terraform.
 * - Two passes without a temp file: see remote-source.ts (held in memory up to 8 MiB, else a second GET with
 *   If-Match on the first GET's ETag).
 */
export interface S3Location {
  readonly bucket: string;
  /** An object key, or a prefix ending in "/" (or empty: the whole bucket). */
  readonly key: string;
}

/** Settings that a backend block can give (all optional on the command line). */
export interface S3Settings {
  readonly region?: string;
  readonly endpoint?: string;
  readonly usePathStyle?: boolean;
  readonly profile?: string;
  readonly sseCustomerKey?: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

export function isS3Url(arg: string): boolean {
  return /^s3:\/\//i.test(arg);
}

/** `s3://BUCKET/KEY` or `s3://BUCKET/PREFIX/`; the bucket is checked as S3 names it, the key taken as written. */
export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([^/]*)(?:\/(.*))?$/is.exec(url);
  const bucket = m?.[1] ?? "";
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new InputError(`${url}: not an S3 URL (s3://BUCKET/KEY or s3://BUCKET/PREFIX/)`);
  return { bucket, key: m?.[2] ?? "" };
}

export function s3Url(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

/** The S3 client for one set of settings (cached: one connection pool per endpoint and region). */
export class S3Clients {
  private readonly clients = new Map<string, S3Client>();
  private sdk?: typeof import("@aws-sdk/client-s3");

  constructor(readonly env: Env) {}

  async module(): Promise<typeof import("@aws-sdk/client-s3")> {
    // Loaded on first use: the SDK is large and most audits read local files. Its Node-version notice (a
    // multi-line process warning) would break the one-line stderr contract: off unless the caller set it.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    return (this.sdk ??= await import("@aws-sdk/client-s3"));
  }

  async client(settings: S3Settings = {}): Promise<S3Client> {
    const env = this.env;
    const ignoreEnvEndpoint = (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? "").toLowerCase() === "true";
    const endpoint = settings.endpoint || (ignoreEnvEndpoint ? undefined : env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL) || undefined;
    const region = settings.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
    const cacheKey = JSON.stringify([endpoint, region, settings.usePathStyle, settings.profile]);
    const cached = this.clients.get(cacheKey);
    if (cached) return cached;
    if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/i.test(endpoint)) throw new InputError(`the S3 endpoint is not an http(s) URL (check endpoints.s3 or AWS_ENDPOINT_URL_S3)`);
    const { S3Client } = await this.module();
    const config: S3ClientConfig = {
      followRegionRedirects: true,
      maxAttempts: positiveInt(env.AWS_MAX_ATTEMPTS) ?? 3,
    };
    if (region) config.region = region;
    if (endpoint) {
      config.endpoint = endpoint;
      config.requestChecksumCalculation = "WHEN_REQUIRED";
      config.responseChecksumValidation = "WHEN_REQUIRED";
    }
    config.forcePathStyle = settings.usePathStyle ?? endpoint !== undefined;
    if (settings.profile) config.profile = settings.profile;
    config.credentials = awsCredentialProvider(env, settings.profile);
    const client = new S3Client(config);
    this.clients.set(cacheKey, client);
    return client;
  }

  destroy(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }
}

function positiveInt(v: string | undefined): number | undefined {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n >= 1 && n <= 20 ? n : undefined;
}

/** One object as a source: streamed per pass, small ones held in memory (remote-source.ts). */
export function s3ObjectSource(clients: S3Clients, loc: S3Location, settings: S3Settings, display = s3Url(loc.bucket, loc.key)): ByteSource {
  let etag: string | undefined;
  return remoteSource(display, async (again) => {
    const client = await clients.client(settings);
    const { GetObjectCommand } = await clients.module();
    const sseKey = settings.sseCustomerKey || clients.env.AWS_SSE_CUSTOMER_KEY;
    try {
      const r = await client.send(
        new GetObjectCommand({
          Bucket: loc.bucket,
          Key: loc.key,
          ...(again && etag ? { IfMatch: etag } : {}),
          ...(sseKey ? { SSECustomerAlgorithm: "AES256", SSECustomerKey: sseKey } : {}),
        }),
      );
      if (!again) etag = r.ETag;
      if (!r.Body) throw new InputError(`${display}: empty object (no state)`);
      return r.Body as AsyncIterable<Uint8Array>;
    } catch (e) {
      throw s3Error(e, display, "s3:GetObject", clients.env, settings.profile);
    }
  });
}

/** Keys under a prefix that hold state: by name (*.tfstate, *.tfstate.backup...), or by content for .json and extension-less keys. */
export async function listStateKeys(clients: S3Clients, loc: S3Location, settings: S3Settings, concurrency = 8): Promise<string[]> {
  const client = await clients.client(settings);
  const { paginateListObjectsV2, GetObjectCommand } = await clients.module();
  const url = s3Url(loc.bucket, loc.key);
  const byName: string[] = [];
  const toSniff: string[] = [];
  try {
    for await (const page of paginateListObjectsV2({ client, pageSize: 1000 }, { Bucket: loc.bucket, Prefix: loc.key || undefined })) {
      for (const o of page.Contents ?? []) {
        const key = o.Key;
        if (!key || key.endsWith("/") || (o.Size ?? 1) === 0) continue;
        const name = key.slice(key.lastIndexOf("/") + 1);
        if (name.endsWith(".tflock") || name.endsWith(".md5")) continue; // lock files (use_lockfile), digests
        if (isStateName(name)) byName.push(key);
        else if (name.endsWith(".json") || !name.includes(".")) toSniff.push(key);
      }
    }
  } catch (e) {
    throw s3Error(e, url, "s3:ListBucket", clients.env, settings.profile);
  }
  const sniffed = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < toSniff.length) {
      const key = toSniff[next++];
      try {
        const r = await client.send(new GetObjectCommand({ Bucket: loc.bucket, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
        const head = r.Body ? await r.Body.transformToString("utf8") : "";
        if (headLooksLikeTerraform(head)) sniffed.add(key);
      } catch (e) {
        const err = s3Error(e, s3Url(loc.bucket, key), "s3:GetObject", clients.env, settings.profile);
        // A key that cannot be read is kept: the audit then reports it (SG106) instead of skipping it silently.
        if (/access denied|AWS credentials/.test(err.message)) sniffed.add(key);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, toSniff.length) }, worker));
  return [...byName, ...toSniff.filter((k) => sniffed.has(k))].sort();
}

/**
 * One line for an S3 failure: what went wrong and the URL, never the SDK's message or a stack. Missing or rejected
 * credentials say how to provide them (aws-credentials.ts) and stop the audit.
 */
export function s3Error(e: unknown, url: string, action: string, env: Env = process.env, profile?: string): Error {
  if (e instanceof InputError) return e;
  const credentials = awsCredentialError(e, url, env, profile);
  if (credentials) return Object.assign(new StopsAudit(credentials.message), { wholeLine: true });
  const err = e as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; Code?: string };
  const name = err?.name ?? "";
  const status = err?.$metadata?.httpStatusCode;
  const netCode = err?.code ?? "";
  let why: string;
  let fatal = false;
  if (name === "NoSuchKey" || (name === "NotFound" && status === 404)) why = "no such key (no state there; for every state under a prefix, end the URL with /)";
  else if (name === "NoSuchBucket") { why = "no such bucket"; fatal = true; }
  else if (name === "AccessDenied" || name === "Forbidden" || name === "AllAccessDisabled" || (status === 403 && !/InvalidAccessKeyId|SignatureDoesNotMatch|ExpiredToken|InvalidToken/.test(name))) why = `access denied (the caller needs ${action}${action === "s3:GetObject" ? ", and kms:Decrypt for an SSE-KMS object" : ""})`;
  else if (/Region is missing/i.test(err?.message ?? "")) { why = "no AWS region (set AWS_REGION)"; fatal = true; }
  else if (name === "SlowDown" || name === "Throttling" || name === "ThrottlingException" || name === "TooManyRequestsException" || name === "RequestLimitExceeded" || status === 503 || status === 429) { why = `throttled by S3 (${name || status}); retry later or lower the concurrency (SECRET_GUARD_CONCURRENCY)`; fatal = true; }
  else if (name === "PreconditionFailed" || status === 412) why = "the object changed during the audit; run it again";
  else if (name === "InvalidObjectState") why = "the object is archived (restore it first)";
  else if (name === "PermanentRedirect" || name === "AuthorizationHeaderMalformed") { why = `the bucket is in another region (${name}); set AWS_REGION`; fatal = true; }
  else if (/^(ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/.test(netCode)) { why = `cannot reach S3 (${netCode})`; fatal = true; }
  else if (name === "TimeoutError") { why = "S3 did not answer in time"; fatal = true; }
  else why = `S3 error (${/^[A-Za-z0-9.]{1,64}$/.test(name) ? name : "unknown"}${status ? ` ${status}` : ""})`;
  return new StopsAudit(`${url}: ${why}`, fatal);
}
