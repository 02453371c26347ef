// `npm run synth` as a user types it, in a scratch copy of the committed tree (`git archive HEAD`): cold (the
// first synth after `npm ci`, which builds the app), warm (nothing changed), after a config edit and after a
// TypeScript edit, and `npm run check`. Each is `npm run ...` spawned through npm with the scratch copy as cwd.
//
// With `npmCi` (full and quick modes) the copy gets its own `npm ci` (timed on its own, not part of any synth
// figure); cold repeats then remove what a synth adds to a fresh install (dist/, node_modules/.cache, cdktf.out/,
// the generated validator), since another `npm ci` per run would cost minutes. Without it (smoke mode) the copy
// links this checkout's node_modules and keeps its caches inside the copy, so nothing of this checkout is touched.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { runOnce, series, firstErrorLine } = require("./measure");
const { summarize } = require("./stats");

const NPM_CI_TIMEOUT_S = 1200;
const CONFIG = "genesys-oauth.config.json";
const TS_FILE = "app/client-id.ts";
/** What a synth adds to a fresh `npm ci` of the committed tree (inside the copy; node_modules/.cache for the caches). */
const SYNTH_LEFTOVERS = ["dist", "cdktf.out", "app/config-validator.generated.ts"];

/** The committed tree (HEAD) unpacked into dir; the commit, or { error }. */
function scratchCopy(root, dir) {
  const head = spawnSync("git", ["-C", root, "rev-parse", "HEAD"], { encoding: "utf8" });
  if (head.status !== 0) return { error: `${root} is not a git checkout` };
  const tar = spawnSync("git", ["-C", root, "archive", "--format=tar", "HEAD"], { maxBuffer: 1 << 30 });
  if (tar.status !== 0) return { error: `git archive failed: ${firstErrorLine(String(tar.stderr || ""))}` };
  fs.mkdirSync(dir, { recursive: true });
  const x = spawnSync("tar", ["-x", "-C", dir], { input: tar.stdout });
  if (x.status !== 0) return { error: `unpacking the copy failed: ${firstErrorLine(String(x.stderr || ""))}` };
  return { commit: head.stdout.trim() };
}

/** The user's environment, less anything that would redirect the app or the build (a user's shell has none of it). */
function userEnv(extra) {
  const env = { ...process.env, ...extra };
  for (const k of Object.keys(env)) if (/^(GENESYS_OAUTH_|CDKTF_)/.test(k) && !(k in extra)) delete env[k];
  return env;
}

/** dist/'s files with sizes and modification times: equal snapshots mean no build wrote anything. */
function distSnapshot(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = fs.statSync(p);
        out.push(`${path.relative(dir, p)} ${st.size} ${st.mtimeMs}`);
      }
    }
  };
  if (fs.existsSync(path.join(dir, "dist"))) walk(path.join(dir, "dist"));
  return out.sort().join("\n");
}

/** The synthesized stacks' cdk.tf.json texts, joined. */
function synthOutput(dir) {
  const stacks = path.join(dir, "cdktf.out", "stacks");
  if (!fs.existsSync(stacks)) return "";
  return fs.readdirSync(stacks).map((s) => {
    const f = path.join(stacks, s, "cdk.tf.json");
    return fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "";
  }).join("\n");
}

function userSynthBench({ root, tmp, plan, log }) {
  const u = plan.userSynth;
  const dir = path.join(tmp, "scratch-clone");
  const res = { npmCi: u.npmCi, commands: [], install: null, checks: {} };
  const copy = scratchCopy(root, dir);
  if (copy.error) {
    res.notMeasured = copy.error;
    return res;
  }
  res.commit = copy.commit;
  try {
    const caches = path.join(dir, ".bench-cache");
    const env = u.npmCi ? userEnv({}) : userEnv({ GENESYS_OAUTH_BUILD_CACHE: path.join(caches, "build"), GENESYS_OAUTH_CACHE_DIR: path.join(caches, "code") });
    const cacheDirs = u.npmCi ? [path.join(dir, "node_modules", ".cache")] : [caches];
    const node = (args) => spawnSync(process.execPath, args, { cwd: dir, env, encoding: "utf8" });

    if (u.npmCi) {
      log("user synth: npm ci in the scratch copy");
      const r = runOnce({ cmd: "npm", args: ["ci", "--no-audit", "--no-fund"], cwd: dir, env, timeoutS: NPM_CI_TIMEOUT_S });
      res.install = r.ok ? { stats: summarize({ runs: [r] }) } : { failure: r.error };
      if (!r.ok) {
        res.notMeasured = `npm ci failed: ${r.error}`;
        return res;
      }
    } else {
      fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
    }

    const npmRun = (script) => ({ cmd: "npm", args: ["run", script], cwd: dir, env, timeoutS: 600 });
    const add = (key, label, spec, opts) => {
      log(`user synth: ${label}`);
      const s = series(spec, opts);
      res.commands.push({ key, label, stats: summarize(s), failure: s.failure });
      return s;
    };

    // Cold: the state `npm ci` leaves (nothing built, no caches), then the first synth.
    const cold = add("user-cold", "`npm run synth`, cold: the first after `npm ci` (builds the app)", npmRun("synth"), {
      runs: u.coldRuns,
      warmup: 0,
      before: () => {
        for (const p of SYNTH_LEFTOVERS.map((f) => path.join(dir, f)).concat(cacheDirs)) fs.rmSync(p, { recursive: true, force: true });
      },
      after: () => (synthOutput(dir) ? undefined : "no cdk.tf.json written"),
    });
    if (cold.failure) return res;

    // Warm: unchanged tree. The build must find nothing to do and write nothing.
    const upToDate = node(["scripts/build.js", "app", "--dry-run"]).stdout;
    res.checks.dryRunBeforeWarm = upToDate.trim();
    const distBefore = distSnapshot(dir);
    add("user-warm", "`npm run synth`, warm: unchanged tree", npmRun("synth"), { runs: u.runs, warmup: u.warmup });
    add("user-check", "`npm run check` (validates the config only), warm", npmRun("check"), { runs: u.runs, warmup: u.warmup });

    // A config edit: a new token lifetime each run, which the output must carry; still no build work.
    let lifetime = 0;
    const configFile = path.join(dir, CONFIG);
    add("user-config", `\`npm run synth\` after a config edit (${CONFIG}: a new tokenLifetimeSeconds each run)`, npmRun("synth"), {
      runs: u.runs,
      warmup: 0,
      before: (k) => {
        const text = fs.readFileSync(configFile, "utf8");
        lifetime = 3600 + 60 * (k + 1);
        const next = text.replace(/"tokenLifetimeSeconds": \d+/, `"tokenLifetimeSeconds": ${lifetime}`);
        if (next === text) return `${CONFIG} has no tokenLifetimeSeconds to edit`;
        fs.writeFileSync(configFile, next);
      },
      after: () => (synthOutput(dir).includes(`"access_token_validity_seconds": ${lifetime}`) ? undefined : "the output does not carry the edited token lifetime"),
    });
    res.checks.distUnchanged = distSnapshot(dir) === distBefore;

    // A TypeScript edit: one harmless line appended to an app source each run; the app must be rebuilt.
    const tsFile = path.join(dir, TS_FILE);
    add("user-ts", `\`npm run synth\` after a TypeScript edit (one line appended to ${TS_FILE})`, npmRun("synth"), {
      runs: u.runs,
      warmup: 0,
      before: (k) => {
        fs.appendFileSync(tsFile, `export const benchEdit${k} = ${k};\n`);
        const stale = node(["scripts/build.js", "app", "--dry-run"]).stdout.trim();
        if (k === 0) res.checks.dryRunAfterTsEdit = stale;
        if (!stale.startsWith("stale:")) return `the build does not see the edit to ${TS_FILE} (${stale || "no answer"})`;
      },
      after: () => {
        const now = node(["scripts/build.js", "app", "--dry-run"]).stdout.trim();
        return now === "up to date" ? undefined : `after the synth the app is not up to date (${now})`;
      },
    });
    return res;
  } finally {
    removeCopy(dir);
  }
}

/** Removes the copy; a node_modules link goes first, so nothing can follow it into this checkout's packages. */
function removeCopy(dir) {
  const link = path.join(dir, "node_modules");
  try {
    if (fs.lstatSync(link).isSymbolicLink()) fs.unlinkSync(link);
  } catch {
    // not there
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { userSynthBench, scratchCopy };
