// The app `cdktf synth` runs (precompiled: cdktf.json runs `node dist/app.js`, an esbuild bundle of this file). Reads the fleet config and
// writes one stack per environment. A config mistake prints one line and exits 2; nothing is written.
import { App } from "cdktf";
import { DEFAULT_CONFIG_FILE, loadConfig } from "./app/config";
import { buildApp } from "./app/build-app";
import { GuardError } from "./guard/errors";

function main(): void {
  const file = process.env.GENESYS_OAUTH_CONFIG || DEFAULT_CONFIG_FILE;
  const config = loadConfig(file);
  const app = new App();
  buildApp(app, config);
  app.synth();
}

try {
  main();
} catch (e) {
  if (GuardError.isGuardError(e)) {
    console.error(`error: ${e.message}`);
    process.exit(e.exitCode);
  }
  throw e;
}
