import type { CommandIO } from "../../guard/commands/io";
import { InputError, UsageError } from "../../guard/errors";
import { argumentAt, parseCommandLine } from "../../guard/commands/args";
import { readBounded } from "../../guard/audit/read/bounded-read";
import { stacksIn } from "../../guard/audit/read/stack-backends";
import { hcpToken, hcpTokenHint } from "../../guard/audit/read/hcp-source";
import { missingAwsCredentials } from "../../guard/commands/aws-credentials";
import { GENESYS_ENV } from "../../constructs/genesys-env";
import { allowedRegionsText, normalizeRegion } from "../../constructs/regions";
import { oneLine } from "../../guard/safe-text";

const USAGE = "usage: secret-guard preflight DIR [--stack NAME]...";

export const summary = "before cdktf diff/deploy: the credentials each synthesized stack's backend and providers need are there";

export const help = `${USAGE}

Reads each stack synthesized in DIR (a cdktf output folder such as cdktf.out, or one stack's folder) and checks,
offline, that the credentials its deploy needs can be found, before Terraform starts:
  AWS            for an s3 backend or an aws provider: the AWS SDK's default chain (AWS_ACCESS_KEY_ID and
                 AWS_SECRET_ACCESS_KEY, AWS_PROFILE or the block's profile with the shared files, SSO, web identity,
                 credential_process, container or instance role; the instance metadata service is asked once, with
                 a 300 ms timeout, AWS_METADATA_SERVICE_TIMEOUT seconds to change it); keys written in the block count
  HCP Terraform  for a cloud or remote backend: a token for its host (the block's token, TF_TOKEN_<host>, TFE_TOKEN,
                 or credentials.tfrc.json from terraform login)
  Genesys Cloud  for a genesyscloud provider: GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET, or
                 GENESYSCLOUD_ACCESS_TOKEN, and GENESYSCLOUD_REGION (unless the provider block sets them)
Nothing is printed when everything is there; otherwise one line per missing credential. Credentials are only
found, not tried: secret-guard doctor tries the Genesys ones.

Options:
  --stack NAME   check only this stack; repeatable
  -h, --help     show this help

Exit codes: 0 every credential is there, 2 one is missing, or a usage or input error.
Never prints a credential.
`;

/** What one stack's deploy needs, read from its cdk.tf.json. */
interface StackNeeds {
  /** AWS credentials, per profile ("" for the default chain), with the blocks that need them. */
  readonly aws: Map<string, string[]>;
  readonly hcp: Array<{ readonly what: string; readonly hostname: string; readonly token?: string }>;
  /** One entry per genesyscloud provider block. */
  readonly genesys: Array<Record<string, unknown>>;
}

const STACK_FILE_LIMIT = 64 * 1024 * 1024;

export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const { values, positionals, positions } = parseCommandLine(argv, { stack: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } }, USAGE);
  if (values.help) {
    await io.out(help);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one DIR, got ${positionals.length} arguments; ${USAGE}`);
  const dir = positionals[0];
  const all = await stacksIn(dir, `DIR ${dir}`);
  const wanted = (values.stack as string[] | undefined) ?? [];
  wanted.forEach((name, k) => {
    if (!all.some((s) => s.name === name)) throw new UsageError(`${argumentAt(positions, "stack", k)} is not a stack in ${dir}; stacks: ${all.map((s) => s.name).join(", ")}`);
  });
  const stacks = wanted.length ? all.filter((s) => wanted.includes(s.name)) : all;

  // Each AWS profile is resolved once, all at the same time: at most one metadata timeout in all.
  const awsChecks = new Map<string, Promise<string | undefined>>();
  const awsMissing = (profile: string) => {
    if (!awsChecks.has(profile)) {
      awsChecks.set(profile, missingAwsCredentials(io.env, "\0", profile || undefined).then((e) => e?.message));
    }
    return awsChecks.get(profile)!;
  };
  const lines: Promise<string[]>[] = [];
  for (const stack of stacks) {
    const needs = stackNeeds(await readStack(stack.file), io.env);
    lines.push(stackLines(stack.name, needs, io.env, awsMissing));
  }
  const problems = (await Promise.all(lines)).flat();
  for (const p of problems) io.err(oneLine(`error: stack ${p}`) + "\n");
  return problems.length ? 2 : 0;
}

async function readStack(file: string): Promise<any> {
  try {
    return JSON.parse((await readBounded(file, file, STACK_FILE_LIMIT)).toString("utf8"));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: not JSON`);
  }
}

/** The lines for one stack's missing credentials, without the leading "error: stack ". */
async function stackLines(name: string, needs: StackNeeds, env: CommandIO["env"], awsMissing: (profile: string) => Promise<string | undefined>): Promise<string[]> {
  const out: string[] = [];
  for (const [profile, users] of needs.aws) {
    const message = await awsMissing(profile);
    // The shared check names no stack ("\0"): each stack's line names what in it needs the credentials.
    if (message !== undefined) out.push(`${name}: ${message.replace("\0", users.join(" and "))}`);
  }
  for (const h of needs.hcp) {
    if (!h.token && !hcpToken({ hostname: h.hostname, organization: "", workspace: "" }, env)) out.push(`${name}: no HCP Terraform token for ${h.what}: ${hcpTokenHint(h.hostname)}`);
  }
  for (const block of needs.genesys) {
    const set = (arg: string, variable: string) => isSet(block[arg]) || !!env[variable];
    const alias = typeof block.alias === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(block.alias) ? ` (alias ${block.alias})` : "";
    const what = `the genesyscloud provider${alias}`;
    const hasToken = set("access_token", GENESYS_ENV.accessToken);
    const hasClient = set("oauthclient_id", GENESYS_ENV.clientId) && set("oauthclient_secret", GENESYS_ENV.clientSecret);
    if (!hasToken && !hasClient) {
      const unset = [[`oauthclient_id`, GENESYS_ENV.clientId], [`oauthclient_secret`, GENESYS_ENV.clientSecret]].filter(([a, v]) => !set(a, v)).map(([, v]) => v);
      out.push(`${name}: no Genesys Cloud credentials (${unset.join(" and ")} not set) for ${what}: set ${GENESYS_ENV.clientId} and ${GENESYS_ENV.clientSecret}, or ${GENESYS_ENV.accessToken}`);
    }
    if (!isSet(block.aws_region)) {
      const region = env[GENESYS_ENV.region];
      if (!region) out.push(`${name}: no Genesys Cloud region for ${what}: set ${GENESYS_ENV.region} to a region key such as us-east-1`);
      else if (!normalizeRegion(region)) out.push(`${name}: ${GENESYS_ENV.region} is not a Genesys Cloud region key for ${what}: use one of ${allowedRegionsText()}`);
    }
  }
  return out;
}

/** Reads the backend and the provider blocks that need credentials. */
function stackNeeds(doc: any, env: CommandIO["env"]): StackNeeds {
  const needs: StackNeeds = { aws: new Map(), hcp: [], genesys: [] };
  const addAws = (profile: unknown, what: string) => {
    const key = typeof profile === "string" ? profile : "";
    needs.aws.set(key, [...(needs.aws.get(key) ?? []), what]);
  };
  const tf = doc?.terraform ?? {};
  const backends = tf.backend && typeof tf.backend === "object" ? Object.entries<any>(tf.backend) : [];
  for (const [type, cfg] of backends) {
    if (type === "s3" && !(isSet(cfg?.access_key) && isSet(cfg?.secret_key))) addAws(cfg?.profile, `the s3 backend${typeof cfg?.bucket === "string" ? ` (bucket ${cfg.bucket})` : ""}`);
    if (type === "remote") {
      const hostname = str(cfg?.hostname) ?? "app.terraform.io";
      needs.hcp.push({ what: `the remote backend (${hostname}${orgOf(cfg, env)})`, hostname, token: str(cfg?.token) });
    }
  }
  if (tf.cloud && typeof tf.cloud === "object") {
    const hostname = str(tf.cloud.hostname) ?? env.TF_CLOUD_HOSTNAME ?? "app.terraform.io";
    needs.hcp.push({ what: `the cloud backend (${hostname}${orgOf(tf.cloud, env)})`, hostname, token: str(tf.cloud.token) });
  }
  const providers = doc?.provider && typeof doc.provider === "object" ? doc.provider : {};
  for (const block of blocks(providers.aws)) {
    if (isSet(block.access_key) && isSet(block.secret_key)) continue;
    const alias = str(block.alias);
    addAws(block.profile, `the aws provider${alias ? ` (alias ${alias})` : ""}${str(block.region) ? ` (region ${block.region})` : ""}`);
  }
  needs.genesys.push(...blocks(providers.genesyscloud));
  return needs;
}

function orgOf(cfg: any, env: CommandIO["env"]): string {
  const org = str(cfg?.organization) ?? env.TF_CLOUD_ORGANIZATION;
  return org ? `, organization ${org}` : "";
}

/** cdktf writes each provider as a list of blocks (one per alias); a single object is accepted too. */
function blocks(v: unknown): Array<Record<string, unknown>> {
  const list = Array.isArray(v) ? v : v && typeof v === "object" ? [v] : [];
  return list.filter((b): b is Record<string, unknown> => !!b && typeof b === "object");
}

/** A block argument counts when it holds a value or a Terraform expression (resolved at plan time). */
function isSet(v: unknown): boolean {
  return typeof v === "string" ? v !== "" : v !== undefined && v !== null;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}
