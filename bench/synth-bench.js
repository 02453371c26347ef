// Synth timings: the bare app (esbuild bundle and tsc output), `cdktf synth`, the cdktf template's default way
// (ts-node, root imports of the prebuilt providers) and fleets of growing size.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { series } = require("./measure");
const { summarize, linearFit } = require("./stats");
const { fleetConfig } = require("./fleet");

const CLIENTS_PER_ENV = 20;

/** Resource types and counts of a synthesized stack, to check the baseline builds the same stack. */
function stackShape(file) {
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  const out = [];
  for (const block of ["resource", "data"]) for (const [t, v] of Object.entries(j[block] || {})) out.push(`${block}.${t} x${Object.keys(v).length}`);
  out.push(`provider ${Object.keys(j.provider || {}).sort().join(",")}`);
  out.push(`output x${Object.keys(j.output || {}).length}`);
  out.push(`backend ${JSON.stringify((j.terraform || {}).backend)}`);
  return out.sort().join("\n");
}

/** The template baseline in its own temp folder: main.ts (from main.ts.txt), cdktf.json, tsconfig.json, node_modules link. */
function setUpTemplate(root, dir) {
  const src = path.join(__dirname, "template-baseline");
  fs.mkdirSync(dir, { recursive: true });
  const gen = path.relative(dir, path.join(root, ".gen")).split(path.sep).join("/");
  fs.writeFileSync(path.join(dir, "main.ts"), fs.readFileSync(path.join(src, "main.ts.txt"), "utf8").replaceAll("__GEN__", gen));
  for (const f of ["cdktf.json", "tsconfig.json"]) fs.copyFileSync(path.join(src, f), path.join(dir, f));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
}

function synthBench({ root, tmp, plan, log }) {
  const env = (extra) => ({ ...process.env, CHECKPOINT_DISABLE: "1", ...extra });
  const cdktf = path.join(root, "node_modules", ".bin", "cdktf");
  const opts = { runs: plan.runs, warmup: plan.warmup };
  const res = { commands: [], fleet: [] };
  const add = (key, label, spec, o = opts) => {
    log(`synth: ${label}`);
    const s = series({ timeoutS: 300, ...spec }, o);
    res.commands.push({ key, label, stats: summarize(s), failure: s.failure });
  };

  const appOut = path.join(tmp, "synth-app");
  add("app", "`node dist/app.js` (esbuild bundle)", { cmd: "node", args: ["dist/app.js"], cwd: root, env: env({ CDKTF_OUTDIR: appOut }) });
  add("main", "`node dist/main.js` (tsc output)", { cmd: "node", args: ["dist/main.js"], cwd: root, env: env({ CDKTF_OUTDIR: path.join(tmp, "synth-main") }) });
  const cliOut = path.join(tmp, "synth-cli");
  add("cdktf", "`cdktf synth` (runs `node scripts/app.js`)", { cmd: cdktf, args: ["synth", "--output", cliOut], cwd: root, env: env() });

  if (plan.template) {
    const dir = path.join(tmp, "template");
    setUpTemplate(root, dir);
    // Ours on the template's stack (its config: the same client, delivered to Secrets Manager without rotation), so
    // the comparison is like for like; the default app above also deploys the rotation function.
    const sameOut = path.join(tmp, "synth-same");
    const sameConfig = path.join(__dirname, "template-baseline", "genesys-oauth.config.json");
    add("cdktf-same", "`cdktf synth` of the template's stack (bench/template-baseline/genesys-oauth.config.json)", { cmd: cdktf, args: ["synth", "--output", sameOut], cwd: root, env: env({ GENESYS_OAUTH_CONFIG: sameConfig }) });
    // No warm-up: ts-node keeps no cache between runs, and the project's `cdktf synth` runs just warmed the CLI.
    const tplOpts = { runs: plan.runs, warmup: 0, capS: plan.templateCapS };
    add("template-cdktf", "template: `cdktf synth` (runs `npx ts-node main.ts`)", { cmd: cdktf, args: ["synth", "--output", path.join(dir, "out")], cwd: dir, env: env() }, tplOpts);
    add("template-tsnode", "template: `npx ts-node main.ts` alone", { cmd: "npx", args: ["ts-node", "main.ts"], cwd: dir, env: env({ CDKTF_OUTDIR: path.join(dir, "out2") }) }, { ...tplOpts, runs: plan.templateAloneRuns });
    try {
      const ours = stackShape(path.join(sameOut, "stacks", "gen-integration", "cdk.tf.json"));
      const theirs = stackShape(path.join(dir, "out", "stacks", "gen-integration", "cdk.tf.json"));
      res.templateSameShape = ours === theirs;
    } catch (e) {
      res.templateSameShape = false;
    }
  }

  // Fleets: N environments x 20 clients, the bare app (warmed up by the app series above).
  for (const envs of plan.fleetEnvs) {
    const file = path.join(tmp, `fleet-${envs}.json`);
    fs.writeFileSync(file, JSON.stringify(fleetConfig(envs, CLIENTS_PER_ENV)));
    const out = path.join(tmp, `fleet-out-${envs}`);
    log(`synth: fleet ${envs} x ${CLIENTS_PER_ENV}`);
    const spec = { cmd: "node", args: ["dist/app.js"], cwd: root, env: env({ GENESYS_OAUTH_CONFIG: file, CDKTF_OUTDIR: out }), timeoutS: 300 };
    const s = series(spec, { runs: plan.runs, warmup: plan.fleetWarmup });
    const stacks = fs.existsSync(path.join(out, "stacks")) ? fs.readdirSync(path.join(out, "stacks")).length : 0;
    res.fleet.push({ envs, clients: envs * CLIENTS_PER_ENV, stacks, stats: summarize(s), failure: s.failure });
  }
  res.fleetFit = fleetGrowth(res.fleet);
  return res;
}

/** Per-client cost (slope of time and memory against clients) and how straight the line is (R^2). */
function fleetGrowth(fleet) {
  const ok = fleet.filter((f) => f.stats);
  if (ok.length < 2) return null;
  const xs = ok.map((f) => f.clients);
  const time = linearFit(xs, ok.map((f) => f.stats.wall.median));
  const mem = ok.every((f) => f.stats.rss) ? linearFit(xs, ok.map((f) => f.stats.rss.median)) : null;
  return { time, mem };
}

module.exports = { synthBench, stackShape, CLIENTS_PER_ENV };
