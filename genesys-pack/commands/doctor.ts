import type { CommandIO } from "../../guard/commands/io";
import { UsageError } from "../../guard/errors";

import { milliseconds, commandLineError, parseCommandLine } from "../../guard/commands/args";
import { DEFAULT_CONFIG_FILE } from "../../app/config";
import { configEnvironment } from "./config-environment";
import { baseUrls, DoctorIO, runDoctor } from "../doctor/doctor";
import { managedClientIdsFrom } from "../doctor/managed-clients";

const USAGE = "usage: secret-guard doctor [--config FILE] [--environment NAME] [--state FILE|-|s3://BUCKET/KEY]... [--state-from-stack DIR] [--timeout-ms N] [--api-base URL] [--login-base URL]";

export const summary = "preflight checks before deploy: Genesys env vars, region, token, admin client permissions, client name collisions";

export const help = `${USAGE}

Checks, one line each (✓ ok, ✗ failure, ! warning; ASCII [ok] [FAIL] [warn] when not on a terminal):
  env          GENESYSCLOUD_OAUTHCLIENT_ID / _SECRET and GENESYSCLOUD_REGION (or GENESYSCLOUD_ACCESS_TOKEN) are set,
               and the tutorial's GENESYS_CLOUD_* names are not what is relied on
  region       GENESYSCLOUD_REGION is a region key and matches the environment's region in the config
  token        the credentials get a token from https://login.<domain>/oauth/token (client credentials)
  permissions  the admin client holds oauth:client:{add,view,edit,delete}, integrations:credential:{add,view,edit,delete}
               and authorization:role:view
  roles        the admin client holds every role the config grants to new clients
  rotation     when a client has secretDelivery secrets-manager-rotation: the admin client holds oauth:client:edit
  collisions   no config client has the name of an existing OAuth client unless it adopts it (adoptClientId);
               a warning without --state (the client may be the one this stack created), a failure with it

Options:
  --config FILE        fleet config (default: $GENESYS_OAUTH_CONFIG or ${DEFAULT_CONFIG_FILE})
  --environment NAME   environment to check (required when the config has several)
  --state STATE        the environment's Terraform state: a file, - (standard input: terraform state pull |
                       secret-guard doctor --state -) or s3://BUCKET/KEY, read without a copy on disk; its OAuth
                       clients count as managed, and any other client with a config client's name fails the check;
                       repeatable
  --state-from-stack DIR
                       the current state of each stack synthesized in DIR (cdktf.out or one stack's folder), read
                       from its backend (s3 with its endpoint and workspace settings, HCP Terraform with TFE_TOKEN),
                       as secret-guard audit --from-stack does
  --timeout-ms N       per-request timeout in milliseconds (default 10000)
  --api-base URL       override https://api.<domain> (also SECRET_GUARD_GENESYS_API_BASE or SECRET_GUARD_GENESYS_BASE_URL);
  --login-base URL     override https://login.<domain> (also SECRET_GUARD_GENESYS_LOGIN_BASE); plain http only for 127.0.0.1/localhost
  -h, --help           show this help

Exit codes: 0 all checks pass, 1 a check failed, 2 usage or config error, or Genesys credentials missing or rejected.
Never prints the client secret or an access token.
`;

export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const ctx = { env: io.env, io, unicode: io.stdoutIsTTY };
  const { values, positionals, positions, positionalAt } = parseCommandLine(
    argv,
    {
      config: { type: "string" },
      environment: { type: "string" },
      "timeout-ms": { type: "string" },
      "api-base": { type: "string" },
      "login-base": { type: "string" },
      state: { type: "string", multiple: true },
      "state-from-stack": { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  if (values.help) {
    await io.out(help);
    return 0;
  }
  if (positionals.length > 0) throw commandLineError("secret-guard doctor", `unexpected argument (argument ${positionalAt[0]})`);
  const timeoutMs = milliseconds("--timeout-ms", values["timeout-ms"], 10_000, 9_999_999);
  // Bad base URLs and state files are usage errors: say so before any check runs.
  const apiBase = values["api-base"] as string | undefined;
  const loginBase = values["login-base"] as string | undefined;
  baseUrls({ apiBase, loginBase, env: ctx.env });
  const states = (values.state as string[] | undefined) ?? [];
  const fromStack = (values["state-from-stack"] as string[] | undefined) ?? [];
  const context = { env: io.env, stdin: io.stdin, warn: (line: string) => io.err(`secret-guard: warning: ${line}\n`) };
  const managedIds = states.length || fromStack.length ? await managedClientIdsFrom(states, fromStack, context) : undefined;
  const { config, environment } = configEnvironment(values, positions, ctx.env);
  // Counts the check lines as they go out, for the closing summary line.
  const counts = { ok: 0, fail: 0, warn: 0 };
  const counting: CommandIO = {
    ...io,
    out: (text: string) => {
      const mark = /^(✓|\[ok\])/.test(text) ? "ok" : /^(✗|\[FAIL\])/.test(text) ? "fail" : /^(!|\[warn\])/.test(text) ? "warn" : undefined;
      if (mark) counts[mark]++;
      return io.out(text);
    },
  };
  const code = await runDoctor({
    config,
    environment,
    env: ctx.env,
    io: counting,
    unicode: ctx.unicode,
    policy: { timeoutMs },
    apiBase,
    loginBase,
    managedIds,
  });
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  const verdict = code === 0 ? (counts.warn ? "ready to deploy; read the warnings" : "ready to deploy") : "not ready to deploy: fix the failures";
  await io.out(`doctor: ${plural(counts.ok, "check")} passed, ${counts.fail} failed, ${plural(counts.warn, "warning")} for environment ${environment.name}: ${verdict}\n`);
  return code;
}
