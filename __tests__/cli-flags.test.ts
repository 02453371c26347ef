// Every flag of every secret-guard command is honoured or refused in one line (issue 19, item 1): unknown options
// and commands named with the closest known one, pasted values never echoed, options given twice refused.
import { main, SECRET_GUARD_CLI } from "../genesys-pack/cli";
import { closestWord, editDistance } from "../guard/commands/closest-word";
import { capture } from "./support/day2";
import { genesysSecret, runCli } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";

const COMMANDS = Object.keys(SECRET_GUARD_CLI.commands);
const SECRET = genesysSecret();

async function sg(argv: string[]) {
  return capture((io) => main(argv, io), { env: {} });
}

/** A refusal: exit 2, nothing on stdout, exactly one `error:` line on stderr, which never holds the secret. */
async function refused(argv: string[]): Promise<string> {
  const r = await sg(argv);
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
  expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
  expectNoLeaks(SECRET, [["stderr", r.stderr]]);
  return r.stderr;
}

/**
 * The options a command's help documents, one a line: `  -f, --format FORMAT  text...` gives
 * { long: "format", short: "f", value: true } (a word after the option, then two spaces or the line's end).
 */
function documentedOptions(help: string) {
  const out: Array<{ long: string; short?: string; value: boolean }> = [];
  for (const line of help.split("\n")) {
    const m = /^\s+(?:-([a-zA-Z]), )?--([a-z][a-z-]*)( \S+)?(?:\s{2,}|$)/.exec(line);
    if (m) out.push({ long: m[2], short: m[1], value: m[3] !== undefined });
  }
  return out;
}

describe("edit distance (optimal string alignment)", () => {
  test.each([
    ["fromat", "format", 1],
    ["adit", "audit", 1],
    ["format", "format", 0],
    ["", "abc", 3],
    ["ca", "abc", 3], // OSA edits no substring twice (unrestricted Damerau-Levenshtein would say 2)
    ["kitten", "sitting", 3],
  ])("%s -> %s is %d", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  test("the closest word, within one edit per three letters; a unique start; nothing when nothing is close", () => {
    expect(closestWord("fromat", ["output", "format", "quiet"])).toBe("format");
    expect(closestWord("dif", ["audit", "diff", "doctor"])).toBe("diff");
    expect(closestWord("out", ["output", "quiet"])).toBe("output");
    expect(closestWord("colour", ["format", "no-color", "output"])).toBeUndefined();
    expect(closestWord("xyz", ["audit", "diff"])).toBeUndefined();
    expect(closestWord("ab", ["cd"])).toBeUndefined();
  });
});

describe("every option a command's help documents is one its parser takes, with or without a value as documented", () => {
  test.each(COMMANDS)("%s", async (command) => {
    const options = documentedOptions(SECRET_GUARD_CLI.commands[command]().help);
    expect(options.map((o) => o.long)).toContain("help");
    for (const o of options.filter((x) => x.long !== "help")) {
      if (o.value) {
        expect(await refused([command, `--${o.long}`])).toBe(`error: --${o.long} needs a value for secret-guard ${command}; see secret-guard ${command} --help\n`);
        if (o.short) expect(await refused([command, `-${o.short}`])).toBe(`error: --${o.long} needs a value for secret-guard ${command}; see secret-guard ${command} --help\n`);
      } else {
        expect(await refused([command, `--${o.long}=${SECRET}`])).toBe(`error: --${o.long} takes no value for secret-guard ${command}; see secret-guard ${command} --help\n`);
      }
    }
    // --help and -h show the help, whatever else is on the line.
    for (const h of ["--help", "-h"]) expect(await sg([command, h])).toMatchObject({ code: 0, stdout: SECRET_GUARD_CLI.commands[command]().help });
  });

  test.each(COMMANDS)("%s: each documented option, mistyped, is named with a suggestion of that option", async (command) => {
    for (const o of documentedOptions(SECRET_GUARD_CLI.commands[command]().help).filter((x) => x.long.length >= 5)) {
      const i = [...o.long].findIndex((c, k) => k >= 1 && /[a-z]/.test(c) && /[a-z]/.test(o.long[k + 1] ?? "") && c !== o.long[k + 1]);
      const typo = o.long.slice(0, i) + o.long[i + 1] + o.long[i] + o.long.slice(i + 2); // two neighbouring letters swapped
      expect(await refused([command, `--${typo}`])).toBe(`error: unknown option --${typo} for secret-guard ${command} (did you mean --${o.long}?); see secret-guard ${command} --help\n`);
    }
  });
});

describe("unknown options", () => {
  test("the issue's example, through the built CLI: one line, exit 2", () => {
    const r = runCli(["audit", "--fromat", "json", "x.tfstate"]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: "error: unknown option --fromat for secret-guard audit (did you mean --format?); see secret-guard audit --help\n" });
  });

  test("--name=value names the option, never the value", async () => {
    expect(await refused(["audit", `--fromat=${SECRET}`, "x"])).toBe("error: unknown option --fromat for secret-guard audit (did you mean --format?); see secret-guard audit --help\n");
  });

  test("nothing close: named without a suggestion", async () => {
    expect(await refused(["diff", "a", "b", "--colour"])).toBe("error: unknown option --colour for secret-guard diff; see secret-guard diff --help\n");
  });

  test("not option-shaped (a pasted secret): named by its position only", async () => {
    expect(await refused(["audit", "x", `--${SECRET}`])).toBe("error: unknown option (argument 3) for secret-guard audit; see secret-guard audit --help\n");
    expect(await refused(["audit", `--${SECRET}=x`])).toBe("error: unknown option (argument 2) for secret-guard audit; see secret-guard audit --help\n");
    expect(await refused(["rotate", `-Z${SECRET}`])).toBe("error: unknown option (argument 2) for secret-guard rotate; see secret-guard rotate --help\n");
  });

  test("short options: an unknown letter is named, the other case suggested", async () => {
    expect(await refused(["audit", "-F", "json", "x"])).toBe("error: unknown option -F for secret-guard audit (did you mean -f?); see secret-guard audit --help\n");
    expect(await refused(["doctor", "-x"])).toBe("error: unknown option -x for secret-guard doctor; see secret-guard doctor --help\n");
  });

  test("an option after -- is an argument, not an option", async () => {
    const r = await sg(["diff", "--", "--fromat", "b"]);
    expect(r.stderr).not.toMatch(/unknown option/);
  });
});

describe("options given twice", () => {
  test("one that takes one value, or a flag, is refused; a repeatable one is not", async () => {
    expect(await refused(["audit", "--format", "json", "-f", "text", "x"])).toBe("error: --format given more than once for secret-guard audit (it takes one value); see secret-guard audit --help\n");
    expect(await refused(["audit", "-q", "--quiet", "x"])).toBe("error: --quiet given more than once for secret-guard audit; see secret-guard audit --help\n");
    expect(await refused(["rotate", "--endpoint", "http://127.0.0.1:1", "--endpoint", SECRET])).toBe("error: --endpoint given more than once for secret-guard rotate (it takes one value); see secret-guard rotate --help\n");
    const repeated = await sg(["audit", "--known-env", "NOT_SET_ANYWHERE_1", "--known-env", "NOT_SET_ANYWHERE_2", "x"]);
    expect(repeated.stderr).not.toMatch(/more than once/);
    expect(repeated.stderr).toMatch(/--known-env \(argument 3\): the environment variable is not set/);
  });

  test("a value that looks like an option is not taken as the value", async () => {
    expect(await refused(["audit", "--output", "--quiet", "x"])).toBe("error: --output needs a value for secret-guard audit; see secret-guard audit --help\n");
  });
});

describe("arguments a command does not take", () => {
  test.each(["doctor", "rotate"])("%s: named by position, never echoed", async (command) => {
    expect(await refused([command, SECRET])).toBe(`error: unexpected argument (argument 2) for secret-guard ${command}; see secret-guard ${command} --help\n`);
  });
});

describe("unknown commands", () => {
  test("command-shaped: quoted, with the closest command", async () => {
    expect(await refused(["adit"])).toBe('error: unknown command "adit" (did you mean audit?)\n');
    expect(await refused(["help", "preflite"])).toBe('error: unknown command "preflite" (did you mean preflight?)\n');
    expect(await refused(["deploy"])).toBe(`error: unknown command "deploy"; commands: ${COMMANDS.join(", ")}\n`);
  });

  test("not command-shaped: never echoed", async () => {
    expect(await refused([SECRET])).toBe(`error: unknown command (argument 1); commands: ${COMMANDS.join(", ")}\n`);
    expect(await refused(["help", SECRET])).toBe(`error: unknown command (argument 2); commands: ${COMMANDS.join(", ")}\n`);
  });

  test("an unknown option before any command", async () => {
    expect(await refused(["--verson"])).toBe("error: unknown option --verson for secret-guard (did you mean --version?)\n");
    expect(await refused([`--${SECRET}`])).toBe(`error: unknown option (argument 1) for secret-guard; commands: ${COMMANDS.join(", ")}\n`);
  });
});
