// The app and its npm scripts as a newcomer meets them: `npm run synth` (scripts/cdktf.js synth), `npm run guard`,
// `npx cdktf synth` before the first build, CI logs off a terminal.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CHILD_LIMITS } from "./support/child-limits";

const ROOT = path.resolve(__dirname, "..");
const WRAPPER = path.join(ROOT, "scripts", "cdktf.js");
const CLI = path.join(ROOT, "dist", "genesys-pack", "cli.js");

function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, args, { ...CHILD_LIMITS, cwd: opts.cwd ?? ROOT, env: { ...process.env, CI: "1", ...opts.env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as any).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

let dir = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "newcomer-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function badConfig(): string {
  const file = path.join(dir, "bad.json");
  fs.writeFileSync(file, fs.readFileSync(path.join(ROOT, "genesys-oauth.config.json"), "utf8").replace('"CLIENT-CREDENTIALS"', '"client_credentials"'));
  return file;
}

test("a config mistake: the app's one line and exit 2, no cdktf error block (item 1)", async () => {
  const r = await run([WRAPPER, "synth", "--output", path.join(dir, "out")], { env: { GENESYS_OAUTH_CONFIG: badConfig() } });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^error: [^\n]*bad\.json: [^\n]*grantType must be one of CODE, TOKEN, [^\n]*\(got "client_credentials"\)\n$/);
  // diff and deploy check the config before the cdktf CLI runs. Into a temp output: a failed synth removes the
  // output it would replace, and the checkout's own cdktf.out (a user's `npm run synth`) is not the test's.
  for (const cmd of ["diff", "deploy"]) {
    const d = await run([WRAPPER, cmd, "--output", path.join(dir, "out")], { env: { GENESYS_OAUTH_CONFIG: badConfig() } });
    expect(d.code).toBe(2);
    expect(d.stderr.trim().split("\n")).toHaveLength(1);
    expect(d.stderr).toMatch(/^error: .*grantType must be one of/);
  }
});

test("a failed synth leaves no output behind, so the guard cannot audit a stale one (item 2)", async () => {
  const out = path.join(dir, "out");
  const ok = await run([WRAPPER, "synth", "--output", out]);
  expect(ok.code).toBe(0);
  expect(fs.existsSync(path.join(out, "stacks", "gen-integration", "cdk.tf.json"))).toBe(true);
  const bad = await run([WRAPPER, "synth", "--output", out], { env: { GENESYS_OAUTH_CONFIG: badConfig() } });
  expect(bad.code).toBe(2);
  expect(fs.existsSync(out)).toBe(false);
  const guard = await run([CLI, "audit", out]);
  expect(guard.code).toBe(2);
  expect(guard.stderr.trim().split("\n")).toHaveLength(1);
});

test("secret-guard audit on a path with no Terraform file: exit 2 naming the path; files are recognised by content (item 3)", async () => {
  fs.writeFileSync(path.join(dir, "notes.json"), JSON.stringify({ hello: "world" }));
  const r = await run([CLI, "audit", dir]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/no Terraform state, plan or cdk\.tf\.json under this folder\n$/);
  expect(r.stderr).toContain(path.basename(dir));
  // A state without its usual name is still read as a state.
  const state = path.join(dir, "backup-copy.txt");
  fs.writeFileSync(state, JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 1, lineage: "l", outputs: { pw: { value: "x", type: "string", sensitive: true } }, resources: [] }));
  const s = await run([CLI, "audit", "--format", "json", state]);
  expect(JSON.parse(s.stdout).files[0].kind).toBe("state");
});

test("before the first build: the app says in one line what to run; the npm scripts build first (item 4)", async () => {
  // A copy of the project without dist/: `npx cdktf synth` runs scripts/app.js.
  fs.copyFileSync(path.join(ROOT, "cdktf.json"), path.join(dir, "cdktf.json"));
  fs.cpSync(path.join(ROOT, "scripts"), path.join(dir, "scripts"), { recursive: true });
  const r = await run(["scripts/app.js"], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("error: dist/app.js is missing (the app is not built yet): run `npm run build`, or `npm run synth`, which builds first\n");
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
  // The launchers build what they need (scripts/build.js, only when its inputs changed) before they run it.
  expect(scripts.synth).toBe("node scripts/cdktf.js synth");
  expect(scripts.guard).toBe("node scripts/secret-guard.js audit cdktf.out");
  expect(JSON.parse(fs.readFileSync(path.join(ROOT, "cdktf.json"), "utf8")).app).toBe("node scripts/app.js");
});

test("off a terminal: one line per stack naming its output and guard report, no escape codes (item 5)", async () => {
  const out = path.join(dir, "out");
  const r = await run([WRAPPER, "synth", "--output", out]);
  expect(r.code).toBe(0);
  expect(r.stdout + r.stderr).not.toMatch(/\x1b|\r/);
  expect(r.stdout).toBe(
    `synthesized stack gen-integration: ${path.relative(ROOT, path.join(out, "stacks", "gen-integration", "cdk.tf.json"))}; ` +
      `guard report ${path.relative(ROOT, path.join(out, "stacks", "gen-integration", "secret-guard.json"))} (and .sarif)\n`,
  );
});

test("the README's commands work as written: deploy names a stack of the default config; a second output folder for diff (item 8)", async () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const out = path.join(dir, "cdktf.out");
  const base = path.join(dir, "base.out");
  // `npm run synth -- --output base.out` is `node scripts/cdktf.js synth --output base.out` after the build.
  expect(readme).toContain("npm run synth -- --output base.out");
  expect(readme).toContain("npx secret-guard diff base.out cdktf.out");
  expect((await run([WRAPPER, "synth", "--output", base])).code).toBe(0);
  const synth = await run([WRAPPER, "synth", "--output", out]);
  expect(synth.code).toBe(0);
  const stacks = [...synth.stdout.matchAll(/^synthesized stack (\S+):/gm)].map((m) => m[1]);
  const deployed = /`npm run deploy -- ([a-z0-9-]+)`/.exec(readme.slice(readme.indexOf("the default config's is")))![1];
  expect(stacks).toContain(deployed);
  const diff = await run([CLI, "diff", base, out]);
  expect(diff.stderr).toBe("");
  expect(diff.code).toBe(0);
});
