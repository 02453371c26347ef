// The incremental build (scripts/build.js) on a scratch copy of the project (sharing node_modules, with a build
// cache of its own): nothing runs on an unchanged tree or after a config edit, only the stale parts run after a
// TypeScript edit, a failed build leaves dist/ as it was, and dist/ is never missing while a build runs.
import { ChildProcess, execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const SOURCES = ["index.ts", "main.ts", "tsconfig.json", "package.json", "package-lock.json", "cdktf.json", "genesys-oauth.config.json", "schemas", "scripts", "constructs", "guard", "genesys-pack", "engine", "rotation", "app", ".gen"];

let project = "";
let env: NodeJS.ProcessEnv = {};
const children: ChildProcess[] = [];

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "build-scratch-"));
  for (const f of SOURCES) fs.cpSync(path.join(ROOT, f), path.join(project, f), { recursive: true, filter: (src) => !src.endsWith(".generated.ts") });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
  env = { ...process.env, GENESYS_OAUTH_BUILD_CACHE: path.join(project, ".build-cache"), CI: "1" };
});
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
  fs.rmSync(project, { recursive: true, force: true });
});

type Result = { code: number; stdout: string; stderr: string };
function run(script: string, args: string[]): Promise<Result> {
  return new Promise((resolve) =>
    execFile(process.execPath, [path.join(project, script), ...args], { cwd: project, env, timeout: 300_000, killSignal: "SIGKILL", maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof (err as any).code === "number" ? (err as any).code : 1) : 0, stdout, stderr }),
    ),
  );
}

/** dist/'s files with their sizes and mtimes. */
function distSnapshot(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${path.relative(project, p)} ${fs.statSync(p).size} ${fs.statSync(p).mtimeMs}`);
    }
  };
  walk(path.join(project, "dist"));
  return out.sort();
}

function edit(file: string, change: (text: string) => string): () => void {
  const p = path.join(project, file);
  const before = fs.readFileSync(p, "utf8");
  fs.writeFileSync(p, change(before));
  return () => fs.writeFileSync(p, before);
}

test("cold: every step runs once; then the tree is up to date", async () => {
  const cold = await run("scripts/build.js", ["--verbose"]);
  expect(cold.code).toBe(0);
  expect(cold.stdout.match(/^built: (.*)\n$/)![1].split(", ").sort()).toEqual(["app", "app-cdktn", "cdktn", "cli", "rotation", "tsc", "validator"]);
  // tsc and the cdktn build each take seconds: each says what it does, once.
  expect(cold.stderr.match(/^build: compiling TypeScript \(tsc\)\.\.\.$/gm)?.length ?? 0).toBeLessThanOrEqual(1);
  for (const f of ["app.js", "app-cdktn.js", "secret-guard.js", "index.js", "cdktn/index.js", "rotation/rotation-function.zip"]) expect(fs.existsSync(path.join(project, "dist", f))).toBe(true);
  expect((await run("scripts/build.js", ["--dry-run"])).stdout).toBe("up to date\n");
  expect((await run("scripts/build.js", ["--verbose"])).stdout).toBe("built: nothing (up to date)\n");
});

test("npm run synth on an unchanged tree, and after a config edit, does no build work", async () => {
  const before = distSnapshot();
  const first = await run("scripts/cdktf.js", ["synth"]);
  expect(first.code).toBe(0);
  expect(first.stderr).toBe("");
  const undo = edit("genesys-oauth.config.json", (t) => t.replace('"tokenLifetimeSeconds": 3600', '"tokenLifetimeSeconds": 7200'));
  try {
    const second = await run("scripts/cdktf.js", ["synth"]);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe("");
    expect(fs.readFileSync(path.join(project, "cdktf.out", "stacks", "gen-integration", "cdk.tf.json"), "utf8")).toContain('"access_token_validity_seconds": 7200');
  } finally {
    undo();
  }
  expect(distSnapshot()).toEqual(before);
});

test("after a TypeScript edit only the parts whose inputs changed run, and only those the command needs", async () => {
  // genesys-pack/commands/doctor.ts is in the CLI bundle, not in the app's.
  const undo = edit("genesys-pack/commands/doctor.ts", (t) => `${t}\nexport const EDITED_FOR_A_TEST = 1;\n`);
  try {
    expect((await run("scripts/build.js", ["--dry-run"])).stdout).toBe("stale: tsc, cdktn, cli\n");
    const app = await run("scripts/build.js", ["app", "--verbose"]);
    expect(app.stdout).toBe("built: tsc\n");
    // tsc ran again and the app bundle did not: it still names its source map (the guard maps stack traces with it).
    expect(fs.readFileSync(path.join(project, "dist", "app.js"), "utf8").trimEnd().endsWith("//# sourceMappingURL=app.js.map")).toBe(true);
    const cli = await run("scripts/build.js", ["cli", "--verbose"]);
    expect(cli.stdout).toBe("built: cli\n");
    expect(fs.readFileSync(path.join(project, "dist", "secret-guard.js"), "utf8")).toContain("EDITED_FOR_A_TEST");
    expect((await run("scripts/build.js", ["--dry-run"])).stdout).toBe("stale: cdktn\n");
  } finally {
    undo();
  }
});

test("a file deleted or changed in dist/ by hand is noticed and put back, without rebuilding", async () => {
  expect((await run("scripts/build.js", [])).code).toBe(0);
  fs.rmSync(path.join(project, "dist", "app.js"));
  fs.appendFileSync(path.join(project, "dist", "index.d.ts"), "// edited by hand\n");
  expect((await run("scripts/build.js", ["--dry-run"])).stdout).toBe("stale: dist/ (2 files missing or changed since the build)\n");
  // Put back from the staging folder: nothing is compiled again.
  const synth = await run("scripts/cdktf.js", ["synth"]);
  expect(synth.code).toBe(0);
  expect(fs.existsSync(path.join(project, "dist", "app.js"))).toBe(true);
  expect(fs.readFileSync(path.join(project, "dist", "index.d.ts"), "utf8")).not.toContain("edited by hand");
  expect((await run("scripts/build.js", ["--dry-run"])).stdout).toBe("up to date\n");
  fs.rmSync(path.join(project, "dist", "secret-guard.js"));
  expect((await run("scripts/build.js", ["--verbose"])).stdout).toBe("built: nothing; dist/ restored (1 file)\n");
  expect(fs.existsSync(path.join(project, "dist", "secret-guard.js"))).toBe(true);
});

test("a failed build leaves dist/ as it was, and the next good build recovers", async () => {
  expect((await run("scripts/build.js", ["app"])).code).toBe(0);
  const before = distSnapshot();
  const undo = edit("app/client-id.ts", (t) => `${t}\nexport const broken: number = "not a number";\n`);
  try {
    const r = await run("scripts/cdktf.js", ["synth", "--output", "other.out"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/app\/client-id\.ts.*TS2322/);
    expect(r.stderr).toMatch(/^error: build step tsc \(scripts\/build-tsc\.js\) failed; see above\n$/m);
    expect(distSnapshot()).toEqual(before);
    expect(fs.existsSync(path.join(project, "other.out"))).toBe(false);
  } finally {
    undo();
  }
  const again = await run("scripts/cdktf.js", ["synth"]);
  expect(again.code).toBe(0);
});

test("dist/ is never missing or half-written while a build runs; two builds at once take turns", async () => {
  const undo = edit("guard/errors.ts", (t) => `${t}\nexport const EDITED_AGAIN = 2;\n`);
  try {
    const build = (): Promise<number> =>
      new Promise((resolve) => {
        const c = spawn(process.execPath, [path.join(project, "scripts", "build.js"), "app"], { cwd: project, env, stdio: "ignore" });
        children.push(c);
        c.on("close", (code) => resolve(code ?? 1));
      });
    let running = true;
    const both = Promise.all([build(), build()]).finally(() => (running = false));
    const watched = ["dist/secret-guard.js", "dist/app.js", "dist/index.js", "dist/guard/errors.js"].map((f) => path.join(project, f));
    let checks = 0;
    while (running) {
      for (const f of watched) {
        expect(fs.existsSync(f)).toBe(true);
      }
      const cli = fs.readFileSync(path.join(project, "dist", "secret-guard.js"), "utf8");
      expect(cli.length).toBeGreaterThan(1000);
      checks++;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await both).toEqual([0, 0]);
    expect(checks).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(project, "dist", "guard", "errors.js"), "utf8")).toContain("EDITED_AGAIN");
  } finally {
    undo();
  }
});
