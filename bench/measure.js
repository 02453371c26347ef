// Runs a whole process under GNU time: wall time (measured here, high resolution), peak RSS (`%M`, the
// largest single process of the tree that time waited for) and CPU time (`%U` + `%S`, user and system, of the
// process and the children it waited for). A run may time out or fail: that is recorded, never thrown, so one
// failing tool does not stop the bench.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const GNU_TIME = "/usr/bin/time";
const HAS_GNU_TIME = fs.existsSync(GNU_TIME);

/**
 * One run. spec: { cmd, args, cwd, env, timeoutS, okCodes (default [0]), stdout (file path, else discarded) }.
 * Returns { ok, code, wallS, rssMB and cpuS (user + system; both null without GNU time), error (one sanitized line
 * when not ok) }.
 */
function runOnce(spec) {
  const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}.txt`);
  const inner = spec.timeoutS ? ["timeout", "-s", "KILL", String(spec.timeoutS), spec.cmd, ...spec.args] : [spec.cmd, ...spec.args];
  const argv = HAS_GNU_TIME ? [GNU_TIME, "-f", "%e %M %U %S", "-o", timeFile, ...inner] : inner;
  const out = spec.stdout ? fs.openSync(spec.stdout, "w") : "ignore";
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: spec.cwd,
    env: spec.env || process.env,
    stdio: ["ignore", out, "pipe"],
    maxBuffer: 256 << 20,
  });
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  if (typeof out === "number") fs.closeSync(out);
  let rssMB = null, cpuS = null;
  if (HAS_GNU_TIME && fs.existsSync(timeFile)) {
    const last = fs.readFileSync(timeFile, "utf8").trim().split("\n").pop();
    const m = /^([\d.]+) (\d+) ([\d.]+) ([\d.]+)$/.exec(last || "");
    if (m) rssMB = Number(m[2]) / 1024, cpuS = Number(m[3]) + Number(m[4]);
    fs.rmSync(timeFile, { force: true });
  }
  const code = r.status;
  const ok = (spec.okCodes || [0]).includes(code);
  let error;
  if (!ok) {
    if (code === 137 || r.signal === "SIGKILL") error = spec.timeoutS ? `killed after the ${spec.timeoutS} s timeout (or out of memory)` : "killed (SIGKILL)";
    else error = `exit ${code}: ${firstErrorLine(String(r.stderr || ""))}`;
  }
  return { ok, code, wallS, rssMB, cpuS, error };
}

/** The most telling line of a failure's stderr, with anything token-like masked (never a secret in the report). */
function firstErrorLine(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  const line =
    lines.find((l) => /error TS\d+|Cannot create a string|Invalid string length|heap out of memory|ERR_STRING_TOO_LONG/.test(l)) ||
    lines.find((l) => /Error|error:|FATAL/.test(l)) ||
    lines[0] ||
    "(no message)";
  return line.replace(/[A-Za-z0-9+/_=-]{20,}/g, "…").slice(0, 160);
}

/**
 * A series: `warmup` unrecorded runs, then `runs` recorded ones. When `capS` is given, stops early once the
 * series has used that many seconds (after at least one recorded run). Stops at the first failure.
 * `before(k)`, when given, runs before run k (warm-ups included), outside the timing: an edit, a clean-up; a
 * string it returns is a failure of that run (the command is not run). `after(k)` runs after a successful run k,
 * outside the timing, to check what it did: a string it returns is a failure of that run.
 * Returns { runs: [{wallS, rssMB, cpuS}], failure?, warmup }.
 */
function series(spec, { runs, warmup = 1, capS, before, after } = {}) {
  const t0 = Date.now();
  const result = { runs: [], warmup };
  for (let k = 0; k < warmup + runs; k++) {
    const refused = before ? before(k) : undefined;
    if (typeof refused === "string") {
      result.failure = refused;
      break;
    }
    const r = runOnce(spec);
    if (!r.ok) {
      result.failure = r.error;
      result.failedRss = r.rssMB;
      result.failedWall = r.wallS;
      break;
    }
    const wrong = after ? after(k) : undefined;
    if (typeof wrong === "string") {
      result.failure = wrong;
      break;
    }
    if (k >= warmup) result.runs.push({ wallS: r.wallS, rssMB: r.rssMB, cpuS: r.cpuS });
    if (capS && result.runs.length >= 1 && (Date.now() - t0) / 1000 > capS) break;
  }
  return result;
}

/**
 * Two series run in turn, one run of each per round, alternating which goes first (a then b, b then a, ...), so
 * drift in the machine's load falls on both alike. `warmup` unrecorded rounds first. Stops both at the first
 * failure of either (recorded on the one that failed). Returns [series of a, series of b], shaped as `series`.
 */
function interleaved(specA, specB, { runs, warmup = 1 } = {}) {
  const a = { runs: [], warmup }, b = { runs: [], warmup };
  for (let k = 0; k < warmup + runs; k++) {
    const round = k % 2 ? [[specB, b], [specA, a]] : [[specA, a], [specB, b]];
    for (const [spec, result] of round) {
      const r = runOnce(spec);
      if (!r.ok) {
        result.failure = r.error;
        result.failedRss = r.rssMB;
        result.failedWall = r.wallS;
        return [a, b];
      }
      if (k >= warmup) result.runs.push({ wallS: r.wallS, rssMB: r.rssMB, cpuS: r.cpuS });
    }
  }
  return [a, b];
}

module.exports = { runOnce, series, interleaved, firstErrorLine, HAS_GNU_TIME };
