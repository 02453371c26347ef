#!/usr/bin/env node
// `npm run bench`: `npm run synth` as typed, synth and audit benchmarks (the audit also with four times the detectors,
// bench/detector-scale.js), recall and false positives per detector family (bench/family-recall.js), written to
// BENCHMARKS.md and bench/benchmarks.svg.
// BENCH_QUICK=1 shrinks the sizes (development); BENCH_SMOKE=1 is a tiny run for the test suite;
// BENCH_OUT_DIR=DIR writes the report and chart to DIR instead of the repository; BENCH_BASELINE_REV=REV names the
// commit the A/B section measures this build against (default 873f2df, the issue-8 baseline).
// Run `npm run build` first (npm run bench does): it measures dist/.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { machine } = require("./machine");
const { HAS_GNU_TIME } = require("./measure");
const { synthBench } = require("./synth-bench");
const { userSynthBench } = require("./user-synth-bench");
const { auditBench } = require("./audit-bench");
const { familyRecall } = require("./family-recall");
const { scaleBench } = require("./detector-scale");
const { robustnessBench } = require("./robustness-bench");
const { remoteBench } = require("./remote-bench");
const { baselineBench } = require("./baseline-ab");
const { targets } = require("./targets");
const { render } = require("./report");
const { watchTempFolder } = require("./temp-janitor");
const { chart } = require("./chart");

const ROOT = path.resolve(__dirname, "..");
const MiB = 2 ** 20;

/** What to run, per mode. */
function benchPlan(env) {
  if (env.BENCH_SMOKE === "1")
    return { mode: "smoke", runs: 1, warmup: 0, template: false, userSynth: { npmCi: false, coldRuns: 1, runs: 1, warmup: 0 }, fleetEnvs: [1, 2], fleetWarmup: 0, remote: { states: 3, bytes: 20 * 1024, runs: 1 }, ab: null, auditSizes: [{ label: "100 KiB", bytes: 100 * 1024 }], scaleSizes: ["100 KiB"], scaleBytes: 100 * 1024, scaleRounds: 1, bigBytes: Infinity, bigBytesLabel: "any size", bigRuns: 1, bigCapS: 0, timeoutS: 60 };
  if (env.BENCH_QUICK === "1")
    return { mode: "quick", runs: 3, warmup: 1, template: false, userSynth: { npmCi: true, coldRuns: 1, runs: 3, warmup: 1 }, fleetEnvs: [1, 5, 10], fleetWarmup: 1, remote: { states: 100, bytes: MiB, runs: 1 }, ab: { auditBytes: 10 * MiB, auditLabel: "10 MiB", auditRuns: 3, synthRuns: 5, warmup: 1 }, auditSizes: [{ label: "1 MiB", bytes: MiB }, { label: "10 MiB", bytes: 10 * MiB }, { label: "50 MiB", bytes: 50 * MiB }], scaleSizes: ["10 MiB"], scaleBytes: 5 * MiB, scaleRounds: 3, bigBytes: Infinity, bigBytesLabel: "any size", bigRuns: 1, bigCapS: 0, timeoutS: 120 };
  return {
    mode: "full", runs: 5, warmup: 1, template: true, templateCapS: 150, templateAloneRuns: 2, userSynth: { npmCi: true, coldRuns: 3, runs: 5, warmup: 1 }, fleetEnvs: [1, 10, 25, 50], fleetWarmup: 0, remote: { states: 1000, bytes: MiB, runs: 1 },
    ab: { auditBytes: 100 * MiB, auditLabel: "100 MiB", auditRuns: 9, synthRuns: 15, warmup: 1 },
    auditSizes: [{ label: "10 MiB", bytes: 10 * MiB }, { label: "100 MiB", bytes: 100 * MiB }, { label: "1 GiB", bytes: 1024 * MiB }],
    scaleSizes: ["100 MiB"], scaleBytes: 10 * MiB, scaleRounds: 5,
    bigBytes: 500 * MiB, bigBytesLabel: "1 GiB", bigRuns: 3, bigCapS: 75, timeoutS: 300,
  };
}

async function main() {
  const started = Date.now();
  const plan = benchPlan(process.env);
  const outDir = process.env.BENCH_OUT_DIR ? path.resolve(process.env.BENCH_OUT_DIR) : null;
  const reportFile = outDir ? path.join(outDir, "BENCHMARKS.md") : path.join(ROOT, "BENCHMARKS.md");
  const chartFile = outDir ? path.join(outDir, "benchmarks.svg") : path.join(__dirname, "benchmarks.svg");
  for (const f of ["dist/app.js", "dist/main.js", "dist/secret-guard.js"])
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);

  const m = machine();
  const log = (s) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
  if (!HAS_GNU_TIME) log("warning: /usr/bin/time not found: no peak memory figures");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "genesys-bench-"));
  // Ctrl-C or a kill still removes the temp folder (the scratch copy with its own node_modules included).
  watchTempFolder(tmp);
  let synth, user, audit, robustness, remote, baseline, families, scan;
  try {
    const ctx = { root: ROOT, tmp, plan, log };
    user = userSynthBench(ctx);
    synth = synthBench(ctx);
    audit = auditBench(ctx);
    scan = scaleBench(ctx);
    families = familyRecall(ctx);
    robustness = robustnessBench(ctx);
    remote = await remoteBench(ctx);
    baseline = baselineBench(ctx);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  m.loadAtEnd = os.loadavg();
  const t = targets(synth, audit, robustness, remote, baseline, user);
  const chartPath = path.relative(path.dirname(reportFile), chartFile).split(path.sep).join("/");
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(chartFile, chart(synth, audit));
  fs.writeFileSync(reportFile, render({ machine: m, plan, synth, user, audit, robustness, remote, baseline, families, scan, targets: t, elapsedS: (Date.now() - started) / 1000, chartPath, hasGnuTime: HAS_GNU_TIME }));
  log(`wrote ${reportFile} and ${chartFile}`);
  for (const x of t) log(`${x.met === true ? "met    " : x.met === false ? "NOT MET" : "n/a    "} ${x.target}: ${x.measured}`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e && e.message}\n`);
  process.exitCode = 1;
});
