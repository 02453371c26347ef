// The root action.yml (a composite GitHub Action) and .pre-commit-hooks.yaml: checked like the workflow (shape,
// pinned actions, every flag exists, no input inside a script's text), then run the way GitHub and pre-commit run
// them: each composite step's script under bash with the runner's environment, each hook's entry with the file names.
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { parse } from "yaml";
import { CHILD_LIMITS } from "./support/child-limits";
import { genesysSecret, randomPassword, tempDir } from "./support/audit-cli";
import { oldGenesysState } from "./support/audit-fixtures";
import { expectNoLeaks } from "./support/leak-check";

const ROOT = path.join(__dirname, "..");
const action: any = parse(fs.readFileSync(path.join(ROOT, "action.yml"), "utf8"));
const hooks: any[] = parse(fs.readFileSync(path.join(ROOT, ".pre-commit-hooks.yaml"), "utf8"));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const GUARD = path.join(ROOT, "dist", "secret-guard.js");
const auditHelp = spawnSync(process.execPath, [GUARD, "audit", "--help"], { ...CHILD_LIMITS, encoding: "utf8" }).stdout;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function workspace(): string {
  const d = tempDir("sg-action-");
  dirs.push(d);
  return d;
}

const planted = { clientSecret: genesysSecret(), password: randomPassword(), bcrypt: "$2a$10$" + "x".repeat(53), credentialSecret: genesysSecret() };
function writeLeakyState(dir: string, name = "terraform.tfstate") {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), JSON.stringify(oldGenesysState(planted)));
}
function writeCleanState(dir: string, name: string) {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 1, lineage: "l", outputs: {}, resources: [] }));
}

/** `${{ inputs.X }}` / `${{ steps.S.outputs.Y }}` in a step's env, as the runner would expand them. */
function expand(text: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>): string {
  return text.replace(/\$\{\{\s*(inputs\.([\w-]+)|steps\.([\w-]+)\.outputs\.([\w-]+))\s*\}\}/g, (_m, _e, input, step, out) =>
    input !== undefined ? inputs[input] ?? "" : outputs[step]?.[out] ?? "",
  );
}

/** Runs one composite step's script as the runner does (bash -e for `shell: bash`, env expanded); returns its outputs. */
function runStep(id: string, cwd: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>, extraEnv: NodeJS.ProcessEnv = {}) {
  const step = action.runs.steps.find((s: any) => s.id === id || s.name === id);
  const outFile = path.join(workspace(), "github-output");
  fs.writeFileSync(outFile, "");
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, GITHUB_OUTPUT: outFile, GITHUB_ACTION_PATH: ROOT, NO_COLOR: "1", ...extraEnv };
  for (const [k, v] of Object.entries<string>(step.env ?? {})) env[k] = expand(v, inputs, outputs);
  // GitHub runs `shell: bash` as `bash --noprofile --norc -eo pipefail {0}`.
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], { ...CHILD_LIMITS, cwd, env, encoding: "utf8" });
  const written = Object.fromEntries(
    fs.readFileSync(outFile, "utf8").split("\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: written as Record<string, string> };
}

const defaults = (): Record<string, string> => Object.fromEntries(Object.entries<any>(action.inputs).map(([k, v]) => [k, String(v.default ?? "")]));

/** The action's steps in order, as a run: setup, audit, verdict (the upload step is GitHub's own action). */
function runAction(cwd: string, overrides: Record<string, string> = {}) {
  const inputs = { ...defaults(), ...overrides };
  const outputs: Record<string, Record<string, string>> = {};
  const setup = runStep("setup", cwd, inputs, outputs);
  outputs.setup = setup.outputs;
  const audit = runStep("audit", cwd, inputs, outputs);
  outputs.audit = audit.outputs;
  const verdict = runStep("verdict", cwd, inputs, outputs);
  return { setup, audit, verdict, inputs };
}

describe("action.yml, the composite GitHub Action", () => {
  test("a composite action with documented inputs and outputs; defaults audit cdktf.out into SARIF and fail on errors", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.name).toBeTruthy();
    expect(action.description.length).toBeLessThanOrEqual(125); // the Marketplace's limit
    for (const [name, input] of Object.entries<any>(action.inputs)) {
      expect(input.description).toBeTruthy();
      expect(typeof input.default).toBe("string");
      expect(name).toMatch(/^[a-z][a-z-]*$/);
    }
    expect(defaults()).toEqual(expect.objectContaining({ paths: "cdktf.out", format: "sarif", output: "", "fail-on": "error", "upload-sarif": "true", "sarif-location": "source" }));
    for (const o of Object.values<any>(action.outputs)) expect(o.value).toMatch(/^\$\{\{ steps\.audit\.outputs\.[\w-]+ \}\}$/);
  });

  test("every input a step names exists, and no input or output is expanded inside a script's text", () => {
    const text = JSON.stringify(action.runs.steps);
    for (const [, name] of text.matchAll(/inputs\.([\w-]+)/g)) expect(Object.keys(action.inputs)).toContain(name);
    for (const step of action.runs.steps) {
      if (step.run) {
        expect(step.shell).toBe("bash");
        expect(step.run).not.toMatch(/\$\{\{/);
      }
    }
  });

  test("actions it uses are pinned to a major version; the SARIF upload and the verdict run even when the audit failed", () => {
    const uses = action.runs.steps.filter((s: any) => s.uses);
    for (const s of uses) expect(s.uses).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
    const upload = uses.find((s: any) => s.uses.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload.if).toMatch(/^always\(\) && /);
    expect(upload.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload.if).toContain("inputs.format == 'sarif'");
    expect(upload.with.category).toBe("${{ inputs.category }}");
    const steps = action.runs.steps;
    const verdict = steps.find((s: any) => s.name === "verdict");
    expect(verdict.if).toBe("always()");
    expect(steps.indexOf(verdict)).toBe(steps.length - 1);
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.findIndex((s: any) => s.id === "audit"));
  });

  test("every secret-guard option the audit step passes is in audit --help, and every format input value too", () => {
    const audit = action.runs.steps.find((s: any) => s.id === "audit");
    const flags = [...new Set([...audit.run.matchAll(/(^|[\s(])(--[a-z][a-z-]+)/g)].map((m) => m[2]))].filter((f) => f !== "--");
    expect(flags).toEqual(expect.arrayContaining(["--format", "--output", "--fail-on", "--ignore-file", "--baseline"]));
    for (const f of flags) expect(auditHelp).toContain(f);
    for (const f of ["sarif", "json", "text"]) expect(auditHelp).toContain(f);
  });

  test("with the project's own secret-guard installed: a leak gives exit-code 1, a valid SARIF report and a failing verdict, and no value in the log", () => {
    const ws = workspace();
    fs.mkdirSync(path.join(ws, "node_modules", ".bin"), { recursive: true });
    fs.symlinkSync(GUARD, path.join(ws, "node_modules", ".bin", "secret-guard"));
    writeLeakyState(ws, "cdktf.out/stacks/prod/terraform.tfstate");
    const run = runAction(ws);
    expect(run.setup.outputs.cli).toBe(path.join(ws, "node_modules", ".bin", "secret-guard"));
    expect(run.audit.code).toBe(0); // the verdict step fails, so the upload step can run first
    expect(run.audit.outputs).toEqual({ report: path.join(fs.realpathSync(ws), "secret-guard.sarif"), "exit-code": "1" });
    const sarif = JSON.parse(fs.readFileSync(path.join(ws, "secret-guard.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(run.verdict.code).toBe(1);
    expect(run.verdict.stdout).toMatch(/^::error::secret-guard found secrets at or above error/m);
    expectNoLeaks([planted.clientSecret, planted.password, planted.credentialSecret], [
      ["setup", run.setup.stdout + run.setup.stderr],
      ["audit", run.audit.stdout + run.audit.stderr],
      ["verdict", run.verdict.stdout + run.verdict.stderr],
      ["sarif", fs.readFileSync(path.join(ws, "secret-guard.sarif"), "utf8")],
    ]);
  });

  test("without it, the guard is built from the action's checkout; several paths one a line (spaces kept), JSON, fail-on none", () => {
    const ws = workspace();
    writeCleanState(ws, "state one/terraform.tfstate");
    writeLeakyState(ws, "state two/terraform.tfstate");
    const run = runAction(ws, { paths: "state one/terraform.tfstate\n  state two/terraform.tfstate  \n", format: "json", output: "report.json", "fail-on": "none" });
    expect(run.setup.code).toBe(0);
    expect(run.setup.outputs.cli).toBe(path.join(ROOT, "dist", "secret-guard.js"));
    expect(run.audit.outputs["exit-code"]).toBe("0");
    const report = JSON.parse(fs.readFileSync(path.join(ws, "report.json"), "utf8"));
    expect(new Set(report.findings.map((f: any) => path.basename(path.dirname(f.file))))).toEqual(new Set(["state two"]));
    expect(run.verdict.code).toBe(0);
  });

  test("an absolute output (e.g. under runner.temp) is reported as it is, which the upload step reads unchanged", () => {
    const ws = workspace();
    writeCleanState(ws, "cdktf.out/terraform.tfstate");
    const elsewhere = path.join(workspace(), "sg.sarif");
    const run = runAction(ws, { output: elsewhere });
    expect(run.audit.outputs).toEqual({ report: elsewhere, "exit-code": "0" });
    expect(JSON.parse(fs.readFileSync(elsewhere, "utf8")).version).toBe("2.1.0");
    const upload = action.runs.steps.find((s: any) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload.with.sarif_file).toBe("${{ steps.audit.outputs.report }}");
  });

  test("without an output, the report's name follows the format (a .sarif name with format json would be refused)", () => {
    const ws = workspace();
    writeCleanState(ws, "cdktf.out/terraform.tfstate");
    for (const [format, name] of [["json", "secret-guard.json"], ["text", "secret-guard.txt"]]) {
      const run = runAction(ws, { format });
      expect(run.audit.outputs).toEqual({ report: path.join(fs.realpathSync(ws), name), "exit-code": "0" });
      expect(fs.existsSync(path.join(ws, name))).toBe(true);
    }
    expect(JSON.parse(fs.readFileSync(path.join(ws, "secret-guard.json"), "utf8")).findings).toEqual([]);
  });

  test("one line of paths is split on spaces; a clean tree passes", () => {
    const ws = workspace();
    writeCleanState(ws, "a/terraform.tfstate");
    writeCleanState(ws, "b/terraform.tfstate");
    const run = runAction(ws, { paths: "a b", "upload-sarif": "false" });
    expect(run.audit.outputs["exit-code"]).toBe("0");
    expect(JSON.parse(fs.readFileSync(path.join(ws, "secret-guard.sarif"), "utf8")).runs[0].results).toEqual([]);
    expect(run.verdict.code).toBe(0);
    expect(run.verdict.stdout).toContain("nothing at or above error");
  });

  test("usage mistakes end the action with exit 2 and one error line: an empty paths input, an unknown fail-on level, a missing path", () => {
    const ws = workspace();
    const empty = runAction(ws, { paths: "  \n" });
    expect(empty.audit.outputs["exit-code"]).toBe("2");
    expect(empty.audit.stdout).toMatch(/::error::secret-guard: the paths input is empty/);
    expect(empty.verdict.code).toBe(2);
    const level = runAction(ws, { "fail-on": "critical" });
    expect(level.audit.outputs["exit-code"]).toBe("2");
    expect(level.audit.stderr.trim().split("\n")).toHaveLength(1);
    expect(level.audit.stderr).toMatch(/--fail-on/);
    expect(level.verdict.code).toBe(2);
    const missing = runAction(ws, { paths: "no-such-folder" });
    expect(missing.audit.outputs["exit-code"]).toBe("2");
    expect(missing.audit.stderr).toMatch(/no-such-folder/);
    expect(fs.existsSync(path.join(ws, "secret-guard.sarif"))).toBe(false);
  });
});

describe(".pre-commit-hooks.yaml, hooks for the pre-commit framework", () => {
  const matches = (hook: any, file: string) => new RegExp(hook.files).test(file);

  test("two hooks: a self-contained node hook and one using the repository's installed version; both audit quietly with file names", () => {
    expect(hooks.map((h) => h.id)).toEqual(["secret-guard", "secret-guard-local"]);
    const [node, local] = hooks;
    expect(node.language).toBe("node");
    expect(node.entry).toBe("secret-guard audit --quiet");
    expect(local.language).toBe("system");
    expect(local.entry).toBe("npx --no-install secret-guard audit --quiet");
    for (const h of hooks) {
      expect(h.pass_filenames).toBe(true);
      expect(h.name).toBeTruthy();
      for (const flag of h.entry.split(" ").filter((w: string) => w.startsWith("--") && w !== "--no-install")) expect(auditHelp).toContain(flag);
    }
    // pre-commit's node language installs the package from `npm pack`: the CLI must be built when packed.
    expect(pkg.bin["secret-guard"]).toBe("dist/secret-guard.js");
    expect(pkg.scripts.prepack).toMatch(/^node scripts\/build\.js/);
  });

  test("npm pack prints only the tarball's name on stdout (pre-commit installs the node hook from it), and the tarball holds the CLI", () => {
    const dest = workspace();
    const r = spawnSync("npm", ["pack", "--pack-destination", dest], { ...CHILD_LIMITS, cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^[\w.-]+\.tgz$/);
    const list = spawnSync("tar", ["-tzf", path.join(dest, r.stdout.trim())], { ...CHILD_LIMITS, encoding: "utf8" });
    expect(list.stdout.split("\n")).toContain("package/dist/secret-guard.js");
  });

  test("files: states, backups, cdk.tf.json, plan.json and *tfplan.json; not Terraform sources, lockfiles or other JSON", () => {
    for (const h of hooks) {
      for (const f of ["terraform.tfstate", "env/prod/terraform.tfstate.backup", "cdktf.out/stacks/prod/cdk.tf.json", "cdk.tf.json", "plan.tfplan.json", "tfplan.json", "out/tfplan.json", "plan.json", "env/prod/plan.json"])
        expect([f, matches(h, f)]).toEqual([f, true]);
      for (const f of ["main.tf", "package.json", ".terraform.lock.hcl", "mycdk.tf.json", "cdk.tf.json.bak", "terraform.tfstate.d/readme.md", "myplan.json", "plan.json.orig"])
        expect([f, matches(h, f)]).toEqual([f, false]);
    }
  });

  test("the entry run as pre-commit runs it (entry + matched file names) blocks a leak and passes clean files, printing no value", () => {
    const ws = workspace();
    writeLeakyState(ws, "leaky/terraform.tfstate");
    writeCleanState(ws, "clean/terraform.tfstate");
    const entry = hooks[0].entry.split(" ").slice(1); // secret-guard is the package's bin, dist/secret-guard.js
    const run = (files: string[]) => spawnSync(process.execPath, [GUARD, ...entry, ...files], { ...CHILD_LIMITS, cwd: ws, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const bad = run(["clean/terraform.tfstate", "leaky/terraform.tfstate"]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/leaky\/terraform\.tfstate/);
    expectNoLeaks([planted.clientSecret, planted.password, planted.credentialSecret], [["stdout", bad.stdout], ["stderr", bad.stderr]]);
    const good = run(["clean/terraform.tfstate"]);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/no findings/);
    expect(good.stderr).toBe("");
  });
});
