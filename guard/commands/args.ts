import { UsageError } from "../errors";
import { parseArgs, ParseArgsConfig } from "node:util";
import { closestWord } from "./closest-word";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/**
 * Argument numbers in messages count the whole command line after the program name: the command is argument 1,
 * so argument k of a command's own argv is argument k + 2.
 */
export const FIRST_COMMAND_ARGUMENT = 2;

/** Where each option value sits on the command line (argument numbers as in FIRST_COMMAND_ARGUMENT). */
export type ValuePositions = Readonly<Record<string, readonly number[]>>;

/** A usage error that names its command and where to read about it: printed as one `error: ...` line, exit 2. */
export function commandLineError(command: string, what: string, hint = ""): UsageError {
  const e = new UsageError(`${what} for ${command}${hint}; see ${command} --help`);
  e.wholeLine = true;
  return e;
}

/** What an option typed by hand looks like; anything else (a pasted value) is named only by its position. */
const OPTION_SHAPED = /^[a-z][a-z-]{0,39}$/;

/**
 * Strict parsing with node's util.parseArgs, after a scan that refuses, one line each (commandLineError): an unknown
 * option (named with the closest known one when it is option-shaped, `--[a-z][a-z-]*` or `-x`; else by its argument
 * number, never echoed, since it may be a secret pasted in the wrong place; a `--name=value` never shows its value),
 * an option without its value, a value given to a flag, and an option given twice that is not repeatable. `command` is
 * how the messages name the command ("secret-guard audit"). `positions` tells, per option, the argument number of
 * each of its values, so a command can name a bad value by its position.
 */
export function parseCommandLine(argv: readonly string[], options: OptionSpec, usage: string, command = commandOf(usage)) {
  checkCommandLine(argv, options, command);
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
  } catch {
    // The scan above refuses what parseArgs would; this is a safety net that still echoes nothing.
    throw commandLineError(command, "bad command line");
  }
}

/** "secret-guard audit" from "usage: secret-guard audit [...]". */
function commandOf(usage: string): string {
  return /^usage: (\S+(?: [a-z][a-z-]*)?)/.exec(usage)?.[1] ?? "the command";
}

/** The scan behind parseCommandLine, mirroring how util.parseArgs reads options and their values. */
function checkCommandLine(argv: readonly string[], options: OptionSpec, command: string): void {
  const byShort = new Map(Object.entries(options).filter(([, o]) => o.short).map(([name, o]) => [o.short!, name]));
  const given = new Map<string, number>();
  const once = (name: string) => {
    const n = (given.get(name) ?? 0) + 1;
    given.set(name, n);
    if (n > 1 && !options[name].multiple) throw commandLineError(command, `--${name} given more than once`, options[name].type === "string" ? " (it takes one value)" : "");
  };
  // parseArgs takes the next argument as the value unless it looks like an option ("-" alone is standard input).
  const needsValue = (i: number, name: string) => {
    const next = argv[i + 1];
    if (next === undefined || (next.length > 1 && next.startsWith("-"))) throw commandLineError(command, `--${name} needs a value`);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") return;
    if (!a.startsWith("-") || a === "-") continue;
    const at = ` (argument ${i + FIRST_COMMAND_ARGUMENT})`;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (!Object.prototype.hasOwnProperty.call(options, name)) {
        if (!OPTION_SHAPED.test(name)) throw commandLineError(command, `unknown option${at}`);
        const near = closestWord(name, Object.keys(options));
        throw commandLineError(command, `unknown option --${name}`, near ? ` (did you mean --${near}?)` : "");
      }
      if (options[name].type === "boolean" && eq >= 0) throw commandLineError(command, `--${name} takes no value`);
      if (options[name].type === "string" && eq < 0) {
        needsValue(i, name);
        i++;
      }
      once(name);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const name = byShort.get(a[k]);
      if (name === undefined) {
        if (a.length !== 2 || !/^[A-Za-z]$/.test(a[1])) throw commandLineError(command, `unknown option${at}`);
        const sameLetter = [...byShort.keys()].find((s) => s.toLowerCase() === a[1].toLowerCase());
        throw commandLineError(command, `unknown option ${a}`, sameLetter ? ` (did you mean -${sameLetter}?)` : "");
      }
      once(name);
      if (options[name].type === "string") {
        if (k === a.length - 1) {
          needsValue(i, name);
          i++;
        }
        break;
      }
    }
  }
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
