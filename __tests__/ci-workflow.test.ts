import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { parse } from "yaml";
import { capture, tempDir, writeCdktfOut, runDiff } from "./support/day2";
import { CHILD_LIMITS } from "./support/child-limits";

const ROOT = path.join(__dirname, "..");
const WORKFLOW = path.join(ROOT, ".github", "workflows", "genesys-oauth.yml");
const wf: any = parse(fs.readFileSync(WORKFLOW, "utf8"));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const CLI = path.join(ROOT, "dist", "genesys-pack", "cli.js");

interface Step {
  job: string;
  step: any;
}
const steps: Step[] = Object.entries<any>(wf.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step: any) => ({ job, step })));
const runs = steps.filter((s) => typeof s.step.run === "string");
/** Every command line the workflow runs (multi-line `run:` blocks split). */
const commands = runs.flatMap((s) => (s.step.run as string).split("\n").map((line) => ({ job: s.job, line: line.trim() })).filter((c) => c.line && !c.line.startsWith("#")));
const usesOf = (job: string, action: string) => (wf.jobs[job].steps as any[]).filter((s) => typeof s.uses === "string" && s.uses.startsWith(action + "@"));

/** A subcommand's --help: from the built CLI when there is one, else from the command module itself. */
function helpOf(sub: string): string {
  if (fs.existsSync(CLI)) {
    const r = spawnSync(process.execPath, [CLI, sub, "--help"], { ...CHILD_LIMITS, encoding: "utf8" });
    if (r.status === 0) return r.stdout;
  }
  return require(`../guard/commands/${sub}`).help as string;
}

describe("CI workflow .github/workflows/genesys-oauth.yml", () => {
  test("triggers on pull requests and on pushes to main, read-only by default", () => {
    expect(wf.on).toEqual(expect.objectContaining({ pull_request: null }));
    expect(wf.on.push.branches).toEqual(["main"]);
    expect(wf.permissions).toEqual({ contents: "read" });
  });

  test("jobs install, synth, guard, diff and cdktf-diff, in that order of needs", () => {
    expect(Object.keys(wf.jobs)).toEqual(["install", "synth", "guard", "diff", "cdktf-diff"]);
    expect(wf.jobs.synth.needs).toBe("install");
    expect(wf.jobs.guard.needs).toBe("synth");
    expect(wf.jobs.diff.needs).toBe("synth");
    expect(wf.jobs.diff.if).toBe("github.event_name == 'pull_request'");
    expect(wf.jobs["cdktf-diff"].needs).toBe("guard");
  });

  test("Node 24 (a maintained LTS line) and Terraform 1.11.x everywhere they are set up; npm ci before anything else runs", () => {
    expect(wf.env.NODE_VERSION).toBe("24");
    expect(wf.env.TERRAFORM_VERSION).toBe("1.11.x");
    for (const { step } of steps.filter((s) => s.step.uses?.startsWith("actions/setup-node@"))) expect(step.with["node-version"]).toBe("${{ env.NODE_VERSION }}");
    for (const { step } of steps.filter((s) => s.step.uses?.startsWith("hashicorp/setup-terraform@"))) expect(step.with.terraform_version).toBe("${{ env.TERRAFORM_VERSION }}");
    for (const job of Object.keys(wf.jobs)) {
      const lines = commands.filter((c) => c.job === job && /^(npm|npx) /.test(c.line)).map((c) => c.line);
      expect(lines[0]).toBe("npm ci");
    }
    expect(usesOf("install", "hashicorp/setup-terraform")).toHaveLength(1);
    expect(usesOf("install", "actions/setup-node")).toHaveLength(1);
  });

  test("every action is pinned to at least a major version", () => {
    const uses = steps.map((s) => s.step.uses).filter(Boolean);
    expect(uses.length).toBeGreaterThan(10);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
  });

  test("guard: audit writes SARIF, does not hide failures, and the upload runs with if: always()", () => {
    const job = wf.jobs.guard;
    expect(job.permissions).toEqual({ contents: "read", "security-events": "write" });
    const audit = job.steps.find((s: any) => /secret-guard audit/.test(s.run ?? ""));
    expect(audit.run).toBe("npx secret-guard audit cdktf.out --format sarif --output secret-guard.sarif --sarif-location source");
    expect(audit["continue-on-error"]).toBeUndefined();
    expect(audit.run).not.toMatch(/\|\||; *true|set \+e/);
    const upload = usesOf("guard", "github/codeql-action/upload-sarif");
    expect(upload).toHaveLength(1);
    expect(upload[0].if).toBe("always()");
    expect(upload[0].with.sarif_file).toBe("secret-guard.sarif");
    expect(job.steps.indexOf(upload[0])).toBeGreaterThan(job.steps.indexOf(audit));
  });

  test("diff: base branch checked out into base/, synthesized there, diffed, commented, and failing on errors", () => {
    const job = wf.jobs.diff;
    const base = usesOf("diff", "actions/checkout").find((s: any) => s.with?.path === "base");
    expect(base.with.ref).toBe("${{ github.event.pull_request.base.sha }}");
    expect(job.steps.find((s: any) => s["working-directory"] === "base").run).toMatch(/npm ci\nnpm run synth/);
    const diff = job.steps.find((s: any) => s.id === "diff");
    expect(diff.run).toBe("npx secret-guard diff base/cdktf.out cdktf.out --format markdown --output diff.md");
    const comment = usesOf("diff", "actions/github-script")[0];
    expect(comment.if).toContain("always()");
    expect(comment.with.script).toContain('readFileSync("diff.md"');
    expect(comment.with.script).toMatch(/updateComment/);
    expect(job.permissions["pull-requests"]).toBe("write");
    const fail = job.steps.find((s: any) => s.if === "steps.diff.outcome == 'failure'");
    expect(fail.run).toMatch(/exit 1/);
  });

  test("cdktf diff runs only when credentials secrets exist, and secrets only reach steps as env", () => {
    const job = wf.jobs["cdktf-diff"];
    // Admin credentials only behind an environment that needs a reviewer: PR code runs in this job.
    expect(job.environment).toBe("genesys-plan");
    expect(job.env.HAS_CREDENTIALS).toMatch(/secrets\.GENESYSCLOUD_OAUTHCLIENT_SECRET != ''/);
    const cdktf = job.steps.find((s: any) => s.run === "npx cdktf diff");
    expect(cdktf.if).toBe("env.HAS_CREDENTIALS == 'true'");
    expect(cdktf.env.GENESYSCLOUD_OAUTHCLIENT_SECRET).toBe("${{ secrets.GENESYSCLOUD_OAUTHCLIENT_SECRET }}");
    for (const s of job.steps) {
      if (s.name === "no credentials" || s.name === "remove plan files") continue;
      expect(s.if).toBe("env.HAS_CREDENTIALS == 'true'");
    }
    // No secret expression inside a command line, no echo of a secret variable.
    for (const { step } of steps) {
      expect(String(step.run ?? "")).not.toMatch(/secrets\./);
      expect(String(step.run ?? "")).not.toMatch(/echo[^\n]*\$\{?(GENESYSCLOUD_OAUTHCLIENT_SECRET|GENESYSCLOUD_ACCESS_TOKEN|AWS_SECRET_ACCESS_KEY)/);
      expect(JSON.stringify(step.with ?? {})).not.toMatch(/secrets\./);
    }
    expect(pkg.devDependencies["cdktf-cli"]).toBeDefined();
  });

  test("every npm script and secret-guard subcommand/option it runs exists", () => {
    const npmRuns = commands.map((c) => /^npm run ([\w:-]+)/.exec(c.line)?.[1]).filter(Boolean) as string[];
    expect(npmRuns).toEqual(expect.arrayContaining(["build", "synth"]));
    for (const script of npmRuns) expect(Object.keys(pkg.scripts)).toContain(script);

    const guardRuns = commands.filter((c) => /^npx secret-guard /.test(c.line)).map((c) => c.line.split(/\s+/).slice(2));
    const subs = new Set(guardRuns.map((a) => a[0]).filter((a) => !a.startsWith("-")));
    expect([...subs].sort()).toEqual(["audit", "diff", "doctor"]);
    for (const args of guardRuns) {
      if (args[0].startsWith("-")) {
        expect(args).toEqual(["--version"]);
        continue;
      }
      const help = helpOf(args[0]);
      for (let i = 1; i < args.length; i++) {
        if (!args[i].startsWith("--")) continue;
        expect(help).toContain(args[i]);
        if (args[i] === "--format") expect(help).toContain(args[i + 1]);
      }
    }
  });

  test("the diff command the workflow runs works on two cdktf.out folders and writes diff.md", async () => {
    const dir = tempDir("ci-diff");
    const stack = {
      resource: { genesyscloud_oauth_client: { api: { name: "API", authorized_grant_type: "CLIENT-CREDENTIALS", roles: [{ role_id: "${data.genesyscloud_auth_role.r.id}" }] } } },
      data: { genesyscloud_auth_role: { r: { name: "Viewer" } } },
      terraform: { backend: { s3: { bucket: "b", key: "k", region: "us-east-1", encrypt: true, use_lockfile: true } } },
    };
    writeCdktfOut(path.join(dir, "base", "cdktf.out"), { prod: stack });
    writeCdktfOut(path.join(dir, "cdktf.out"), { prod: stack });
    const line = wf.jobs.diff.steps.find((s: any) => s.id === "diff").run as string;
    const argv = line.split(/\s+/).slice(3).map((a) => (a.includes("cdktf.out") || a.endsWith(".md") ? path.join(dir, a) : a));
    const r = await capture((io) => runDiff(argv, io));
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "diff.md"), "utf8")).toContain("No security-relevant changes");
  });
});
