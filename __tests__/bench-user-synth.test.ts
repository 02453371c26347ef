// The bench's `npm run synth` series (bench/user-synth-bench.js): the scratch copy is the committed tree and
// nothing else; the targets and the first lines of BENCHMARKS.md follow from given figures (hand-written here, not
// measured: a test never asserts on elapsed time).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scratchCopy } = require("../bench/user-synth-bench");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { targets } = require("../bench/targets");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render } = require("../bench/report");
const JANITOR = path.resolve(__dirname, "..", "bench", "temp-janitor.js");

const ROOT = path.resolve(__dirname, "..");

/** A series summary with the given median wall time (seconds) over n runs. */
function timed(median: number, n = 5) {
  const agg = { median, min: median, max: median };
  return { n, wall: agg, rss: { median: 100, min: 100, max: 100 }, cpu: null };
}

function userResult(warmS: number, opts: { distUnchanged?: boolean; dryRun?: string } = {}) {
  return {
    npmCi: true,
    commit: "0123456789abcdef0123456789abcdef01234567",
    install: { stats: timed(95, 1) },
    checks: { dryRunBeforeWarm: opts.dryRun ?? "up to date", distUnchanged: opts.distUnchanged ?? true, dryRunAfterTsEdit: "stale: tsc, app" },
    commands: [
      { key: "user-cold", label: "cold", stats: timed(40, 3) },
      { key: "user-warm", label: "warm", stats: timed(warmS) },
      { key: "user-check", label: "check", stats: timed(1.5) },
      { key: "user-config", label: "config", stats: timed(2.5) },
      { key: "user-ts", label: "ts", stats: timed(12) },
    ],
  };
}

function synthResult(templateTsNodeS: number | null) {
  const commands: any[] = [
    { key: "app", label: "app", stats: timed(0.4) },
    { key: "cdktf", label: "cdktf", stats: timed(3.5) },
  ];
  if (templateTsNodeS !== null) commands.push({ key: "template-tsnode", label: "template ts-node", stats: timed(templateTsNodeS, 2) });
  return { commands, fleet: [], fleetFit: null };
}

const judged = (synth: any, user: any) => {
  const t = targets(synth, { rows: [] }, null, null, null, user);
  return {
    noWork: t.find((x: any) => x.target.startsWith("`npm run synth` on an unchanged tree")),
    fast: t.find((x: any) => x.target.startsWith("`npm run synth` (warm) ≥ 4x")),
    first: t[0].target,
  };
};

describe("the scratch copy", () => {
  it("holds the committed tree: HEAD's files as committed, no node_modules, no dist/", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "scratch-test-")), "copy");
    try {
      const r = scratchCopy(ROOT, dir);
      expect(r.error).toBeUndefined();
      expect(r.commit).toBe(execFileSync("git", ["-C", ROOT, "rev-parse", "HEAD"], { encoding: "utf8" }).trim());
      for (const f of ["package.json", "package-lock.json", "genesys-oauth.config.json", "app/client-id.ts"])
        expect(fs.readFileSync(path.join(dir, f), "utf8")).toBe(execFileSync("git", ["-C", ROOT, "show", `HEAD:${f}`], { encoding: "utf8" }));
      for (const absent of ["node_modules", "dist", "cdktf.out", "app/config-validator.generated.ts"]) expect(fs.existsSync(path.join(dir, absent))).toBe(false);
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it("names the reason when the folder is not a git checkout", () => {
    const notGit = fs.mkdtempSync(path.join(os.tmpdir(), "not-git-"));
    try {
      expect(scratchCopy(notGit, path.join(notGit, "copy")).error).toBe(`${notGit} is not a git checkout`);
    } finally {
      fs.rmSync(notGit, { recursive: true, force: true });
    }
  });
});

describe("the temp folder", () => {
  it("is removed once the bench process has ended, even one that never cleaned up (a kill, Ctrl-C)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "janitor-test-"));
    fs.mkdirSync(path.join(dir, "scratch-clone", "node_modules"), { recursive: true });
    // A stand-in for a killed bench: it starts the watcher and exits without removing anything.
    const r = spawnSync(process.execPath, ["-e", `require(${JSON.stringify(JANITOR)}).watchTempFolder(${JSON.stringify(dir)})`]);
    expect(r.status).toBe(0);
    while (fs.existsSync(dir)) await new Promise((res) => setTimeout(res, 100));
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe("the npm run synth targets", () => {
  it("come first; no build work is met only when the build was up to date and dist/ unchanged", () => {
    expect(judged(synthResult(null), userResult(1)).first).toBe("`npm run synth` on an unchanged tree (and after a config edit) does no build work");
    expect(judged(synthResult(null), userResult(1)).noWork.met).toBe(true);
    expect(judged(synthResult(null), userResult(1, { distUnchanged: false })).noWork.met).toBe(false);
    expect(judged(synthResult(null), userResult(1, { dryRun: "stale: app" })).noWork.met).toBe(false);
  });

  it("judge the warm synth against the template's ts-node at 4x, and say when the template was not run", () => {
    const met = judged(synthResult(10), userResult(2)).fast;
    expect(met.met).toBe(true);
    expect(met.measured).toBe("5.0x (10.00 s vs 2.00 s, medians)");
    const missed = judged(synthResult(10), userResult(4)).fast;
    expect(missed.met).toBe(false);
    expect(missed.measured).toBe("2.5x (10.00 s vs 4.00 s, medians)");
    expect(missed.limitedBy).toMatch(/npm's own start-up/);
    expect(judged(synthResult(null), userResult(2)).fast).toMatchObject({ met: null, measured: "not measured (template skipped in this mode)" });
  });

  it("are NOT MET, with the reason, when the series could not run", () => {
    const { noWork, fast } = judged(synthResult(10), { notMeasured: "npm ci failed: exit 1: network" });
    expect(noWork).toMatchObject({ met: false, measured: "not measured: npm ci failed: exit 1: network" });
    expect(fast).toMatchObject({ met: false });
  });
});

describe("BENCHMARKS.md", () => {
  it("opens with what npm run synth costs warm and cold, and the template's way beside it", () => {
    const synth = synthResult(10);
    const user = userResult(2);
    const md = render({
      machine: { cpu: "cpu", cores: 2, memoryGiB: 24, os: "linux", node: "v20", npm: "10", terraform: "Terraform v1.11.4", date: "2026-12-07", loadAtStart: [1, 1, 1], loadAtEnd: [1, 1, 1] },
      plan: { mode: "full", runs: 5, warmup: 1, template: true, templateCapS: 150, templateAloneRuns: 2, fleetWarmup: 0, userSynth: { npmCi: true, coldRuns: 3, runs: 5, warmup: 1 }, bigBytes: Infinity, timeoutS: 300 },
      synth,
      user,
      audit: { rows: [] },
      robustness: null,
      remote: null,
      baseline: null,
      targets: targets(synth, { rows: [] }, null, null, null, user),
      elapsedS: 600,
      chartPath: "bench/benchmarks.svg",
      hasGnuTime: true,
    });
    const lines = md.split("\n");
    expect(lines[0]).toBe("# Benchmarks");
    expect(lines[2]).toBe("**`npm run synth`: 2.00 s warm** (median of 5), **40.00 s cold** (median of 3; the first synth after `npm ci`, which builds the app); 2.50 s after a config edit and 12.00 s after a TypeScript edit (median of 5).");
    expect(lines[3]).toBe("The cdktf template's way, `npx ts-node main.ts`, takes 10.00 s on the same machine: **5.0x** the warm `npm run synth`.");
    expect(md).toContain("| `npm ci --no-audit --no-fund` in the copy (not a synth figure) | 95.00 s |");
    expect(md).toContain("| `npm run synth` (warm) ≥ 4x faster than the template's `npx ts-node main.ts` | 5.0x (10.00 s vs 2.00 s, medians) | **met** |");
    expect(md).toContain('after the first TypeScript edit it said "stale: tsc, app"');
  });
});
