import type { InputStream } from "./stdin-source";
import { promises as fsp } from "node:fs";
import * as nodePath from "node:path";
import { InputError } from "../../errors";
import type { ByteSource, ReadLimits } from "./file-chunks";

/** A file to audit, and how it was found. */
export interface AuditTarget {
  readonly path: string;
  readonly display: string;
  /**
   * Found inside a folder. Such a file that turns out unreadable is reported in the audit (SG106) instead of
   * stopping it; a file named on the command line that cannot be read is an input error.
   */
  readonly inFolder: boolean;
  /**
   * Set for a source that is not a local file (standard input, an S3 object, an HCP Terraform state): opens it.
   * `path` is then its URL (or "-"), never a file name. See remote-targets.ts.
   */
  readonly open?: (limits: ReadLimits) => Promise<ByteSource>;
}

/** What remote arguments need: the environment (credentials, endpoints) and standard input. */
export interface TargetContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin?: InputStream;
  /** One line on stderr (a warning). */
  readonly warn?: (line: string) => void;
}

/** Folders never walked into. `.terraform` is looked into for its one state file only. */
const SKIP_DIRS = new Set(["node_modules", ".git"]);
/** State files by name: terraform.tfstate, *.tfstate, *.tfstate.backup, *.tfstate.<timestamp>.backup. */
const STATE_NAME = /\.tfstate(\.[^/\\]*)?$/;
/** A file name Terraform gives state (terraform.tfstate, *.tfstate, *.tfstate.backup, *.tfstate.<timestamp>.backup). */
export function isStateName(name: string): boolean {
  return STATE_NAME.test(name);
}
/** Top-level members that only Terraform's files have, looked for in a file's first bytes (any key order). */
const TERRAFORM_KEYS = /"(format_version|plan_format_version|terraform_version|lineage|planned_values|resource_changes|prior_state|output_changes|resource_drift)"\s*:/;
export const SNIFF_BYTES = 8192;

/**
 * Expands command-line paths into the files to audit: files as given, folders walked in name order (symlinked
 * files followed, symlinked folders followed once, devices and pipes inside folders skipped), files recognised by
 * name or, for other JSON files, by their first bytes. A path that yields no Terraform file is an input error:
 * a wrong path must not pass a CI gate.
 */
export async function auditTargets(paths: readonly string[], context?: TargetContext): Promise<AuditTarget[]> {
  const out: AuditTarget[] = [];
  const { isRemoteArg, remoteTargets } = await import("./remote-targets");
  const seen = new Set<string>();
  const add = async (p: string, inFolder: boolean) => {
    const real = await fsp.realpath(p).catch(() => p);
    if (seen.has(real)) return; // a file named twice (or reached twice) is read once
    seen.add(real);
    out.push({ path: p, display: p, inFolder });
  };
  for (const p of paths) {
    if (isRemoteArg(p)) {
      // "-" (standard input) and s3:// URLs; loaded only when used (the AWS SDK is large).
      for (const t of await remoteTargets(p, context ?? { env: process.env })) if (!seen.has(t.path)) seen.add(t.path), out.push(t);
      continue;
    }
    let st;
    try {
      st = await fsp.stat(p);
    } catch (e) {
      throw new InputError(`${p}: ${describeCode((e as NodeJS.ErrnoException).code)}`);
    }
    if (st.isDirectory()) {
      const before = out.length;
      await walkFolder(p, add, new Set([await fsp.realpath(p)]));
      if (out.length === before) throw new InputError(`${p}: no Terraform state, plan or cdk.tf.json under this folder`);
    } else if (st.isFile() || st.isFIFO()) {
      await add(p, false);
    } else {
      throw new InputError(`${p}: not a regular file or folder (a device or socket cannot be audited)`);
    }
  }
  return out;
}

async function walkFolder(dir: string, add: (p: string, inFolder: boolean) => Promise<void>, visited: Set<string>): Promise<void> {
  let entries;
  try {
    entries = (await fsp.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (e) {
    throw new InputError(`${dir}: cannot read folder (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  for (const e of entries) {
    const full = nodePath.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = await fsp.stat(full).catch(() => undefined); // a dangling link or a loop: nothing to read
      isDir = !!st?.isDirectory();
      isFile = !!st?.isFile();
    }
    if (isDir) {
      if (SKIP_DIRS.has(e.name)) continue;
      if (e.name === ".terraform") {
        const backendState = nodePath.join(full, "terraform.tfstate");
        if ((await fsp.stat(backendState).catch(() => undefined))?.isFile()) await add(backendState, true);
        continue;
      }
      const real = await fsp.realpath(full).catch(() => full);
      if (visited.has(real)) continue; // symlink loops
      visited.add(real);
      await walkFolder(full, add, visited);
    } else if (isFile) {
      if (STATE_NAME.test(e.name) || e.name === "cdk.tf.json" || (e.name.endsWith(".json") && (await looksLikeTerraform(full)))) await add(full, true);
    }
  }
}

/** A JSON file whose first bytes name a member only Terraform's files have (a plan written by jq -S too). */
async function looksLikeTerraform(file: string): Promise<boolean> {
  let fh;
  try {
    fh = await fsp.open(file, "r");
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return headLooksLikeTerraform(headText(buf.subarray(0, bytesRead)));
  } catch {
    return true; // unreadable: let the audit say so in the report rather than skip it silently
  } finally {
    await fh?.close();
  }
}

/** The first bytes as text: UTF-16 with a byte order mark (PowerShell's `>`) decoded, anything else as UTF-8. */
function headText(b: Buffer): string {
  const even = b.subarray(0, b.length & ~1);
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(even);
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16le").decode(Buffer.from(even).swap16());
  return b.toString("utf8");
}

/** The first bytes of a JSON document name a member only Terraform's files have. */
export function headLooksLikeTerraform(head: string): boolean {
  return /^\s*(\uFEFF)?\s*\{/.test(head) && (TERRAFORM_KEYS.test(head) || /^\s*\{\s*"version"\s*:\s*[1-4]\s*,/.test(head));
}

export function describeCode(code: string | undefined): string {
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENAMETOOLONG":
      return "the path is too long";
    case "ELOOP":
      return "too many symbolic links";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    default:
      return `cannot read (${code ?? "error"})`;
  }
}
