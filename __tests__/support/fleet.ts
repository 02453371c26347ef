// Fleet configs for tests: N environments x M clients (mutated per test to plant mistakes).
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "./terraform-runner";

// One generator for tests and the benchmark (plain JS, so the bench needs no TypeScript).
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const fleetConfig: (environments: number, clientsPerEnv: number) => any = require("../../bench/fleet").fleetConfig;

export function writeConfig(config: unknown, name = "genesys-oauth.config.json"): string {
  const dir = tempDir("fleet");
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
