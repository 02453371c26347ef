import { UsageError } from "../../guard/errors";
import * as fs from "node:fs";

/**
 * Ids of the OAuth clients a Terraform state already manages (`terraform state pull > state.json`), so that the
 * doctor tells a client Terraform created apart from a stranger with the same name. Reads only resource ids.
 */
export function managedClientIds(files: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const file of files) {
    let doc: any;
    try {
      doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`--state ${file}: ${code ? `cannot read it (${code})` : "not JSON"}`);
    }
    if (!doc || typeof doc !== "object" || !Array.isArray(doc.resources)) {
      throw new UsageError(`--state ${file}: not a Terraform state (no resources list); write one with terraform state pull`);
    }
    for (const r of doc.resources) {
      if (r?.mode !== "managed" || r?.type !== "genesyscloud_oauth_client") continue;
      for (const i of r.instances ?? []) if (typeof i?.attributes?.id === "string") ids.add(i.attributes.id);
    }
  }
  return ids;
}
