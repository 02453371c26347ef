// Audit timings: `secret-guard audit` against secretlint (recommended preset) and the floor for a JavaScript
// tool that reads every byte (JSON.parse of the whole file), on generated state and plan files, with the
// findings counted against the secrets planted in them.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { series } = require("./measure");
const { summarize } = require("./stats");
const { writeState, writePlan } = require("./generate-inputs");
const { syntheticDetectors } = require("./detector-scale");

const FLOOR = "JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'))";

/** Counts of the audit's JSON report: by severity and rule, and against the planted pointers. */
function auditCounts(reportFile, gen) {
  const report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
  const planted = new Set(gen.planted);
  const marked = new Set(gen.alsoMarked);
  const byRule = {};
  let found = 0, markedFound = 0, unexpected = 0;
  const seen = new Set();
  for (const f of report.findings) {
    byRule[f.ruleId] = (byRule[f.ruleId] || 0) + 1;
    if (planted.has(f.pointer) && !seen.has(f.pointer)) found++, seen.add(f.pointer);
    else if (marked.has(f.pointer)) markedFound++;
    else unexpected++;
  }
  return { total: report.findings.length, summary: report.summary, byRule, found, expected: planted.size, markedFound, markedExpected: marked.size, unexpected };
}

/** secretlint's JSON output: one entry per file, with messages (masked). */
function secretlintCounts(outFile) {
  const text = fs.readFileSync(outFile, "utf8");
  const results = JSON.parse(text);
  const byRule = {};
  let total = 0;
  for (const r of results) for (const m of r.messages || []) {
    total++;
    const id = String(m.ruleId || "?").replace("@secretlint/secretlint-rule-", "");
    byRule[id] = (byRule[id] || 0) + 1;
  }
  return { total, byRule };
}

function auditBench({ root, tmp, plan, log }) {
  const secretlintrc = path.join(tmp, ".secretlintrc.json");
  fs.writeFileSync(secretlintrc, JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }));
  const secretlint = path.join(root, "node_modules", ".bin", "secretlint");
  const rows = [];
  // Four times the detectors: the shipped catalogue plus three times as many synthetic prefixed ones (--detectors).
  const { DetectorCatalogue } = require(path.join(root, "dist", "guard", "detectors", "catalogue.js"));
  const shipped = DetectorCatalogue.shipped().all().length;
  const scaleFile = path.join(tmp, "scale-detectors.json");
  fs.writeFileSync(scaleFile, JSON.stringify({ detectors: syntheticDetectors(3 * shipped) }));
  const scale = { shipped, total: 4 * shipped, sizes: plan.scaleSizes };

  for (const size of plan.auditSizes) {
    const big = size.bytes >= plan.bigBytes;
    const opts = big ? { runs: plan.bigRuns, warmup: 0, capS: plan.bigCapS } : { runs: plan.runs, warmup: plan.warmup };
    for (const kind of ["state", "plan"]) {
      const file = path.join(tmp, `${size.label.replace(/\s/g, "")}.${kind === "state" ? "tfstate" : "plan.json"}`);
      log(`audit: generating ${size.label} ${kind}`);
      const t0 = Date.now();
      const gen = (kind === "state" ? writeState : writePlan)(file, size.bytes);
      const row = { size: size.label, kind, bytes: fs.statSync(file).size, resources: gen.resources, planted: gen.planted.length, genS: (Date.now() - t0) / 1000, big, tools: {} };

      const report = path.join(tmp, "audit-report.json");
      log(`audit: secret-guard ${size.label} ${kind}`);
      const a = series({ cmd: "node", args: [path.join(root, "dist", "secret-guard.js"), "audit", "--format", "json", "--output", report, file], cwd: tmp, okCodes: [0, 1], timeoutS: plan.timeoutS }, opts);
      row.tools.audit = { stats: summarize(a), failure: a.failure, failedRss: a.failedRss, failedWall: a.failedWall, counts: a.runs.length ? auditCounts(report, gen) : null };

      const slOut = path.join(tmp, "secretlint-out.json");
      log(`audit: secretlint ${size.label} ${kind}`);
      const s = series({ cmd: secretlint, args: ["--secretlintrc", secretlintrc, "--format", "json", file], cwd: tmp, okCodes: [0, 1], stdout: slOut, timeoutS: plan.timeoutS }, opts);
      let slCounts = null;
      if (s.runs.length) {
        try { slCounts = secretlintCounts(slOut); } catch (e) { slCounts = null; }
      }
      row.tools.secretlint = { stats: summarize(s), failure: s.failure, failedRss: s.failedRss, failedWall: s.failedWall, counts: slCounts };

      if (plan.scaleSizes.includes(size.label)) {
        log(`audit: secret-guard with ${scale.total} detectors ${size.label} ${kind}`);
        const x = series({ cmd: "node", args: [path.join(root, "dist", "secret-guard.js"), "audit", "--format", "json", "--output", report, "--detectors", scaleFile, file], cwd: tmp, okCodes: [0, 1], timeoutS: plan.timeoutS }, opts);
        row.tools.audit4x = { stats: summarize(x), failure: x.failure, failedRss: x.failedRss, failedWall: x.failedWall, counts: x.runs.length ? auditCounts(report, gen) : null };
      }

      log(`audit: JSON.parse floor ${size.label} ${kind}`);
      const f = series({ cmd: "node", args: ["-e", FLOOR, file], cwd: tmp, timeoutS: plan.timeoutS }, opts);
      row.tools.floor = { stats: summarize(f), failure: f.failure, failedRss: f.failedRss, failedWall: f.failedWall };

      for (const x of [file, report, slOut]) fs.rmSync(x, { force: true });
      rows.push(row);
    }
  }
  fs.rmSync(scaleFile, { force: true });
  return { rows, scale };
}

module.exports = { auditBench };
