import type { PermissionPolicy } from "./genesys-api";

/**
 * What the genesyscloud provider needs from the OAuth client it runs as, to manage OAuth clients and integration
 * credentials and to look roles up by name (data genesyscloud_auth_role). Permission strings are
 * domain:entity:action, as Genesys roles' permissionPolicies express them ({domain, entityName, actionSet}).
 */
export const REQUIRED_PERMISSIONS: readonly string[] = [
  "oauth:client:add",
  "oauth:client:view",
  "oauth:client:edit",
  "oauth:client:delete",
  "integrations:credential:add",
  "integrations:credential:view",
  "integrations:credential:edit",
  "integrations:credential:delete",
  "authorization:role:view",
];

/** Whether any policy grants `permission`; `*` matches any domain, entity or action. */
export function holds(policies: readonly PermissionPolicy[], permission: string): boolean {
  const [domain, entity, action] = permission.split(":");
  return policies.some(
    (p) =>
      (p.domain === domain || p.domain === "*") &&
      (p.entityName === entity || p.entityName === "*") &&
      (p.actionSet.includes(action) || p.actionSet.includes("*")),
  );
}

export function missingPermissions(policies: readonly PermissionPolicy[], required: readonly string[] = REQUIRED_PERMISSIONS): string[] {
  return required.filter((p) => !holds(policies, p));
}
