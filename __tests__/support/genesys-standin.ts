import { startLoopback, stopLoopback } from "./loopback-server";
// A Genesys Cloud stand-in on loopback for the rotation: POST /oauth/token (client credentials, Basic auth) and
// POST /api/v2/oauth/clients/{id}/secret (regenerate: a new random secret, the old one dead at once). Scenario
// hooks answer 401, 403, 429 with Retry-After, 5xx, or never (a timeout), per call.
import * as http from "node:http";
import { randomBytes } from "node:crypto";

export type Answer = "401" | "403" | "429" | "500" | "503" | "hang";

export class GenesysStandin {
  /** clientId -> the one secret that works now. */
  readonly secrets = new Map<string, string>();
  /** Access tokens issued: token -> client id. */
  readonly tokens = new Map<string, string>();
  /** Clients allowed to regenerate secrets (hold oauth:client:edit). */
  readonly editors = new Set<string>();
  readonly calls: string[] = [];
  /** Answers to force, in order, per route ("token" | "regenerate"); an empty queue means normal behaviour. */
  readonly script: { token: Answer[]; regenerate: Answer[] } = { token: [], regenerate: [] };
  retryAfterSeconds = "1";
  /** Every secret and token this stand-in ever issued: none may appear in logs or output. */
  readonly issued: string[] = [];
  private server?: http.Server;
  base = "";

  async start(): Promise<this> {
    const { server, base } = await startLoopback((req, res, body) => this.handle(req, res, body));
    this.server = server;
    this.base = base;
    return this;
  }

  async stop(): Promise<void> {
    await stopLoopback(this.server);
  }

  client(id: string, secret: string, editor = false): void {
    this.secrets.set(id, secret);
    this.issued.push(secret);
    if (editor) this.editors.add(id);
  }

  /** Whether `secret` gets a token for `clientId` now. */
  works(clientId: string, secret: string | undefined): boolean {
    return secret !== undefined && this.secrets.get(clientId) === secret;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const url = new URL(req.url ?? "/", this.base);
    const json = (status: number, doc: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(doc));
    };
    const route = url.pathname === "/oauth/token" ? "token" : /^\/api\/v2\/oauth\/clients\/[^/]+\/secret$/.test(url.pathname) ? "regenerate" : "other";
    this.calls.push(`${req.method} ${url.pathname}`);
    if (route !== "other") {
      const forced = this.script[route].shift();
      if (forced === "hang") return;
      if (forced === "429") return json(429, { message: "Rate limit exceeded", code: "too.many.requests.retry.after" }, { "retry-after": this.retryAfterSeconds });
      if (forced === "500" || forced === "503") return json(Number(forced), { message: "server error" });
      if (forced === "401") return json(401, route === "token" ? { error: "invalid_client" } : { message: "bad token" });
      if (forced === "403") return json(403, { message: "missing permission oauth:client:edit" });
    }
    if (req.method === "POST" && route === "token") {
      const m = /^Basic (.+)$/.exec(String(req.headers.authorization ?? ""));
      const [id, secret] = m ? Buffer.from(m[1], "base64").toString("utf8").split(":") : [];
      if (body !== "grant_type=client_credentials" || !this.works(id, secret)) return json(401, { error: "invalid_client", error_description: "bad credentials" });
      const token = randomBytes(24).toString("base64url");
      this.tokens.set(token, id);
      this.issued.push(token);
      return json(200, { access_token: token, token_type: "bearer", expires_in: 86399 });
    }
    if (req.method === "POST" && route === "regenerate") {
      const who = this.tokens.get(String(req.headers.authorization ?? "").replace(/^Bearer /, ""));
      if (!who) return json(401, { message: "bad token" });
      if (!this.editors.has(who)) return json(403, { message: "missing permission oauth:client:edit" });
      const id = decodeURIComponent(url.pathname.split("/")[5]);
      if (!this.secrets.has(id)) return json(404, { message: "not found" });
      const secret = randomBytes(32).toString("base64url");
      this.secrets.set(id, secret);
      this.issued.push(secret);
      return json(200, { id, name: "client", secret, authorizedGrantType: "CLIENT-CREDENTIALS", state: "active" });
    }
    json(404, { message: "not found" });
  }
}
