// How `secret-guard run-task` follows the plan redirect: which hops get the run's bearer token and which redirect
// targets it refuses. Real HTTP on loopback (an "API" origin and an "archive" origin); an https API, which a test
// cannot serve on loopback without a certificate, is answered by a stand-in fetch for that one origin while every
// other request goes through the real fetch. Assertions on Authorization headers compare booleans, so a failure
// never prints the token.
import type * as http from "node:http";
import { randomBytes } from "node:crypto";
import { fetchPlan, PlanFetchError } from "../guard/run-task/plan-fetch";
import { startLoopback, stopLoopback } from "./support/loopback-server";

const PLAN = JSON.stringify({ format_version: "1.2", terraform_version: "1.11.4", resource_changes: [] });

interface Hit {
  readonly path: string;
  readonly withToken: boolean;
}

describe("run-task plan fetch: the token and the redirect chain", () => {
  const token = `${randomBytes(7).toString("base64url")}.atlasv1.${randomBytes(40).toString("base64url")}`;
  let api: http.Server;
  let archive: http.Server;
  let apiBase = "";
  let archiveBase = "";
  const apiHits: Hit[] = [];
  const archiveHits: Hit[] = [];
  /** Where the archive sends its request next (undefined: it answers the plan). */
  let archiveRedirect: string | undefined;

  beforeAll(async () => {
    ({ server: api, base: apiBase } = await startLoopback((req, res) => {
      apiHits.push({ path: req.url ?? "", withToken: req.headers.authorization !== undefined });
      if (req.url === "/api/v2/plans/plan-1/json-output") return void res.writeHead(307, { Location: `${archiveBase}/objects/plan-1` }).end();
      res.writeHead(200, { "Content-Type": "application/json" }).end(PLAN);
    }));
    ({ server: archive, base: archiveBase } = await startLoopback((req, res) => {
      archiveHits.push({ path: req.url ?? "", withToken: req.headers.authorization !== undefined });
      if (archiveRedirect) return void res.writeHead(307, { Location: archiveRedirect }).end();
      res.writeHead(200, { "Content-Type": "application/json" }).end(PLAN);
    }));
    // Another origin on the same loopback: the token must not follow the redirect there.
    archiveBase = archiveBase.replace("127.0.0.1", "localhost");
  });

  afterAll(async () => {
    await stopLoopback(api);
    await stopLoopback(archive);
  });

  beforeEach(() => {
    apiHits.length = 0;
    archiveHits.length = 0;
    archiveRedirect = undefined;
  });

  const options = { timeoutMs: 5000, maxBytes: 1024 * 1024 };

  it("sends the token to the API, not to the archive it redirects to", async () => {
    const parts = await fetchPlan(new URL(`${apiBase}/api/v2/plans/plan-1/json-output`), token, options);
    expect(Buffer.concat(parts).toString()).toBe(PLAN);
    expect(apiHits).toEqual([{ path: "/api/v2/plans/plan-1/json-output", withToken: true }]);
    expect(archiveHits).toEqual([{ path: "/objects/plan-1", withToken: false }]);
  });

  it("never sends the token again once the chain left the API origin, even on a redirect back to it", async () => {
    archiveRedirect = `${apiBase}/evil-path`;
    await fetchPlan(new URL(`${apiBase}/api/v2/plans/plan-1/json-output`), token, options);
    expect(archiveHits).toEqual([{ path: "/objects/plan-1", withToken: false }]);
    expect(apiHits).toEqual([
      { path: "/api/v2/plans/plan-1/json-output", withToken: true },
      { path: "/evil-path", withToken: false },
    ]);
  });
});
