// Detection at four times the detectors: the shipped catalogue grows (issue 20 asks for ~150 detectors), and the
// keyword automaton must keep the scan's cost flat as it does. `syntheticDetectors(n)` makes n plausible prefixed
// detectors (random 4-8 character prefixes, bounded bodies, their own samples) in the `--detectors FILE` shape;
// `scanThroughput` times `catalogue.detect` over every (key, string) of a generated state and plan, in process,
// with the shipped catalogue and with the grown one. The audit section runs the CLI with the same file.
// Never prints a value.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { median } = require("./stats");
const { writeState, writePlan } = require("./generate-inputs");

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A small deterministic generator (mulberry32): the same detectors on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, s) => s[Math.floor(rnd() * s.length)];
const word = (rnd, alphabet, n) => Array.from({ length: n }, () => pick(rnd, alphabet)).join("");
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `n` detectors shaped like vendor token formats: a 4-8 character prefix (lower case with `_` or `-`, upper
 * case with `-`, or mixed with `.`), one or two of them, then 32-48 alphanumerics.
 */
function syntheticDetectors(n, seed = 20) {
  const rnd = prng(seed);
  const used = new Set();
  const prefix = () => {
    for (;;) {
      const len = 4 + Math.floor(rnd() * 5);
      const style = rnd();
      const p = style < 0.6 ? word(rnd, LOWER, len - 1) + pick(rnd, "_-") : style < 0.85 ? word(rnd, UPPER, len - 1) + "-" : word(rnd, LOWER + UPPER, len - 1) + ".";
      if (!used.has(p)) return used.add(p), p;
    }
  };
  const out = [];
  for (let i = 0; i < n; i++) {
    const kws = rnd() < 0.3 ? [prefix(), prefix()] : [prefix()];
    const body = 32 + Math.floor(rnd() * 17);
    const id = `SCALE-${String(i + 1).padStart(3, "0")}`;
    out.push({
      id,
      name: id.toLowerCase(),
      title: `a synthetic scale-test token ${i + 1}`,
      severity: "error",
      explanation: "A synthetic detector: the bench measures the scan with four times the shipped catalogue.",
      fix: "Nothing: bench only.",
      keywords: kws,
      pattern: `(?:${kws.map(escapeRe).join("|")})[A-Za-z0-9]{${body}}`,
      samples: {
        positive: kws.map((k) => ({ value: k + word(rnd, ALNUM, body) })),
        negative: [{ value: kws[0] + word(rnd, ALNUM, 12) }, { value: "not-" + word(rnd, ALNUM, body) }],
      },
    });
  }
  return out;
}

/** Every string of a parsed document with the name of its nearest key, as the audit asks the catalogue. */
function keyedStrings(doc) {
  const out = [];
  const walk = (v, key) => {
    if (typeof v === "string") out.push([key, v]);
    else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === "object") for (const k of Object.keys(v)) walk(v[k], k);
  };
  walk(doc, "");
  return out;
}

/**
 * Throughput of `detect` (MB of string characters per second, median of `rounds`) over the strings of a
 * generated state and plan of `bytes` each, per catalogue. `distDir`: the build to load (dist/ of this tree).
 */
function scanThroughput({ distDir, tmp, bytes, rounds, extra }) {
  const { DetectorCatalogue } = require(path.join(distDir, "guard", "detectors", "catalogue.js"));
  const shipped = DetectorCatalogue.shipped();
  const grown = shipped.withDetectors(extra);
  const inputs = [];
  for (const [kind, write] of [["state", writeState], ["plan", writePlan]]) {
    const file = path.join(tmp, `scale.${kind}.json`);
    write(file, bytes);
    const strings = keyedStrings(JSON.parse(fs.readFileSync(file, "utf8")));
    fs.rmSync(file, { force: true });
    inputs.push({ kind, strings, chars: strings.reduce((a, [, v]) => a + v.length, 0) });
  }
  const rows = [];
  const cats = [["shipped", shipped], ["grown", grown]];
  for (const { kind, strings, chars } of inputs) {
    const row = { kind, strings: strings.length, chars };
    const times = { shipped: [], grown: [] };
    const hits = { shipped: 0, grown: 0 };
    // Rounds interleaved (alternating which goes first), so drift in the machine's load falls on both alike; the
    // first round of each warms the JIT and is not recorded.
    for (let r = 0; r < rounds + 1; r++) {
      for (const [name, cat] of r % 2 ? [...cats].reverse() : cats) {
        let n = 0;
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < strings.length; i++) if (cat.detect(strings[i][0], strings[i][1])) n++;
        const s = Number(process.hrtime.bigint() - t0) / 1e9;
        hits[name] = n;
        if (r > 0) times[name].push(s);
      }
    }
    for (const [name, cat] of cats) row[name] = { detectors: cat.all().length, mbps: chars / 1e6 / median(times[name]), hits: hits[name] };
    rows.push(row);
  }
  return rows;
}

/** The bench's section: in-process scan throughput, shipped vs four times the detectors (plan.scaleBytes inputs). */
function scaleBench({ root, tmp, plan, log }) {
  const dist = path.join(root, "dist");
  const { DetectorCatalogue } = require(path.join(dist, "guard", "detectors", "catalogue.js"));
  const shipped = DetectorCatalogue.shipped().all().length;
  const extra = syntheticDetectors(3 * shipped);
  log(`scan: detect over a ${Math.round(plan.scaleBytes / 2 ** 20) || "<1"} MiB state and plan, ${shipped} and ${4 * shipped} detectors`);
  try {
    return { shipped, total: 4 * shipped, bytes: plan.scaleBytes, rounds: plan.scaleRounds, rows: scanThroughput({ distDir: dist, tmp, bytes: plan.scaleBytes, rounds: plan.scaleRounds, extra }) };
  } catch (e) {
    return { shipped, total: 4 * shipped, failure: String((e && e.message) || e).slice(0, 160) };
  }
}

module.exports = { syntheticDetectors, scanThroughput, scaleBench, keyedStrings, prng };

// `node bench/detector-scale.js [DIST_DIR]`: the in-process figures alone (development), 10 MiB inputs.
if (require.main === module) {
  const os = require("node:os");
  const dist = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist"));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "detector-scale-"));
  try {
    const { DetectorCatalogue } = require(path.join(dist, "guard", "detectors", "catalogue.js"));
    const shippedCount = DetectorCatalogue.shipped().all().length;
    const extra = syntheticDetectors(Math.max(0, 4 * shippedCount - shippedCount));
    for (const r of scanThroughput({ distDir: dist, tmp, bytes: 10 * 2 ** 20, rounds: 5, extra }))
      console.log(`${r.kind}: ${r.strings} strings, ${(r.chars / 1e6).toFixed(1)} MB; shipped (${r.shipped.detectors}) ${r.shipped.mbps.toFixed(0)} MB/s, ${r.shipped.hits} hits; 4x (${r.grown.detectors}) ${r.grown.mbps.toFixed(0)} MB/s, ${r.grown.hits} hits`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
