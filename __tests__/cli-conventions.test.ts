// secret-guard's command line as users of checkov, trivy and gitleaks expect it (newcomer item 6), run in-process
// through the CLI entry with captured output.
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../genesys-pack/cli";
import type { CommandIO } from "../guard/commands/io";
import { genesysSecret, tempDir } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";

interface Run { code: number; out: string; err: string }

async function cli(argv: string[], opts: { env?: Record<string, string>; tty?: boolean; cwd?: string } = {}): Promise<Run> {
  let out = "";
  let err = "";
  const io: CommandIO = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: { ...(opts.env ?? {}) },
    stdoutIsTTY: opts.tty ?? false,
    stderrIsTTY: opts.tty ?? false,
  };
  const code = await main(argv, io);
  return { code, out, err };
}

let dir = "";
let state = "";
const secret = genesysSecret();
beforeAll(() => {
  dir = tempDir("cli-conv-");
  state = path.join(dir, "terraform.tfstate");
  fs.writeFileSync(state, JSON.stringify({
    version: 4, terraform_version: "1.11.4", serial: 1, lineage: "l",
    outputs: { client_secret: { value: secret, type: "string" } },
    resources: [],
  }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("short flags -f and -o, and --output x.sarif writes SARIF without --format", async () => {
  const sarif = path.join(dir, "report.sarif");
  const r = await cli(["audit", "--no-ignore-file", "-o", sarif, state]);
  expect(r.code).toBe(1);
  expect(JSON.parse(fs.readFileSync(sarif, "utf8")).version).toBe("2.1.0");
  const json = path.join(dir, "r.json");
  expect((await cli(["audit", "--no-ignore-file", "-f", "json", "-o", json, state])).code).toBe(1);
  expect(JSON.parse(fs.readFileSync(json, "utf8")).summary).toBeDefined();
  expectNoLeaks(secret, [["stdout", r.out], ["stderr", r.err], [sarif, fs.readFileSync(sarif, "utf8")], [json, fs.readFileSync(json, "utf8")]]);
});

test("--format that contradicts --output's extension is refused: exit 2, one line", async () => {
  const r = await cli(["audit", "--no-ignore-file", "--format", "json", "--output", path.join(dir, "x.sarif"), state]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^secret-guard audit: --format json does not match --output \(argument \d+\), whose name ends in \.sarif \(sarif\); drop --format or rename the file\n$/);
  expect(fs.existsSync(path.join(dir, "x.sarif"))).toBe(false);
});

test("the same summary wording with and without --output; -q/--quiet drops it", async () => {
  const stdout = await cli(["audit", "--no-ignore-file", state]);
  const lastLine = stdout.out.trim().split("\n").pop()!;
  expect(lastLine).toMatch(/^1 error, 0 warnings, 0 info in 1 file$/);
  const toFile = await cli(["audit", "--no-ignore-file", "--output", path.join(dir, "r.txt"), state]);
  expect(toFile.out).toBe(`secret-guard: ${lastLine}; text report written to ${path.join(dir, "r.txt")}\n`);
  for (const q of ["-q", "--quiet"]) {
    const quiet = await cli(["audit", "--no-ignore-file", q, "--output", path.join(dir, "q.txt"), state]);
    expect(quiet).toEqual({ code: 1, out: "", err: "" });
  }
});

test("colours: off a terminal none, FORCE_COLOR forces them, --no-color and NO_COLOR win over a terminal", async () => {
  const esc = /\x1b\[/;
  expect((await cli(["audit", "--no-ignore-file", state])).out).not.toMatch(esc);
  expect((await cli(["audit", "--no-ignore-file", state], { env: { FORCE_COLOR: "1" } })).out).toMatch(esc);
  expect((await cli(["audit", "--no-ignore-file", state], { tty: true })).out).toMatch(esc);
  expect((await cli(["audit", "--no-ignore-file", "--no-color", state], { tty: true, env: { FORCE_COLOR: "1" } })).out).not.toMatch(esc);
  expect((await cli(["audit", "--no-ignore-file", state], { tty: true, env: { NO_COLOR: "1" } })).out).not.toMatch(esc);
});

test("help: `secret-guard help audit` and `audit --help` name the short flags; a file named twice is read once", async () => {
  const help = await cli(["help", "audit"]);
  expect(help.code).toBe(0);
  expect(help.out).toMatch(/-f, --format/);
  expect(help.out).toMatch(/-o, --output/);
  expect(help.out).toMatch(/-q, --quiet/);
  expect((await cli(["audit", "--help"])).out).toBe(help.out);
  const twice = await cli(["audit", "--no-ignore-file", "-f", "json", state, state]);
  expect(JSON.parse(twice.out).files).toHaveLength(1);
});

test("doctor ends with one summary line", async () => {
  const config = path.join(dir, "fleet.json");
  fs.copyFileSync(path.join(__dirname, "..", "genesys-oauth.config.json"), config);
  // A region that is no region key: the env and region checks fail, later checks are skipped (nothing is called).
  const r = await cli(["doctor", "--config", config], { env: { GENESYSCLOUD_ACCESS_TOKEN: "planted-token-000000", GENESYSCLOUD_REGION: "nowhere-1" } });
  expect(r.code).toBe(1);
  const lines = r.out.trim().split("\n");
  expect(lines[lines.length - 1]).toMatch(/^doctor: \d+ checks? passed, [1-9]\d* failed, \d+ warnings? for environment prod: not ready to deploy: fix the failures$/);
});
