import type { ConfigBlock, ConfigDocument } from "../../guard/rules/config-document";

/** The genesyscloud_oauth_client resources of a configuration. */
export function* oauthClients(doc: ConfigDocument): Generator<ConfigBlock> {
  for (const b of doc.blocks(["resource"])) if (b.type === "genesyscloud_oauth_client") yield b;
}
