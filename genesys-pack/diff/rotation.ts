/**
 * Which OAuth clients a stack rotates (secretDelivery secrets-manager-rotation): their rotated Secrets Manager
 * secret carries the tag ROTATED_CLIENTS_TAG naming the clients' logical ids, in cdk.tf.json and in plans alike.
 */
import type { ClientView } from "./model";

/** Same value as constructs/rotated-client-secret.ts ROTATED_CLIENTS_TAG (the diff does not load the constructs). */
export const ROTATED_CLIENTS_TAG = "genesys-oauth-rotated-clients";

function addresses(tags: unknown, out: Set<string>): void {
  const v = (tags as Record<string, unknown> | null | undefined)?.[ROTATED_CLIENTS_TAG];
  if (typeof v !== "string") return;
  for (const id of v.split(/\s+/)) if (/^[A-Za-z0-9_-]+$/.test(id)) out.add(`genesyscloud_oauth_client.${id}`);
}

export function rotatedClientAddresses(doc: any): Set<string> {
  const out = new Set<string>();
  for (const r of Object.values<any>(doc?.resource?.aws_secretsmanager_secret ?? {})) addresses(r?.tags, out);
  for (const rc of Array.isArray(doc?.resource_changes) ? doc.resource_changes : []) {
    if (rc?.type === "aws_secretsmanager_secret" && !(rc.change?.actions ?? []).every((a: string) => a === "delete")) addresses(rc.change?.after?.tags, out);
  }
  return out;
}

/** Marks the clients whose secret is rotated. */
export function markRotated(clients: Map<string, ClientView>, doc: any): void {
  const rotated = rotatedClientAddresses(doc);
  for (const [address, c] of clients) if (rotated.has(address)) clients.set(address, { ...c, rotated: true });
}
