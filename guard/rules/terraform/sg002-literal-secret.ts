import type { SynthRule, RuleHit } from "../rule";
import type { ConfigDocument } from "../config-document";
import { documentedExample } from "../../detectors/public-examples";
import { literalSecrets } from "./literal-secrets";

export const literalSecretRule: SynthRule = {
  info: {
    id: "SG002",
    name: "literal-secret",
    severity: "error",
    explanation:
    "A secret is written as a literal in the configuration (provider credentials, a resource argument, a variable default or a backend setting): it ends up in cdk.tf.json, in the repository's build output and in every plan.",
    fix: "Read provider credentials from the environment (the provider's own variables, e.g. AWS_*), generate secrets with GeneratedSecret, or pass them as sensitive (better: ephemeral) variables.",
  },
  anyConfiguration: true,
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    // Documented example values are SG013's (a warning).
    for (const s of literalSecrets(doc)) if (documentedExample(s.secret) === undefined) yield s.hit;
  },
};
