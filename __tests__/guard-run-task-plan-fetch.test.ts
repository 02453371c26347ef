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

  /**
   * A fetch that plays an https HCP Terraform at https://tfe.example (its plan URL answers 307 to `location`) and
   * an https host at 10.1.2.3 (answers the plan); every other request goes through the real fetch, and each
   * request's host is recorded.
   */
  function httpsApi(location: string, hosts: string[]): typeof fetch {
    return (async (input: string | URL | Request, init?: RequestInit) => {
      const u = new URL(input instanceof Request ? input.url : String(input));
      hosts.push(u.host);
      if (u.origin === "https://tfe.example") return new Response(null, { status: 307, headers: { Location: location } });
      if (u.origin === "https://10.1.2.3") return new Response(PLAN, { status: 200 });
      if (u.hostname === "127.0.0.1" || u.hostname === "localhost") return fetch(input, init);
      return new Response(null, { status: 599 });
    }) as typeof fetch;
  }

  const tfePlan = new URL("https://tfe.example/api/v2/plans/plan-1/json-output");

  async function refusal(p: Promise<unknown>): Promise<string> {
    const e = await p.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(PlanFetchError);
    return (e as Error).message;
  }

  it("an https API redirecting to plain http on loopback is refused before the archive is asked", async () => {
    const hosts: string[] = [];
    const why = await refusal(fetchPlan(tfePlan, token, { ...options, fetchImpl: httpsApi(`${archiveBase}/objects/plan-1`, hosts), allowedOrigins: ["https://tfe.example"] }));
    expect(why).toBe("the plan archive is not an https URL");
    expect(hosts).toEqual(["tfe.example"]);
    expect(archiveHits).toEqual([]);
  });

  it("a plain-http loopback API (a stand-in, a local proxy) may redirect to plain http on loopback only", async () => {
    archiveRedirect = "http://archive.example/objects/plan-1";
    const why = await refusal(fetchPlan(new URL(`${apiBase}/api/v2/plans/plan-1/json-output`), token, options));
    expect(why).toBe("the plan archive is not an https URL");
    expect(archiveHits).toHaveLength(1);
  });

  it.each([
    ["link-local (cloud metadata)", "https://169.254.169.254/latest/meta-data/"],
    ["private", "https://192.168.1.20/objects/plan-1"],
    ["loopback", "https://127.0.0.1:9/objects/plan-1"],
    ["localhost", "https://localhost/objects/plan-1"],
    ["IPv6 unique-local", "https://[fd00::5]/objects/plan-1"],
    ["IPv4-mapped IPv6 loopback", "https://[::ffff:127.0.0.1]/objects/plan-1"],
  ])("a redirect to a %s address is refused when no allowed origin is on one", async (_kind, location) => {
    const hosts: string[] = [];
    const why = await refusal(fetchPlan(tfePlan, token, { ...options, fetchImpl: httpsApi(location, hosts), allowedOrigins: ["https://tfe.example"] }));
    expect(why).toBe("the plan archive is on a private, loopback or link-local address, and no --allow-origin is");
    expect(hosts).toEqual(["tfe.example"]);
  });

  it("a redirect to a private address is followed when an allowed origin is on a private address too (TFE inside a network)", async () => {
    const hosts: string[] = [];
    const parts = await fetchPlan(tfePlan, token, { ...options, fetchImpl: httpsApi("https://10.1.2.3/objects/plan-1", hosts), allowedOrigins: ["https://tfe.example", "https://10.0.0.7"] });
    expect(Buffer.concat(parts).toString()).toBe(PLAN);
    expect(hosts).toEqual(["tfe.example", "10.1.2.3"]);
  });
});
