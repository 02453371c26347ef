// A real S3-compatible server (s3rver) on a free loopback port, behind a tiny recording proxy so tests can see
// what Terraform's S3 backend actually sent (s3rver ignores server-side-encryption headers).
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { tempDir } from "./terraform-runner";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver");

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface LocalS3 {
  /** Endpoint Terraform should use (the recording proxy). */
  endpoint: string;
  directory: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

/** What the recording proxy may do besides forwarding: refuse a request as S3 would, or add response headers. */
export interface ProxyRules {
  /** An S3 error to answer instead of forwarding (e.g. 403 AccessDenied, 503 SlowDown). */
  refuse?: (req: RecordedRequest) => { status: number; code: string } | undefined;
  /** Headers added to forwarded answers (e.g. what S3 sends for an SSE-KMS object). */
  responseHeaders?: (req: RecordedRequest) => Record<string, string> | undefined;
}

export async function startLocalS3(buckets: string | string[], rules: ProxyRules = {}): Promise<LocalS3> {
  const directory = tempDir("s3rver");
  const names = typeof buckets === "string" ? [buckets] : buckets;
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: names.map((name) => ({ name })) });
  const s3 = await server.run();
  const target = { host: "127.0.0.1", port: (s3 as AddressInfo).port };
  const requests: RecordedRequest[] = [];
  const proxy = http.createServer((req, res) => {
    const recorded = { method: req.method ?? "", path: req.url ?? "", headers: req.headers };
    requests.push(recorded);
    const refused = rules.refuse?.(recorded);
    if (refused) {
      req.resume();
      res.writeHead(refused.status, { "content-type": "application/xml" });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${refused.code}</Code><Message>refused by the test proxy</Message><RequestId>0</RequestId></Error>`);
      return;
    }
    const fwd = http.request({ ...target, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, { ...up.headers, ...(rules.responseHeaders?.(recorded) ?? {}) });
      up.pipe(res);
    });
    fwd.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(fwd);
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  const port = (proxy.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    requests,
    async stop() {
      await new Promise<void>((r) => (proxy.close(() => r()), proxy.closeAllConnections()));
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
