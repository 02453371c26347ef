// The app's commands and the flags each takes, as data: what `npm run synth|check|diff|deploy -- ...` accepts.
// Flags of our own (--config, --output, --engine) are read by the launcher; the cdktf CLI's own flags for diff and
// deploy (cdktf-cli 0.21 and cdktn-cli 0.24 take the same ones, read from their yargs definitions) are checked here
// and passed on. Anything else is refused before any work is done.
"use strict";

/** kind: "value" takes one value (--x V or --x=V), "flag" takes none, "list" is a value that may repeat. */
const OWN = {
  config: { kind: "value", help: "the fleet config file (default: $GENESYS_OAUTH_CONFIG or genesys-oauth.config.json)" },
  output: { kind: "value", short: "o", help: "the output folder (default: cdktf.json's output or cdktf.out)" },
  engine: { kind: "value", help: "cdktf (default, or $GENESYS_OAUTH_ENGINE) or cdktn (CDK Terrain, Node 22)" },
  help: { kind: "flag", short: "h", help: "show this help" },
};

/** The cdktf CLI's flags every command takes (logging, plugin cache). */
const CLI_COMMON = {
  "log-level": { kind: "value" },
  "log-file-directory": { kind: "value" },
  "disable-plugin-cache-env": { kind: "flag" },
};

const DIFF = {
  "refresh-only": { kind: "flag" },
  "terraform-parallelism": { kind: "value" },
  var: { kind: "list" },
  "var-file": { kind: "list" },
  "no-color": { kind: "flag" },
  "migrate-state": { kind: "flag" },
  "skip-provider-lock": { kind: "flag" },
  "skip-synth": { kind: "flag" },
  ...CLI_COMMON,
};

const DEPLOY = {
  ...DIFF,
  "auto-approve": { kind: "flag" },
  "outputs-file": { kind: "value" },
  "outputs-file-include-sensitive-outputs": { kind: "flag" },
  "ignore-missing-stack-dependencies": { kind: "flag" },
  parallelism: { kind: "value" },
};

/** Flags the cdktf CLI has that this app refuses, and why (one line each). */
const REFUSED = {
  app: "the app is this project's (cdktf.json); run `npx cdktf` in a project of your own for another app",
  hcl: "synth writes JSON only: HCL output drops the ephemeral blocks the stacks rely on",
  "check-code-maker-output": "this project's bindings are checked by `npm run gen:check`",
};

const COMMANDS = {
  synth: { aliases: ["synthesize"], summary: "synthesize one Terraform stack per environment, with the guard's reports", cli: {}, stacks: 0 },
  // Writes nothing; an --output folder is checked as synth would check it.
  check: { aliases: ["validate"], summary: "check the config (and --output) as synth would, writing nothing", cli: {}, stacks: 0 },
  diff: { aliases: ["plan"], summary: "synthesize, check credentials, then `cdktf diff [STACK]`", cli: DIFF, stacks: 1 },
  deploy: { aliases: ["apply"], summary: "synthesize, check credentials, then `cdktf deploy [STACK...]`", cli: DEPLOY, stacks: Infinity },
};

/** The command named by `word` (an alias included), or undefined. */
function commandNamed(word) {
  return Object.keys(COMMANDS).find((name) => name === word || COMMANDS[name].aliases.includes(word));
}

module.exports = { OWN, COMMANDS, REFUSED, commandNamed };
