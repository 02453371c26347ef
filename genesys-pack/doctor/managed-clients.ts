import { InputError, UsageError } from "../../guard/errors";
import * as fs from "node:fs";
import type { TargetContext } from "../../guard/audit/read/audit-targets";

/** Largest remote state read whole for its ids (as a pipe in the audit). */
const REMOTE_STATE_LIMIT = 256 * 1024 * 1024;

/**
 * Like managedClientIds, for states named as the audit names them, never copied to disk: files, `-` (standard
 * input: `terraform state pull | secret-guard doctor --state -`), s3://BUCKET/KEY, and the current state of each
 * stack synthesized in a `--state-from-stack` folder (its s3, cloud, remote or local backend).
 */
export async function managedClientIdsFrom(states: readonly string[], fromStack: readonly string[], context: TargetContext): Promise<Set<string>> {
  const { isRemoteArg } = await import("../../guard/audit/read/remote-targets");
  const ids = managedClientIds(states.filter((s) => !isRemoteArg(s)));
  const remote = states.filter((s) => isRemoteArg(s));
  if (remote.length === 0 && fromStack.length === 0) return ids;
  const { auditTargets } = await import("../../guard/audit/read/audit-targets");
  const { stackTargets } = await import("../../guard/audit/read/stack-backends");
  const { closeRemote } = await import("../../guard/audit/read/remote-targets");
  try {
    const targets = remote.length ? await auditTargets(remote, context) : [];
    for (const dir of fromStack) targets.push(...(await stackTargets(dir, context)));
    for (const t of targets) {
      if (!t.open) {
        for (const id of managedClientIds([t.path])) ids.add(id);
        continue;
      }
      const source = await t.open({ chunkBytes: 4 << 20, maxPieceBytes: 64 << 20 });
      const parts: Buffer[] = [];
      let size = 0;
      await source.chunks((c) => {
        size += c.length;
        if (size > REMOTE_STATE_LIMIT) throw new InputError(`--state ${t.display}: larger than ${REMOTE_STATE_LIMIT >> 20} MiB`);
        parts.push(Buffer.from(c));
      });
      let doc: any;
      try {
        doc = JSON.parse(Buffer.concat(parts).toString("utf8"));
      } catch {
        throw new InputError(`--state ${t.display}: not JSON`);
      }
      addIds(doc, t.display, ids);
    }
  } finally {
    closeRemote(context);
  }
  return ids;
}

/**
 * Ids of the OAuth clients a Terraform state already manages (`terraform state pull > state.json`), so that the
 * doctor tells a client Terraform created apart from a stranger with the same name. Reads only resource ids.
 */
export function managedClientIds(files: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const file of files) {
    let doc: any;
    try {
      doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`--state ${file}: ${code ? `cannot read it (${code})` : "not JSON"}`);
    }
    addIds(doc, file, ids);
  }
  return ids;
}

function addIds(doc: any, where: string, ids: Set<string>): void {
  if (!doc || typeof doc !== "object" || !Array.isArray(doc.resources)) {
    throw new UsageError(`--state ${where}: not a Terraform state (no resources list); give the state itself (a file, -, s3://BUCKET/KEY) or --state-from-stack`);
  }
  for (const r of doc.resources) {
    if (r?.mode !== "managed" || r?.type !== "genesyscloud_oauth_client") continue;
    for (const i of r.instances ?? []) if (typeof i?.attributes?.id === "string") ids.add(i.attributes.id);
  }
}
