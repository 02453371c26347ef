// Reads the app command's arguments against scripts/launcher/commands.js. Every flag is either honoured or refused
// with one line naming it (and the closest known flag); an argument that does not look like a flag is never echoed,
// since it may be a secret pasted in the wrong place.
"use strict";
const { OWN, COMMANDS, REFUSED } = require("./commands");

class UsageError extends Error {}

const FLAG_SHAPE = /^--[a-z][a-z0-9-]*$/;

/** Optimal string alignment distance (Levenshtein with adjacent transpositions): `--fromat` is 1 from `--format`. */
function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known name closest to `word`, when it is close enough to be a slip (a third of its length, at least 1). */
function closest(word, known) {
  let best;
  let bestDistance = Infinity;
  for (const k of known) {
    const dist = editDistance(word, k);
    if (dist < bestDistance) [best, bestDistance] = [k, dist];
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/** "--ouput" (option-shaped: named) or "an argument" (not: never echoed). */
function describe(arg) {
  return FLAG_SHAPE.test(arg) || /^-[a-zA-Z]$/.test(arg) ? arg : "an argument that is not a flag (not shown)";
}

/**
 * Parses `argv` for `command`. Returns { own: {config, output, engine, help}, cli: [...], stacks: [...] }: `cli` holds
 * the cdktf CLI flags to pass on, as given. Throws UsageError with one line.
 */
function parseArgs(command, argv) {
  const spec = COMMANDS[command];
  // Null-prototype tables: a flag named after an Object method (--constructor) is unknown, not "given twice".
  const flags = Object.assign(Object.create(null), OWN, spec.cli);
  const shorts = Object.assign(Object.create(null), Object.fromEntries(Object.entries(flags).filter(([, f]) => f.short).map(([name, f]) => [f.short, name])));
  const own = Object.create(null);
  const cli = [];
  const stacks = [];
  const where = `npm run ${command}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      stacks.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      stacks.push(arg);
      continue;
    }
    let name;
    let value;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--")) {
      name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq > 0) value = arg.slice(eq + 1);
    } else if ((arg.length === 2 || arg[2] === "=") && shorts[arg[1]]) {
      name = shorts[arg[1]];
      if (arg[2] === "=") value = arg.slice(3);
    } else {
      throw new UsageError(`unknown option ${describe(arg)} for ${where}; see ${where} -- --help`);
    }
    const flag = flags[name];
    if (!flag) {
      const shown = `--${name}`;
      if (Object.hasOwn(REFUSED, name)) throw new UsageError(`${shown} is not taken by ${where}: ${REFUSED[name]}`);
      if (!FLAG_SHAPE.test(shown)) throw new UsageError(`unknown option ${describe(arg)} for ${where}; see ${where} -- --help`);
      const near = closest(name, Object.keys(flags));
      throw new UsageError(`unknown option ${shown} for ${where}${near ? ` (did you mean --${near}?)` : ""}; see ${where} -- --help`);
    }
    if (flag.kind === "flag") {
      if (value !== undefined) throw new UsageError(`--${name} takes no value (${where})`);
      if (Object.hasOwn(OWN, name)) own[name] = true;
      else cli.push(`--${name}`);
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value (${where})`);
      // `--output --engine=cdktn` is a missing value, not a folder named "--engine=cdktn" (and a dropped flag).
      if (/^--[a-z]/.test(argv[i + 1])) throw new UsageError(`--${name} needs a value (${where}): the next argument is a flag; write --${name}=VALUE for a value that starts with --`);
      value = argv[++i];
    }
    if (Object.hasOwn(OWN, name)) {
      if (own[name] !== undefined) throw new UsageError(`--${name} given twice (${where}); give it once`);
      own[name] = value;
    } else {
      if (flag.kind !== "list" && cli.some((a) => a === `--${name}`)) throw new UsageError(`--${name} given twice (${where}); give it once`);
      cli.push(`--${name}`, value);
    }
  }
  if (stacks.length > spec.stacks) {
    throw new UsageError(
      spec.stacks === 0
        ? `${where} takes no arguments besides its flags (got ${stacks.length === 1 ? describe(stacks[0]) : `${stacks.length} arguments, not shown`}); see ${where} -- --help`
        : `${where} takes at most ${spec.stacks} stack name (got ${stacks.length})`,
    );
  }
  return { own, cli, stacks };
}

/** The help text of a command: its summary and every flag it takes. */
function helpText(command) {
  const spec = COMMANDS[command];
  const lines = [`usage: npm run ${command} -- [flags]${spec.stacks === 1 ? " [STACK]" : spec.stacks > 1 ? " [STACK...]" : ""}`, "", spec.summary, "", "Flags:"];
  for (const [name, f] of Object.entries(OWN)) lines.push(`  ${f.short ? `-${f.short}, ` : ""}--${name}${f.kind === "flag" ? "" : " VALUE"}`.padEnd(30) + f.help);
  const passed = Object.entries(spec.cli).map(([name, f]) => `--${name}${f.kind === "flag" ? "" : " VALUE"}`);
  if (passed.length) lines.push("", `Passed on to cdktf ${command}: ${passed.join(", ")}`);
  return lines.join("\n") + "\n";
}

module.exports = { parseArgs, helpText, closest, editDistance, UsageError, describe };
