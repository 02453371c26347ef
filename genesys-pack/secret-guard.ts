import { SecretGuard as TerraformSecretGuard } from "../guard/synth/secret-guard";
import type { RulePack } from "../guard/rules/rule";
import { GENESYS_OAUTH_PACKS } from "./genesys-rule-pack";

/**
 * The secret guard as this project applies it: the generic Terraform pack and the Genesys pack. Use
 * `SecretGuard.of(stack)`; pass `{ packs }` to choose others.
 */
export class SecretGuard extends TerraformSecretGuard {
  protected static defaultPacks(): readonly RulePack[] {
    return GENESYS_OAUTH_PACKS;
  }
}
