#!/usr/bin/env node
/**
 * The `secret-guard` command: the generic guard's audit and run-task server, plus the Genesys pack's diff, doctor,
 * preflight and rotate. Each command module is loaded only when used.
 */
import type { Command } from "../guard/commands/command";
import { CliDefinition, runAsMain, runCommandLine } from "../guard/commands/cli-runner";
import type { CommandIO } from "../guard/commands/io";
import { processIO } from "../guard/commands/io";
import { TOOL } from "../guard/tool";

export const SECRET_GUARD_CLI: CliDefinition = {
  name: "secret-guard",
  version: TOOL.version,
  commands: {
    audit: () => require("./commands/audit") as Command,
    diff: () => require("./commands/diff") as Command,
    doctor: () => require("./commands/doctor") as Command,
    preflight: () => require("./commands/preflight") as Command,
    rotate: () => require("./commands/rotate") as Command,
    "run-task": () => require("./commands/run-task") as Command,
  },
};

/** Runs `secret-guard` with `argv` (without the program name); resolves to the exit code. */
export function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  return runCommandLine(SECRET_GUARD_CLI, argv, io);
}

if (require.main === module) runAsMain(SECRET_GUARD_CLI);
