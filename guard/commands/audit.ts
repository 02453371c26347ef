import { InputError, UsageError } from "../errors";
import { FAIL_ON, reportFails } from "../audit/fail-on";
import type { AuditResult } from "../audit/audit-files";
import { argumentAt, oneOf, parseCommandLine } from "./args";
import { checkOutputTarget } from "./output-target";
import { escapeControls } from "../safe-text";
import { writeChunks, writeStreamAtomic } from "./atomic-write";
import { AUDIT_INPUT_OPTIONS, knownValues, loadAuditInputs } from "./audit-inputs";
import type { Command } from "./command";
import type { CommandIO } from "./io";
import type { RulePack } from "../rules/rule";
import { SARIF_PRIMARY } from "../report/sarif-primary";
import type { SarifPrimary } from "../report/sarif-primary";

export const summary = "scan Terraform state, plan JSON and cdk.tf.json files (or folders of them) for secrets";

const FORMATS = ["text", "json", "sarif"] as const;
const USAGE =
  "usage: secret-guard audit [-f|--format text|json|sarif] [-o|--output FILE] [-q|--quiet] [--no-color] [--fail-on error|warning|info|none] [--ignore-file FILE | --no-ignore-file] [--baseline FILE] [--schema FILE]... [--known-env NAME]... [--known-file FILE]... [--detectors FILE]... [--from-stack DIR]... [--sarif-location value|source] PATH...";

export const help = `${USAGE}

Finds secrets in Terraform state files, plan JSON (terraform show -json) and synthesized cdk.tf.json, or in
folders of them (e.g. cdktf.out). Values are never printed: findings show a fingerprint instead.

PATH may also be where state lives, read as a stream and never copied to disk:
  -                   standard input (terraform state pull | secret-guard audit -)
  s3://BUCKET/KEY     one S3 object; s3://BUCKET/PREFIX/ (ending in /) every state under the prefix (*.tfstate,
                      *.tfstate.backup, and .json or extension-less keys recognised by content). AWS credentials
                      and region from the standard chain; AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL honoured (with
                      path-style addressing); SSE-KMS objects read as any other
  --from-stack DIR    the current state of each stack synthesized in DIR (cdktf.out, one stack's folder or its
                      cdk.tf.json), from its backend: s3 (its bucket, key, region, endpoints, use_path_style,
                      workspace_key_prefix; workspace TF_WORKSPACE), cloud/remote (HCP Terraform or Terraform
                      Enterprise, token TFE_TOKEN or TF_TOKEN_<host>), local; repeatable
Remote states are audited 4 at a time (SECRET_GUARD_CONCURRENCY=N); reports name each by its URL; a progress
line goes to stderr when it is a terminal.

  -f, --format FORMAT text, json or sarif (SARIF 2.1.0); default: from --output's extension (.sarif, .json),
                      else text. A --format that contradicts the extension is refused
  -o, --output FILE   write the report to FILE (atomically) instead of stdout; one summary line on stdout
  -q, --quiet         no summary line and no progress; the report and errors only
  --no-color          no colours (also NO_COLOR=1); FORCE_COLOR=1 forces them, even off a terminal
  --fail-on LEVEL     exit 1 when an unsuppressed finding is at or above LEVEL (default error; none never fails)
  --ignore-file FILE  suppress findings listed in FILE (default: ./.secret-guardignore when present); one entry
                      a line, "<selector> <reason>": selector sha256:<12 hex> (a fingerprint) or FILE:POINTER
                      (JSON pointer, "" for the whole file; quote it as a JSON string if it has spaces), reason
                      10+ characters, # comments. Suppressed findings stay in the report with their reason and
                      do not count; entries that matched nothing are a warning on stderr
  --no-ignore-file    do not read ./.secret-guardignore
  --baseline FILE     an earlier --format json report: only findings not in it count toward --fail-on (same
                      rule and fingerprint, or same rule, file and pointer); the rest are marked "baseline"
  --schema FILE       add a provider schema (terraform providers schema -json); repeatable
  --known-env NAME    look for the value of environment variable NAME; repeatable
  --known-file FILE   look for each line of FILE as a secret value; repeatable
  --detectors FILE    add detectors from FILE ({"detectors": [...]}, each with samples), or the rules of a
                      gitleaks config when FILE ends in .toml; repeatable
  --max-piece-mb N    largest single JSON value held in memory (default 64)
  --sarif-location WHERE
                      the place code scanning annotates: value (default), the value's line in the file; source,
                      for a finding on a cdktf stack, the TypeScript line that created its construct (the value
                      then a related location): for pull requests where cdktf.out is not committed
  -h, --help          show this help

SARIF stays within GitHub code scanning's limits (25,000 results, 10 MB gzipped): past them it keeps the most
severe results and says so in the log and on stderr; the text and JSON reports are always complete.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error.
`;

/** What the audit command adds to the generic guard: rule packs run on synthesized configuration. */
export interface AuditCommandOptions {
  /** Synth rule packs also run on cdk.tf.json files (default: the generic Terraform pack). */
  readonly packs?: readonly RulePack[];
}

/** The `audit` command, with the rule packs of the CLI that hosts it. */
export function auditCommand(options: AuditCommandOptions = {}): Command {
  return { summary, help, run: (argv, io) => runAudit(argv, io, options) };
}

async function runAudit(argv: readonly string[], io: CommandIO, options: AuditCommandOptions): Promise<number> {
  const { values, positionals, positions } = parseCommandLine(
    argv,
    {
      format: { type: "string", short: "f" },
      output: { type: "string", short: "o" },
      quiet: { type: "boolean", short: "q" },
      "no-color": { type: "boolean" },
      ...AUDIT_INPUT_OPTIONS,
      "from-stack": { type: "string", multiple: true },
      "sarif-location": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  if (values.help) {
    await io.out(help);
    return 0;
  }
  const explicitFormat = values.format === undefined ? undefined : oneOf("--format", String(values.format), FORMATS);
  const failOn = oneOf("--fail-on", String(values["fail-on"]), FAIL_ON);
  const fromStack = (values["from-stack"] as string[] | undefined) ?? [];
  if (positionals.length === 0 && fromStack.length === 0) throw new UsageError(`no PATH given; ${USAGE}`);
  if (positionals.filter((p) => p === "-").length > 1) throw new UsageError(`- (standard input) given more than once; ${USAGE}`);
  const concurrency = concurrencyOf(io.env.SECRET_GUARD_CONCURRENCY);
  // Read before the audit: a bad ignore line or baseline fails fast.
  const { maxPieceBytes, ignore, baseline } = await loadAuditInputs(values, USAGE);
  const output = values.output === undefined ? undefined : String(values.output);
  const outputArg = argumentAt(positions, "output", 0);
  if (output === "") throw new UsageError(`${outputArg} needs a file name; ${USAGE}`);
  const format = reportFormat(explicitFormat, output, outputArg);
  const sarifPrimary: SarifPrimary = values["sarif-location"] === undefined ? "value" : oneOf("--sarif-location", String(values["sarif-location"]), SARIF_PRIMARY);
  if (values["sarif-location"] !== undefined && format !== "sarif") throw new UsageError(`--sarif-location applies to a SARIF report only (--format sarif, or an --output ending in .sarif); this report is ${format}`);
  const quiet = values.quiet === true;
  const known = await knownValues(io.env, (values["known-env"] as string[] | undefined) ?? [], (values["known-file"] as string[] | undefined) ?? [], positions);
  if (output !== undefined) {
    // Before the audit: a report must never replace a device, nor an input it was made from.
    // Local inputs only: standard input and remote states are not files that a report could replace.
    const { auditTargets } = await import("../audit/read/audit-targets");
    const { isRemoteArg } = await import("../audit/read/remote-targets");
    await checkOutputTarget(output, outputArg, async () => (await auditTargets(positionals.filter((p) => !isRemoteArg(p)))).map((t) => t.path));
  }

  const detectorFiles = (values.detectors as string[] | undefined) ?? [];
  // Loaded here, not at the top, so `--help` and usage errors stay fast.
  const { shippedDetectors } = await import("../detectors/shipped-detectors");
  const { loadDetectorFile } = await import("../detectors/load-detectors");
  let detectors = shippedDetectors();
  // A gitleaks rule the guard cannot run is named on a warning line and left out; the rest of the file applies.
  const notUsed = (line: string) => io.err(`secret-guard: warning: ${escapeControls(line)}\n`);
  for (const file of detectorFiles) detectors = detectors.withDetectors(loadDetectorFile(file, notUsed));
  const { auditFilesCompact } = await import("../audit/audit-files");
  const progress = !quiet && io.stderrIsTTY ? progressLine(io) : undefined;
  const context = { env: io.env, stdin: io.stdin, warn: (line: string) => io.err(`secret-guard: warning: ${escapeControls(line)}\n`) };
  const report = await auditFilesCompact(positionals, { schemaFiles: (values.schema as string[] | undefined) ?? [], known, maxPieceBytes, packs: options.packs, detectors, fromStack, context, concurrency, progress: progress?.update, regions: format === "sarif" }).finally(() => progress?.end());
  if (ignore || baseline) {
    report.mark((f) => ({ suppressionReason: ignore?.match(f), baseline: baseline?.has(f) }), baseline !== undefined);
    const unmatched = ignore?.unmatchedLines() ?? [];
    if (unmatched.length > 0) {
      const n = unmatched.length;
      io.err(`secret-guard: warning: ${n} ${n === 1 ? "entry" : "entries"} in ${ignore!.file} matched no finding (line${n === 1 ? "" : "s"} ${unmatched.slice(0, 20).join(", ")}${n > 20 ? ", ..." : ""})\n`);
    }
  }
  // The report is written as a stream of small pieces: at 1 GiB of input it has 100,000+ findings and would be
  // a few hundred MB as one string.
  const onCap = (shown: number, total: number) => io.err(`secret-guard: SARIF capped at ${shown} of ${total} results (GitHub code scanning limit); the JSON report is complete\n`);
  const chunks = await render(report, format, output === undefined && useColor(io, values["no-color"] === true), onCap, sarifPrimary);
  if (output !== undefined) {
    await writeStreamAtomic(output, chunks).catch((e: NodeJS.ErrnoException) => {
      throw e.code ? new InputError(`${outputArg}: cannot write it (${e.code})`) : e;
    });
    if (!quiet) {
      const { summaryLine } = await import("../report/text");
      await io.out(`secret-guard: ${summaryLine(report.summary, report.files.length)}; ${format} report written to ${escapeControls(output)}\n`);
    }
  } else {
    await writeChunks(chunks, async (text) => io.out(text));
  }
  return reportFails(report.summary, failOn) ? 1 : 0;
}

/** The extension an --output file of each format has; another format for such a name is refused. */
const EXTENSION_FORMAT: Readonly<Record<string, (typeof FORMATS)[number]>> = { ".sarif": "sarif", ".json": "json" };

/** --format as given, else what --output's extension says (x.sarif is SARIF), else text. */
function reportFormat(explicit: (typeof FORMATS)[number] | undefined, output: string | undefined, outputArg: string): (typeof FORMATS)[number] {
  const ext = output === undefined ? "" : (/\.[A-Za-z]+$/.exec(output)?.[0] ?? "").toLowerCase();
  const implied = EXTENSION_FORMAT[ext];
  if (explicit !== undefined && implied !== undefined && explicit !== implied) {
    throw new UsageError(`--format ${explicit} does not match ${outputArg}, whose name ends in ${ext} (${implied}); drop --format or rename the file`);
  }
  return explicit ?? implied ?? "text";
}

/** Colours as the common tools decide: --no-color and NO_COLOR turn them off, FORCE_COLOR (not 0) on, else a terminal. */
function useColor(io: CommandIO, noColor: boolean): boolean {
  if (noColor) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0" && force !== "false") return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  return io.stdoutIsTTY;
}

/** SECRET_GUARD_CONCURRENCY: remote states audited at once (1 to 32, default 4). */
function concurrencyOf(v: string | undefined): number {
  if (v === undefined || v === "") return 4;
  if (!/^\d{1,2}$/.test(v) || Number(v) < 1 || Number(v) > 32) throw new UsageError("SECRET_GUARD_CONCURRENCY must be a whole number from 1 to 32");
  return Number(v);
}

/** "audited 120/1000" on one line of stderr, redrawn at most 10 times a second, cleared at the end. */
function progressLine(io: CommandIO): { update: (done: number, total: number) => void; end: () => void } {
  let last = 0;
  let shown = false;
  return {
    update: (done, total) => {
      if (total < 2) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      shown = true;
      io.err(`\rsecret-guard: audited ${done}/${total}`);
    },
    end: () => {
      if (shown) io.err("\r\x1b[K");
    },
  };
}

async function render(report: AuditResult, format: (typeof FORMATS)[number], color: boolean, onCap: (shown: number, total: number) => void, primary: SarifPrimary): Promise<Iterable<string>> {
  const r = await import("../report");
  if (format === "json") return r.jsonChunks(report);
  if (format === "sarif") return r.sarifChunks(report, { onCap, primary });
  return r.textChunks(report, { color });
}
