/** Host names plain http may go to: a stand-in in tests, a proxy on the same host. */
const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Whether the guard may send a token to, or read a state or plan from, `u`: https, or plain http to a loopback
 * name only. One rule for HCP Terraform reads (audit), run task origins, plan fetches and callbacks.
 */
export function isSecureTransport(u: URL): boolean {
  return u.protocol === "https:" || (u.protocol === "http:" && LOOPBACK_NAMES.has(u.hostname));
}
