import { HttpFailure, request, RetryPolicy } from "./http";
import { clientCredentialsRequest, oauthErrorWord } from "./token-request";

/**
 * The few Genesys Cloud Platform API calls the doctor makes (read-only, besides getting a token), as documented
 * for the official SDK (purecloud-platform-client-v2, OAuthApi / AuthorizationApi):
 * - POST https://login.<domain>/oauth/token, Basic auth, grant_type=client_credentials -> {access_token, expires_in}
 * - GET /api/v2/oauth/clients/{clientId} (oauth:client:view) -> OAuthClient {name, roleDivisions:[{roleId, divisionId}]}
 * - GET /api/v2/authorization/roles/{roleId} (authorization:role:view) -> {name, permissionPolicies:[{domain, entityName, actionSet}]}
 * - GET /api/v2/oauth/clients (oauth:client:view) -> OAuthClientEntityListing {entities:[{id, name}], nextUri?, pageCount?}
 * The access token lives in this object only; it is never returned to callers nor put in a message.
 */
export interface Endpoints {
  readonly apiBase: string;
  readonly loginBase: string;
  readonly apiHost: string;
  readonly loginHost: string;
}

export interface PermissionPolicy {
  readonly domain: string;
  readonly entityName: string;
  readonly actionSet: readonly string[];
}

export interface RoleInfo {
  readonly id: string;
  readonly name: string;
  readonly policies: readonly PermissionPolicy[];
}

export interface ClientSummary {
  readonly id: string;
  readonly name: string;
}

/** The API answered, but not with what was needed: one line, no body. */
export class ApiAnswerError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = "ApiAnswerError";
  }
}

const MAX_PAGES = 50;

export class GenesysApi {
  private token?: string;

  constructor(private readonly ep: Endpoints, private readonly policy: RetryPolicy) {}

  /** Values that must never be printed (for the output filter): the access token, once there is one. */
  public secretsForRedaction(): string[] {
    return this.token && this.token.length >= 4 ? [this.token] : [];
  }

  /** Uses a token from GENESYSCLOUD_ACCESS_TOKEN instead of asking for one. */
  public useToken(token: string): void {
    this.token = token;
  }

  /** Client-credentials token; resolves to its lifetime in seconds (the token itself stays here). */
  public async login(clientId: string, clientSecret: string): Promise<number | undefined> {
    const answer = await clientCredentialsRequest(this.ep, this.policy, clientId, clientSecret);
    const code = oauthErrorWord(answer.json);
    if (answer.status === 401 || (answer.status === 400 && (code === "invalid_client" || code === "unauthorized_client"))) {
      throw new ApiAnswerError(`credentials rejected by ${this.ep.loginHost} (${answer.status}${code ? " " + code : ""})`, answer.status);
    }
    if (answer.status !== 200) {
      throw new ApiAnswerError(`${this.ep.loginHost} answered ${answer.status}${code ? " " + code : ""} to the token request`, answer.status);
    }
    if (typeof answer.json?.access_token !== "string" || answer.json.access_token === "") {
      throw new ApiAnswerError(`${this.ep.loginHost} answered 200 without an access_token`, answer.status);
    }
    this.token = answer.json.access_token;
    return typeof answer.json.expires_in === "number" ? answer.json.expires_in : undefined;
  }

  public async getClient(clientId: string): Promise<{ name: string; roleDivisions: { roleId: string; divisionId: string }[] }> {
    const json = await this.get(`/api/v2/oauth/clients/${encodeURIComponent(clientId)}`, "read the admin OAuth client", "oauth:client:view");
    const grants = Array.isArray(json?.roleDivisions) ? json.roleDivisions : [];
    const roleDivisions = grants
      .filter((g: any) => typeof g?.roleId === "string")
      .map((g: any) => ({ roleId: g.roleId, divisionId: typeof g.divisionId === "string" ? g.divisionId : "" }));
    for (const id of Array.isArray(json?.roleIds) ? json.roleIds : []) {
      if (typeof id === "string" && !roleDivisions.some((g: { roleId: string }) => g.roleId === id)) roleDivisions.push({ roleId: id, divisionId: "" });
    }
    return { name: typeof json?.name === "string" ? json.name : "", roleDivisions };
  }

  public async getRole(roleId: string): Promise<RoleInfo> {
    const json = await this.get(`/api/v2/authorization/roles/${encodeURIComponent(roleId)}`, `read role ${roleId}`, "authorization:role:view");
    const policies = (Array.isArray(json?.permissionPolicies) ? json.permissionPolicies : []).map((p: any) => ({
      domain: String(p?.domain ?? ""),
      entityName: String(p?.entityName ?? ""),
      actionSet: Array.isArray(p?.actionSet) ? p.actionSet.map(String) : [],
    }));
    return { id: roleId, name: typeof json?.name === "string" ? json.name : roleId, policies };
  }

  /** Every OAuth client in the org, following nextUri / pageCount (at most 50 pages). */
  /** Every OAuth client of the org, up to MAX_PAGES pages; `complete` is false when more pages were left. */
  public async listClients(): Promise<{ clients: ClientSummary[]; complete: boolean }> {
    const out: ClientSummary[] = [];
    let path: string | undefined = "/api/v2/oauth/clients";
    for (let page = 1; path && page <= MAX_PAGES; page++) {
      const json = await this.get(path, "list OAuth clients", "oauth:client:view");
      for (const e of Array.isArray(json?.entities) ? json.entities : []) {
        if (typeof e?.id === "string" && typeof e?.name === "string") out.push({ id: e.id, name: e.name });
      }
      path = this.nextPage(json, page);
    }
    return { clients: out, complete: !path };
  }

  private nextPage(json: any, page: number): string | undefined {
    if (typeof json?.nextUri === "string" && json.nextUri !== "") {
      // Stay on the API host: a relative path, or an absolute URL on the same origin.
      try {
        const next = new URL(json.nextUri, this.ep.apiBase + "/");
        if (next.origin !== new URL(this.ep.apiBase).origin) return undefined;
        return next.pathname + next.search;
      } catch {
        return undefined;
      }
    }
    const pageCount = Number(json?.pageCount);
    if (Number.isFinite(pageCount) && pageCount > page && Array.isArray(json?.entities) && json.entities.length > 0) {
      return `/api/v2/oauth/clients?pageNumber=${page + 1}`;
    }
    return undefined;
  }

  private async get(path: string, what: string, permission: string): Promise<any> {
    if (!this.token) throw new HttpFailure("no access token");
    const answer = await request(
      { host: this.ep.apiHost, url: `${this.ep.apiBase}${path}`, method: "GET", headers: { authorization: `Bearer ${this.token}`, accept: "application/json" } },
      this.policy,
    );
    if (answer.status === 401) throw new ApiAnswerError(`${this.ep.apiHost} refused the access token (401) to ${what}`, 401);
    if (answer.status === 403) throw new ApiAnswerError(`${this.ep.apiHost} answered 403 to ${what}: missing ${permission}`, 403);
    if (answer.status === 404) throw new ApiAnswerError(`${this.ep.apiHost} answered 404 to ${what}`, 404);
    if (answer.status !== 200) throw new ApiAnswerError(`${this.ep.apiHost} answered ${answer.status} to ${what}`, answer.status);
    return answer.json;
  }
}
