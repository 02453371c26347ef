// CDK Terrain and cdktf give an importer the same guard: the same findings at the same construct paths, whether
// the stack is built on cdktf 0.21 (the Node in use, dist/), on cdktn 0.24 (Node 22, dist/cdktn/), or with two copies of
// the engine loaded (an npm alias `cdktf` -> cdktn beside the providers' `cdktn`, both ways round). The two-copy
// layouts are real node_modules folders: a second, separate copy of cdktn installed under the name `cdktf`.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { node22 } from "../scripts/node22";
import { CHILD_LIMITS } from "./support/child-limits";
import { expectNoLeaks } from "./support/leak-check";

const ROOT = path.resolve(__dirname, "..");
const CONSUMER = path.join(__dirname, "support", "engine-consumer.js");
const PLANTED = ["ghp", "_", "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz9Xc8V"].join("");
const PLANTED_DB = ["Pl4nted", "-Db-", "Passw0rd-Value"].join("");

interface Run {
  code: number;
  out: string;
  findings: string[];
  annotations: string[];
  doc: any;
}

/** Runs the consumer script; a copy of it in `cwd` when `cwd` has a layout of its own (modules resolve from the script's folder). */
function run(node: string, cwd: string, args: string[], outdir: string, env: Record<string, string> = {}): Promise<Run> {
  const script = cwd === ROOT ? CONSUMER : path.join(cwd, path.basename(CONSUMER));
  return new Promise((resolve) =>
    execFile(node, [script, ...args, outdir], { ...CHILD_LIMITS, cwd, env: { ...process.env, CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: "1", ...env }, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as any).code === "number" ? (err as any).code : 1) : 0;
      const stackDir = path.join(outdir, "stacks", "consumer");
      const read = (f: string) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : undefined);
      const report = read(path.join(stackDir, "secret-guard.json"));
      const manifest = read(path.join(outdir, "manifest.json"));
      const findings = (report?.findings ?? []).map((f: any) => `${f.ruleId} ${f.severity} ${f.pointer} ${f.fingerprint} ${f.message}`).sort();
      const annotations = (manifest?.stacks?.consumer?.annotations ?? [])
        .filter((a: any) => /^\[SG\d+\]/.test(a.message))
        .map((a: any) => `${a.level} ${a.constructPath} ${a.message}`)
        .sort();
      resolve({ code, out: `${stdout}${stderr}`, findings, annotations, doc: read(path.join(stackDir, "cdk.tf.json")) });
    }),
  );
}

/** node_modules with two copies of cdktn: one as `cdktn`, one installed under the alias `cdktf`, as npm does for `cdktf@npm:cdktn`. */
function twoCopyLayout(root: string): string {
  const nm = path.join(root, "node_modules");
  fs.mkdirSync(path.join(nm, "@cdktn"), { recursive: true });
  fs.mkdirSync(path.join(nm, "@cdktf"), { recursive: true });
  const link = (name: string, target = name) => fs.symlinkSync(path.join(ROOT, "node_modules", target), path.join(nm, name), "dir");
  fs.cpSync(path.join(ROOT, "node_modules", "cdktn"), path.join(nm, "cdktf"), { recursive: true });
  for (const dep of Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "cdktn", "package.json"), "utf8")).dependencies)) link(dep);
  link("cdktn");
  link("constructs");
  link("@cdktn/provider-aws");
  link("@cdktn/provider-random");
  // The library as installed: a copy (so it resolves `cdktf` here), its own dependencies linked.
  const lib = path.join(nm, "genesys-oauth-cdktf");
  fs.mkdirSync(lib);
  fs.cpSync(path.join(ROOT, "dist"), path.join(lib, "dist"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(lib, "package.json"));
  for (const dep of Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).dependencies)) {
    fs.mkdirSync(path.dirname(path.join(nm, dep)), { recursive: true });
    link(dep);
  }
  // The library's cdktf build with its provider imports aliased to the cdktn bindings.
  link("@cdktf/provider-aws", "@cdktn/provider-aws");
  link("@cdktf/provider-random", "@cdktn/provider-random");
  fs.copyFileSync(CONSUMER, path.join(root, path.basename(CONSUMER)));
  return lib;
}

/** A cdktn project's node_modules with no cdktf anywhere: cdktn, its providers (random only when asked) and the library. */
function cdktnOnlyLayout(root: string, withRandom: boolean): void {
  const nm = path.join(root, "node_modules");
  fs.mkdirSync(path.join(nm, "@cdktn"), { recursive: true });
  const link = (name: string) => {
    fs.mkdirSync(path.dirname(path.join(nm, name)), { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules", name), path.join(nm, name), "dir");
  };
  const deps = (dir: string) => Object.keys(JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).dependencies ?? {});
  for (const name of ["cdktn", "constructs", "@cdktn/provider-aws", ...(withRandom ? ["@cdktn/provider-random"] : []), ...deps(path.join(ROOT, "node_modules", "cdktn")), ...deps(ROOT)]) link(name);
  const lib = path.join(nm, "genesys-oauth-cdktf");
  fs.mkdirSync(lib);
  fs.cpSync(path.join(ROOT, "dist"), path.join(lib, "dist"), { recursive: true });
  fs.cpSync(path.join(ROOT, "cdktn"), path.join(lib, "cdktn"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(lib, "package.json"));
}

let tmp = "";
let twoCopies = "";
let N22 = "";
const runs: Record<string, Run> = {};

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "engines-"));
  N22 = node22();
  // Each layout in a folder of its own: Node looks for packages in every parent folder's node_modules.
  twoCopies = path.join(tmp, "two-copies");
  const lib = twoCopyLayout(twoCopies);
  const [cdktf, cdktn, appAlias, libAlias] = await Promise.all([
    run(process.execPath, ROOT, ["cdktf", "@cdktf", path.join(ROOT, "dist")], path.join(tmp, "cdktf.out")),
    run(N22, ROOT, ["cdktn", "@cdktn", path.join(ROOT, "dist", "cdktn")], path.join(tmp, "cdktn.out")),
    // The app's stack from the `cdktf` alias copy; the library (cdktn build) and providers from `cdktn`.
    run(N22, twoCopies, ["cdktf", "@cdktn", path.join(lib, "dist", "cdktn")], path.join(tmp, "app-alias.out")),
    // The app on `cdktn`; the library's cdktf build, whose `cdktf` is the alias copy.
    run(N22, twoCopies, ["cdktn", "@cdktn", path.join(lib, "dist")], path.join(tmp, "lib-alias.out")),
  ]);
  Object.assign(runs, { cdktf, cdktn, appAlias, libAlias });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("the two-copy layouts really load two copies of the engine", async () => {
  const probe = "const a=require('cdktf'),b=require('cdktn');process.stdout.write(String(a.TerraformStack!==b.TerraformStack&&a.App.name===b.App.name))";
  const out = await new Promise<string>((resolve) => execFile(N22, ["-e", probe], { ...CHILD_LIMITS, cwd: twoCopies }, (_e, stdout) => resolve(stdout)));
  expect(out).toBe("true");
});

test("every engine and layout synthesizes, and the planted secrets are found", () => {
  for (const [name, r] of Object.entries(runs)) {
    expect({ name, code: r.code, out: r.out }).toEqual({ name, code: 0, out: "" });
    expect(r.doc).toBeDefined();
    expect(r.findings.join("\n")).toMatch(/SG002 error \S*aws_ssm_parameter\/param\/value /);
    expect(r.findings.join("\n")).toMatch(/SG001 error \S*output\/key-out/);
    expectNoLeaks([PLANTED, PLANTED_DB], [[`${name} output`, r.out], [`${name} findings`, r.findings.join("\n")], [`${name} annotations`, r.annotations.join("\n")]]);
  }
});

test("the same findings at the same construct paths on cdktf, cdktn, and with two copies of the engine", () => {
  expect(runs.cdktf.findings.length).toBeGreaterThanOrEqual(4);
  expect(runs.cdktf.annotations.length).toBeGreaterThanOrEqual(4);
  expect(runs.cdktf.annotations.join("\n")).toContain("consumer/param [SG002]");
  for (const name of ["cdktn", "appAlias", "libAlias"]) {
    expect({ name, findings: runs[name].findings }).toEqual({ name, findings: runs.cdktf.findings });
    expect({ name, annotations: runs[name].annotations }).toEqual({ name, annotations: runs.cdktf.annotations });
  }
});

test("the same Terraform on both engines, apart from the providers' versions and sources and the `//` metadata", () => {
  // Everything else must be equal, values included.
  const comparable = (doc: any): any => {
    const strip = (v: any): any =>
      Array.isArray(v) ? v.map(strip) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== "//").map(([k, x]) => [k, strip(x)])) : v;
    const out = strip(doc);
    const providers = out.terraform.required_providers;
    for (const p of Object.keys(providers)) providers[p] = { source: String(providers[p].source).replace(/^hashicorp\//, "") };
    return out;
  };
  expect(comparable(runs.cdktn.doc)).toEqual(comparable(runs.cdktf.doc));
  expect(runs.cdktf.doc.terraform.required_providers.aws.version).toMatch(/^5\./);
  expect(runs.cdktn.doc.terraform.required_providers.aws.version).toMatch(/^6\./);
  // The stack has no random provider of its own: the library adds exactly one default, on every layout.
  for (const r of Object.values(runs)) expect(r.doc.provider.random).toEqual([{}]);
  // Both engines write the lockfile setting: cdktf through an override, cdktn through its own useLockfile.
  expect(runs.cdktn.doc.terraform.backend.s3.use_lockfile).toBe(true);
  expect(runs.cdktn.doc.ephemeral.random_password).toBeDefined();
});

test("the build for one engine in a stack of the other says which entry to import, in one line, before synth fails deep inside", async () => {
  const [cdktfBuildOnCdktn, cdktnBuildOnCdktf] = await Promise.all([
    run(N22, ROOT, ["cdktn", "@cdktn", path.join(ROOT, "dist")], path.join(tmp, "mixed-1.out")),
    run(N22, ROOT, ["cdktf", "@cdktf", path.join(ROOT, "dist", "cdktn")], path.join(tmp, "mixed-2.out")),
  ]);
  expect(cdktfBuildOnCdktn.code).not.toBe(0);
  expect(cdktfBuildOnCdktn.out).toContain(`the stack is built with cdktn, but this is the package's cdktf build: import from "genesys-oauth-cdktf/cdktn" instead of "genesys-oauth-cdktf"`);
  expect(cdktfBuildOnCdktn.out).not.toMatch(/_resetResolveDiscoveredProviderFeatureUsage/);
  expect(cdktnBuildOnCdktf.code).not.toBe(0);
  expect(cdktnBuildOnCdktf.out).toContain(`the stack is built with cdktf, but this is the package's cdktn build: import from "genesys-oauth-cdktf" instead of "genesys-oauth-cdktf/cdktn"`);
});

test("secret-guard audit of the synthesized output gives the same verdicts on both engines (cdktn writes construct metadata into ephemeral blocks)", async () => {
  const cli = path.join(ROOT, "dist", "genesys-pack", "cli.js");
  const audit = (out: string) =>
    new Promise<{ code: number; findings: string[] }>((resolve) =>
      execFile(process.execPath, [cli, "audit", "--format", "json", out], { ...CHILD_LIMITS, maxBuffer: 16 << 20 }, (err, stdout) =>
        resolve({
          code: err ? (typeof (err as any).code === "number" ? (err as any).code : 1) : 0,
          findings: JSON.parse(stdout).findings.map((f: any) => `${f.ruleId} ${f.pointer} ${f.fingerprint}`).sort(),
        }),
      ),
    );
  const [a, b] = await Promise.all([audit(path.join(tmp, "cdktf.out")), audit(path.join(tmp, "cdktn.out"))]);
  expect(b).toEqual(a);
  // The planted literals, and nothing from the ephemeral block or its metadata.
  expect(a.findings.join("\n")).toMatch(/aws_ssm_parameter\/param\/value/);
  expect(a.findings.filter((f) => f.includes("/ephemeral/"))).toEqual([]);
});

test("a missing peer, or the other engine's entry, is one line naming what to install or import", async () => {
  const load = (root: string, entry: string) =>
    new Promise<{ code: number; out: string }>((resolve) =>
      execFile(N22, ["-e", `require(${JSON.stringify(entry)}); process.stdout.write("loaded")`], { ...CHILD_LIMITS, cwd: root }, (err, stdout, stderr) =>
        resolve({ code: err ? 1 : 0, out: stdout + stderr }),
      ),
    );
  const full = path.join(tmp, "only-cdktn");
  const noRandom = path.join(tmp, "no-random");
  cdktnOnlyLayout(full, true);
  cdktnOnlyLayout(noRandom, false);
  expect(await load(full, "genesys-oauth-cdktf/cdktn")).toEqual({ code: 0, out: "loaded" });
  const wrongEntry = await load(full, "genesys-oauth-cdktf");
  expect(wrongEntry.code).toBe(1);
  expect(wrongEntry.out).toContain(`UsageError: genesys-oauth-cdktf is the package's cdktf build, but this project has cdktn: import from "genesys-oauth-cdktf/cdktn"`);
  const missing = await load(noRandom, "genesys-oauth-cdktf/cdktn");
  expect(missing.code).toBe(1);
  expect(missing.out).toContain("UsageError: genesys-oauth-cdktf/cdktn needs its peer dependencies: npm install @cdktn/provider-random@15 (missing: @cdktn/provider-random)");
});

test("on cdktn, a project that declares no targetVersions is refused for write-only arguments; the library's TARGET_VERSIONS fixes it", async () => {
  const r = await run(N22, ROOT, ["cdktn", "@cdktn", path.join(ROOT, "dist", "cdktn")], path.join(tmp, "no-target.out"), { NO_TARGET_VERSIONS: "1" });
  expect(r.code).not.toBe(0);
  expect(r.out).toMatch(/write-only attributes requires terraform >=1\.11\.0, but the project targets terraform >=1\.5\.7/);
  expect(runs.cdktn.code).toBe(0);
});
