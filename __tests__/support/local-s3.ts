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

export async function startLocalS3(bucket: string): Promise<LocalS3> {
  const directory = tempDir("s3rver");
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const s3 = await server.run();
  const target = { host: "127.0.0.1", port: (s3 as AddressInfo).port };
  const requests: RecordedRequest[] = [];
  const proxy = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers });
    const fwd = http.request({ ...target, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
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
      await new Promise<void>((r) => proxy.close(() => r()));
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
