import type { CommandIO } from "./io";

/** A subcommand of a CLI built with runCommandLine (guard/commands/cli-runner.ts). */
export interface Command {
  /** One line for `<cli> --help`. */
  readonly summary: string;
  /** The command's full help text (`<cli> <command> --help`). */
  readonly help: string;
  /**
   * Runs the command; resolves to the exit code. Mistakes in what the user gave are thrown as GuardErrors
   * (guard/errors.ts): only the CLI entry point catches and prints them.
   */
  run(argv: readonly string[], io: CommandIO): Promise<number>;
}
