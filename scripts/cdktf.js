#!/usr/bin/env node
// The app's commands: `npm run synth|check|diff|deploy -- [flags]` (scripts/launcher/commands.js lists them and
// their flags). For this project's app (cdktf.json runs scripts/app.js):
// - flags are read first: an unknown one is one line naming it (and the closest known one), exit 2, nothing done;
// - the output folder is checked before anything is written (scripts/launcher/output-folder.js): a slip can never
//   name a folder to delete;
// - the build runs only when its inputs changed (scripts/build.js), and only the parts the command needs;
// - synth runs the app itself, through scripts/app.js as `npx cdktf synth` does (one launcher path, its code
//   cache included), into a folder beside the output, swapped in when complete; a config mistake is the app's
//   one line, exit 2, and the earlier output is removed so nothing stale can pass for it;
// - diff and deploy synthesize the same way, check the credentials the deploy needs (`secret-guard preflight`) so
//   a missing one is one line before Terraform starts, then hand over to the cdktf CLI with --skip-synth.
// For any other app in cdktf.json, the arguments go to the cdktf CLI as they are.
// `--engine cdktn` (or GENESYS_OAUTH_ENGINE=cdktn) runs the same on CDK Terrain, under Node 22.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { COMMANDS, commandNamed } = require("./launcher/commands");
const { parseArgs, helpText, closest, describe, UsageError } = require("./launcher/args");
const { checkOutputFolder, besideFolder, swapIn, removeStale, isSynthOutput } = require("./launcher/output-folder");
const { noteEndOfLife } = require("./launcher/node-support");

const ROOT = path.resolve(__dirname, "..");
const ENGINES = ["cdktf", "cdktn"];

function fail(message, code = 2) {
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}

/** The environment every child gets: no call home (checkpoint), no Terraform CLI config that names a missing file. */
function baseEnv() {
  const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
  if (env.TF_CLI_CONFIG_FILE && !fs.existsSync(env.TF_CLI_CONFIG_FILE)) delete env.TF_CLI_CONFIG_FILE;
  return env;
}

/** cdktf.json, or undefined when there is none; one line, exit 2, when it is not valid JSON. */
function readCdktfJson() {
  let text;
  try {
    text = fs.readFileSync("cdktf.json", "utf8");
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return fail(`cdktf.json is not valid JSON (${String(e.message).split("\n")[0]}); fix it, or restore it with git checkout cdktf.json`);
  }
}

/** Node 22 when this Node cannot run what a step needs (scripts/node22.js decides); an install failure is one line. */
function nodeOr22(choose, what) {
  try {
    return choose();
  } catch (e) {
    return fail(`installing Node 22 for ${what} failed: ${String(e.message).split("\n")[0]}`, 1);
  }
}

/** The Node that runs the app: CDK Terrain needs Node >= 22.19. */
function nodeFor(engine) {
  return engine === "cdktn" ? nodeOr22(require("./node22").nodeForCdkTerrain, "CDK Terrain") : process.execPath;
}

/** The Node that runs the engine's CLI (cdktf-cli 0.21 starts only on Node 22 and older). */
function cliNodeFor(engine) {
  return engine === "cdktn" ? nodeFor(engine) : nodeOr22(require("./node22").nodeForCdktfCli, "the cdktf CLI");
}

function cliFor(engine) {
  if (engine !== "cdktn") return path.join(ROOT, "node_modules", "cdktf-cli", "bundle", "bin", "cdktf");
  try {
    return require("./cdktn-cli").cdktnCli();
  } catch (e) {
    return fail(`installing cdktn-cli failed: ${String(e.message).split("\n")[0]}`, 1);
  }
}

/** Any other app: the cdktf CLI with the arguments as given (only --engine is taken out). */
function passThrough(argv, env) {
  let engine = env.GENESYS_OAUTH_ENGINE || "cdktf";
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--engine") engine = argv[++i];
    else if (argv[i].startsWith("--engine=")) engine = argv[i].slice("--engine=".length);
    else rest.push(argv[i]);
  }
  if (!ENGINES.includes(engine)) fail(`--engine must be cdktf or cdktn (got ${JSON.stringify(engine ?? "")})`);
  const r = spawnSync(cliNodeFor(engine), [cliFor(engine), ...rest], { stdio: "inherit", env: { ...env, GENESYS_OAUTH_ENGINE: engine } });
  process.exit(r.status ?? 1);
}

function usage() {
  const lines = ["usage: npm run <command> -- [flags]   (or node scripts/cdktf.js <command> [flags])", "", "Commands:"];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(8)}${c.summary}`);
  lines.push("", "Each command's flags: npm run <command> -- --help");
  return lines.join("\n") + "\n";
}

/** The config file the app will read, checked to exist now rather than after a build. */
function configFile(own, env) {
  const [file, from] = own.config !== undefined ? [own.config, "--config"] : env.GENESYS_OAUTH_CONFIG ? [env.GENESYS_OAUTH_CONFIG, "GENESYS_OAUTH_CONFIG"] : ["genesys-oauth.config.json", "the default config"];
  if (file.trim() === "") fail(`${from} needs a file name (got an empty value)`);
  let stat;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    fail(`${from} ${JSON.stringify(file)}: no such file (${e.code}); give an existing fleet config, e.g. --config genesys-oauth.config.json`);
  }
  if (!stat.isFile()) fail(`${from} ${JSON.stringify(file)} is not a file; give a fleet config (.json)`);
  return file;
}

/** The output folder: --output, cdktf.json's output or cdktf.out; throws UsageError when a slip could name it. */
function outputFolder(own, cdktfJson) {
  const [value, flag] = own.output !== undefined ? [own.output, "--output"] : cdktfJson.output !== undefined ? [cdktfJson.output, "cdktf.json's output"] : ["cdktf.out", "the default output folder"];
  return checkOutputFolder(value, flag, { project: ROOT });
}

/** Runs the app (scripts/app.js, as cdktf.json does). */
function runApp(engine, env, extra) {
  const r = spawnSync(nodeFor(engine), [path.join(ROOT, "scripts", "app.js")], { stdio: ["ignore", "inherit", "inherit"], env: { ...env, ...extra } });
  if (r.error) fail(`could not run the app: ${r.error.message}`, 1);
  return r.status ?? 1;
}

/**
 * Synthesizes into a folder beside `outdir` (not yet swapped in: see putInPlace). On failure removes it, and the
 * earlier output too (it no longer matches the config), and exits with the app's code.
 */
function synthesize(engine, env, outdir, cdktfJson) {
  const next = besideFolder(outdir, "next");
  const code = runApp(engine, env, { CDKTF_OUTDIR: next, CDKTF_CONTEXT_JSON: JSON.stringify(cdktfJson.context ?? {}) });
  if (code !== 0 || !isSynthOutput(next)) {
    fs.rmSync(next, { recursive: true, force: true });
    removeStale(outdir);
    if (code === 0) fail("the app exited without writing a cdktf manifest.json (did it call app.synth()?)", 1);
    process.exit(code);
  }
  return { next, manifest: JSON.parse(fs.readFileSync(path.join(next, "manifest.json"), "utf8")) };
}

/** Swaps a finished synth in place of `outdir`. */
function putInPlace(next, outdir) {
  try {
    swapIn(next, outdir);
  } catch (e) {
    fs.rmSync(next, { recursive: true, force: true });
    fail(e instanceof UsageError ? e.message : `could not put the output in place: ${e.message}`, 1);
  }
}

/** One line per stack (its cdk.tf.json and guard report), and the stacks' annotations, as synth reports them. */
function reportStacks(outdir, manifest) {
  const rel = (p) => path.relative(process.cwd(), p) || ".";
  for (const stack of Object.values(manifest.stacks)) {
    for (const a of stack.annotations ?? []) {
      const level = String(a.level).replace(/^@cdk[a-z]+\//, "").replace("warn", "warning");
      process.stderr.write(`${level}: [${a.constructPath}] ${String(a.message).split("\n")[0]}\n`);
    }
    const report = path.join(outdir, stack.workingDirectory, "secret-guard.json");
    const guard = fs.existsSync(report) ? `; guard report ${rel(report)} (and .sarif)` : "";
    process.stdout.write(`synthesized stack ${stack.name}: ${rel(path.join(outdir, stack.synthesizedStackPath))}${guard}\n`);
  }
}

/**
 * Stack names given to diff/deploy must be stacks of this config. A name that is not one is never echoed (it may
 * be a secret pasted in the wrong place); the closest stack is named instead.
 */
function checkStacks(stacks, manifest, command) {
  const known = Object.keys(manifest.stacks);
  const unknown = stacks.filter((s) => !known.includes(s));
  if (!unknown.length) return undefined;
  const near = closest(unknown[0], known);
  return `npm run ${command}: argument ${stacks.indexOf(unknown[0]) + 1} is not a stack of this config (not shown)${near ? ` (did you mean ${near}?)` : ""}; its stacks: ${known.join(", ")}`;
}

/** Credentials the deploy needs, checked before Terraform starts (`secret-guard preflight`); exits 2 when missing. */
function preflight(outdir, stacks, env) {
  const cli = path.join(ROOT, "dist", "secret-guard.js");
  const r = spawnSync(process.execPath, [cli, "preflight", outdir, ...stacks.flatMap((s) => ["--stack", s])], { stdio: ["ignore", "inherit", "inherit"], env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function main() {
  const env = baseEnv();
  const argv = process.argv.slice(2);
  const cdktfJson = readCdktfJson();
  const ownApp = cdktfJson && /^node\s+(\.\/)?(dist\/app|scripts\/app)\.js$/.test(String(cdktfJson.app).trim());
  if (!ownApp) return passThrough(argv, env);

  const word = argv[0];
  if (word === undefined || word === "--help" || word === "-h" || word === "help") {
    process[word === undefined ? "stderr" : "stdout"].write(usage());
    process.exit(word === undefined ? 2 : 0);
  }
  const command = commandNamed(word);
  if (!command) {
    const shape = /^[a-z][a-z-]{0,30}$/.test(word);
    const near = shape ? closest(word, Object.keys(COMMANDS)) : undefined;
    fail(`unknown command ${shape ? JSON.stringify(word) : describe(word)}${near ? ` (did you mean ${near}?)` : ""}; commands: ${Object.keys(COMMANDS).join(", ")}`);
  }
  const { own, cli, stacks } = parseArgs(command, argv.slice(1));
  if (own.help) {
    process.stdout.write(helpText(command));
    process.exit(0);
  }
  const engine = own.engine ?? env.GENESYS_OAUTH_ENGINE ?? "cdktf";
  if (!ENGINES.includes(engine)) fail(`${own.engine !== undefined ? "--engine" : "GENESYS_OAUTH_ENGINE"} must be cdktf or cdktn (got ${JSON.stringify(engine)})`);
  env.GENESYS_OAUTH_ENGINE = engine;
  env.GENESYS_OAUTH_CONFIG = configFile(own, env);
  // Checked for every command, check included (it answers whether synth would run), before any work.
  const outdir = outputFolder(own, cdktfJson);
  noteEndOfLife(env);

  const app = engine === "cdktn" ? "app-cdktn" : "app";
  await require("./build").buildOrExit(command === "diff" || command === "deploy" ? [app, "cli"] : [app]);

  if (command === "check") {
    process.exit(runApp(engine, env, { GENESYS_OAUTH_CHECK_CONFIG: "1" }));
  }
  const skipSynth = cli.includes("--skip-synth");
  let manifest;
  if (skipSynth) {
    if (!isSynthOutput(outdir)) fail(`--skip-synth: ${path.relative(process.cwd(), outdir) || "."} holds no synth output; run npm run synth first, or leave out --skip-synth`);
    manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    const wrong = checkStacks(stacks, manifest, command);
    if (wrong) fail(wrong);
  } else {
    const synth = synthesize(engine, env, outdir, cdktfJson);
    manifest = synth.manifest;
    // A mistyped stack is refused before the new output replaces the last one.
    const wrong = checkStacks(stacks, manifest, command);
    if (wrong) {
      fs.rmSync(synth.next, { recursive: true, force: true });
      fail(wrong);
    }
    putInPlace(synth.next, outdir);
  }
  if (command === "synth") {
    reportStacks(outdir, manifest);
    process.exit(0);
  }
  preflight(outdir, stacks, env);
  const args = [command, ...stacks, "--output", outdir, ...(skipSynth ? [] : ["--skip-synth"]), ...cli];
  // Off a terminal (a CI log, a pipe), the cdktf CLI's spinner would print a frame per tick: CI mode renders final
  // lines only, and FORCE_COLOR=0 is its documented default for --no-color.
  const cliEnv = process.stdout.isTTY ? env : { ...env, CI: env.CI || "1", FORCE_COLOR: "0" };
  const r = spawnSync(cliNodeFor(engine), [cliFor(engine), ...args], { stdio: "inherit", env: cliEnv });
  process.exit(r.status ?? 1);
}

// A usage mistake (UsageError, from the flags or the output folder) is one line, exit 2.
main().catch((e) => (e instanceof UsageError ? fail(e.message) : fail(`internal error: ${e.message}`, 1)));
