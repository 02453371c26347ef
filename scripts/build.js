#!/usr/bin/env node
// `npm run build`, and the build every command runs first: incremental, and never in place.
//
// - A step (scripts/build-steps.js) runs only when one of its inputs changed since the build dist/ holds: on an
//   unchanged tree nothing runs, and the check costs a few milliseconds (file sizes and times, a hash only when
//   those moved).
// - Steps write into a staging folder (node_modules/.cache/genesys-oauth-cdktf/build, so `npm ci` starts afresh);
//   only when every step has succeeded is dist/ brought up to date, file by file, each file replaced by a rename.
//   dist/ is never missing or half-written while a command runs from it, and a failed build leaves it as it was.
// - A step still running after about two seconds prints one line saying what it does.
// - Two builds at once (a test run and a synth) take turns through a lock file.
//
// `node scripts/build.js [TARGET]` (all, app, app-cdktn, cli; default all); `--dry-run` lists the stale steps,
// `--verbose` says which steps ran.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { spawn } = require("node:child_process");
const { STEPS, TARGETS, TOOLCHAIN } = require("./build-steps");
const { acquireLock } = require("./file-lock");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
// GENESYS_OAUTH_BUILD_CACHE moves it (the tests build scratch copies of the project that share node_modules).
const CACHE = process.env.GENESYS_OAUTH_BUILD_CACHE ? path.resolve(process.env.GENESYS_OAUTH_BUILD_CACHE) : path.join(ROOT, "node_modules", ".cache", "genesys-oauth-cdktf");
const STAGE = path.join(CACHE, "build");
const LOCK = path.join(CACHE, "build.lock");
const STATE = ".build-state.json";
/** Staging-only files: never copied into dist/. */
const STAGE_ONLY = new Set([STATE, ".tsbuildinfo", ".inputs"]);
const PROGRESS_AFTER_MS = Number(process.env.GENESYS_OAUTH_BUILD_PROGRESS_MS ?? 1500);
const STATE_VERSION = 1;
const PARALLEL = Math.max(1, Math.min(2, require("node:os").availableParallelism?.() ?? 2));

class BuildError extends Error {}

/** The steps a target (or several) needs, dependencies first. */
function stepsFor(target) {
  const wanted = [];
  for (const t of [].concat(target)) {
    if (!TARGETS[t]) throw new BuildError(`unknown build target ${t} (allowed: ${Object.keys(TARGETS).join(", ")})`);
    wanted.push(...TARGETS[t]);
  }
  const byId = new Map(STEPS.map((s) => [s.id, s]));
  const order = [];
  const visit = (id) => {
    if (order.includes(id)) return;
    for (const need of byId.get(id).needs) visit(need);
    order.push(id);
  };
  wanted.forEach(visit);
  return order.map((id) => byId.get(id));
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function readState(dir) {
  const s = readJson(path.join(dir, STATE));
  return s && s.version === STATE_VERSION ? s : { version: STATE_VERSION, steps: {} };
}

/** *.ts and *.json files under a folder (relative to ROOT; JSON is imported by the TS), missing folders empty. */
function sourceFiles(dir) {
  const out = [];
  const walk = (rel) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules") walk(r);
      } else if (e.name.endsWith(".ts") || e.name.endsWith(".json")) out.push(r);
    }
  };
  walk(dir);
  return out;
}

/** The input files a bundle step recorded in the staging folder when it last ran (see build-output.js). */
function recordedInputs(step) {
  const recorded = readJson(path.join(STAGE, ".inputs", `${step.id}.json`));
  return Array.isArray(recorded) ? recorded : undefined;
}

/** The files a step's output depends on, as paths relative to ROOT. */
function inputFiles(step, recorded) {
  const files = [step.script, ...TOOLCHAIN, ...(step.inputs.files ?? [])];
  for (const dir of step.inputs.dirs ?? []) files.push(...sourceFiles(dir));
  if (step.inputs.recorded) {
    if (!recorded) return undefined;
    files.push(...recorded);
  }
  return [...new Set(files)].sort();
}

/**
 * A digest of the step's inputs. `known` maps a file to [mtimeMs, size, sha256] from the last build: a file whose
 * time and size are unchanged is not read again. Returns undefined when the step's input list is not known.
 */
function digest(step, recorded, known, seen) {
  const files = inputFiles(step, recorded);
  if (!files) return undefined;
  const h = crypto.createHash("sha256").update(`${step.id}\0${(step.args ?? []).join(" ")}\0`);
  for (const rel of files) {
    let stat;
    try {
      stat = fs.statSync(path.join(ROOT, rel));
    } catch {
      h.update(`${rel}\0missing\0`);
      continue;
    }
    const k = known[rel];
    let sha;
    if (k && k[0] === stat.mtimeMs && k[1] === stat.size) sha = k[2];
    else sha = crypto.createHash("sha256").update(fs.readFileSync(path.join(ROOT, rel))).digest("hex");
    seen[rel] = [stat.mtimeMs, stat.size, sha];
    h.update(`${rel}\0${sha}\0`);
  }
  return h.digest("hex");
}

/** The steps of `target` whose inputs changed since the build `dir` holds. */
function staleSteps(target, dir) {
  const state = readState(dir);
  const seen = {};
  return stepsFor(target).filter((step) => {
    const last = state.steps[step.id];
    return !last || digest(step, last.inputs, state.files ?? {}, seen) !== last.digest;
  });
}

/** Takes the build lock (waiting for another build to finish); a lock whose process is gone is taken over. */
function lock() {
  fs.mkdirSync(CACHE, { recursive: true });
  return acquireLock(LOCK, { onWait: (holder) => process.stderr.write(`build: waiting for another build (process ${holder})\n`) });
}

/** Runs one step's script with the staging folder as its output; one progress line if it takes a while. */
function runStep(step) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, step.script), ...(step.args ?? [])], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, GENESYS_OAUTH_BUILD_OUT: STAGE },
    });
    const timer = setTimeout(() => process.stderr.write(`build: ${step.title}...\n`), PROGRESS_AFTER_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? undefined : `build step ${step.id} (${step.script}) failed${signal ? ` (${signal})` : ""}; see above`);
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve(`build step ${step.id} could not start: ${e.message}`);
    });
  });
}

/** Every file under `dir`, relative, skipping the staging-only names at its top. */
function listFiles(dir) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (!rel && STAGE_ONLY.has(e.name)) continue;
      const r = rel ? path.join(rel, e.name) : e.name;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  if (fs.existsSync(dir)) walk("");
  return out;
}

function sameFile(a, b) {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.size === sb.size && fs.readFileSync(a).equals(fs.readFileSync(b));
  } catch {
    return false;
  }
}

/** Writes `from`'s bytes to `to` through a temporary file beside it and a rename: `to` is never half-written. */
function replaceFile(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.tmp`;
  fs.copyFileSync(from, tmp);
  fs.renameSync(tmp, to);
}

/**
 * Brings dist/ to the staging folder's content: changed files replaced one by one (the single-file bundles at the
 * top of dist/ last, once the modules beside them are in place), then files the build no longer makes removed.
 */
function publish() {
  const staged = listFiles(STAGE);
  const top = (f) => !f.includes(path.sep);
  const ordered = [...staged.filter((f) => !top(f)), ...staged.filter(top)];
  for (const rel of ordered) {
    const from = path.join(STAGE, rel);
    const to = path.join(DIST, rel);
    if (!sameFile(from, to)) replaceFile(from, to);
  }
  const keep = new Set(staged);
  for (const rel of listFiles(DIST)) if (!keep.has(rel) && rel !== STATE) fs.rmSync(path.join(DIST, rel));
  removeEmptyFolders(DIST);
  // dist/'s record: the staging state, plus every file published with its size, so a file deleted or changed in
  // dist/ by hand is noticed (distIntact) and put back.
  const state = readState(STAGE);
  state.outputs = Object.fromEntries(staged.map((rel) => [rel, fs.statSync(path.join(DIST, rel)).size]));
  const tmp = path.join(DIST, `${STATE}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, path.join(DIST, STATE));
}

/** The published files of dist/ that are missing or changed in size since the build published them. */
function distDamage() {
  const state = readState(DIST);
  // A dist/ built before this record existed (or by hand) is taken as damaged once: it is republished.
  if (!state.outputs) return Object.keys(state.steps).length ? ["(no record of the published files)"] : [];
  const outputs = state.outputs;
  return Object.entries(outputs).filter(([rel, size]) => {
    try {
      return fs.statSync(path.join(DIST, rel)).size !== size;
    } catch {
      return true;
    }
  }).map(([rel]) => rel);
}

function removeEmptyFolders(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const p = path.join(dir, e.name);
    removeEmptyFolders(p);
    if (fs.readdirSync(p).length === 0) fs.rmdirSync(p);
  }
}

/** A staging folder lost (`npm ci` empties node_modules) starts from what dist/ holds, so no output goes missing. */
function seedStage() {
  if (fs.existsSync(path.join(STAGE, STATE)) || !fs.existsSync(path.join(DIST, STATE)) || distDamage().length) return;
  fs.rmSync(STAGE, { recursive: true, force: true });
  fs.cpSync(DIST, STAGE, { recursive: true });
}

/**
 * Runs the stale steps, each once the steps it needs are done, two at a time (tsc and the cdktn build, the two long
 * ones, overlap). A step is stale when the digest of its inputs differs from the one it was last built from.
 */
async function runStale(steps, state) {
  const ran = [];
  const done = new Set();
  const running = new Map();
  let failure;
  const pending = [...steps];
  while ((pending.length || running.size) && !failure) {
    const ready = pending.filter((s) => s.needs.every((n) => done.has(n) || !steps.some((t) => t.id === n)));
    for (const step of ready) {
      if (running.size >= PARALLEL) break;
      pending.splice(pending.indexOf(step), 1);
      const last = state.steps[step.id];
      if (last && digest(step, last.inputs, state.files, {}) === last.digest) {
        done.add(step.id);
        continue;
      }
      running.set(step.id, runStep(step).then((f) => ({ step, f })));
    }
    if (!running.size) continue;
    const { step, f } = await Promise.race(running.values());
    running.delete(step.id);
    if (f) {
      // The step's own record is dropped: whatever it half-wrote in staging is rebuilt next time.
      delete state.steps[step.id];
      failure = f;
      continue;
    }
    const seen = {};
    const inputs = step.inputs.recorded ? recordedInputs(step) : undefined;
    if (step.inputs.recorded && !inputs) failure = `build step ${step.id} recorded no input list`;
    else {
      state.steps[step.id] = { digest: digest(step, inputs, state.files, seen), ...(inputs ? { inputs } : {}) };
      Object.assign(state.files, seen);
      ran.push(step.id);
      done.add(step.id);
    }
  }
  // Let a step still running finish before the staging state is written (its output is not published).
  await Promise.all(running.values());
  if (failure) {
    fs.writeFileSync(path.join(STAGE, STATE), JSON.stringify(state));
    throw new BuildError(failure);
  }
  return ran;
}

/**
 * Brings dist/ up to date for `target`. Returns the ids of the steps that ran (empty when nothing had to).
 * Throws BuildError (its message one line) when a step fails; dist/ is then untouched.
 */
async function build(target = "all") {
  // Up to date: no step's inputs changed, and dist/ still holds what was published (else it is put back).
  if (staleSteps(target, DIST).length === 0 && distDamage().length === 0) return [];
  const unlock = lock();
  try {
    seedStage();
    fs.mkdirSync(STAGE, { recursive: true });
    const state = readState(STAGE);
    state.files ??= {};
    const ran = await runStale(stepsFor(target), state);
    fs.writeFileSync(path.join(STAGE, STATE), JSON.stringify(state));
    publish();
    return ran;
  } finally {
    unlock();
  }
}

/** build(), for a command that runs what it builds: a failed build is its own lines (above) and one more, exit 1. */
async function buildOrExit(target) {
  try {
    return await build(target);
  } catch (e) {
    process.stderr.write(`error: ${e instanceof BuildError ? e.message : `build failed: ${e.message}`}\n`);
    process.exit(1);
  }
}

module.exports = { build, buildOrExit, BuildError };

if (require.main === module) {
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const verbose = args.includes("--verbose");
  const rest = args.filter((a) => a !== "--dry-run" && a !== "--verbose");
  const bad = rest.find((a) => a.startsWith("-")) ?? rest[1];
  if (bad !== undefined) {
    process.stderr.write(`error: unknown argument to scripts/build.js: ${/^--?[a-z][a-z-]*$/.test(bad) ? bad : "(not shown)"}; usage: node scripts/build.js [${Object.keys(TARGETS).join("|")}] [--dry-run] [--verbose]\n`);
    process.exit(2);
  }
  const target = rest[0] ?? "all";
  if (!TARGETS[target]) {
    process.stderr.write(`error: unknown build target ${/^[a-z][a-z-]{0,30}$/.test(target) ? target : "(not shown)"}; allowed: ${Object.keys(TARGETS).join(", ")}\n`);
    process.exit(2);
  }
  const damaged = distDamage().length;
  const files = (n) => `${n} file${n === 1 ? "" : "s"}`;
  if (dryRun) {
    const stale = staleSteps(target, DIST).map((s) => s.id);
    if (damaged) stale.push(`dist/ (${files(damaged)} missing or changed since the build)`);
    process.stdout.write(stale.length ? `stale: ${stale.join(", ")}\n` : "up to date\n");
    process.exit(0);
  }
  buildOrExit(target).then((ran) => {
    const restored = damaged ? `; dist/ restored (${files(damaged)})` : "";
    if (verbose) process.stdout.write(ran.length ? `built: ${ran.join(", ")}${restored}\n` : `built: nothing${restored || " (up to date)"}\n`);
    process.exit(0);
  });
}
