/**
 * The two Genesys Cloud calls the rotation needs, over the doctor's bounded HTTP (timeout per request, 429
 * Retry-After honoured, 5xx retried a bounded number of times):
 * - POST https://login.<domain>/oauth/token (Basic client id:secret, grant_type=client_credentials) -> access_token
 * - POST https://api.<domain>/api/v2/oauth/clients/{clientId}/secret (Bearer, oauth:client:edit), no body ->
 *   OAuthClient {id, secret, ...}: Genesys sets a new random secret and the old one stops working at once.
 * Neither a secret nor a token is ever put in a message.
 */
import { request, RetryPolicy } from "../../genesys-pack/doctor/http";
import { clientCredentialsRequest, oauthErrorWord } from "../../genesys-pack/doctor/token-request";

export interface GenesysEndpoints {
  readonly apiBase: string;
  readonly loginBase: string;
  readonly apiHost: string;
  readonly loginHost: string;
}

/** Genesys answered, but not with what was needed. `status` lets callers tell a refusal (401/403) from the rest. */
export class GenesysAnswerError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = "GenesysAnswerError";
  }
}

/** " invalid_client", or "" (for messages). */
function errorCode(json: any): string {
  const word = oauthErrorWord(json);
  return word ? ` ${word}` : "";
}

/** A client-credentials access token for `clientId`; throws GenesysAnswerError(401) when the secret is refused. */
export async function clientCredentialsToken(ep: GenesysEndpoints, policy: RetryPolicy, clientId: string, clientSecret: string): Promise<string> {
  const answer = await clientCredentialsRequest(ep, policy, clientId, clientSecret);
  const code = errorCode(answer.json);
  if (answer.status === 401 || (answer.status === 400 && /invalid_client|unauthorized_client/.test(code))) {
    throw new GenesysAnswerError(`${ep.loginHost} refused the credentials of client ${clientId} (${answer.status}${code})`, 401);
  }
  if (answer.status !== 200) throw new GenesysAnswerError(`${ep.loginHost} answered ${answer.status}${code} to the token request of client ${clientId}`, answer.status);
  const token = answer.json?.access_token;
  if (typeof token !== "string" || token === "") throw new GenesysAnswerError(`${ep.loginHost} answered 200 without an access_token`, 200);
  return token;
}

/** Regenerates the secret of `clientId` and returns the new one. */
export async function regenerateClientSecret(ep: GenesysEndpoints, policy: RetryPolicy, adminToken: string, clientId: string): Promise<string> {
  const answer = await request(
    {
      host: ep.apiHost,
      url: `${ep.apiBase}/api/v2/oauth/clients/${encodeURIComponent(clientId)}/secret`,
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}`, accept: "application/json" },
    },
    policy,
  );
  const what = `regenerate the secret of client ${clientId}`;
  if (answer.status === 401) throw new GenesysAnswerError(`${ep.apiHost} refused the admin access token (401) to ${what}`, 401);
  if (answer.status === 403) throw new GenesysAnswerError(`${ep.apiHost} answered 403 to ${what}: the admin client needs oauth:client:edit`, 403);
  if (answer.status === 404) throw new GenesysAnswerError(`${ep.apiHost} answered 404 to ${what}: no such client`, 404);
  if (answer.status !== 200) throw new GenesysAnswerError(`${ep.apiHost} answered ${answer.status} to ${what}`, answer.status);
  const secret = answer.json?.secret;
  if (typeof secret !== "string" || secret === "") throw new GenesysAnswerError(`${ep.apiHost} answered 200 without a secret to ${what}`, 200);
  return secret;
}
