#!/usr/bin/env node
/**
 * secret-guard: a small dispatcher over subcommands (guard/commands/<name>.ts), each loaded only when used so
 * startup stays light. Usage and input errors print one line and exit 2, never a stack trace or a value.
 */
import type { Command } from "./commands/command";

const COMMANDS = ["audit", "diff", "doctor"] as const;

function load(name: string): Command | undefined {
  if (!(COMMANDS as readonly string[]).includes(name)) return undefined;
  try {
    return require(`./commands/${name}`) as Command;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" && String((e as Error).message).includes(`commands/${name}`)) return undefined;
    throw e;
  }
}

function version(): string {
  return require("./tool").TOOL.version;
}

function mainHelp(): string {
  const lines = ["usage: secret-guard <command> [options]", "", "commands:"];
  for (const name of COMMANDS) {
    const c = load(name);
    if (c) lines.push(`  ${name.padEnd(8)} ${c.summary}`);
  }
  lines.push("", "secret-guard <command> --help shows a command's options; secret-guard --version its version.");
  return lines.join("\n") + "\n";
}

export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    process.stdout.write(mainHelp());
    return first === undefined ? 2 : 0;
  }
  if (first === "--version" || first === "-v") {
    process.stdout.write(`secret-guard ${version()}\n`);
    return 0;
  }
  const command = load(first);
  if (!command) {
    const known = COMMANDS.filter((n) => load(n)).join(", ");
    process.stderr.write(`secret-guard: unknown command ${first.startsWith("-") ? "option" : "'" + first.slice(0, 40) + "'"}; commands: ${known}\n`);
    return 2;
  }
  return command.run(rest);
}

function oneLine(e: unknown): string {
  const name = (e as Error)?.name;
  if (name === "UsageError" || name === "AuditInputError") return String((e as Error).message).replace(/\s*\n\s*/g, " ");
  // Anything else may carry text from a file; print only its kind.
  const code = (e as NodeJS.ErrnoException)?.code;
  return `internal error (${name ?? "unknown"}${code ? " " + code : ""})`;
}

if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: end quietly, as Unix tools do on SIGPIPE (128 + 13).
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(141);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`secret-guard: ${oneLine(e)}\n`);
      process.exitCode = 2;
    },
  );
}
