/**
 * JSON Web Tokens: three base64url segments, the first decoding to a header that names an algorithm.
 * Read: RFC 7519 (JWT) and RFC 7515 (JWS compact serialisation, the "alg" header parameter).
 */
import type { Detector } from "../detector";
import { BASE64URL, b64, b64url, fake } from "./sample-values";

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
  // Headers start `{"` (eyJ) or, pretty-printed, `{\n  "`/`{\n"` (ewogIC, ewoi); segments may keep their `=`
  // padding. A token without a signature (alg none, `header.payload.`) is not reported: no server should accept it.
  keywords: ["eyJ", "ewogIC", "ewoi"],
  pattern: "(?<![A-Za-z0-9_-])(?:eyJ|ewogIC|ewoi)[A-Za-z0-9_-]{10,1024}={0,2}\\.(?:eyJ|ewo)[A-Za-z0-9_-]{10,8192}={0,2}\\.[A-Za-z0-9_-]{16,1024}",
  check: "jwt-header",
  samples: {
    positive: [
      { key: "token", value: jwt({ alg: "HS256", typ: "JWT" }, { sub: "fake-user", iat: 1 }, 51) },
      { key: "headers", value: "Authorization: Bearer " + jwt({ alg: "RS256", kid: "k1" }, { iss: "https://issuer.example" }, 52) },
      { key: "value", value: jwt({ alg: "ES256", typ: "JWT" }, { sub: "svc", aud: "api" }, 55) },
      { key: "value", value: [b64url(JSON.stringify({ alg: "HS256" }, null, 2)), b64url(JSON.stringify({ sub: "svc" }, null, 2)), fake(BASE64URL, 43, 56)].join(".") },
      { key: "value", value: [b64(JSON.stringify({ alg: "RS256", typ: "JWT" })), b64(JSON.stringify({ sub: "svc" })), fake(BASE64URL, 43, 57)].join(".") },
    ],
    negative: [
      { key: "note", value: jwt({ typ: "JWT" }, { sub: "fake-user" }, 53) },
      { key: "token", value: b64url(JSON.stringify({ alg: "HS256" })) + "." + b64url(JSON.stringify({ sub: "x" })) },
      { key: "n", value: fake(BASE64URL, 342, 54) },
      { key: "value", value: b64url(JSON.stringify({ alg: "none" })) + "." + b64url(JSON.stringify({ sub: "svc" })) + "." },
      // jwt.io's example token (any signature): documented, public.
      { key: "value", value: jwt({ alg: "HS256", typ: "JWT" }, { sub: "1234567890", name: "John Doe", iat: 1516239022 }, 58) },
    ],
  },
};
