import type { Severity } from "../../guard/finding";
import { SEVERITY_RANK } from "../../guard/finding";
import { BackendView, ClientView, DiffInput, RoleGrantView, StackView } from "./model";

/**
 * Stable change kinds and their severities (some depend on the change; see severityNotes in the README of the
 * command, `secret-guard diff --help`).
 */
export const CHANGE_KINDS = {
  "client.created": "info",
  "client.destroyed": "warning/error (error when the client had prevent_destroy)",
  "client.replaced": "error",
  "client.address-changed": "warning/error (error when the client had prevent_destroy)",
  "client.renamed": "warning",
  "client.grant-type-changed": "warning",
  "client.protection-removed": "warning",
  "role.added": "warning/error (error for admin-like role names: /admin|master/i)",
  "role.removed": "info",
  "division.added": "warning",
  "division.all": "error",
  "division.removed": "info",
  "scope.added": "warning/error (error for admin, authorization, oauth, wildcard, :admin, :delete scopes)",
  "scope.removed": "info",
  "secret.exposed": "error",
  "secret.rotation-removed": "error when the secret now goes to state, else warning",
  "secret.directory": "error",
  "secret.into-state": "error",
  "secret.literal": "error",
  "secret.stored-in-state": "warning",
  "output.unmasked": "error",
  "backend.local": "error",
  "backend.encryption-off": "error",
  "backend.locking-off": "error",
  "backend.kms-removed": "warning",
  "backend.changed": "info",
  "stack.added": "info",
  "stack.removed": "warning",
} as const;

export type ChangeKind = keyof typeof CHANGE_KINDS;

export interface Change {
  readonly kind: ChangeKind;
  readonly severity: Severity;
  readonly stack: string;
  /** Terraform address the change is about ("" for stack-level changes such as the backend). */
  readonly address: string;
  /** Name of the OAuth client ("" when the change is not about a client). */
  readonly client: string;
  /** One line for people; never a secret value. */
  readonly message: string;
}

const ADMIN_ROLE = /admin|master/i;
const ESCALATING_SCOPE = /^\*|\*$|admin|master|^authorization(:|$)|^oauth(:|$)|:delete$/i;

const EMPTY_CLIENT = (address: string, name: string): ClientView => ({
  address,
  name,
  grantType: "",
  roles: [],
  scopes: [],
  exposeSecret: false,
  directorySecret: "",
  preventDestroy: false,
});

const divisionLabel = (d: string) => (d === "*" ? "all divisions (*)" : d === "" ? "the home division" : `division ${d}`);

/** Compares two inputs stack by stack. Single-stack inputs are paired whatever their names. */
export function compareInputs(before: DiffInput, after: DiffInput): Change[] {
  const changes: Change[] = [];
  if (before.stacks.size === 1 && after.stacks.size === 1) {
    const [b] = before.stacks.values();
    const [a] = after.stacks.values();
    compareStacks(a.name, b, a, changes);
  } else {
    const names = [...new Set([...before.stacks.keys(), ...after.stacks.keys()])].sort();
    for (const name of names) compareStacks(name, before.stacks.get(name), after.stacks.get(name), changes);
  }
  return sortChanges(changes);
}

export function sortChanges(changes: Change[]): Change[] {
  return [...changes].sort(
    (x, y) =>
      x.stack.localeCompare(y.stack) ||
      SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] ||
      x.address.localeCompare(y.address) ||
      x.kind.localeCompare(y.kind) ||
      x.message.localeCompare(y.message),
  );
}

function compareStacks(stack: string, b: StackView | undefined, a: StackView | undefined, out: Change[]): void {
  const add = (kind: ChangeKind, severity: Severity, address: string, client: string, message: string) =>
    out.push({ kind, severity, stack, address, client, message });
  if (!b && a) add("stack.added", "info", "", "", `new stack ${stack}`);
  if (b && !a) add("stack.removed", "warning", "", "", `stack ${stack} is gone: everything it manages would be destroyed if its state is applied without it`);

  compareBackends(b?.backend, a?.backend, !b, (kind, severity, message) => add(kind, severity, "", "", message));

  // Clients: by address, then by name for those whose address changed.
  const beforeClients = new Map(b?.clients ?? []);
  const afterClients = new Map(a?.clients ?? []);
  const pairs: [ClientView | undefined, ClientView | undefined][] = [];
  for (const [address, ac] of afterClients) {
    const bc = beforeClients.get(address);
    if (bc) {
      pairs.push([bc, ac]);
      beforeClients.delete(address);
      afterClients.delete(address);
    }
  }
  const key = (n: string) => n.trim().toLowerCase();
  for (const [address, ac] of [...afterClients]) {
    const bc = [...beforeClients.values()].find((c) => key(c.name) === key(ac.name));
    if (!bc) continue;
    const severity: Severity = bc.preventDestroy ? "error" : "warning";
    add("client.address-changed", severity, ac.address, ac.name,
      `address changed from ${bc.address}: without a moved block Terraform destroys the client and creates a new one (new client id and secret)${bc.preventDestroy ? "; the old one had prevent_destroy" : ""}`);
    pairs.push([bc, ac]);
    beforeClients.delete(bc.address);
    afterClients.delete(address);
  }
  for (const ac of afterClients.values()) pairs.push([undefined, ac]);
  for (const bc of beforeClients.values()) pairs.push([bc, undefined]);

  for (const [bc, ac] of pairs) compareClients(bc, ac, add);
  compareSecrets(b, a, add);
}

type Add = (kind: ChangeKind, severity: Severity, address: string, client: string, message: string) => void;

function compareClients(bc: ClientView | undefined, ac: ClientView | undefined, add: Add): void {
  if (bc && !ac) {
    const severity: Severity = bc.preventDestroy ? "error" : "warning";
    add("client.destroyed", severity, bc.address, bc.name,
      bc.preventDestroy
        ? `OAuth client "${bc.name}" is destroyed and its prevent_destroy protection went with it; Genesys deletes young clients irreversibly`
        : `OAuth client "${bc.name}" is destroyed; whoever uses its credentials loses access`);
    return;
  }
  if (!ac) return;
  const created = !bc;
  const before = bc ?? EMPTY_CLIENT(ac.address, ac.name);
  const c = (kind: ChangeKind, severity: Severity, message: string) => add(kind, severity, ac.address, ac.name, message);
  if (created) c("client.created", "info", `new OAuth client "${ac.name}" (${ac.grantType || "grant type unknown"})`);

  const replacedNow = ac.actions?.includes("delete") && ac.actions.includes("create");
  const replacedBefore = bc?.actions?.includes("delete") && bc.actions.includes("create");
  if (replacedNow && !replacedBefore) {
    c("client.replaced", "error", `OAuth client "${ac.name}" is replaced (${ac.actions!.join(", ")}): new client id and secret, the old client is deleted`);
  }
  if (!created && before.name !== ac.name) c("client.renamed", "warning", `renamed from "${before.name}" to "${ac.name}"`);
  if (!created && before.grantType !== ac.grantType) {
    c("client.grant-type-changed", "warning", `grant type changed from ${before.grantType || "(unset)"} to ${ac.grantType || "(unset)"}`);
  }
  if (!created && before.preventDestroy && !ac.preventDestroy) c("client.protection-removed", "warning", "prevent_destroy removed: the client can now be destroyed by an apply");

  compareRoles(before.roles, ac.roles, c);

  const beforeScopes = new Set(before.scopes);
  const afterScopes = new Set(ac.scopes);
  for (const s of ac.scopes) {
    if (beforeScopes.has(s)) continue;
    const escalating = ESCALATING_SCOPE.test(s);
    c("scope.added", escalating ? "error" : "warning", `scope ${s} added${escalating ? " (administrative or wildcard scope)" : ""}`);
  }
  for (const s of before.scopes) if (!afterScopes.has(s)) c("scope.removed", "info", `scope ${s} removed`);

  if (ac.exposeSecret && !before.exposeSecret) {
    c("secret.exposed", "error", created
      ? "expose_client_secret is on: the generated client secret is stored in Terraform state"
      : "expose_client_secret switched on: the client secret is meant to be stored in Terraform state (it is only captured at create)");
  }
  if (before.rotated && !ac.rotated) {
    const toState = ac.exposeSecret || !!ac.directorySecret;
    c("secret.rotation-removed", toState ? "error" : "warning", toState
      ? "secret delivery changed from secrets-manager-rotation (the secret never reaches Terraform) to one that puts the client secret in state"
      : "secret delivery changed from secrets-manager-rotation: the client secret is no longer rotated into Secrets Manager");
  }
  if (ac.directorySecret && ac.directorySecret !== before.directorySecret) {
    c("secret.directory", "error", `directory_client_secret ${before.directorySecret ? "changed" : "added"}: the raw client secret is written to a file in ${ac.directorySecret}, usually world-readable`);
  }
}

function compareRoles(before: readonly RoleGrantView[], after: readonly RoleGrantView[], c: (kind: ChangeKind, severity: Severity, message: string) => void): void {
  const b = new Map(before.map((r) => [r.key, r]));
  const a = new Map(after.map((r) => [r.key, r]));
  for (const role of after) {
    const old = b.get(role.key);
    if (!old) {
      const admin = role.named && ADMIN_ROLE.test(role.label);
      const where = role.divisions.map(divisionLabel).join(", ");
      const what = role.named ? `role "${role.label}"` : `role ${role.label} (name unknown)`;
      c("role.added", admin ? "error" : "warning", `${what} added in ${where}${admin ? " (administrative role)" : ""}`);
      if (role.divisions.includes("*")) c("division.all", "error", `${what} granted in all divisions (*)`);
      continue;
    }
    const oldDivs = new Set(old.divisions);
    const newDivs = new Set(role.divisions);
    for (const d of role.divisions) {
      if (oldDivs.has(d)) continue;
      if (d === "*") c("division.all", "error", `role "${role.label}" widened to all divisions (*)`);
      else c("division.added", "warning", `role "${role.label}" added in ${divisionLabel(d)}`);
    }
    for (const d of old.divisions) if (!newDivs.has(d)) c("division.removed", "info", `role "${role.label}" removed from ${divisionLabel(d)}`);
  }
  for (const role of before) {
    if (!a.has(role.key)) c("role.removed", "info", `role ${role.named ? `"${role.label}"` : role.label} removed`);
  }
}

function compareSecrets(b: StackView | undefined, a: StackView | undefined, add: Add): void {
  if (!a) return;
  for (const [key, sink] of a.sinks) {
    const old = b?.sinks.get(key);
    const where = `${sink.address} ${sink.attribute}`;
    if (sink.mode === "literal" && old?.mode !== "literal") {
      add("secret.literal", "error", sink.address, "", `${where} ${old ? "now holds" : "holds"} a literal secret in the configuration, and so in plan and state`);
    } else if (sink.mode === "state" && old?.mode === "write-only") {
      add("secret.into-state", "error", sink.address, "", `${where} moved from a write-only argument (never stored) to one stored in plan and state`);
    } else if (sink.mode === "state" && !old) {
      if (sink.clientSecret) add("secret.into-state", "error", sink.address, "", `${where} now copies an OAuth client secret into plan and state`);
      else add("secret.stored-in-state", "warning", sink.address, "", `${where} is a new secret stored in plan and state`);
    }
  }
  for (const [name, o] of a.outputs) {
    if (!o.secret || o.sensitive) continue;
    const old = b?.outputs.get(name);
    if (old && old.secret && !old.sensitive) continue;
    add("output.unmasked", "error", `output.${name}`, "", old?.sensitive
      ? `output ${name} is no longer sensitive: its secret value would be printed by plan, apply and output`
      : `new output ${name} shows a secret without sensitive = true`);
  }
}

function compareBackends(
  b: BackendView | undefined,
  a: BackendView | undefined,
  newStack: boolean,
  add: (kind: ChangeKind, severity: Severity, message: string) => void,
): void {
  if (!a) return; // plans carry no backend block
  const local = (x: BackendView) => x.type === "none" || x.type === "local";
  if (!b) {
    if (newStack && local(a)) add("backend.local", "error", `no remote backend (${a.type}): state, with whatever secrets it holds, stays on local disk`);
    return;
  }
  if (local(a) && !local(b)) {
    add("backend.local", "error", `backend changed from ${b.type} to ${a.type === "none" ? "none (local state)" : "local"}: state would sit unencrypted on local disk`);
    return;
  }
  if (a.type !== b.type) add("backend.changed", "info", `backend changed from ${b.type} to ${a.type}; migrate state with terraform init -migrate-state`);
  if (a.type !== "s3") return;
  const wasS3 = b.type === "s3";
  if (!a.encrypt && (!wasS3 || b.encrypt)) add("backend.encryption-off", "error", "S3 backend encrypt is off: state objects are no longer encrypted at rest by request");
  const locked = (x: BackendView) => !!(x.useLockfile || x.dynamodbTable);
  if (!locked(a) && (!wasS3 || locked(b))) add("backend.locking-off", "error", "S3 backend has neither use_lockfile nor dynamodb_table: concurrent applies can corrupt state");
  if (wasS3 && b.kmsKey && !a.kmsKey) add("backend.kms-removed", "warning", "kms_key_id removed: state falls back to the bucket's default encryption key");
}
