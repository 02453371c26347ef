import type { SynthRule, RuleHit } from "../rule";
import type { ConfigDocument } from "../config-document";
import { documentedExample } from "../../detectors/public-examples";
import { literalSecrets } from "./literal-secrets";

export const documentedExampleLiteralRule: SynthRule = {
  info: {
    id: "SG013",
    name: "documented-example-literal",
    severity: "warning",
    explanation:
      "A literal where a secret belongs is a value vendors publish as an example (AWS's documented example key pair, a Stripe documentation test key, a public Google API key of Firebase samples) or marked as one (EXAMPLE). It grants nothing, so it is a warning; the real secret is still to come.",
    fix: "Before deploying, read the real credential from the environment or pass it as a sensitive (better: ephemeral) variable; in examples and tests, suppress with a reason.",
  },
  anyConfiguration: true,
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    for (const s of literalSecrets(doc)) {
      const what = documentedExample(s.secret);
      if (what === undefined) continue;
      const at = s.hit.attribute ? `${s.hit.address} ${s.hit.attribute}` : s.hit.address;
      yield { ...s.hit, message: `${at} is a documented example value (${what}), not a secret` };
    }
  },
};
