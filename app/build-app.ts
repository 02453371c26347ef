import { App } from "cdktf";
import { FleetConfig } from "./config";
import { GenesysOAuthEnvironmentStack } from "./environment-stack";

/** One stack per environment in the config. */
export function buildApp(app: App, config: FleetConfig, env: NodeJS.ProcessEnv = process.env): GenesysOAuthEnvironmentStack[] {
  return config.environments.map((environment) => new GenesysOAuthEnvironmentStack(app, { environment, file: config.file, env }));
}
