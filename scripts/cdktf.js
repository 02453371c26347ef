#!/usr/bin/env node
// Runs the cdktf CLI for the npm scripts (synth, diff, deploy): no call home (checkpoint), and a
// TF_CLI_CONFIG_FILE that names a missing file is dropped, since Terraform would warn about it on every call.
//
// `--engine cdktn` (or GENESYS_OAUTH_ENGINE=cdktn) runs the same on CDK Terrain: the app bundle dist/app-cdktn.js
// and cdktn-cli, both under Node 22, which scripts/node22.js and scripts/cdktn-cli.js install on first use.
//
// For this project's own app (cdktf.json: `node dist/app.js`):
// - before anything, dist/app.js must exist: one line saying what to run instead of Node's stack trace;
// - `synth` runs the app itself, not the cdktf CLI: the app's own one-line errors and exit codes (2 for a config
//   mistake), no spinner frames in CI logs, then one line per stack naming its folder and guard report. The output
//   folder is emptied first and removed again when synth fails, so nothing stale can pass for its output;
// - `diff` and `deploy` first check the config (GENESYS_OAUTH_CHECK_CONFIG=1), then hand over to the cdktf CLI.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
if (env.TF_CLI_CONFIG_FILE && !fs.existsSync(env.TF_CLI_CONFIG_FILE)) delete env.TF_CLI_CONFIG_FILE;
const { engine, args } = engineOption(process.argv.slice(2), env.GENESYS_OAUTH_ENGINE || "cdktf");
const command = args[0];
env.GENESYS_OAUTH_ENGINE = engine;
/** The app's bundle and the Node that runs it, for the engine chosen. */
const APP_BUNDLE = engine === "cdktn" ? "app-cdktn.js" : "app.js";
const NODE = engine === "cdktn" ? installed("Node 22", () => require("./node22").node22()) : process.execPath;
if (engine === "cdktn") env.PATH = `${path.dirname(NODE)}${path.delimiter}${env.PATH ?? ""}`;

/** `--engine cdktf|cdktn` (anywhere in the arguments), removed from what the CLI gets. */
function engineOption(argv, fallback) {
  let engine = fallback;
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--engine") engine = argv[++i];
    else if (a.startsWith("--engine=")) engine = a.slice("--engine=".length);
    else rest.push(a);
  }
  if (engine !== "cdktf" && engine !== "cdktn") {
    process.stderr.write(`error: --engine must be cdktf or cdktn (got ${JSON.stringify(engine ?? "")})\n`);
    process.exit(2);
  }
  return { engine, args: rest };
}

/** Runs an installer; a failure is one line. */
function installed(what, install) {
  try {
    return install();
  } catch (e) {
    process.stderr.write(`error: installing ${what} failed: ${String(e.message).split("\n")[0]}\n`);
    process.exit(1);
  }
}

function readCdktfJson() {
  try {
    return JSON.parse(fs.readFileSync("cdktf.json", "utf8"));
  } catch {
    return undefined;
  }
}

function cdktfCli(argv) {
  const cli =
    engine === "cdktn"
      ? installed("cdktn-cli", () => require("./cdktn-cli").cdktnCli())
      : path.join(ROOT, "node_modules", "cdktf-cli", "bundle", "bin", "cdktf");
  const r = spawnSync(NODE, [cli, ...argv], { stdio: "inherit", env });
  return r.status ?? 1;
}

/** The value of --output / -o (cdktf's option for the output folder), or undefined. */
function outputOption(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--output" || a === "-o") return argv[i + 1];
    if (a.startsWith("--output=")) return a.slice("--output=".length);
  }
  return undefined;
}

const config = readCdktfJson();
const ownApp = config && /^node\s+(dist\/app|scripts\/app)\.js$/.test(String(config.app).trim());
if (ownApp && ["synth", "synthesize", "diff", "plan", "deploy", "apply"].includes(command)) {
  const bundle = path.resolve("dist", APP_BUNDLE);
  if (!fs.existsSync(bundle)) {
    process.stderr.write(`error: ${path.relative(process.cwd(), bundle)} is missing (the app is not built yet): run \`npm run build\`, or \`npm run ${command === "synthesize" ? "synth" : command}\`, which builds first\n`);
    process.exit(2);
  }
}

if (ownApp && (command === "synth" || command === "synthesize")) {
  const outdir = path.resolve(outputOption(args) ?? config.output ?? "cdktf.out");
  fs.rmSync(outdir, { recursive: true, force: true });
  const r = spawnSync(NODE, [path.resolve("dist", APP_BUNDLE)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...env, CDKTF_OUTDIR: outdir, CDKTF_CONTEXT_JSON: JSON.stringify(config.context ?? {}) },
  });
  const code = r.status ?? 1;
  if (code !== 0) {
    fs.rmSync(outdir, { recursive: true, force: true });
    process.exit(code);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
  const rel = (p) => path.relative(process.cwd(), p) || ".";
  for (const stack of Object.values(manifest.stacks)) {
    for (const a of stack.annotations ?? []) {
      const level = String(a.level).replace("@cdktf/", "").replace("warn", "warning");
      process.stderr.write(`${level}: [${a.constructPath}] ${String(a.message).split("\n")[0]}\n`);
    }
    const dir = path.join(outdir, stack.workingDirectory);
    const report = path.join(dir, "secret-guard.json");
    const guard = fs.existsSync(report) ? `; guard report ${rel(report)} (and .sarif)` : "";
    process.stdout.write(`synthesized stack ${stack.name}: ${rel(path.join(outdir, stack.synthesizedStackPath))}${guard}\n`);
  }
  process.exit(0);
}

if (ownApp && ["diff", "plan", "deploy", "apply"].includes(command)) {
  const check = spawnSync(NODE, [path.resolve("dist", APP_BUNDLE)], { stdio: "inherit", env: { ...env, GENESYS_OAUTH_CHECK_CONFIG: "1" } });
  if (check.status !== 0) process.exit(check.status ?? 1);
}

process.exit(cdktfCli(args));
