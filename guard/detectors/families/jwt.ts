/**
 * JSON Web Tokens: three base64url segments, the first decoding to a header that names an algorithm.
 * Read: RFC 7519 (JWT) and RFC 7515 (JWS compact serialisation, the "alg" header parameter).
 */
import type { Detector } from "../detector";
import { BASE64URL, b64url, fake } from "./sample-values";

function jwt(header: object, payload: object, seed: number): string {
  return [b64url(JSON.stringify(header)), b64url(JSON.stringify(payload)), fake(BASE64URL, 43, seed)].join(".");
}

export const JSON_WEB_TOKEN: Detector = {
  id: "SG124",
  name: "json-web-token",
  title: "a JSON Web Token",
  severity: "error",
  explanation: "A JSON Web Token: a bearer credential for as long as it is valid.",
  fix: "Do not store tokens in configuration or state; fetch them at run time.",
  keywords: ["eyJ"],
  pattern: "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,1024}\\.eyJ[A-Za-z0-9_-]{10,8192}\\.[A-Za-z0-9_-]{16,1024}",
  check: "jwt-header",
  samples: {
    positive: [
      { key: "token", value: jwt({ alg: "HS256", typ: "JWT" }, { sub: "fake-user", iat: 1 }, 51) },
      { key: "headers", value: "Authorization: Bearer " + jwt({ alg: "RS256", kid: "k1" }, { iss: "https://issuer.example" }, 52) },
      { key: "value", value: jwt({ alg: "ES256", typ: "JWT" }, { sub: "svc", aud: "api" }, 55) },
    ],
    negative: [
      { key: "note", value: jwt({ typ: "JWT" }, { sub: "fake-user" }, 53) },
      { key: "token", value: b64url(JSON.stringify({ alg: "HS256" })) + "." + b64url(JSON.stringify({ sub: "x" })) },
      { key: "n", value: fake(BASE64URL, 342, 54) },
    ],
  },
};
