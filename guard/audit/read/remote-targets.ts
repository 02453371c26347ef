import { InputError, UsageError } from "../../errors";
import type { AuditTarget, TargetContext } from "./audit-targets";
import { isS3Url, listStateKeys, parseS3Url, S3Clients, s3ObjectSource, S3Settings, s3Url } from "./s3-source";
import { STDIN_DISPLAY, stdinSource } from "./stdin-source";

/**
 * Audit targets that are not local files: `-` (standard input) and `s3://BUCKET/KEY` or `s3://BUCKET/PREFIX/`
 * (every state under the prefix). HCP Terraform states come from `--from-stack` (stack-backends.ts). Each target's
 * `open` gives a ByteSource that never touches the disk; its `path` and `display` are its URL, so the reports name
 * each state by where it lives.
 */
export function isRemoteArg(arg: string): boolean {
  return arg === "-" || isS3Url(arg);
}

/** The S3 clients of one audit (per context: one connection pool per endpoint, reused across 1,000 states). */
const clientsByContext = new WeakMap<object, S3Clients>();

export function s3ClientsFor(context: TargetContext): S3Clients {
  let c = clientsByContext.get(context);
  if (!c) clientsByContext.set(context, (c = new S3Clients(context.env)));
  return c;
}

/** Frees the connection pools an audit opened (the process would otherwise wait for idle sockets). */
export function closeRemote(context: TargetContext): void {
  clientsByContext.get(context)?.destroy();
  clientsByContext.delete(context);
}

let stdinTaken = new WeakSet<object>();

export async function remoteTargets(arg: string, context: TargetContext): Promise<AuditTarget[]> {
  if (arg === "-") {
    const key = context.stdin ?? process.stdin;
    if (stdinTaken.has(key)) throw new UsageError("- (standard input) given more than once");
    stdinTaken.add(key);
    return [{ path: "-", display: STDIN_DISPLAY, inFolder: false, open: () => stdinSource(context.stdin ?? process.stdin) }];
  }
  return s3Targets(parseS3Url(arg), {}, context);
}

/** The state at an S3 key, or every state under a prefix (a key ending in "/", or the whole bucket). */
export async function s3Targets(loc: { bucket: string; key: string }, settings: S3Settings, context: TargetContext): Promise<AuditTarget[]> {
  const clients = s3ClientsFor(context);
  if (loc.key !== "" && !loc.key.endsWith("/")) {
    const url = s3Url(loc.bucket, loc.key);
    return [{ path: url, display: url, inFolder: false, open: async () => s3ObjectSource(clients, loc, settings, url) }];
  }
  const keys = await listStateKeys(clients, loc, settings);
  if (keys.length === 0) throw new InputError(`${s3Url(loc.bucket, loc.key)}: no Terraform state under this prefix (*.tfstate, *.tfstate.backup, or JSON recognised by content)`);
  return keys.map((key) => {
    const url = s3Url(loc.bucket, key);
    return { path: url, display: url, inFolder: true, open: async () => s3ObjectSource(clients, { bucket: loc.bucket, key }, settings, url) };
  });
}

/** For tests that run several audits in one process with the same stream object. */
export function resetStdinUse(): void {
  stdinTaken = new WeakSet<object>();
}
