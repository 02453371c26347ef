import { auditCommand } from "../../guard/commands/audit";
import { GENESYS_OAUTH_PACKS } from "../genesys-rule-pack";

/** The generic audit, which also runs this project's rule packs (Terraform and Genesys) on cdk.tf.json files. */
const command = auditCommand({ packs: GENESYS_OAUTH_PACKS });
export const { summary, help, run } = command;
