import type { RuleInfo } from "../finding";
import { detectPattern } from "./legacy-patterns";
import { LITERAL_SECRET_PATTERNS, looksLikeSecretKey } from "./legacy-key-names";
import type { SecretShapes, ShapeHit } from "./secret-shapes";

// TEMPORARY bridge while the detector catalogue lands: the old pattern sets behind the one SecretShapes interface.
const RULES: RuleInfo[] = [
  {
    id: "SG120",
    name: "genesys-client-secret",
    severity: "error",
    explanation: "A 43-character base64url value under a client-secret key: the shape of a Genesys Cloud OAuth client secret, unmarked.",
    fix: "Keep client secrets out of state (expose_client_secret = false, or an integration credential); rotate the client secret.",
  },
  {
    id: "SG121",
    name: "aws-access-key-id",
    severity: "error",
    explanation: "An AWS access key id (AKIA/ASIA...): long-lived credentials usually travel with their secret key.",
    fix: "Use roles or short-lived credentials from the environment instead of keys in configuration; deactivate the key if it leaked.",
  },
  {
    id: "SG122",
    name: "aws-secret-access-key",
    severity: "error",
    explanation: "A 40-character AWS secret access key under a secret-key-like key.",
    fix: "Remove it from configuration and state, use roles or the environment, and rotate the key.",
  },
  {
    id: "SG123",
    name: "private-key",
    severity: "error",
    explanation: "A PEM private key in clear.",
    fix: "Generate and keep private keys outside Terraform (or in a secrets manager via write-only arguments); rotate the key.",
  },
  {
    id: "SG124",
    name: "json-web-token",
    severity: "error",
    explanation: "A JSON Web Token: a bearer credential for as long as it is valid.",
    fix: "Do not store tokens in configuration or state; fetch them at run time.",
  },
  {
    id: "SG125",
    name: "high-entropy-secret-hint",
    severity: "warning",
    explanation:
      "A random-looking value under a secret-like key (password, secret, token, api_key, private_key, credential...), not marked sensitive. Hashes, ids, UUIDs, ARNs, digests and encoded text are ignored.",
    fix: "If it is a secret, mark it sensitive and keep it out of state; if not, rename the key or suppress the finding with a reason.",
  },
  {
    id: "SG126",
    name: "password-in-url",
    severity: "error",
    explanation: "A URL carries a password in its user-info part (scheme://user:password@host).",
    fix: "Pass the password separately, as a sensitive value, and rotate it.",
  },
];

export function shippedDetectorRules(): readonly RuleInfo[] {
  return RULES;
}

export function shippedShapes(): SecretShapes {
  return {
    isSecretKey: looksLikeSecretKey,
    detect(key: string, value: string): ShapeHit | undefined {
      const hit = detectPattern(key, value);
      if (hit) return { detector: { id: hit.ruleId, title: hit.what }, secret: value };
      const strong = LITERAL_SECRET_PATTERNS.find((p) => p.pattern.test(value));
      return strong ? { detector: { id: "SG121", title: `a ${strong.name}` }, secret: value } : undefined;
    },
  };
}
