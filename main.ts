// The app (`npm run synth`, `npx cdktf synth`: cdktf.json runs scripts/app.js, which loads dist/app.js, an esbuild
// bundle of this file). Reads the fleet config and writes one stack per environment. A config mistake prints one
// line and exits 2; nothing is written.
// GENESYS_OAUTH_CHECK_CONFIG=1 (`npm run check`) runs every check synth runs (the config, the constructs'
// validations, the guard) on a synth into a temporary folder, removed again, and says the config is fine.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AnnotationMetadataEntryType, App } from "cdktf";
import type { IConstruct } from "constructs";
import { DEFAULT_CONFIG_FILE, loadConfig } from "./app/config";
import { buildApp } from "./app/build-app";
import { GuardError } from "./guard/errors";
import { withTargetVersions } from "./engine/target-versions";
import { recordCreationTraces } from "./guard/synth/creation-traces";

/** What the construct tree reports, told apart by kind (validations refuse input; error annotations fail synth). */
interface TreeProblems {
  validations: string[];
  errors: string[];
}

function treeProblems(app: App): TreeProblems {
  const validations: string[] = [];
  const errors: string[] = [];
  for (const c of app.node.findAll() as IConstruct[]) {
    for (const message of c.node.validate()) validations.push(`[${c.node.path}] ${message}`);
    for (const m of c.node.metadata) if (m.type === AnnotationMetadataEntryType.ERROR) errors.push(`[${c.node.path}] ${String(m.data)}`);
  }
  return { validations, errors };
}

function firstLine(text: string): string {
  return text.split("\n").find((l) => l.trim()) ?? "";
}

function main(): void {
  // Where each construct is created, for the guard to name the app's line behind a finding (not written otherwise).
  recordCreationTraces();
  const file = process.env.GENESYS_OAUTH_CONFIG || DEFAULT_CONFIG_FILE;
  const config = loadConfig(file);
  const check = process.env.GENESYS_OAUTH_CHECK_CONFIG === "1";
  const outdir = check ? fs.mkdtempSync(path.join(os.tmpdir(), "genesys-oauth-check-")) : undefined;
  try {
    // CDK Terrain checks write-only arguments against targetVersions (cdktf.json context wins when it has one).
    const app = new App({ context: withTargetVersions(), ...(outdir ? { outdir } : {}) });
    const stacks = buildApp(app, config);
    synth(app);
    if (check) {
      const names = stacks.map((s) => s.node.id);
      console.log(`config ok: ${file} (${names.length} environment${names.length === 1 ? "" : "s"}; stack${names.length === 1 ? "" : "s"} ${names.join(", ")})`);
    }
  } finally {
    if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function synth(app: App): void {
  try {
    app.synth();
  } catch (e) {
    // Synth failed: the tree says why. A construct refused what it was given (a config mistake, like
    // GenesysConfigError), or the guard (or another construct) reported an error: one line each, no stack trace.
    if (GuardError.isGuardError(e)) throw e;
    const { validations, errors } = treeProblems(app);
    if (validations.length) return report(validations, 2);
    if (errors.length) return report(errors, 1);
    throw e;
  }
}

/** One line per problem, then the exit code (2: the input was refused). Thrown so `finally` cleans up first. */
class Reported extends Error {
  constructor(public readonly exitCode: number) {
    super("reported");
  }
}

function report(lines: string[], code: number): never {
  for (const line of lines) console.error(`error: ${firstLine(line)}`);
  throw new Reported(code);
}

try {
  main();
} catch (e) {
  if (e instanceof Reported) process.exit(e.exitCode);
  if (GuardError.isGuardError(e)) {
    console.error(`error: ${e.message}`);
    process.exit(e.exitCode);
  }
  console.error(`error: synth failed (${(e as Error)?.name ?? "error"}): ${firstLine(String((e as Error)?.message ?? "")).slice(0, 300)}`);
  process.exit(1);
}
