import { promises as fsp } from "node:fs";
import * as nodePath from "node:path";
import { InputError } from "../../errors";
import type { AuditTarget, TargetContext } from "./audit-targets";
import { readBounded } from "./bounded-read";
import { hcpDisplay, hcpOrigin, hcpStateSource, HcpWorkspace } from "./hcp-source";
import { s3Targets } from "./remote-targets";
import type { S3Settings } from "./s3-source";

/**
 * `--from-stack DIR`: the current state of each synthesized stack, read from where its backend keeps it.
 * DIR is a cdktf output folder (its manifest.json lists the stacks), one stack's folder (with cdk.tf.json), or a
 * cdk.tf.json file. Per stack, from `terraform.backend` / `terraform.cloud`:
 * - s3: bucket, key, region, workspace_key_prefix (default "env:"), endpoints.s3 (or legacy endpoint),
 *   use_path_style (or legacy force_path_style), profile, sse_customer_key. The workspace is TF_WORKSPACE, else
 *   "default" (its state at `key`; another at `<workspace_key_prefix>/<workspace>/<key>`).
 * - cloud (and the older remote backend): HCP Terraform / Terraform Enterprise (hcp-source.ts), workspace by name,
 *   or TF_WORKSPACE when the block selects workspaces by tags or project (or remote's prefix + TF_WORKSPACE).
 * - local: the `path` file (relative to the stack's folder), as cdktf writes it when no backend is configured.
 * Any other backend is an input error naming the stack: the audit never passes a stack it could not read.
 */
export async function stackTargets(dir: string, context: TargetContext): Promise<AuditTarget[]> {
  const out: AuditTarget[] = [];
  for (const stack of await stacksIn(dir)) out.push(...(await stackTarget(stack, context)));
  return out;
}

export interface SynthesizedStack {
  readonly name: string;
  /** The cdk.tf.json file. */
  readonly file: string;
}

const STACK_FILE_LIMIT = 64 * 1024 * 1024;

/** The stacks in DIR; `label` is how errors name DIR (the option or argument it came from). */
export async function stacksIn(dir: string, label = `--from-stack ${dir}`): Promise<SynthesizedStack[]> {
  const st = await fsp.stat(dir).catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`${label}: ${e.code === "ENOENT" ? "no such file or folder" : `cannot read (${e.code ?? "error"})`}`);
  });
  if (st.isFile()) return [{ name: nodePath.basename(nodePath.dirname(nodePath.resolve(dir))), file: dir }];
  const manifestFile = nodePath.join(dir, "manifest.json");
  const manifestText = await fsp.readFile(manifestFile, "utf8").catch(() => undefined);
  if (manifestText !== undefined) {
    let manifest: any;
    try {
      manifest = JSON.parse(manifestText);
    } catch {
      throw new InputError(`--from-stack ${manifestFile}: not JSON`);
    }
    const stacks = manifest?.stacks && typeof manifest.stacks === "object" ? Object.entries<any>(manifest.stacks) : [];
    const out: SynthesizedStack[] = [];
    for (const [name, s] of stacks) {
      if (typeof s?.synthesizedStackPath !== "string") continue;
      out.push({ name, file: nodePath.join(dir, s.synthesizedStackPath) });
    }
    if (out.length === 0) throw new InputError(`--from-stack ${manifestFile}: lists no stack`);
    return out.sort((a, b) => (a.name < b.name ? -1 : 1));
  }
  const one = nodePath.join(dir, "cdk.tf.json");
  if (await fsp.stat(one).then((s) => s.isFile(), () => false)) return [{ name: nodePath.basename(nodePath.resolve(dir)), file: one }];
  throw new InputError(`${label}: neither a cdktf output folder (manifest.json) nor a stack folder (cdk.tf.json); run cdktf synth first`);
}

/** The state target of one stack (see stackTargets). */
export async function stackTarget(stack: SynthesizedStack, context: TargetContext): Promise<AuditTarget[]> {
  const where = `--from-stack ${stack.file}`;
  let doc: any;
  try {
    doc = JSON.parse((await readBounded(stack.file, where, STACK_FILE_LIMIT)).toString("utf8"));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${where}: not JSON`);
  }
  const tf = doc?.terraform ?? {};
  const env = context.env;
  const workspace = env.TF_WORKSPACE || undefined;
  const backends = tf.backend && typeof tf.backend === "object" ? Object.entries<any>(tf.backend) : [];
  if (tf.cloud && typeof tf.cloud === "object") return [hcpTarget(cloudWorkspace(tf.cloud, env, where), context)];
  if (backends.length === 0) throw new InputError(`${where}: stack ${stack.name} has no backend block (nothing says where its state lives)`);
  if (backends.length > 1) throw new InputError(`${where}: stack ${stack.name} has ${backends.length} backend blocks`);
  const [type, cfg] = backends[0];
  if (type === "s3") {
    const bucket = str(cfg?.bucket);
    const key = str(cfg?.key);
    if (!bucket || !key) throw new InputError(`${where}: the s3 backend of stack ${stack.name} has no bucket or key`);
    const ws = workspace && workspace !== "default" ? workspace : undefined;
    const prefix = cfg?.workspace_key_prefix !== undefined ? String(cfg.workspace_key_prefix) : "env:";
    const objectKey = ws ? (prefix ? `${prefix}/${ws}/${key}` : `${ws}/${key}`) : key;
    if (cfg?.assume_role || cfg?.role_arn || cfg?.assume_role_with_web_identity) {
      context.warn?.(`stack ${stack.name}: the s3 backend's assume_role is not applied; reading with the caller's own AWS credentials`);
    }
    const settings: S3Settings = {
      region: str(cfg?.region),
      endpoint: str(cfg?.endpoints?.s3) ?? str(cfg?.endpoint),
      usePathStyle: bool(cfg?.use_path_style) ?? bool(cfg?.force_path_style),
      profile: str(cfg?.profile),
      sseCustomerKey: str(cfg?.sse_customer_key),
    };
    return s3Targets({ bucket, key: objectKey }, settings, context);
  }
  if (type === "remote") {
    const wss = cfg?.workspaces ?? {};
    const name = str(wss.name) ?? (str(wss.prefix) && workspace ? `${wss.prefix}${workspace}` : undefined);
    if (!name) throw new InputError(`${where}: the remote backend of stack ${stack.name} selects workspaces by prefix; set TF_WORKSPACE to pick one`);
    const organization = str(cfg?.organization) ?? env.TF_CLOUD_ORGANIZATION;
    if (!organization) throw new InputError(`${where}: the remote backend of stack ${stack.name} has no organization`);
    return [hcpTarget({ hostname: str(cfg?.hostname) ?? "app.terraform.io", organization, workspace: name, token: str(cfg?.token) }, context)];
  }
  if (type === "local") {
    const p = str(cfg?.path) ?? "terraform.tfstate";
    const file = workspace && workspace !== "default" ? nodePath.join(str(cfg?.workspace_dir) ?? "terraform.tfstate.d", workspace, p) : p;
    const full = nodePath.resolve(nodePath.dirname(stack.file), file);
    if (!(await fsp.stat(full).then((s) => s.isFile(), () => false))) throw new InputError(`${where}: stack ${stack.name} has no state yet at its local backend path ${full}`);
    return [{ path: full, display: full, inFolder: false }];
  }
  throw new InputError(`${where}: stack ${stack.name} keeps its state in a ${/^[a-z0-9_]{1,40}$/.test(type) ? type : "unknown"} backend; --from-stack reads s3, cloud (HCP Terraform), remote and local`);
}

function cloudWorkspace(cloud: any, env: TargetContext["env"], where: string): HcpWorkspace {
  const organization = str(cloud.organization) ?? env.TF_CLOUD_ORGANIZATION;
  if (!organization) throw new InputError(`${where}: the cloud block has no organization (nor TF_CLOUD_ORGANIZATION)`);
  const hostname = str(cloud.hostname) ?? env.TF_CLOUD_HOSTNAME ?? "app.terraform.io";
  const name = str(cloud.workspaces?.name) ?? env.TF_WORKSPACE;
  if (!name) throw new InputError(`${where}: the cloud block selects workspaces by tags or project; set TF_WORKSPACE to the one to audit`);
  return { hostname, organization, workspace: name, token: str(cloud.token) };
}

function hcpTarget(ws: HcpWorkspace, context: TargetContext): AuditTarget {
  const display = hcpDisplay(hcpOrigin(ws, context.env), ws);
  return { path: display, display, inFolder: false, open: () => hcpStateSource(ws, context.env) };
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function bool(v: unknown): boolean | undefined {
  return typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : undefined;
}
