import type { SynthRule, RuleHit } from "../rule";
import type { ConfigDocument } from "../config-document";

export const sensitiveOutputUnmarkedRule: SynthRule = {
  info: {
    id: "SG001",
    name: "sensitive-output-unmarked",
    severity: "error",
    explanation:
      "A root output takes its value from a sensitive attribute, a sensitive variable or a GeneratedSecret but is not marked sensitive, so Terraform would print it and write it to output files in clear.",
    fix: "Set `sensitive: true` on the TerraformOutput, or output something that is not secret (an id or an ARN).",
  },
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    for (const out of doc.outputs()) {
      if (out.body.sensitive === true) continue;
      const src = doc.secretSourceOf(out.body.value);
      if (!src) continue;
      yield {
        pointer: `${out.pointer}/value`,
        address: `output.${out.name}`,
        attribute: "value",
        fingerprint: "",
        message: `output ${out.name} takes its value from ${src.source} but is not marked sensitive`,
        constructPath: out.constructPath,
      };
    }
  },
};
