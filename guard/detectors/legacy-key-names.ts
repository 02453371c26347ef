/**
 * Which argument names hold secrets, for literal values that no schema marks (rules as data).
 * Gated by name, then by value, so ids, ARNs, versions and flags never match.
 */
export const SECRET_KEY = /(^|_)(password|passwd|passphrase|secret|token|api_?key|private_?key|access_?key|secret_?key|client_?secret|credentials?)$/i;

/** Names that look secret-ish but are not secrets. */
export const NOT_SECRET_KEY =
  /(_id|_ids|_arn|_arns|_name|_names|_version|_wo_version|_length|_type|_path|_file|_timeout|_size|_count|_ttl|_enabled|_uri|_url)$|^(expose_client_secret|directory_client_secret|description|token_pool_size|secret_id)$/i;

/** Strong patterns: a literal matching one of these is a secret wherever it sits. */
export const LITERAL_SECRET_PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: "AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: "private key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  { name: "JSON web token", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/ },
];

/** Provider arguments that are credentials, per provider local name (nested paths joined with "."). */
export const PROVIDER_CREDENTIALS: Readonly<Record<string, readonly string[]>> = {
  genesyscloud: ["oauthclient_secret", "access_token", "proxy.auth.password", "gateway.auth.password"],
  aws: ["access_key", "secret_key", "token"],
};

/** Backend settings that are credentials. */
export const BACKEND_CREDENTIALS = ["access_key", "secret_key", "token", "sse_customer_key"];

export function looksLikeSecretKey(name: string): boolean {
  return SECRET_KEY.test(name) && !NOT_SECRET_KEY.test(name);
}
