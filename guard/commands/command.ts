/** What a subcommand module (guard/commands/<name>.ts) exports for the dispatcher in guard/cli.ts. */
export interface Command {
  /** One line for `secret-guard --help`. */
  readonly summary: string;
  /** Runs the command; resolves to the exit code. Throws UsageError / AuditInputError for exit 2. */
  run(argv: readonly string[]): Promise<number>;
}
