// The issue-8 check: audit and synth of this build against the build of a baseline commit (BENCH_BASELINE_REV,
// default 873f2df, the commit before the redesign), same machine, same inputs, runs interleaved. The baseline is
// checked out into a temporary git worktree under the bench's temp folder, built by its own package.json "build"
// script with this checkout's node_modules, measured, and removed again. Anything that stops it (no git checkout,
// no such revision, a failed build) is recorded as the reason it was not measured, never thrown.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { runOnce, interleaved, firstErrorLine } = require("./measure");
const { median, summarize } = require("./stats");
const { writeState, writePlan } = require("./generate-inputs");
const { stackShape } = require("./synth-bench");

const DEFAULT_REV = "873f2df";
/** current / baseline of the medians at or under this is "within 10% of the baseline". */
const MAX_RATIO = 1.1;
const BUILD_STEP_TIMEOUT_S = 900;

/**
 * Current against baseline: the ratio of medians (and of CPU medians when both have CPU time), and the median of
 * the per-round ratios when the runs are paired (round k of each side ran back to back, so a slow minute of the
 * machine slows both). The target is judged on the paired ratio when there is one: on this shared machine speed
 * moves by 20% between minutes, which the ratio of medians still feels and a pair does not.
 */
function judge(baseline, current, pairs = null) {
  if (!baseline || !current) return null;
  const ratio = current.wall.median / baseline.wall.median;
  const cpuRatio = baseline.cpu && current.cpu && baseline.cpu.median > 0 ? current.cpu.median / baseline.cpu.median : null;
  const pairedRatio = pairs && pairs.length ? median(pairs) : null;
  return { ratio, pairedRatio, cpuRatio, met: (pairedRatio ?? ratio) <= MAX_RATIO };
}

/** current / baseline wall time of each round (runs of the same index ran back to back). */
function roundRatios(b, c) {
  const n = Math.min(b.runs.length, c.runs.length);
  const out = [];
  for (let k = 0; k < n; k++) if (b.runs[k].wallS > 0) out.push(c.runs[k].wallS / b.runs[k].wallS);
  return out;
}

function git(root, args) {
  const r = spawnSync("git", ["-C", root, ...args], { encoding: "utf8" });
  return { ok: r.status === 0, out: String(r.stdout || "").trim(), err: firstErrorLine(String(r.stderr || "")) };
}

/** The revision's commit checked out (detached) into dir, with ROOT's node_modules linked in; or { error }. */
function checkout(root, rev, dir) {
  if (!git(root, ["rev-parse", "--show-toplevel"]).ok) return { error: `${root} is not a git checkout` };
  const commit = git(root, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  if (!commit.ok) return { error: `revision ${rev} is not in this checkout` };
  const add = git(root, ["worktree", "add", "--detach", dir, commit.out]);
  if (!add.ok) return { error: `git worktree add failed: ${add.err}` };
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  return { commit: commit.out };
}

/** Removes the worktree, if any (the node_modules link first, so nothing can follow it), and prunes git's record of it. */
function removeWorktree(root, dir) {
  const link = path.join(dir, "node_modules");
  try {
    if (fs.lstatSync(link).isSymbolicLink()) fs.unlinkSync(link);
  } catch {
    // not there
  }
  git(root, ["worktree", "remove", "--force", dir]);
  git(root, ["worktree", "prune"]);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Runs the checked-out package.json "build" script step by step (`a && b && c`); the failing step's first line, else null. */
function build(dir, log) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const script = pkg.scripts && pkg.scripts.build;
  if (!script) return { steps: [], failure: "its package.json has no build script" };
  const steps = script.split("&&").map((s) => s.trim()).filter(Boolean);
  const env = { ...process.env, PATH: `${path.join(dir, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}` };
  for (const step of steps) {
    log(`baseline: ${step}`);
    const r = spawnSync("sh", ["-c", step], { cwd: dir, env, encoding: "utf8", timeout: BUILD_STEP_TIMEOUT_S * 1000, maxBuffer: 64 << 20 });
    if (r.status !== 0) {
      const why = r.error && r.error.code === "ETIMEDOUT" ? `timed out after ${BUILD_STEP_TIMEOUT_S} s` : firstErrorLine(`${r.stdout || ""}\n${r.stderr || ""}`);
      return { steps, failure: `\`${step}\`: ${why}` };
    }
  }
  return { steps, failure: null };
}

/** The shipped secret-guard bin of a checkout, from its package.json. */
function guardBin(dir) {
  const bin = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).bin;
  return typeof bin === "string" ? bin : bin && bin["secret-guard"];
}

const side = (s) => ({ stats: summarize(s), failure: s.failure });
/** The judgement of a pair of interleaved series; none when either failed (a partial series is no median). */
const verdict = (b, c) => (b.failure || c.failure ? null : judge(summarize(b), summarize(c), roundRatios(b, c)));

function findingCount(reportFile) {
  try {
    return JSON.parse(fs.readFileSync(reportFile, "utf8")).findings.length;
  } catch {
    return null;
  }
}

/** Audit of the generated state and plan by both CLIs, interleaved; with each one's number of findings. */
function auditAB({ root, base, tmp, ab, timeoutS, log }) {
  const rows = [];
  const cli = { baseline: path.join(base, guardBin(base)), current: path.join(root, guardBin(root)) };
  for (const kind of ["state", "plan"]) {
    const file = path.join(tmp, `ab-${ab.auditLabel.replace(/\s/g, "")}.${kind === "state" ? "tfstate" : "plan.json"}`);
    log(`baseline A/B: generating ${ab.auditLabel} ${kind}`);
    (kind === "state" ? writeState : writePlan)(file, ab.auditBytes);
    const report = { baseline: path.join(tmp, "ab-report-baseline.json"), current: path.join(tmp, "ab-report-current.json") };
    const spec = (who) => ({ cmd: "node", args: [cli[who], "audit", "--format", "json", "--output", report[who], file], cwd: tmp, okCodes: [0, 1], timeoutS });
    log(`baseline A/B: audit ${ab.auditLabel} ${kind}, ${ab.auditRuns} runs each, interleaved`);
    const [b, c] = interleaved(spec("baseline"), spec("current"), { runs: ab.auditRuns, warmup: ab.warmup });
    const row = { kind, label: `${ab.auditLabel} ${kind}`, bytes: fs.statSync(file).size, baseline: side(b), current: side(c) };
    row.findings = { baseline: b.runs.length ? findingCount(report.baseline) : null, current: c.runs.length ? findingCount(report.current) : null };
    row.verdict = verdict(b, c);
    for (const x of [file, report.baseline, report.current]) fs.rmSync(x, { force: true });
    rows.push(row);
  }
  return rows;
}

/** Shapes of every stack an app wrote (resource types and counts, providers, outputs, backend), or null. */
function stackShapes(outDir) {
  try {
    const stacks = path.join(outDir, "stacks");
    return fs.readdirSync(stacks).sort().map((s) => `${s}\n${stackShape(path.join(stacks, s, "cdk.tf.json"))}`).join("\n");
  } catch {
    return null;
  }
}

/** The command a build's cdktf.json runs for `cdktf synth` (its "app"), split into command and arguments. */
function appCommand(dir) {
  const app = JSON.parse(fs.readFileSync(path.join(dir, "cdktf.json"), "utf8")).app;
  const [cmd, ...args] = String(app).trim().split(/\s+/);
  return { text: app, cmd, args };
}

/**
 * Synth of both builds with the baseline's default config, interleaved, two ways: the app command each build's
 * cdktf.json runs (what `cdktf synth` runs: the target) and the bare bundle `node dist/app.js` (shown).
 */
function synthAB({ root, base, tmp, ab, timeoutS, log }) {
  const config = path.join(base, "genesys-oauth.config.json");
  const dirs = { baseline: base, current: root };
  const commands = { baseline: appCommand(base), current: appCommand(root) };
  const bare = { text: "node dist/app.js", cmd: "node", args: ["dist/app.js"] };
  const compare = (way, command) => {
    const out = { baseline: path.join(tmp, `ab-synth-${way}-baseline`), current: path.join(tmp, `ab-synth-${way}-current`) };
    const spec = (who) => ({
      cmd: command(who).cmd,
      args: command(who).args,
      cwd: dirs[who],
      env: { ...process.env, CHECKPOINT_DISABLE: "1", GENESYS_OAUTH_CONFIG: config, CDKTF_OUTDIR: out[who] },
      timeoutS,
    });
    // Both must accept the config before anything is timed.
    for (const who of ["baseline", "current"]) {
      const r = runOnce(spec(who));
      if (!r.ok) return { check: `the ${who} app does not synthesize the baseline's config: ${r.error}` };
    }
    const shape = stackShapes(out.baseline);
    const sameShape = shape !== null && shape === stackShapes(out.current);
    log(`baseline A/B: synth (${way}), ${ab.synthRuns} runs each, interleaved`);
    const [b, c] = interleaved(spec("baseline"), spec("current"), { runs: ab.synthRuns, warmup: ab.warmup });
    return { baseline: side(b), current: side(c), sameShape, verdict: verdict(b, c) };
  };
  const app = compare("app", (who) => commands[who]);
  return { ...app, commands: { baseline: commands.baseline.text, current: commands.current.text }, bare: compare("bare", () => bare) };
}

/**
 * The A/B against the baseline. Returns { rev, ... } with either `notMeasured` (the reason) or commit, build
 * steps and time, the audit rows and the synth result.
 */
function baselineBench({ root, tmp, plan, log }, rev = process.env.BENCH_BASELINE_REV || DEFAULT_REV) {
  const res = { rev, isDefault: rev === DEFAULT_REV, maxRatio: MAX_RATIO };
  const ab = plan.ab;
  if (!ab) return { ...res, notMeasured: `skipped in ${plan.mode} mode` };
  res.ab = ab;
  const base = path.join(tmp, "baseline");
  try {
    log(`baseline A/B: checking out ${rev}`);
    const co = checkout(root, rev, base);
    if (co.error) return { ...res, notMeasured: co.error };
    res.commit = co.commit;
    const t0 = Date.now();
    const b = build(base, log);
    res.buildSteps = b.steps;
    res.buildS = (Date.now() - t0) / 1000;
    if (b.failure) return { ...res, notMeasured: `baseline not built: ${b.failure}` };
    res.cli = guardBin(base);
    res.currentCli = guardBin(root);
    for (const f of [res.cli, "dist/app.js"]) if (!f || !fs.existsSync(path.join(base, f))) return { ...res, notMeasured: `baseline not built: its build wrote no ${f || "secret-guard bin"}` };
    const ctx = { root, base, tmp, ab, timeoutS: plan.timeoutS, log };
    res.audit = auditAB(ctx);
    res.synth = synthAB(ctx);
    return res;
  } catch (e) {
    return { ...res, notMeasured: `stopped: ${firstErrorLine(String((e && e.message) || e))}` };
  } finally {
    removeWorktree(root, base);
  }
}

module.exports = { baselineBench, judge, roundRatios, MAX_RATIO, DEFAULT_REV };
