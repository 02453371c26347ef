/** Source hosting tokens: GitHub and GitLab formats, and any token used as the user of a git remote URL. */
import type { Detector } from "../detector";
import { ALNUM, HEX, fake } from "./sample-values";

export const GITHUB_TOKEN: Detector = {
  id: "SG132",
  name: "github-token",
  title: "a GitHub token",
  severity: "error",
  explanation: "A GitHub personal access, OAuth, user-to-server, server-to-server or refresh token (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_).",
  fix: "Use the CI's short-lived token or a GitHub App; revoke the token.",
  keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
  pattern: "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,244})(?![A-Za-z0-9_])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "token", value: "gh" + "p_" + fake(ALNUM, 36, 61) },
      { key: "env", value: "GH_TOKEN=" + "gh" + "s_" + fake(ALNUM, 36, 62) },
      { key: "token", value: "github" + "_pat_" + fake(ALNUM, 22, 63) + "_" + fake(ALNUM, 59, 64) },
    ],
    negative: [
      { key: "token", value: "gh" + "p_" + "your_token_here" },
      { key: "token", value: "gh" + "p_" + "x".repeat(36) },
      { key: "note", value: "gh" + "p_" + fake(ALNUM, 20, 65) },
    ],
  },
};

export const GITLAB_TOKEN: Detector = {
  id: "SG133",
  name: "gitlab-token",
  title: "a GitLab token",
  severity: "error",
  explanation: "A GitLab personal, deploy, runner, pipeline trigger, CI job or feed token (glpat-, gldt-, glrt-, glptt-, GR1348941...).",
  fix: "Use CI_JOB_TOKEN or a short-lived token; revoke the token.",
  keywords: ["glpat-", "gldt-", "glrt-", "glptt-", "GR1348941", "glcbt-", "glft-", "glimt-", "glagent-", "glsoat-", "gloas-"],
  pattern: "(?<![A-Za-z0-9_-])(?:glpat-|gldt-|glrt-|glptt-|GR1348941|glcbt-|glft-|glimt-|glagent-|glsoat-|gloas-)[A-Za-z0-9_.-]{20,255}",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "token", value: "gl" + "pat-" + fake(ALNUM, 20, 71) },
      { key: "runner_token", value: "GR" + "1348941" + fake(ALNUM, 20, 72) },
      { key: "token", value: "gl" + "rt-" + fake(ALNUM, 27, 73) },
    ],
    negative: [
      { key: "token", value: "gl" + "pat-" + "x".repeat(20) },
      { key: "token", value: "gl" + "pat-" + "short" },
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
  samples: {
    positive: [
      { key: "repository", value: "https://" + fake(HEX, 40, 81) + "@github.com/example/repo.git" },
      { key: "source", value: "git::https://" + fake(ALNUM, 40, 82) + "@gitlab.example.com/group/module.git?ref=v1" },
    ],
    negative: [
      { key: "repository", value: "https://git@github.com/example/repo.git" },
      { key: "repository", value: "ssh://git@github.com/example/repo.git" },
      { key: "repository", value: "https://" + "a".repeat(40) + "@github.com/example/repo.git" },
    ],
  },
};
