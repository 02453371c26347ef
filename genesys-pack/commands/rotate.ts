import type { CommandIO } from "../../guard/commands/io";
import { UsageError } from "../../guard/errors";
import { argumentAt, milliseconds, parseCommandLine } from "../../guard/commands/args";
import { oneLine } from "../../guard/safe-text";
import { DEFAULT_CONFIG_FILE } from "../../app/config";
import { configEnvironment } from "./config-environment";
import { checkBaseUrl } from "../doctor/http";

const USAGE =
  "usage: secret-guard rotate [--config FILE] [--environment NAME] [--client NAME]... [--timeout-ms N] [--poll-ms N] [--endpoint URL]";

export const summary = "rotate now: start Secrets Manager rotation of rotated OAuth clients and wait until the new secret is current";

export const help = `${USAGE}

For each client with secretDelivery secrets-manager-rotation in the environment (or only those named with --client),
asks AWS Secrets Manager to rotate its secret now (RotateSecret: the stack's rotation function regenerates the client
secret through the Genesys API, tests it and makes it current), then polls DescribeSecret until the new version
carries AWSCURRENT. One line per client; the secret value is never read or printed.

AWS credentials and region come from the usual AWS SDK sources (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...); the region
defaults to the environment's aws.region. The caller needs secretsmanager:RotateSecret and DescribeSecret.

Options:
  --config FILE        fleet config (default: $GENESYS_OAUTH_CONFIG or ${DEFAULT_CONFIG_FILE})
  --environment NAME   environment (required when the config has several)
  --client NAME        a client's name in the config; repeatable; default: every rotated client of the environment
  --timeout-ms N       how long to wait for each rotation (default 300000)
  --poll-ms N          pause between DescribeSecret calls (default 2000)
  --endpoint URL       Secrets Manager endpoint (also SECRET_GUARD_SECRETS_MANAGER_ENDPOINT); https, or http on loopback
  -h, --help           show this help

Exit codes: 0 every rotation finished, 1 one failed or timed out, 2 usage or config error.
`;

export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const { values, positionals, positions } = parseCommandLine(
    argv,
    {
      config: { type: "string" },
      environment: { type: "string" },
      client: { type: "string", multiple: true },
      "timeout-ms": { type: "string" },
      "poll-ms": { type: "string" },
      endpoint: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  if (values.help) {
    await io.out(help);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument; ${USAGE}`);
  const timeoutMs = milliseconds("--timeout-ms", values["timeout-ms"], 300_000, 99_999_999);
  const pollMs = milliseconds("--poll-ms", values["poll-ms"], 2_000, 99_999_999);
  const rawEndpoint = (values.endpoint as string | undefined) ?? io.env.SECRET_GUARD_SECRETS_MANAGER_ENDPOINT;
  let endpoint: string | undefined;
  try {
    endpoint = rawEndpoint ? checkBaseUrl("--endpoint", rawEndpoint) : undefined;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { config, environment } = configEnvironment(values, positions, io.env);
  const rotated = environment.clients.filter((c) => c.secretDelivery === "secrets-manager-rotation");
  const picked = (values.client as string[] | undefined) ?? [];
  picked.forEach((n, k) => {
    if (!rotated.some((c) => c.name === n)) {
      throw new UsageError(`${argumentAt(positions, "client", k)} is not a client of environment ${environment.name} with secretDelivery secrets-manager-rotation`);
    }
  });
  const targets = picked.length ? rotated.filter((c) => picked.includes(c.name)) : rotated;
  if (targets.length === 0) throw new UsageError(`environment ${environment.name} has no client with secretDelivery secrets-manager-rotation`);

  // Loaded only here: the SDK is large and the other commands do not need it. Its multi-line Node-version notice
  // is off unless the caller set it (as for the S3 reader: guard/audit/read/s3-source.ts).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const sdk = await import("@aws-sdk/client-secrets-manager");
  const sm = new sdk.SecretsManagerClient({ region: io.env.AWS_REGION ?? environment.aws.region, endpoint });
  const line = (ok: boolean, text: string) => io.out(oneLine(`${io.stdoutIsTTY ? (ok ? "✓" : "✗") : ok ? "[ok]" : "[FAIL]"} rotate: ${text}`) + "\n");
  let failed = false;
  try {
    for (const c of targets) {
      const secretName = c.secretsManager!.name;
      const what = `${c.name} (${secretName})`;
      const started = Date.now();
      try {
        const r = await sm.send(new sdk.RotateSecretCommand({ SecretId: secretName }));
        const version = r.VersionId!;
        let done = false;
        while (!done && Date.now() - started < timeoutMs) {
          await new Promise((res) => setTimeout(res, pollMs));
          const d = await sm.send(new sdk.DescribeSecretCommand({ SecretId: secretName }));
          done = (d.VersionIdsToStages?.[version] ?? []).includes("AWSCURRENT");
        }
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        if (done) {
          await line(true, `${what}: AWSCURRENT is now version ${version} (${secs} s)`);
        } else {
          failed = true;
          await line(false, `${what}: version ${version} did not become AWSCURRENT within ${timeoutMs / 1000} s; see the rotation function's log group`);
        }
      } catch (e) {
        failed = true;
        const err = e as Error;
        await line(false, `${what}: ${err.name}${err.message ? `: ${err.message.slice(0, 200)}` : ""}`);
      }
    }
  } finally {
    sm.destroy();
  }
  return failed ? 1 : 0;
}
