import type { RuleHit, SynthRule } from "../../guard/rules/rule";
import type { ConfigDocument } from "../../guard/rules/config-document";

export const providerSdkDebugRule: SynthRule = {
  info: {
    id: "SG010",
    name: "provider-sdk-debug",
    severity: "error",
    explanation:
    "sdk_debug = true makes the genesyscloud provider log every request and response body, including the response that carries a new client secret.",
    fix: "Remove sdk_debug from the provider block; set it only in a throwaway environment.",
  },
  *check(doc: ConfigDocument): Iterable<RuleHit> {
    for (const p of doc.providers()) {
      if (p.name !== "genesyscloud" || (p.body.sdk_debug !== true && p.body.sdk_debug !== "true")) continue;
      yield {
        pointer: `${p.pointer}/sdk_debug`,
        address: p.address,
        attribute: "sdk_debug",
        fingerprint: "",
        message: "genesyscloud provider has sdk_debug = true: request and response bodies, client secrets included, go to the debug log",
      };
    }
  },
};
