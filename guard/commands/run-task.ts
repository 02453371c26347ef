import { InputError, UsageError } from "../errors";
import { argumentAt, milliseconds, oneOf, parseCommandLine } from "./args";
import { AUDIT_INPUT_OPTIONS, knownValues, loadAuditInputs } from "./audit-inputs";
import type { Command } from "./command";
import type { CommandIO } from "./io";
import type { RulePack } from "../rules/rule";
import { escapeControls } from "../safe-text";
import { FAIL_ON } from "../audit/fail-on";
import { isSecureTransport } from "../secure-transport";

export const summary = "serve HCP Terraform run task requests: audit each run's plan for secrets and report back";

/** The environment variable the run task's HMAC key is read from (never a flag: it would show in `ps`). */
export const HMAC_KEY_ENV = "SECRET_GUARD_RUN_TASK_HMAC_KEY";
const DEFAULT_ORIGIN = "https://app.terraform.io";

const USAGE =
  "usage: secret-guard run-task [--listen HOST:PORT] [--insecure-no-hmac] [--allow-origin ORIGIN]... [--concurrency N] [--fetch-timeout MS] [--max-plan-mb N] [--shutdown-grace MS] [--fail-on error|warning|info|none] [--ignore-file FILE | --no-ignore-file] [--baseline FILE] [--schema FILE]... [--known-env NAME]... [--known-file FILE]... [--detectors FILE]... [--max-piece-mb N]";

export const help = `${USAGE}

An HTTP server for HCP Terraform's (and Terraform Enterprise's) run task integration. Register its URL as a run
task, attach it to workspaces at post_plan and/or pre_apply, and each run's plan is audited as
\`secret-guard audit\` audits a plan file; the verdict (passed/failed), a one-line message and one outcome per
finding group (rule, addresses, fingerprint, fix; never a value) go back to the run. See docs/run-task.md.

The HMAC key is read from ${HMAC_KEY_ENV} (the key given to the run task in HCP Terraform); every request's
X-TFC-Task-Signature is checked against it. Without a key the server refuses to start unless --insecure-no-hmac.

  --listen HOST:PORT   where to listen (default 127.0.0.1:8080; port 0 picks a free port). Prints one line
                       with its URL when ready. Serve it over TLS through a reverse proxy
  --insecure-no-hmac   accept unsigned requests (tests, a private network); anyone who reaches the port can then
                       start audits of plans on the allowed origins
  --allow-origin URL   an origin plan and callback URLs may be on (default ${DEFAULT_ORIGIN}; a Terraform
                       Enterprise's https://tfe.example.com); repeatable. A request naming another is refused (400)
  --concurrency N      plans audited at once, 1 to 16 (default 2); other runs wait in a queue of 100
  --fetch-timeout MS   how long reading one plan may take (default 120000); past it the run is failed
  --max-plan-mb N      largest plan read, held in memory (default 256); a larger one fails the run
  --shutdown-grace MS  on SIGTERM or SIGINT, how long runs in flight may take before they are failed
                       (default 60000); queued runs are failed at once, each with a callback (one try
                       of 5 s once shutting down); then the process exits
  --fail-on LEVEL      the run fails when an unsuppressed finding is at or above LEVEL (default error)
  --ignore-file FILE, --no-ignore-file, --baseline FILE, --schema FILE, --known-env NAME, --known-file FILE,
  --detectors FILE, --max-piece-mb N
                       as for secret-guard audit. Findings are in the file <workspace name>/plan.json (an
                       ignore entry's FILE:POINTER selector uses that name)
  -h, --help           show this help

A plan that cannot be read (HTTP error, timeout, too large) or audited fails the run: a mandatory task blocks
the apply, an advisory one shows the failure. Stages other than post_plan and pre_apply pass with a message.

Exit codes: 0 after SIGTERM/SIGINT once runs in flight are reported, 2 usage or input error.
`;

export interface RunTaskCommandOptions {
  /** Synth rule packs (as for audit); a plan is not synthesized configuration, so they rarely apply. */
  readonly packs?: readonly RulePack[];
  /**
   * Ends the process once the server stopped (default process.exit): every run in flight has had its verdict
   * sent, and nothing left (a stopped audit winding down, a callback's last try) may hold the exit.
   */
  readonly exitProcess?: (code: number) => void;
}

/** The `run-task` command, with the rule packs of the CLI that hosts it. */
export function runTaskCommand(options: RunTaskCommandOptions = {}): Command {
  return { summary, help, run: (argv, io) => runRunTask(argv, io, options) };
}

async function runRunTask(argv: readonly string[], io: CommandIO, options: RunTaskCommandOptions): Promise<number> {
  const { values, positionals, positions } = parseCommandLine(
    argv,
    {
      listen: { type: "string" },
      "insecure-no-hmac": { type: "boolean" },
      "allow-origin": { type: "string", multiple: true },
      concurrency: { type: "string" },
      "fetch-timeout": { type: "string" },
      "max-plan-mb": { type: "string" },
      "shutdown-grace": { type: "string" },
      ...AUDIT_INPUT_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  if (values.help) {
    await io.out(help);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`run-task takes no PATH (it audits the plans HCP Terraform sends); ${USAGE}`);
  const failOn = oneOf("--fail-on", String(values["fail-on"]), FAIL_ON);
  const { host, port } = listenAddress(values.listen === undefined ? "127.0.0.1:8080" : String(values.listen));
  const key = io.env[HMAC_KEY_ENV] || undefined;
  const insecure = values["insecure-no-hmac"] === true;
  if (key === undefined && !insecure) throw new UsageError(`no HMAC key: set ${HMAC_KEY_ENV} to the run task's HMAC key, or give --insecure-no-hmac to accept unsigned requests`);
  if (key !== undefined && insecure) throw new UsageError(`--insecure-no-hmac given while ${HMAC_KEY_ENV} is set; drop one`);
  const origins = ((values["allow-origin"] as string[] | undefined) ?? [DEFAULT_ORIGIN]).map((o, k) => originOf(o, argumentAt(positions, "allow-origin", k)));
  const concurrency = wholeNumber("--concurrency", values.concurrency, 2, 1, 16);
  const maxPlanMb = wholeNumber("--max-plan-mb", values["max-plan-mb"], 256, 1, 4096);
  const fetchTimeoutMs = milliseconds("--fetch-timeout", values["fetch-timeout"], 120_000, 9_999_999);
  const shutdownGraceMs = milliseconds("--shutdown-grace", values["shutdown-grace"], 60_000, 9_999_999);
  // Everything an audit needs is loaded now: a bad file stops the server before it accepts a run.
  const { maxPieceBytes, ignore, baseline } = await loadAuditInputs(values, USAGE);
  const known = await knownValues(io.env, (values["known-env"] as string[] | undefined) ?? [], (values["known-file"] as string[] | undefined) ?? [], positions);
  const { shippedDetectors } = await import("../detectors/shipped-detectors");
  const { loadDetectorFile } = await import("../detectors/load-detectors");
  let detectors = shippedDetectors();
  // A gitleaks rule the guard cannot run is named on a warning line and left out; the rest of the file applies.
  const notUsed = (line: string) => io.err(`secret-guard run-task: warning: ${escapeControls(line)}\n`);
  for (const file of (values.detectors as string[] | undefined) ?? []) detectors = detectors.withDetectors(loadDetectorFile(file, notUsed));
  const { loadFacts } = await import("../audit/audit-files");
  const facts = await loadFacts((values.schema as string[] | undefined) ?? []);

  const { RunTaskServer } = await import("../run-task/server");
  const server = new RunTaskServer({
    host,
    port,
    hmacKey: key,
    allowedOrigins: origins,
    settings: { facts, detectors, packs: options.packs, known, maxPieceBytes, ignore, baseline, failOn },
    concurrency,
    fetchTimeoutMs,
    maxPlanBytes: maxPlanMb * 1024 * 1024,
    shutdownGraceMs,
    log: (line) => io.err(line + "\n"),
  });
  const url = await server.start().catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`--listen: cannot listen there (${typeof e?.code === "string" ? e.code : "error"})`);
  });
  if (insecure) io.err("secret-guard run-task: warning: --insecure-no-hmac: requests are not authenticated\n");
  await io.out(`secret-guard run-task: listening on ${url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGTERM", onTerm);
      process.off("SIGINT", onInt);
      io.err(`secret-guard run-task: ${signal}: not accepting requests; finishing ${server.inFlight} run(s) in flight\n`);
      void server.shutdown().then(resolve);
    };
    const onTerm = () => stop("SIGTERM");
    const onInt = () => stop("SIGINT");
    process.on("SIGTERM", onTerm);
    process.on("SIGINT", onInt);
  });
  io.err("secret-guard run-task: stopped\n");
  (options.exitProcess ?? ((code: number) => process.exit(code)))(0);
  return 0;
}

/** HOST:PORT, [IPv6]:PORT; port 0 to 65535. The value is never echoed (it could be something pasted by mistake). */
function listenAddress(value: string): { host: string; port: number } {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(value);
  if (!m || Number(m[3]) > 65535) throw new UsageError("--listen must be HOST:PORT (127.0.0.1:8080, 0.0.0.0:8080, [::1]:8080; port 0 picks a free port)");
  return { host: m[1] ?? m[2], port: Number(m[3]) };
}

/** An origin (scheme, host, port; no path): https, or http on loopback. */
function originOf(value: string, where: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new UsageError(`${where} is not a URL; give an origin such as ${DEFAULT_ORIGIN}`);
  }
  if (!isSecureTransport(u)) throw new UsageError(`${where} must be https (plain http only on loopback)`);
  if ((u.pathname !== "/" && u.pathname !== "") || u.search || u.hash || u.username || u.password) throw new UsageError(`--allow-origin ${escapeControls(u.origin)}: give the origin only (no path, query or credentials)`);
  return u.origin;
}

function wholeNumber(option: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const s = String(value);
  if (!/^\d{1,6}$/.test(s) || Number(s) < min || Number(s) > max) throw new UsageError(`${option} must be a whole number from ${min} to ${max}`);
  return Number(s);
}
