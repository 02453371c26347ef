import { UsageError } from "../errors";
import { parseArgs, ParseArgsConfig } from "node:util";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/**
 * Strict parsing with node's util.parseArgs: unknown options and missing option values become one-line
 * UsageErrors that name the option (never the raw argument values, which may be secrets).
 */
export function parseCommandLine(argv: readonly string[], options: OptionSpec, usage: string) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    const msg = String((e as Error).message ?? "");
    const opt = /'(-{1,2}[A-Za-z0-9-]+)/.exec(msg)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option ${opt ?? ""}; ${usage}`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`option ${opt ?? ""} needs a value; ${usage}`);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new UsageError(`unexpected argument; ${usage}`);
    throw new UsageError(`bad command line; ${usage}`);
  }
}

/** Checks that a value is one of the allowed words. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} has an unknown value; allowed: ${allowed.join(", ")}`);
}
