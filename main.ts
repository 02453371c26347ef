// The app `cdktf synth` runs (precompiled: cdktf.json runs `node dist/app.js`, an esbuild bundle of this file). Reads the fleet config and
// writes one stack per environment. A config mistake prints one line and exits 2; nothing is written.
// GENESYS_OAUTH_CHECK_CONFIG=1 only loads the config and builds the stacks (scripts/cdktf.js runs it before
// `cdktf diff` and `cdktf deploy`, so a config mistake is one line there too).
import { App } from "cdktf";
import { DEFAULT_CONFIG_FILE, loadConfig } from "./app/config";
import { buildApp } from "./app/build-app";
import { GuardError } from "./guard/errors";
import { withTargetVersions } from "./engine/target-versions";

function main(): void {
  const file = process.env.GENESYS_OAUTH_CONFIG || DEFAULT_CONFIG_FILE;
  const config = loadConfig(file);
  // CDK Terrain checks write-only arguments against targetVersions (cdktf.json context wins when it has one).
  const app = new App({ context: withTargetVersions() });
  buildApp(app, config);
  if (process.env.GENESYS_OAUTH_CHECK_CONFIG === "1") return;
  app.synth();
}

const ANNOTATION_ERRORS = /^Encountered Annotations with level "ERROR":\n([\s\S]*?)\n\nEither fix/;
// Construct validations (node.addValidation): "Validation failed with the following errors:\n  [path] message".
const VALIDATION_ERRORS = /^Validation failed with the following errors:\n([\s\S]*?)(?:\n\n|$)/;

try {
  main();
} catch (e) {
  if (GuardError.isGuardError(e)) {
    console.error(`error: ${e.message}`);
    process.exit(e.exitCode);
  }
  // Errors the guard (or a construct validation) reported at synth: one line each, never a stack trace.
  const message = String((e as Error)?.message ?? "");
  const annotations = ANNOTATION_ERRORS.exec(message);
  if (annotations) {
    for (const line of annotations[1].split("\n").filter(Boolean)) console.error(`error: ${line}`);
    process.exit(1);
  }
  const validations = VALIDATION_ERRORS.exec(message);
  if (validations) {
    // A construct refused what it was given: a config mistake, like GenesysConfigError.
    for (const line of validations[1].split("\n").map((l) => l.trim()).filter(Boolean)) console.error(`error: ${line}`);
    process.exit(2);
  }
  const first = message.split("\n").find((l) => l.trim()) ?? "";
  console.error(`error: synth failed (${(e as Error)?.name ?? "error"}): ${first.slice(0, 300)}`);
  process.exit(1);
}
