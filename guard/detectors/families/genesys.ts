/** Genesys Cloud OAuth client secrets: 43 characters of base64url, recognisable only by the key they sit under. */
import type { Detector } from "../detector";
import { BASE64URL, LOWER, fake, fakeUuid } from "./sample-values";

export const GENESYS_CLIENT_SECRET: Detector = {
  id: "SG120",
  name: "genesys-client-secret",
  title: "a Genesys Cloud OAuth client secret",
  severity: "error",
  explanation: "A 43-character base64url value under a client-secret key: the shape of a Genesys Cloud OAuth client secret, unmarked.",
  fix: "Keep client secrets out of state (expose_client_secret = false, or an integration credential); rotate the client secret.",
  keywords: [],
  keys: { include: "^(?:clientsecret|secret|oauthclientsecret|genesyscloudoauthclientsecret|genesysclientsecret)$" },
  pattern: "^[A-Za-z0-9_-]{43}$",
  check: "mixed-classes",
  samples: {
    positive: [
      { key: "client_secret", value: fake(BASE64URL, 43, 41) },
      { key: "oauthclient_secret", value: fake(BASE64URL, 43, 42) },
      { key: "credential", value: JSON.stringify({ clientId: fakeUuid(43), clientSecret: fake(BASE64URL, 43, 44) }) },
    ],
    negative: [
      { key: "client_secret", value: fake(LOWER, 43, 45) },
      { key: "client_id", value: fake(BASE64URL, 43, 46) },
      { key: "clientId", value: fakeUuid(47) },
    ],
  },
};
