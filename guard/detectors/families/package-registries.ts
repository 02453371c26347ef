/**
 * Package and artifact registry tokens: npm (token format and .npmrc auth lines), PyPI, Docker Hub, JFrog
 * Artifactory. Read: github.blog "Announcing npm's new access token format" (2021), PyPI help "API tokens"
 * (macaroons, pypi-AgEIcHlwaS5vcmc... = base64 of the location pypi.org), Docker Docs "Access tokens" and
 * "Organization access tokens" (dckr_pat_, dckr_oat_), JFrog docs "Access Tokens" / "Reference tokens"
 * (cmVmdGtu = base64 of "reftkn") and the legacy API key (AKCp).
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, DIGITS, HEX, LOWER, b64, fake, fakePassword, fakeUuid, withBadChecksum, withChecksum } from "./sample-values";

/** npm access tokens: npm_ + 30 random base62 + the base62 CRC-32 of them (the scheme GitHub uses). */
export const NPM_TOKEN: Detector = {
  id: "SG137",
  name: "npm-token",
  title: "an npm access token",
  severity: "error",
  explanation: "An npm access token (npm_ followed by 36 characters) whose built-in CRC-32 checksum verifies: publishes packages as its owner.",
  fix: "Use trusted publishing or a CI secret read at run time; revoke the token (npm token revoke, or npmjs.com > Access Tokens).",
  keywords: ["npm_"],
  pattern: "(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])",
  check: "token-crc32",
  samples: {
    positive: [
      { key: "value", value: withChecksum("np" + "m_", 111) },
      { key: "npmrc", value: "//registry.npmjs.org/:_authToken=" + withChecksum("np" + "m_", 112) + "\n" },
      { key: "NPM_TOKEN", value: withChecksum("np" + "m_", 113) },
    ],
    negative: [
      { key: "env", value: "npm_config_registry=https://registry.example.com/" },
      { key: "token", value: "np" + "m_" + "x".repeat(36) },
      { key: "value", value: "np" + "m_" + "<your-token>" },
    ],
  },
};

export const NPM_TOKEN_UNVERIFIED: Detector = {
  id: "SG304",
  name: "npm-token-unverified",
  title: "an npm-shaped token whose checksum does not verify",
  severity: "warning",
  explanation: "An npm_ token whose CRC-32 checksum does not verify: a test value or a mistyped token (npm never issued it as written: a documentation example, a generated fixture, a truncated copy).",
  fix: "If it is a copy of a real token, revoke that token; if it is a fixture, keep it out of infrastructure state or suppress the finding with a reason.",
  keywords: ["npm_"],
  pattern: "(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])",
  entropy: 3.0,
  check: "token-body-classes",
  samples: {
    positive: [
      { key: "value", value: withBadChecksum("np" + "m_", 114) },
      { key: "tags", value: "np" + "m_" + fake(ALNUM, 36, 115) },
      { key: "content", value: "NPM_TOKEN=" + withBadChecksum("np" + "m_", 116) + "\n" },
      { key: "value", value: "np" + "m_" + fake(LOWER + DIGITS, 36, 120) },
    ],
    negative: [
      { key: "value", value: "np" + "m_" + "abcdefghijklmnopqrstuvwxyz0123456789" },
      { key: "value", value: "np" + "m_" + "config_cache_" + fake(ALNUM, 23, 117) },
      { key: "value", value: "np" + "m_" + fake(ALNUM, 35, 118) },
      { key: "value", value: "np" + "m_" + fake(LOWER, 36, 119) },
    ],
  },
};

export const NPMRC_AUTH: Detector = {
  id: "SG138",
  name: "npmrc-auth",
  title: "an .npmrc registry credential",
  severity: "error",
  explanation: "An .npmrc line holds a registry credential (_authToken=, _auth=, _password=) in clear.",
  fix: "Write `_authToken=${NPM_TOKEN}` and provide the token from the environment; revoke the token.",
  keywords: ["_authToken=", "_auth=", "_password="],
  pattern: "_(?:authToken|auth|password)=[ \\t]{0,8}([^\\s\"']{8,1024})",
  secretGroup: 1,
  check: "not-placeholder",
  samples: {
    positive: [
      { key: "npmrc", value: "registry=https://npm.example.com/\n//npm.example.com/:_authToken=" + fakeUuid(121) + "\n" },
      { key: "content", value: "//npm.example.com/:_auth=" + b64("ci-bot:" + fakePassword(122)) + "\nalways-auth=true\n" },
      { key: "value", value: "//npm.pkg.github.com/:_password=" + b64(fakePassword(123)) + "\n" },
    ],
    negative: [
      { key: "npmrc", value: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n" },
      { key: "npmrc", value: "//registry.npmjs.org/:_authToken=\nregistry=https://registry.npmjs.org/\n" },
      { key: "npmrc", value: "//registry.npmjs.org/:_authToken=<your-token>\n" },
    ],
  },
};

const PYPI = "pypi-" + "AgEIcHlwaS5vcmc";
const TEST_PYPI = "pypi-" + "AgENdGVzdC5weXBpLm9yZw";

export const PYPI_TOKEN: Detector = {
  id: "SG139",
  name: "pypi-token",
  title: "a PyPI API token",
  severity: "error",
  explanation: "A PyPI (or TestPyPI) API token: uploads packages as its owner.",
  fix: "Use trusted publishing or a CI secret read at run time; revoke the token.",
  keywords: [PYPI, TEST_PYPI],
  pattern: "pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1024}",
  samples: {
    positive: [
      { key: "password", value: PYPI + fake(BASE64URL, 160, 131) },
      { key: "pypirc", value: "[testpypi]\nusername = __token__\npassword = " + TEST_PYPI + fake(BASE64URL, 90, 132) + "\n" },
      { key: "TWINE_PASSWORD", value: PYPI + fake(BASE64URL, 120, 134) },
    ],
    negative: [
      { key: "note", value: PYPI },
      { key: "note", value: PYPI + fake(BASE64URL, 20, 133) },
      { key: "value", value: "pypi-" + fake(BASE64URL, 100, 135) },
    ],
  },
};

export const DOCKER_HUB_TOKEN: Detector = {
  id: "SG310",
  name: "docker-hub-token",
  title: "a Docker Hub access token",
  severity: "error",
  explanation: "A Docker Hub personal access token (dckr_pat_) or organization access token (dckr_oat_): pushes and pulls images as its owner.",
  fix: "Use short-lived registry credentials in CI; delete the token in Docker Hub (Account settings > Personal access tokens, or the organization's access tokens).",
  keywords: ["dckr_pat_", "dckr_oat_"],
  pattern: "(?<![A-Za-z0-9_])dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,64}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "dckr" + "_pat_" + fake(BASE64URL, 27, 311) },
      { key: "DOCKERHUB_TOKEN", value: "dckr" + "_oat_" + fake(BASE64URL, 32, 312) },
      { key: "content", value: "echo " + "dckr" + "_pat_" + fake(BASE64URL, 27, 313) + " | docker login -u ci --password-stdin\n" },
    ],
    negative: [
      { key: "value", value: "dckr" + "_pat_" + "x".repeat(27) },
      { key: "value", value: "dckr" + "_pat_" + fake(BASE64URL, 12, 314) },
      { key: "value", value: "dckr" + "_pat_" + "<your-token>" },
    ],
  },
};

export const ARTIFACTORY_TOKEN: Detector = {
  id: "SG311",
  name: "artifactory-token",
  title: "a JFrog Artifactory API key or reference token",
  severity: "error",
  explanation: "A JFrog Artifactory API key (AKCp + 69 characters) or reference token (cmVmdGtu..., 64 characters): reads and deploys artifacts as its owner.",
  fix: "Use short-lived access tokens (OIDC) in CI; revoke the token or regenerate the API key in the JFrog Platform (User profile / Administration > Access Tokens).",
  keywords: ["AKCp", "cmVmdGtu"],
  pattern: "(?<![A-Za-z0-9])(?:AKCp[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56})(?![A-Za-z0-9])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "AK" + "Cp" + fake(ALNUM, 69, 315) },
      { key: "ARTIFACTORY_ACCESS_TOKEN", value: "cmVm" + "dGtu" + fake(ALNUM, 56, 316) },
      { key: "content", value: "[artifactory]\nurl = https://example.jfrog.io\napikey = " + "AK" + "Cp" + fake(ALNUM, 69, 317) + "\n" },
    ],
    negative: [
      { key: "value", value: "AK" + "Cp" + fake(ALNUM, 40, 318) },
      { key: "value", value: "cmVm" + "dGtu" + "A".repeat(56) },
      { key: "value", value: "AK" + "Cp" + fake(HEX, 69, 319) + fake(ALNUM, 3, 320) },
    ],
  },
};
