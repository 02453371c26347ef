// The app's npm scripts (scripts/cdktf.js): nothing destructive, every flag honoured or refused in one line.
// The refusals run against a scratch copy of the project, so a regression could only ever damage the copy.
import { execFile, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expectNoLeaks } from "./support/leak-check";

const ROOT = path.resolve(__dirname, "..");
const LAUNCHER = path.join(ROOT, "scripts", "cdktf.js");
// Something a user might paste in the wrong place: it must never be echoed.
const PLANTED = "gk_live_Q9vX2mLp7RtY4wZs8NcB3hJf";

type Result = { code: number; stdout: string; stderr: string };
function run(script: string, args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<Result> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, CI: "1", ...opts.env })) if (v !== undefined) env[k] = v;
  return new Promise((resolve) =>
    execFile(process.execPath, [script, ...args], { cwd: opts.cwd ?? ROOT, env, timeout: 120_000, killSignal: "SIGKILL" }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof (err as any).code === "number" ? (err as any).code : 1) : 0, stdout, stderr }),
    ),
  );
}

/** Every path under `dir` with its size and mtime: equal snapshots mean nothing was touched. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const st = fs.lstatSync(p);
      out.push(`${path.relative(dir, p)} ${e.isDirectory() ? "dir" : st.size} ${st.mtimeMs}`);
      if (e.isDirectory() && !e.isSymbolicLink()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

let tmp = "";
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "launcher-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A scratch copy of the project's launcher, config and a file of its own, with a home folder beside it. */
function scratchProject(): { project: string; home: string; parent: string } {
  const parent = path.join(tmp, "work");
  const project = path.join(parent, "project");
  fs.mkdirSync(project, { recursive: true });
  for (const f of ["cdktf.json", "package.json", "genesys-oauth.config.json"]) fs.copyFileSync(path.join(ROOT, f), path.join(project, f));
  fs.cpSync(path.join(ROOT, "scripts"), path.join(project, "scripts"), { recursive: true });
  fs.mkdirSync(path.join(project, "guard", "commands"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "guard", "commands", "node-end-of-life.json"), path.join(project, "guard", "commands", "node-end-of-life.json"));
  fs.writeFileSync(path.join(project, "main.ts"), "// the user's work\n");
  fs.writeFileSync(path.join(parent, "sibling.txt"), "another project's file\n");
  const home = path.join(tmp, "home");
  fs.mkdirSync(path.join(home, ".ssh"), { recursive: true });
  fs.writeFileSync(path.join(home, ".ssh", "config"), "Host *\n");
  return { project, home, parent };
}

describe("an output folder a slip could name is refused, nothing touched", () => {
  const cases: [string, (p: { project: string; home: string; parent: string }) => string[], RegExp][] = [
    ["an empty value (--output=)", () => ["--output="], /--output needs a folder name/],
    ["an empty value (--output '')", () => ["--output", ""], /--output needs a folder name/],
    [".", () => ["--output", "."], /it is the project/],
    ["the project, absolute", (p) => ["--output", p.project], /it is the project/],
    ["the project, through a symlink", (p) => {
      fs.symlinkSync(p.project, path.join(p.parent, "link"));
      return ["--output", path.join(p.parent, "link")];
    }, /it is the project/],
    ["a folder holding the project (..)", () => ["-o", ".."], /it holds the project/],
    ["/", () => ["--output", "/"], /it is the root folder/],
    ["the home folder", (p) => ["--output", p.home], /it is the home folder/],
    ["a folder of other files", (p) => {
      fs.mkdirSync(path.join(p.project, "docs"));
      fs.writeFileSync(path.join(p.project, "docs", "notes.md"), "mine\n");
      return ["--output", "docs"];
    }, /holds files that are not a cdktf synth output/],
    ["a file", () => ["--output", "main.ts"], /it is a file/],
    ["~ the shell did not expand (--output=~/out)", () => ["--output=~/out"], /~ is not expanded here/],
  ];
  test.each(cases)("%s", async (_name, argsFor, message) => {
    const p = scratchProject();
    const args = argsFor(p);
    const before = [snapshot(path.dirname(p.parent)), snapshot(p.home)];
    for (const command of ["synth", "diff", "deploy"]) {
      const r = await run(path.join(p.project, "scripts", "cdktf.js"), [command, ...args], { cwd: p.project, env: { HOME: p.home } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
      expect(r.stderr).toMatch(message);
      expect([snapshot(path.dirname(p.parent)), snapshot(p.home)]).toEqual(before);
    }
  });

  test("cdktf.json's output is checked the same way", async () => {
    const p = scratchProject();
    const cdktf = JSON.parse(fs.readFileSync(path.join(p.project, "cdktf.json"), "utf8"));
    fs.writeFileSync(path.join(p.project, "cdktf.json"), JSON.stringify({ ...cdktf, output: "." }));
    const before = snapshot(path.dirname(p.parent));
    const r = await run(path.join(p.project, "scripts", "cdktf.js"), ["synth"], { cwd: p.project, env: { HOME: p.home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: cdktf.json's output "." is refused: it is the project; name a new folder or an earlier synth's output, e.g. cdktf.out\n`);
    expect(snapshot(path.dirname(p.parent))).toEqual(before);
  });
});

describe("output folders synth may use", () => {
  test("a new folder anywhere is created; an earlier synth's output is replaced whole", async () => {
    const out = path.join(tmp, "a", "b", "out");
    const first = await run(LAUNCHER, ["synth", "--output", out]);
    expect(first.code).toBe(0);
    expect(fs.existsSync(path.join(out, "manifest.json"))).toBe(true);
    fs.writeFileSync(path.join(out, "stale-file"), "from an older synth\n");
    const second = await run(LAUNCHER, ["synth", "--output", out]);
    expect(second.code).toBe(0);
    expect(fs.existsSync(path.join(out, "stale-file"))).toBe(false);
    expect(fs.existsSync(path.join(out, "stacks", "gen-integration", "cdk.tf.json"))).toBe(true);
    // Nothing of the swap is left beside it.
    expect(fs.readdirSync(path.dirname(out))).toEqual(["out"]);
  });

  test("an empty existing folder is used", async () => {
    const out = path.join(tmp, "empty");
    fs.mkdirSync(out);
    const r = await run(LAUNCHER, ["synth", "--output", out]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(out, "manifest.json"))).toBe(true);
  });
});

describe("every flag honoured or refused in one line", () => {
  test("a misspelt flag is named with the closest known one; nothing written, the last output untouched", async () => {
    const out = path.join(tmp, "out");
    expect((await run(LAUNCHER, ["synth", "--output", out])).code).toBe(0);
    const before = snapshot(out);
    const cases: [string[], string][] = [
      [["synth", "--ouput", path.join(tmp, "base2.out")], "error: unknown option --ouput for npm run synth (did you mean --output?); see npm run synth -- --help\n"],
      [["synth", "--confg", "x.json"], "error: unknown option --confg for npm run synth (did you mean --config?); see npm run synth -- --help\n"],
      [["check", "--engin", "cdktn"], "error: unknown option --engin for npm run check (did you mean --engine?); see npm run check -- --help\n"],
      [["deploy", "--auto-aprove"], "error: unknown option --auto-aprove for npm run deploy (did you mean --auto-approve?); see npm run deploy -- --help\n"],
      [["diff", "--auto-approve"], "error: unknown option --auto-approve for npm run diff; see npm run diff -- --help\n"],
      [["synth", "--frobnicate"], "error: unknown option --frobnicate for npm run synth; see npm run synth -- --help\n"],
      [["synth", "-x"], "error: unknown option -x for npm run synth; see npm run synth -- --help\n"],
      [["check", "--output", "."], `error: --output "." is refused: it is the project; name a new folder or an earlier synth's output, e.g. cdktf.out\n`],
      [["synth", "--hcl"], "error: --hcl is not taken by npm run synth: synth writes JSON only: HCL output drops the ephemeral blocks the stacks rely on\n"],
      [["deploy", "--app", "node other.js"], "error: --app is not taken by npm run deploy: the app is this project's (cdktf.json); run `npx cdktf` in a project of your own for another app\n"],
      [["synth", "--output", out, "--output", path.join(tmp, "x")], "error: --output given twice (npm run synth); give it once\n"],
      [["synth", "--engine", "terraform"], 'error: --engine must be cdktf or cdktn (got "terraform")\n'],
      [["synth", "--config"], "error: --config needs a value (npm run synth)\n"],
      [["synth", "--config", path.join(tmp, "team.json")], `error: --config ${JSON.stringify(path.join(tmp, "team.json"))}: no such file (ENOENT); give an existing fleet config, e.g. --config genesys-oauth.config.json\n`],
      [["synht"], 'error: unknown command "synht" (did you mean synth?); commands: synth, check, diff, deploy\n'],
      // A flag where a value belongs is a missing value, not a folder named after the flag (and a dropped flag).
      [["synth", "--output", "--engine=cdktn"], "error: --output needs a value (npm run synth): the next argument is a flag; write --output=VALUE for a value that starts with --\n"],
      [["deploy", "--var-file", "--auto-approve"], "error: --var-file needs a value (npm run deploy): the next argument is a flag; write --var-file=VALUE for a value that starts with --\n"],
      [["synth", "--constructor", "x"], "error: unknown option --constructor for npm run synth; see npm run synth -- --help\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = await run(LAUNCHER, args);
      expect({ args, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ args, code: 2, stdout: "", stderr });
    }
    expect(snapshot(out)).toEqual(before);
    expect(fs.readdirSync(tmp)).toEqual(["out"]);
  });

  test("an argument that is not a flag is never echoed", async () => {
    for (const args of [["synth", PLANTED], ["check", PLANTED], [PLANTED], ["synth", `--${PLANTED}`], ["synth", `--output=${PLANTED}`, "--x"], ["deploy", `--var=token=${PLANTED}`, "--bogus"]]) {
      const r = await run(LAUNCHER, args);
      expect(r.code).toBe(2);
      expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
      expectNoLeaks(PLANTED, [["stdout", r.stdout], ["stderr", r.stderr]]);
    }
  });

  test("--config FILE is the same as GENESYS_OAUTH_CONFIG: its stacks are synthesized, not the default config's", async () => {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, "genesys-oauth.config.json"), "utf8"));
    config.environments[0].name = "team";
    delete config.environments[0].stackName;
    const file = path.join(tmp, "team.json");
    fs.writeFileSync(file, JSON.stringify(config));
    const viaFlag = await run(LAUNCHER, ["synth", "--config", file, "--output", path.join(tmp, "a")]);
    const viaEnv = await run(LAUNCHER, ["synth", "--output", path.join(tmp, "b")], { env: { GENESYS_OAUTH_CONFIG: file } });
    for (const [r, dir] of [[viaFlag, "a"], [viaEnv, "b"]] as const) {
      expect(r.code).toBe(0);
      const manifest = JSON.parse(fs.readFileSync(path.join(tmp, dir, "manifest.json"), "utf8"));
      expect(Object.keys(manifest.stacks)).toEqual(["genesys-oauth-team"]);
    }
    // The flag wins over the variable.
    const both = await run(LAUNCHER, ["check", "--config", file], { env: { GENESYS_OAUTH_CONFIG: path.join(ROOT, "genesys-oauth.config.json") } });
    expect(both.stdout).toBe(`config ok: ${file} (1 environment; stack genesys-oauth-team)\n`);
  });

  test("npm run check answers without writing anything; a config mistake is one line, exit 2", async () => {
    const ok = await run(LAUNCHER, ["check"]);
    expect(ok).toEqual({ code: 0, stdout: "config ok: genesys-oauth.config.json (1 environment; stack gen-integration)\n", stderr: "" });
    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(bad, fs.readFileSync(path.join(ROOT, "genesys-oauth.config.json"), "utf8").replace('"CLIENT-CREDENTIALS"', '"client_credentials"'));
    const r = await run(LAUNCHER, ["check", "--config", bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: [^\n]*bad\.json: [^\n]*grantType must be one of [^\n]*\(got "client_credentials"\)\n$/);
    expect(fs.readdirSync(tmp)).toEqual(["bad.json"]);
  });

  test("--help lists every flag a command takes, including the cdktf CLI's it passes on", async () => {
    const r = await run(LAUNCHER, ["deploy", "--help"]);
    expect(r.code).toBe(0);
    for (const flag of ["--config", "--output", "--engine", "--auto-approve", "--var", "--var-file", "--outputs-file", "--skip-synth"]) expect(r.stdout).toContain(flag);
    const none = await run(LAUNCHER, []);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^usage: npm run <command>/);
  });
});

describe("diff and deploy", () => {
  test("a stack that is not in the config is refused before the last output is replaced, and its name is not echoed", async () => {
    const out = path.join(tmp, "out");
    expect((await run(LAUNCHER, ["synth", "--output", out])).code).toBe(0);
    fs.writeFileSync(path.join(out, "stacks", "marker"), "the last output\n");
    const before = snapshot(out);
    for (const command of ["diff", "deploy"]) {
      const r = await run(LAUNCHER, [command, "--output", out, PLANTED]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error: npm run ${command}: argument 1 is not a stack of this config (not shown); its stacks: gen-integration\n`);
      const near = await run(LAUNCHER, [command, "--output", out, "gen-integraton"]);
      expect(near.stderr).toBe(`error: npm run ${command}: argument 1 is not a stack of this config (not shown) (did you mean gen-integration?); its stacks: gen-integration\n`);
    }
    expect(snapshot(out)).toEqual(before);
    expect(fs.readdirSync(tmp)).toEqual(["out"]);
  });
});

describe("the swap", () => {
  test("Terraform's own files in a stack folder (.terraform/, the lock file) survive a synth, as with cdktf's own synth", async () => {
    const out = path.join(tmp, "out");
    expect((await run(LAUNCHER, ["synth", "-o=" + out])).code).toBe(0);
    const stack = path.join(out, "stacks", "gen-integration");
    fs.mkdirSync(path.join(stack, ".terraform", "providers"), { recursive: true });
    fs.writeFileSync(path.join(stack, ".terraform", "providers", "marker"), "x");
    fs.writeFileSync(path.join(stack, ".terraform.lock.hcl"), "# lock\n");
    expect((await run(LAUNCHER, ["synth", "--output", out])).code).toBe(0);
    expect(fs.readFileSync(path.join(stack, ".terraform", "providers", "marker"), "utf8")).toBe("x");
    expect(fs.readFileSync(path.join(stack, ".terraform.lock.hcl"), "utf8")).toBe("# lock\n");
    // An output folder has the usual mode, not mkdtemp's 0700.
    expect(fs.statSync(out).mode & 0o777).toBe(0o777 & ~process.umask());
  });

  test("synths into one folder at once take turns: every one succeeds and nothing is left beside it", async () => {
    const out = path.join(tmp, "out");
    const results = await Promise.all([1, 2, 3, 4].map(() => run(LAUNCHER, ["synth", "--output", out])));
    expect(results.map((r) => [r.code, r.stderr])).toEqual(results.map(() => [0, ""]));
    expect(fs.readdirSync(tmp)).toEqual(["out"]);
    expect(fs.existsSync(path.join(out, "stacks", "gen-integration", "cdk.tf.json"))).toBe(true);
  });

  test("a symlink to an earlier output: the folder it points at is replaced, the link stays", async () => {
    const real = path.join(tmp, "real");
    expect((await run(LAUNCHER, ["synth", "--output", real])).code).toBe(0);
    fs.symlinkSync(real, path.join(tmp, "link"));
    expect((await run(LAUNCHER, ["synth", "--output", path.join(tmp, "link")])).code).toBe(0);
    expect(fs.lstatSync(path.join(tmp, "link")).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(path.join(real, "manifest.json"))).toBe(true);
  });
});

describe("cdktf.json mistakes", () => {
  test("a cdktf.json that is not valid JSON, or whose output is not a string, is one line, exit 2", async () => {
    const p = scratchProject();
    fs.writeFileSync(path.join(p.project, "cdktf.json"), '{ "app": "node scripts/app.js", ');
    const bad = await run(path.join(p.project, "scripts", "cdktf.js"), ["synth"], { cwd: p.project });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: cdktf\.json is not valid JSON \([^\n]*\); fix it, or restore it with git checkout cdktf\.json\n$/);
    fs.writeFileSync(path.join(p.project, "cdktf.json"), JSON.stringify({ app: "node ./scripts/app.js", output: 5 }));
    const num = await run(path.join(p.project, "scripts", "cdktf.js"), ["synth"], { cwd: p.project });
    expect(num).toEqual({ code: 2, stdout: "", stderr: "error: cdktf.json's output must be a folder name (a string); got number\n" });
  });
});

describe("the Node line", () => {
  const { endOfLifeNotice } = require("../scripts/launcher/node-support");
  test.each([
    ["20.20.2", "note: Node 20 is past its end of life (2026-04-30); use Node 22, 24 or 26"],
    ["18.20.8", "note: Node 18 is past its end of life (2025-04-30); use Node 22, 24 or 26"],
    ["25.9.0", "note: Node 25 is past its end of life (2026-06-01); use Node 22, 24 or 26"],
    ["22.12.0", undefined],
    ["24.11.1", undefined],
    ["26.1.0", undefined],
  ])("Node %s: %s", (version, notice) => expect(endOfLifeNotice(version)).toBe(notice));

  test("on a terminal, a command on a line past its end of life says so once (its secret-guard child stays quiet); in a log, never", async () => {
    const major = Number(process.versions.node.split(".")[0]);
    const pastEnd = major < 22 || major % 2 === 1;
    // No credentials anywhere (an empty home, no metadata service): preflight stops diff before Terraform starts.
    const env = { PATH: process.env.PATH ?? "", HOME: tmp, TMPDIR: os.tmpdir(), AWS_EC2_METADATA_DISABLED: "true" };
    // `script` gives the command a pseudo-terminal; diff runs secret-guard preflight, which would say it again.
    const out = path.join(tmp, "out");
    const tty = spawnSync("script", ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(LAUNCHER)} diff --output ${JSON.stringify(out)}`, "/dev/null"], { cwd: ROOT, encoding: "utf8", env, timeout: 120_000 });
    expect(tty.stdout).toMatch(/error: stack gen-integration: no AWS credentials/);
    expect(tty.stdout.split(/\r?\n/).filter((l) => /end of life/.test(l))).toHaveLength(pastEnd ? 1 : 0);
    const log = await run(LAUNCHER, ["check"], { env: { GENESYS_OAUTH_EOL_NOTED: undefined } });
    expect(log.code).toBe(0);
    expect(log.stderr).toBe("");
  });
});
