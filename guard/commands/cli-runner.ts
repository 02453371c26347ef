import { GuardError } from "../errors";
import { oneLine } from "../safe-text";
import type { Command } from "./command";
import { CommandIO, processIO } from "./io";
import { boundHeapGrowth } from "./heap-growth";
import { closestWord } from "./closest-word";
import { quietRuntimeNotices } from "./runtime-notices";

/** A command-line tool: its name, version and subcommands (loaded only when used, so start-up stays light). */
export interface CliDefinition {
  readonly name: string;
  readonly version: string;
  readonly commands: Readonly<Record<string, () => Command>>;
}

/**
 * Dispatches `argv` to a subcommand and is the one place that catches and prints errors: a GuardError as one line
 * and its exit code, anything else as "internal error (<class>)" and exit 2 (its message may quote file content).
 * Never echoes an argument that could be a secret.
 */
export async function runCommandLine(cli: CliDefinition, argv: readonly string[], io: CommandIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h") {
    await io.out(mainHelp(cli));
    return first === undefined ? 2 : 0;
  }
  if (first === "--version" || first === "-v") {
    await io.out(`${cli.name} ${cli.version}\n`);
    return 0;
  }
  const name = first === "help" ? rest[0] : first;
  if (first === "help" && name === undefined) {
    await io.out(mainHelp(cli));
    return 0;
  }
  const load = Object.prototype.hasOwnProperty.call(cli.commands, name) ? cli.commands[name] : undefined;
  if (!load) {
    io.err(`error: ${unknownCommand(cli, name, first === "help" ? 2 : 1)}\n`);
    return 2;
  }
  const command = load();
  if (first === "help") {
    await io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.err(GuardError.isGuardError(e) && e.wholeLine ? `error: ${describeError(e)}\n` : `${cli.name} ${name}: ${describeError(e)}\n`);
    return GuardError.isGuardError(e) ? e.exitCode : 2;
  }
}

/** What a command typed by hand looks like; anything else (a pasted value) is named only by its position. */
const COMMAND_SHAPED = /^[a-z][a-z-]{0,31}$/;

/** The line for a word that is no command: named with the closest command when it looks like one, else by position. */
function unknownCommand(cli: CliDefinition, word: string, argument: number): string {
  const commands = Object.keys(cli.commands);
  const list = `; commands: ${commands.join(", ")}`;
  if (word.startsWith("-")) {
    if (!/^--?[a-z][a-z-]{0,39}$/.test(word)) return `unknown option (argument ${argument}) for ${cli.name}${list}`;
    const near = closestWord(word, ["--help", "--version"]);
    return `unknown option ${word} for ${cli.name}${near ? ` (did you mean ${near}?)` : list}`;
  }
  if (!COMMAND_SHAPED.test(word)) return `unknown command (argument ${argument})${list}`;
  const near = closestWord(word, commands);
  return near ? `unknown command "${word}" (did you mean ${near}?)` : `unknown command "${word}"${list}`;
}

/** One line for an error: a GuardError's message, or only the class of anything else. */
export function describeError(e: unknown): string {
  if (GuardError.isGuardError(e)) return oneLine(e.message);
  const name = (e as Error)?.name ?? "unknown";
  const code = (e as NodeJS.ErrnoException)?.code;
  return `internal error (${name}${typeof code === "string" ? " " + code : ""})`;
}

/** Control characters (a forged `\n::error::` line, a terminal escape, a bidi override) never reach the output raw. */
export { oneLine };

function mainHelp(cli: CliDefinition): string {
  const lines = [`usage: ${cli.name} <command> [options]`, "", "commands:"];
  for (const [name, load] of Object.entries(cli.commands)) lines.push(`  ${name.padEnd(8)} ${load().summary}`);
  lines.push("", `${cli.name} help <command> (or <command> --help) shows a command's options; ${cli.name} --version its version.`);
  return lines.join("\n") + "\n";
}

/** Runs the CLI as the process: exit code, and a quiet end when the reader closes the pipe (as on SIGPIPE). */
export function runAsMain(cli: CliDefinition): void {
  boundHeapGrowth();
  quietRuntimeNotices(process.stderr);
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(141);
    throw e;
  });
  const io = processIO();
  runCommandLine(cli, process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      io.err(`${cli.name}: ${describeError(e)}\n`);
      process.exitCode = 2;
    },
  );
}
