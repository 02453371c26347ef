import { UsageError } from "../errors";
import { parseArgs, ParseArgsConfig } from "node:util";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/**
 * Argument numbers in messages count the whole command line after the program name: the command is argument 1,
 * so argument k of a command's own argv is argument k + 2.
 */
export const FIRST_COMMAND_ARGUMENT = 2;

/** Where each option value sits on the command line (argument numbers as in FIRST_COMMAND_ARGUMENT). */
export type ValuePositions = Readonly<Record<string, readonly number[]>>;

/**
 * Strict parsing with node's util.parseArgs: unknown options and missing option values become one-line
 * UsageErrors that name the option when it is one of ours, or else the argument's position (never the raw
 * argument, which may be a secret pasted in the wrong place). `positions` tells, per option, the argument number
 * of each of its values, so a command can name a bad value by its position.
 */
export function parseCommandLine(argv: readonly string[], options: OptionSpec, usage: string) {
  try {
    const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, tokens: true });
    const positions: Record<string, number[]> = {};
    const positionalAt: number[] = [];
    for (const t of parsed.tokens ?? []) {
      if (t.kind === "positional") positionalAt.push(t.index + FIRST_COMMAND_ARGUMENT);
      if (t.kind !== "option" || t.value === undefined) continue;
      const at = t.inlineValue ? t.index : t.index + 1;
      (positions[t.name] ??= []).push(at + FIRST_COMMAND_ARGUMENT);
    }
    return { values: parsed.values, positionals: parsed.positionals, positions: positions as ValuePositions, positionalAt };
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const at = unknownOptionIndex(argv, options);
      throw new UsageError(`unknown option${at >= 0 ? ` (argument ${at + FIRST_COMMAND_ARGUMENT})` : ""}; ${usage}`);
    }
    const msg = String((e as Error).message ?? "");
    const named = /'(-{1,2}[A-Za-z0-9-]+)/.exec(msg)?.[1];
    const opt = named !== undefined && isKnownOption(named, options) ? named : "";
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`option ${opt} needs a value; ${usage}`.replace("option  ", "an option "));
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new UsageError(`unexpected argument; ${usage}`);
    throw new UsageError(`bad command line; ${usage}`);
  }
}

function isKnownOption(flag: string, options: OptionSpec): boolean {
  if (flag.startsWith("--")) return Object.prototype.hasOwnProperty.call(options, flag.slice(2));
  return Object.values(options).some((o) => o.short === flag.slice(1));
}

/** The index in `argv` of the first option that is not in `options` (values of string options skipped), or -1. */
function unknownOptionIndex(argv: readonly string[], options: OptionSpec): number {
  const byShort = new Map(Object.entries(options).filter(([, o]) => o.short).map(([name, o]) => [o.short!, name]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") return -1;
    if (!a.startsWith("-") || a === "-") continue;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (!Object.prototype.hasOwnProperty.call(options, name)) return i;
      if (eq < 0 && options[name].type === "string") i++; // its value
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const name = byShort.get(a[k]);
      if (name === undefined) return i;
      if (options[name].type === "string") {
        if (k === a.length - 1) i++;
        break;
      }
    }
  }
  return -1;
}

/** A whole number of milliseconds from 1 to `max` (all nines), or `fallback` when the option was not given. */
export function milliseconds(option: string, value: unknown, fallback: number, max: 9_999_999 | 99_999_999): number {
  if (value === undefined) return fallback;
  const s = String(value);
  const digits = String(max).length;
  if (!new RegExp(`^\\d{1,${digits}}$`).test(s) || Number(s) < 1) throw new UsageError(`${option} must be a whole number of milliseconds from 1 to ${max}`);
  return Number(s);
}

/** Checks that a value is one of the allowed words. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} has an unknown value; allowed: ${allowed.join(", ")}`);
}

/** "argument N" for the `k`-th value of `option`, or just the option when its position is not known. */
export function argumentAt(positions: ValuePositions | undefined, option: string, k: number): string {
  const at = positions?.[option]?.[k];
  return at === undefined ? `--${option}` : `--${option} (argument ${at})`;
}
