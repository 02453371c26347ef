/**
 * The OAuth client-credentials token request to a Genesys login host, shared by doctor (GenesysApi.login) and the
 * rotation function: the same request, retries and error word; each caller words its own messages.
 */
import { HttpAnswer, request, RetryPolicy } from "./http";

export interface LoginHost {
  /** Real host, for messages (login.mypurecloud.ie). */
  readonly loginHost: string;
  /** Base URL the request goes to (the host, or an override for tests). */
  readonly loginBase: string;
}

/** POST /oauth/token with Basic client id:secret and grant_type=client_credentials (a rate-limit 400 is retried). */
export function clientCredentialsRequest(ep: LoginHost, policy: RetryPolicy, clientId: string, clientSecret: string): Promise<HttpAnswer> {
  const basic = Buffer.from(`${clientId}:${clientSecret}`, "utf8").toString("base64");
  return request(
    {
      host: ep.loginHost,
      url: `${ep.loginBase}/oauth/token`,
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: "grant_type=client_credentials",
      rateLimit400: true,
    },
    policy,
  );
}

/** The OAuth `error` word of an answer (`invalid_client`), or "" when there is none that is safe to show. */
export function oauthErrorWord(json: any): string {
  return typeof json?.error === "string" && /^[a-z_]{1,40}$/.test(json.error) ? json.error : "";
}
