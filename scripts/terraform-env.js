#!/usr/bin/env node
// Writes a Terraform CLI config that installs hashicorp/aws from the local filesystem mirror and never
// reaches a registry, and returns the environment that points Terraform at it. Used by the tests, the
// benchmark and .ci/run, so nobody has to hand-edit ~/.terraformrc.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const CACHE = path.join(ROOT, ".cache", "terraform");
const MIRROR_CANDIDATES = [
  process.env.TF_PROVIDER_MIRROR,
  "/opt/tf-plugins",
  "/usr/share/terraform/plugins",
  "/usr/local/share/terraform/plugins",
  path.join(process.env.HOME || "/root", ".terraform.d", "plugins"),
  path.join(process.env.HOME || "/root", ".local", "share", "terraform", "plugins"),
].filter(Boolean);

function findMirror() {
  return MIRROR_CANDIDATES.find((dir) => fs.existsSync(path.join(dir, "registry.terraform.io", "hashicorp", "aws")));
}

function terraformVersion() {
  try {
    const out = execFileSync("terraform", ["version", "-json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null" },
    });
    return JSON.parse(out).terraform_version;
  } catch {
    return undefined;
  }
}

/** Returns { ok, reason, env, mirror, version }: `ok` is false (with a reason) when Terraform or the mirror is missing. */
function terraformEnv() {
  const version = terraformVersion();
  if (!version) return { ok: false, reason: "terraform is not on the PATH" };
  const mirror = findMirror();
  if (!mirror) return { ok: false, reason: `no hashicorp/aws filesystem mirror in ${MIRROR_CANDIDATES.join(", ")} (set TF_PROVIDER_MIRROR)`, version };
  fs.mkdirSync(path.join(CACHE, "plugin-cache"), { recursive: true });
  const rc = path.join(CACHE, "cli.tfrc");
  const body = [
    "# Written by scripts/terraform-env.js: offline provider installation from the local mirror.",
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(mirror)}`,
    '    include = ["registry.terraform.io/hashicorp/aws"]',
    "  }",
    "  direct {",
    '    exclude = ["registry.terraform.io/hashicorp/aws"]',
    "  }",
    "}",
    "",
  ].join("\n");
  if (!fs.existsSync(rc) || fs.readFileSync(rc, "utf8") !== body) fs.writeFileSync(rc, body);
  return {
    ok: true,
    version,
    mirror,
    env: {
      TF_CLI_CONFIG_FILE: rc,
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
      CHECKPOINT_DISABLE: "1",
    },
  };
}

module.exports = { terraformEnv };

if (require.main === module) {
  const r = terraformEnv();
  if (!r.ok) {
    console.error(`terraform-env: ${r.reason}`);
    process.exit(1);
  }
  // `eval "$(node scripts/terraform-env.js)"` puts the offline config into a shell.
  for (const [k, v] of Object.entries(r.env)) console.log(`export ${k}=${JSON.stringify(v)}`);
}
