// Robustness figures: the audit on crafted inputs (the worst case is what the bench reports) and on a dense
// state where every resource holds its own secret, in time and peak memory.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { series } = require("./measure");
const { summarize } = require("./stats");
const { HOSTILE, writeDenseState } = require("./hostile-inputs");

const MiB = 2 ** 20;

function robustnessBench({ root, tmp, plan, log }) {
  const cli = path.join(root, "dist", "secret-guard.js");
  const report = path.join(tmp, "robust-report.json");
  const k = plan.mode === "smoke" ? 0.01 : plan.mode === "quick" ? 0.2 : 1;
  const opts = { runs: plan.mode === "full" ? 3 : 1, warmup: 0 };
  const hostile = [];
  for (const [name, make] of Object.entries(HOSTILE)) {
    const dir = fs.mkdtempSync(path.join(tmp, "hostile-"));
    const target = make(dir, k);
    log(`robustness: ${name}`);
    const s = series({ cmd: "node", args: [cli, "audit", "--format", "json", "--output", report, target], cwd: tmp, okCodes: [0, 1], timeoutS: plan.timeoutS }, opts);
    hostile.push({ name, bytes: sizeOf(target), stats: summarize(s), failure: s.failure });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(report, { force: true });
  }
  // Dense: every resource its own marked secret (plan.denseBytes, 200 MiB in the full run).
  const denseBytes = plan.mode === "smoke" ? 200 * 1024 : plan.mode === "quick" ? 20 * MiB : 200 * MiB;
  const dense = path.join(tmp, "dense.tfstate");
  log(`robustness: generating a ${Math.round(denseBytes / MiB)} MiB dense state`);
  const resources = writeDenseState(dense, denseBytes);
  log("robustness: audit of the dense state");
  const d = series({ cmd: "node", args: [cli, "audit", "--format", "json", "--output", report, dense], cwd: tmp, okCodes: [0, 1], timeoutS: plan.timeoutS }, opts);
  const findings = d.runs.length && fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")).findings.length : null;
  // The same audit writing SARIF, as a CI upload does (the cap's bookkeeping must stay in the bound too).
  log("robustness: audit of the dense state, SARIF");
  const sarifReport = report.replace(/\.json$/, "") + ".sarif";
  const sarif = series({ cmd: "node", args: [cli, "audit", "--format", "sarif", "--output", sarifReport, dense], cwd: tmp, okCodes: [0, 1], timeoutS: plan.timeoutS }, opts);
  const denseRow = { bytes: fs.statSync(dense).size, resources, findings, stats: summarize(d), failure: d.failure, sarif: { stats: summarize(sarif), failure: sarif.failure } };
  for (const f of [dense, report, sarifReport]) fs.rmSync(f, { force: true });
  const worst = hostile.filter((h) => h.stats).sort((a, b) => b.stats.wall.median - a.stats.wall.median)[0] ?? null;
  return { hostile, worst, dense: denseRow, scale: k };
}

function sizeOf(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  let n = 0;
  for (const f of fs.readdirSync(p)) n += fs.statSync(path.join(p, f)).size;
  return n;
}

module.exports = { robustnessBench };
