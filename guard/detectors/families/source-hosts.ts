/**
 * Source hosting tokens: GitHub and GitLab formats, and any token used as the user of a git remote URL.
 * Read: GitHub Docs "About authentication to GitHub" (token prefixes), github.blog "Behind GitHub's new
 * authentication token formats" (2021, the CRC-32 checksum), GitHub changelog "Notice about upcoming new format
 * for GitHub App installation tokens" (2026, ghs_<app id>_<JWT>), GitLab Docs "Token overview" (token prefixes).
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, DIGITS, HEX, LOWER, UPPER, b64url, fake, withBadChecksum, withChecksum } from "./sample-values";

/**
 * GitHub classic-format tokens (ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ installation, ghr_ refresh):
 * 30 random base62 characters and a 6-character base62 CRC-32 of them. A token whose checksum verifies is a real
 * GitHub token (error). One that does not verify is never a token GitHub issued: a doc example, a test value or
 * a mistyped copy. It is still reported, as a warning (GITHUB_TOKEN_UNVERIFIED), because a hand-edited or
 * truncated real token is worth a look and test fixtures are often planted in state on purpose.
 */
export const GITHUB_TOKEN: Detector = {
  id: "SG132",
  name: "github-token",
  title: "a GitHub token",
  severity: "error",
  explanation: "A GitHub personal access (ghp_), OAuth (gho_), user-to-server (ghu_), installation (ghs_) or refresh (ghr_) token whose built-in CRC-32 checksum verifies: a token GitHub issued.",
  fix: "Use the CI's short-lived token or a GitHub App; revoke the token (Settings > Developer settings > Personal access tokens, or the app's page for app tokens).",
  keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
  pattern: "(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])",
  check: "token-crc32",
  samples: {
    positive: [
      { key: "value", value: withChecksum("gh" + "p_", 61) },
      { key: "content", value: "#!/bin/sh\nexport GH_TOKEN=" + withChecksum("gh" + "s_", 62) + "\n" },
      { key: "GITHUB_TOKEN", value: withChecksum("gh" + "o_", 63) },
      { key: "url", value: "https://x-access-token:" + withChecksum("gh" + "u_", 64) + "@github.com/example/repo.git" },
    ],
    negative: [
      { key: "token", value: "gh" + "p_" + "your_token_here" },
      { key: "token", value: "gh" + "p_" + "x".repeat(36) },
      { key: "note", value: "gh" + "p_" + fake(ALNUM, 20, 65) },
      { key: "value", value: "gh" + "p_" + "<your-token>" },
    ],
  },
};

export const GITHUB_TOKEN_UNVERIFIED: Detector = {
  id: "SG300",
  name: "github-token-unverified",
  title: "a GitHub-shaped token whose checksum does not verify",
  severity: "warning",
  explanation: "A ghp_/gho_/ghu_/ghs_/ghr_ token whose CRC-32 checksum does not verify: a test value or a mistyped token (GitHub never issued it as written: a documentation example, a generated fixture, a truncated copy). Worth a look, since a hand-edited real token is still a real token.",
  fix: "If it is a copy of a real token, revoke that token; if it is a fixture, keep it out of infrastructure state or suppress the finding with a reason.",
  keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
  pattern: "(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])",
  entropy: 3.0,
  // Two classes suffice: generated fixtures are often lower case and digits only.
  check: "token-body-classes",
  samples: {
    positive: [
      { key: "value", value: withBadChecksum("gh" + "p_", 66) },
      { key: "tags", value: "gh" + "r_" + fake(ALNUM, 36, 67) },
      { key: "content", value: "token: " + "gh" + "u_" + fake(ALNUM, 40, 68) + "\n" },
      { key: "value", value: "gh" + "o_" + fake(LOWER + DIGITS, 36, 70) },
      { key: "note", value: "gh" + "s_" + fake(UPPER + DIGITS, 36, 71) },
    ],
    negative: [
      { key: "value", value: "gh" + "p_" + "abcdefghijklmnopqrstuvwxyz0123456789" },
      { key: "value", value: "gh" + "p_" + "X".repeat(36) },
      { key: "value", value: "my_gh" + "p_" + fake(ALNUM, 36, 69) },
      { key: "value", value: "gh" + "p_" + fake(LOWER, 36, 72) },
      { key: "value", value: "gh" + "p_" + fake(DIGITS, 36, 73) },
    ],
  },
};

export const GITHUB_FINE_GRAINED_TOKEN: Detector = {
  id: "SG301",
  name: "github-fine-grained-token",
  title: "a GitHub fine-grained personal access token",
  severity: "error",
  explanation: "A GitHub fine-grained personal access token (github_pat_, 22 + 59 characters): acts as its owner on the repositories it was granted.",
  fix: "Use the CI's short-lived token or a GitHub App; revoke the token (Settings > Developer settings > Fine-grained tokens).",
  keywords: ["github_pat_"],
  pattern: "(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "github" + "_pat_" + fake(ALNUM, 22, 301) + "_" + fake(ALNUM, 59, 302) },
      { key: "GH_TOKEN", value: "github" + "_pat_" + fake(ALNUM, 22, 303) + "_" + fake(ALNUM, 59, 304) },
      { key: "content", value: "machine github.com login x password " + "github" + "_pat_" + fake(ALNUM, 22, 305) + "_" + fake(ALNUM, 59, 306) + "\n" },
    ],
    negative: [
      { key: "value", value: "github" + "_pat_" + "x".repeat(22) + "_" + "x".repeat(59) },
      { key: "value", value: "github" + "_pat_" + fake(ALNUM, 22, 307) },
      { key: "value", value: "github" + "_pat_" + "<your-token>" },
    ],
  },
};

/** GitHub App installation tokens of the stateless format (2026): ghs_<app id>_<JWT signed by GitHub>, ~520 characters. */
export const GITHUB_INSTALLATION_TOKEN: Detector = {
  id: "SG302",
  name: "github-installation-token",
  title: "a GitHub App installation token",
  severity: "error",
  explanation: "A GitHub App installation token in the stateless format (ghs_<app id>_<JWT>): acts as the app installation until it expires (one hour).",
  fix: "Mint installation tokens at run time and never store them; if one leaked, revoke it (DELETE /installation/token) or rotate the app's private key.",
  keywords: ["ghs_"],
  pattern: "(?<![A-Za-z0-9_])ghs_[0-9]{1,12}_eyJ[A-Za-z0-9_-]{10,2048}\\.[A-Za-z0-9_-]{10,8192}\\.[A-Za-z0-9_-]{16,2048}",
  samples: {
    positive: [
      { key: "value", value: statelessToken(311) },
      { key: "GITHUB_TOKEN", value: statelessToken(312) },
      { key: "content", value: "git config http.extraheader 'AUTHORIZATION: bearer " + statelessToken(313) + "'\n" },
    ],
    negative: [
      { key: "value", value: "gh" + "s_" + "123_" },
      { key: "value", value: "gh" + "s_" + "123_" + b64url(JSON.stringify({ alg: "RS256" })) },
      { key: "value", value: "gh" + "s_" + "app_" + fake(BASE64URL, 60, 314) },
    ],
  },
};

function statelessToken(seed: number): string {
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const claims = b64url(JSON.stringify({ iss: "github", inst: 1000 + seed, app: seed, exp: 1_900_000_000 }));
  return "gh" + "s_" + (100000 + seed) + "_" + header + "." + claims + "." + fake(BASE64URL, 342, seed);
}

export const GITHUB_OAUTH_CLIENT_SECRET: Detector = {
  id: "SG303",
  name: "github-oauth-client-secret",
  title: "a GitHub OAuth or GitHub App client secret",
  severity: "error",
  explanation: "A GitHub OAuth app or GitHub App client secret (40 hex characters) under a GitHub client-secret name, beside a client id such as Ov23... or Iv1./Iv23...: lets anyone act as the app in OAuth flows.",
  fix: "Keep the secret in a secret store read at run time; generate a new client secret on the app's settings page and delete the old one.",
  keywords: [],
  keys: { include: "(?:github|^gh)[a-z0-9]{0,40}(?:clientsecret|oauthsecret|appsecret)$" },
  pattern: "^[0-9a-f]{40}$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "GITHUB_CLIENT_SECRET", value: fake(HEX, 40, 321) },
      { key: "github_oauth_client_secret", value: fake(HEX, 40, 322) },
      { key: "content", value: "GITHUB_CLIENT_ID=Iv23" + fake(ALNUM, 16, 323) + "\nGITHUB_CLIENT_SECRET=" + fake(HEX, 40, 324) + "\n" },
    ],
    negative: [
      { key: "github_client_id", value: "Iv1." + fake(HEX, 16, 325) },
      { key: "github_client_secret", value: fake(HEX, 39, 326) },
      { key: "commit", value: fake(HEX, 40, 327) },
    ],
  },
};

export const GITLAB_TOKEN: Detector = {
  id: "SG133",
  name: "gitlab-token",
  title: "a GitLab token",
  severity: "error",
  explanation: "A GitLab personal, deploy, runner, pipeline trigger, CI job, feed, incoming mail, agent, SCIM, OAuth app or feature-flag client token (glpat-, gldt-, glrt-, glptt-, glcbt-, glft-, glimt-, glagent-, glsoat-, gloas-, glffct-) or a runner registration token (GR1348941).",
  fix: "Use CI_JOB_TOKEN or a short-lived token; revoke the token.",
  keywords: ["glpat-", "gldt-", "glrt-", "glptt-", "GR1348941", "glcbt-", "glft-", "glimt-", "glagent-", "glsoat-", "gloas-", "glffct-"],
  // Each prefix with its documented body (GitLab's token overview; the routable glpat-/glrt- forms end in
  // .<2 version><7 CRC> characters): a body of another length is some other string, not a GitLab token.
  pattern:
    "(?<![A-Za-z0-9_-])(?:glpat-(?:[0-9a-zA-Z_-]{27,300}\\.[0-9a-z]{9}|[0-9a-zA-Z_-]{20})|glrt-(?:t[0-9]_[0-9a-zA-Z_-]{27,300}\\.[0-9a-z]{9}|[0-9a-zA-Z_-]{20})|(?:gldt-|glft-|glsoat-|glffct-|GR1348941)[0-9a-zA-Z_-]{20}|glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20}|glptt-[0-9a-f]{40}|glimt-[0-9a-zA-Z_-]{25}|glagent-[0-9a-zA-Z_-]{50}|gloas-[0-9a-zA-Z_-]{64})(?![A-Za-z0-9_-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "token", value: "gl" + "pat-" + fake(ALNUM, 20, 71) },
      { key: "runner_token", value: "GR" + "1348941" + fake(ALNUM, 20, 72) },
      { key: "token", value: "gl" + "rt-" + fake(ALNUM, 20, 73) },
      { key: "token", value: "gl" + "pat-" + fake(BASE64URL, 40, 77) + ".01" + fake(LOWER + DIGITS, 7, 78) },
      { key: "trigger", value: "gl" + "ptt-" + fake(HEX, 40, 79) },
      { key: "secret", value: "gl" + "oas-" + fake(ALNUM, 64, 80) },
      { key: "value", value: "gl" + "ffct-" + fake(ALNUM, 20, 74) },
      { key: "CI_DEPLOY_PASSWORD", value: "gl" + "dt-" + fake(ALNUM, 20, 75) },
    ],
    negative: [
      { key: "token", value: "gl" + "pat-" + "x".repeat(20) },
      { key: "token", value: "gl" + "pat-" + "short" },
      { key: "value", value: "my-gl" + "pat-" + fake(ALNUM, 20, 76) },
      { key: "trigger", value: "gl" + "ptt-" + fake(ALNUM, 20, 84) },
      { key: "value", value: "gl" + "oas-" + fake(ALNUM, 44, 85) },
      { key: "value", value: "gl" + "imt-" + fake(ALNUM, 30, 86) },
    ],
  },
};

export const GIT_REMOTE_TOKEN: Detector = {
  id: "SG134",
  name: "git-remote-token",
  title: "a token in a git remote URL",
  severity: "error",
  explanation: "A git remote URL carries a token as its user (https://<token>@host/...): whoever reads the URL can push.",
  fix: "Use a credential helper or the CI's token at run time, not a URL with the token in it; revoke the token.",
  keywords: ["://"],
  pattern: "://([A-Za-z0-9_-]{30,255})@[A-Za-z0-9.-]{1,253}",
  secretGroup: 1,
  entropy: 3.0,
  // A Sentry DSN (https://<public key>@host/<project>) has the same shape; its public key is meant to be exposed.
  check: "not-sentry-dsn",
  samples: {
    positive: [
      { key: "repository", value: "https://" + fake(HEX, 40, 81) + "@github.com/example/repo.git" },
      { key: "source", value: "git::https://" + fake(ALNUM, 40, 82) + "@gitlab.example.com/group/module.git?ref=v1" },
      { key: "content", value: "[remote \"origin\"]\n\turl = https://" + fake(ALNUM, 36, 83) + "@git.example.com/team/app.git\n" },
    ],
    negative: [
      { key: "repository", value: "https://git@github.com/example/repo.git" },
      { key: "repository", value: "ssh://git@github.com/example/repo.git" },
      { key: "repository", value: "https://" + "a".repeat(40) + "@github.com/example/repo.git" },
      { key: "SENTRY_DSN", value: "https://" + fake(HEX, 32, 84) + "@o4505.ingest.us.sentry.io/4506" },
    ],
  },
};
