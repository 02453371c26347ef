/** Package registry tokens: npm (token format and .npmrc auth lines) and PyPI. */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, b64, fake, fakePassword, fakeUuid } from "./sample-values";

export const NPM_TOKEN: Detector = {
  id: "SG137",
  name: "npm-token",
  title: "an npm access token",
  severity: "error",
  explanation: "An npm access token (npm_ followed by 36 characters): publishes packages as its owner.",
  fix: "Use trusted publishing or a CI secret read at run time; revoke the token.",
  keywords: ["npm_"],
  pattern: "(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "token", value: "np" + "m_" + fake(ALNUM, 36, 111) },
      { key: "npmrc", value: "//registry.npmjs.org/:_authToken=" + "np" + "m_" + fake(ALNUM, 36, 112) + "\n" },
    ],
    negative: [
      { key: "env", value: "npm_config_registry=https://registry.example.com/" },
      { key: "token", value: "np" + "m_" + "x".repeat(36) },
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
    ],
    negative: [
      { key: "npmrc", value: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n" },
      { key: "npmrc", value: "//registry.npmjs.org/:_authToken=\nregistry=https://registry.npmjs.org/\n" },
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
    ],
    negative: [
      { key: "note", value: PYPI },
      { key: "note", value: PYPI + fake(BASE64URL, 20, 133) },
    ],
  },
};
