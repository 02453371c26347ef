import { DEFAULT_CONFIG_FILE, loadConfig } from "../../app/config";
import { argumentAt } from "../../guard/commands/args";
import type { CommandIO } from "../../guard/commands/io";
import { UsageError } from "../../guard/errors";

/**
 * The fleet config and the one environment a command works on: `--config` (else $GENESYS_OAUTH_CONFIG, else the
 * default file) and `--environment` (required when the config has several). Never echoes the option's value.
 */
export function configEnvironment(
  values: { readonly config?: unknown; readonly environment?: unknown },
  positions: Parameters<typeof argumentAt>[0],
  env: CommandIO["env"],
) {
  const file = (values.config as string | undefined) ?? (env.GENESYS_OAUTH_CONFIG || DEFAULT_CONFIG_FILE);
  const config = loadConfig(file);
  const names = config.environments.map((e) => e.name);
  const wanted = values.environment as string | undefined;
  let environment = config.environments[0];
  if (wanted !== undefined) {
    const found = config.environments.find((e) => e.name === wanted);
    if (!found) throw new UsageError(`${argumentAt(positions, "environment", 0)} is not an environment of ${file}; environments: ${names.join(", ")}`);
    environment = found;
  } else if (config.environments.length !== 1) {
    throw new UsageError(`${file} has ${config.environments.length} environments (${names.join(", ")}); pick one with --environment`);
  }
  return { file, config, environment };
}
