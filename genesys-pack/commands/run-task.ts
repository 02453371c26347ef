import { runTaskCommand } from "../../guard/commands/run-task";
import { GENESYS_OAUTH_PACKS } from "../genesys-rule-pack";

/** The generic run task server, with this project's rule packs (as `audit` has them). */
const command = runTaskCommand({ packs: GENESYS_OAUTH_PACKS });
export const { summary, help, run } = command;
