import type { SynthRule, RuleHit } from "../rule";
import { ConfigDocument, escapePointer, isLiteral } from "../config-document";
import { fingerprint } from "../../fingerprint";

export const writeOnlyTwinAvailableRule: SynthRule = {
  info: {
    id: "SG011",
    name: "write-only-twin-available",
    severity: "error",
    explanation:
      "A secret is passed to an argument that has a write-only twin (e.g. secret_string while secret_string_wo exists). The plain argument is stored in plan and state; the write-only one never is.",
    fix: "Use the write-only argument with its *_wo_version (GeneratedSecret.toSecretsManager does this).",
  },
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    for (const block of doc.blocks(["resource"])) {
      for (const [attr, value] of Object.entries<unknown>(block.body)) {
        if (value === undefined || value === null || attr === "//") continue;
        const twin = doc.facts.writeOnlyTwin("resources", block.type, attr);
        // Only a secret matters: a plain value (an ARN in an SSM String parameter) is fine where it is.
        if (!twin || !doc.holdsSecret(attr, value)) continue;
        yield {
          pointer: `${block.pointer}/${escapePointer(attr)}`,
          address: block.address,
          attribute: attr,
          fingerprint: isLiteral(value) ? fingerprint(value) : "",
          message: `${block.address} passes a secret to ${attr}, which is stored in plan and state; use the write-only ${twin} with ${twin}_version`,
          constructPath: block.constructPath,
        };
      }
    }
  },
};
