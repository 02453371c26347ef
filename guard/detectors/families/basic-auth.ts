/**
 * `user:password` credentials: base64-encoded in a docker config `auth` member, or plain under auth-like keys.
 * Read: RFC 7617 (HTTP Basic) and Docker Docs "docker login" (config.json `auths.<registry>.auth`).
 */
import type { Detector } from "../detector";
import { HEX, b64, fake, fakePassword } from "./sample-values";

export const DOCKER_REGISTRY_AUTH: Detector = {
  id: "SG151",
  name: "docker-registry-auth",
  title: "a docker registry credential",
  severity: "error",
  explanation: "A docker config `auth` member holds base64 of user:password for a registry (a .dockerconfigjson `auths` entry).",
  fix: "Use a credential helper or short-lived registry tokens; change the registry password.",
  keywords: [],
  keys: { include: "^auth$" },
  pattern: "^[A-Za-z0-9+/]{8,4096}={0,2}$",
  check: "basic-auth-base64",
  samples: {
    positive: [
      { key: "auth", value: b64("ci-bot:" + fakePassword(251)) },
      {
        key: ".dockerconfigjson",
        value: JSON.stringify({ auths: { "registry.example.com": { auth: b64("deployer:" + fakePassword(252)) } } }),
      },
      { key: "content", value: JSON.stringify({ auths: { "ghcr.io": { auth: b64("bot:" + fakePassword(253)) } } }) },
    ],
    negative: [
      { key: "auth", value: b64("just some text without the separator") },
      { key: "auth", value: b64("deployer:${REGISTRY_PASSWORD}") },
      { key: "auth", value: b64("deployer:") },
    ],
  },
};

export const BASIC_AUTH_CREDENTIALS: Detector = {
  id: "SG152",
  name: "basic-auth-credentials",
  title: "a user:password credential",
  severity: "error",
  explanation: "A `user:password` pair under an auth-like key (basic_auth, http_auth, proxy_auth, userinfo, credentials).",
  fix: "Pass the password separately as a sensitive value from a secret store; change the password.",
  keywords: [],
  keys: { include: "^(?:auth|basicauth|httpauth|proxyauth|userinfo|userpass|userpassword|credential|credentials)$" },
  pattern: "^[A-Za-z0-9._@+-]{1,64}:([^\\s:]{6,256})$",
  secretGroup: 1,
  check: "not-placeholder",
  samples: {
    positive: [
      { key: "basic_auth", value: "admin:" + fakePassword(261) },
      { key: "proxy.auth", value: "svc-proxy:" + fakePassword(262, 12) },
      { key: "credentials", value: "deploy:" + fakePassword(264, 16) },
    ],
    negative: [
      { key: "auth", value: "sha256:" + fake(HEX, 64, 263) },
      { key: "basic_auth", value: "admin:${var.admin_password}" },
      { key: "credentials", value: "arn:aws:iam::123456789012:role/example" },
    ],
  },
};
