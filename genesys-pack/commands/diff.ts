import { InputError, UsageError } from "../../guard/errors";
import type { CommandIO } from "../../guard/commands/io";
import { argumentAt, parseCommandLine, oneOf } from "../../guard/commands/args";
import { checkOutputTarget } from "../../guard/commands/output-target";
import { writeFileAtomic } from "../../guard/commands/atomic-write";
import { loadDiffInput } from "../diff/load";
import { Change, compareInputs } from "../diff/compare";
import { IdentifierRedactor } from "../../guard/audit/detect/identifier-redaction";
import { SecretIndex, worthTracking } from "../../guard/audit/detect/secret-index";
import { shippedDetectors } from "../../guard/detectors/shipped-detectors";
import { diffToJson, diffToMarkdown, summarizeChanges } from "../diff/render";
import { TOOL } from "../../guard/tool";

const USAGE = "usage: secret-guard diff BEFORE AFTER [--format markdown|json] [--output FILE]";

export const DIFF_HELP = `${USAGE}

Compares the security of two synthesized outputs (a cdk.tf.json, a stack folder, or a cdktf.out folder whose
stacks are matched by name) or of two plan JSON files (terraform show -json), per OAuth client: roles, divisions
and scopes added or removed, secret delivery (expose_client_secret, directory_client_secret, secrets moved into
state, unmasked outputs), the state backend's encryption and locking, clients created, destroyed or replaced.

Options:
  --format markdown|json  markdown (default): a pull-request comment, at most 65,000 characters
                          json: {tool, before, after, changes:[{kind, severity, stack, address, client, message}], summary}
  --output FILE           write the report to FILE (atomically) instead of stdout
  -h, --help              show this help

Exit codes: 0 no error-level change, 1 at least one error-level change, 2 usage or input error.
`;

/** secret-guard diff: exit 0 when nothing error-level changed, 1 when something did; usage/input errors are thrown. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const { values, positionals, positions, positionalAt } = parseCommandLine(
    argv,
    { format: { type: "string" }, output: { type: "string" }, help: { type: "boolean", short: "h" } },
    USAGE,
  );
  if (values.help) {
    await io.out(DIFF_HELP);
    return 0;
  }
  const format = oneOf("--format", (values.format as string | undefined) ?? "markdown", ["markdown", "json"] as const);
  if (positionals.length !== 2) throw new UsageError(`expected BEFORE and AFTER, got ${positionals.length} argument${positionals.length === 1 ? "" : "s"}; ${USAGE}`);
  const [beforePath, afterPath] = positionals;
  const output = values.output as string | undefined;
  const outputArg = argumentAt(positions, "output", 0);
  if (output === "") throw new UsageError(`${outputArg} needs a file name; ${USAGE}`);
  const before = await loadDiffInput("BEFORE", beforePath, `BEFORE (argument ${positionalAt[0]})`);
  const after = await loadDiffInput("AFTER", afterPath, `AFTER (argument ${positionalAt[1]})`);
  // A report must never replace a device, nor a file it was made from.
  if (output !== undefined) await checkOutputTarget(output, outputArg, async () => [...(before.files ?? []), ...(after.files ?? [])]);
  if (before.kind !== after.kind) {
    throw new InputError(`BEFORE is a ${describeKind(before.kind)} and AFTER a ${describeKind(after.kind)}: compare two synth outputs or two plans`);
  }
  const changes = redactChanges(compareInputs(before, after), [...(before.secrets ?? []), ...(after.secrets ?? [])]);
  const report = { tool: { name: TOOL.name, version: TOOL.version }, before: beforePath, after: afterPath, changes, summary: summarizeChanges(changes) };
  const text = format === "json" ? diffToJson(report) : diffToMarkdown(report);
  if (output !== undefined) {
    try {
      await writeFileAtomic(output, text);
    } catch (e) {
      throw new InputError(`${outputArg}: cannot write it (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
  } else {
    await io.out(text);
  }
  return report.summary.error > 0 ? 1 : 0;
}

/**
 * Addresses, client names and messages come from the inputs: a part that holds a piece of a hidden value, or is
 * token-shaped, is printed as its fingerprint (the audit's identifier redaction).
 */
function redactChanges(changes: Change[], secrets: readonly string[]): Change[] {
  const index = new SecretIndex();
  for (const s of secrets) if (worthTracking(s)) index.add(s, "diff", "SG103");
  const r = new IdentifierRedactor(index, shippedDetectors()).prepare(changes.flatMap((c) => [c.stack, c.address, c.client, c.message]));
  return changes.map((c) => ({ ...c, stack: r.redact(c.stack), address: r.redact(c.address), client: r.redact(c.client), message: r.redact(c.message) }));
}

function describeKind(kind: string): string {
  return kind === "plan" ? "plan JSON" : "synth output";
}

/** The dispatcher (genesys-pack/cli.ts) loads this module as a Command. */
export const summary = "security diff of two synth outputs or two plans (roles, scopes, secret delivery, backend) for pull requests";
export const help = DIFF_HELP;
