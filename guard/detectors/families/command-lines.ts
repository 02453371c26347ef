/**
 * Credentials written into command lines: what provisioners (`local-exec` command, `remote-exec` inline), user_data
 * scripts and CI steps carry. Read: curl's and wget's manuals (-u/--user user:password), docker login / az login /
 * mysql (-u USER -p PASSWORD), RFC 6750 (the Bearer scheme) and POSIX sh (`export NAME=value`). A value that is a
 * variable (`$DB_PASSWORD`, `${var.x}`) or a placeholder is not a credential.
 */
import type { Detector } from "../detector";
import { ALNUM, BASE64URL, fake, fakePassword } from "./sample-values";

/** A value on a command line: not starting with `$` (a variable), up to the next blank, quote or shell operator. */
const ARG = "([^\\s\"'`;|&$<>][^\\s\"'`;|&<>]{5,255})";

export const COMMAND_LINE_SECRET_FLAG: Detector = {
  id: "SG160",
  name: "command-line-secret-flag",
  title: "a secret given as a command-line flag",
  severity: "error",
  explanation:
    "A command passes a literal secret in a flag (--password, --token, --api-key, --client-secret...): it is stored in the state or plan with the command, and shows in process lists and shell history where it runs.",
  fix: "Pass the secret through the environment from a sensitive variable or a secret store (most tools read e.g. PGPASSWORD, VAULT_TOKEN), and rotate it.",
  // Not a bare --secret: gcloud and docker use it to NAME a secret (--secret=db-password, --secret id=...,src=...).
  keywords: ["--password", "--passwd", "--token", "--api-key", "--apikey", "--client-secret", "--auth-token", "--access-token", "--secret-key", "--secret-access-key"],
  pattern: `--(?:password|passwd|token|api-?key|client-secret|auth-token|access-token|secret-key|secret-access-key)(?:=|[ \\t]{1,4})["']?${ARG}`,
  secretGroup: 1,
  entropy: 2.5,
  check: "command-argument",
  samples: {
    positive: [
      { key: "command", value: "mysql -u admin --password " + fakePassword(1601) + " -h db.internal < seed.sql" },
      { key: "inline", value: "vault login -method=token --token='" + "hv" + "x." + fake(ALNUM, 24, 1602) + "'" },
      { key: "user_data", value: "#!/bin/sh\naz ad sp credential reset --id app --client-secret " + fakePassword(1603) + "\n" },
    ],
    negative: [
      { key: "command", value: "mysql -u admin --password $DB_PASSWORD -h db.internal" },
      { key: "command", value: "tool login --token=${var.api_token}" },
      { key: "command", value: "tool login --token <your-token>" },
      { key: "command", value: "tool --password-file /run/secrets/db --token-ttl 3600" },
      { key: "command", value: "gcloud secrets versions access latest --secret=db-password && vault login --token /run/secrets/vault-token" },
      { key: "command", value: "docker build --secret id=npmrc,src=/home/ci/.npmrc ." },
    ],
  },
};

export const COMMAND_LINE_USER_PASSWORD: Detector = {
  id: "SG161",
  name: "command-line-user-password",
  title: "a user and password on a command line",
  severity: "error",
  explanation:
    "A command carries a literal password as user:password (curl -u, wget --user) or after -u USER -p (docker login, az login, mysql): it is stored in the state or plan with the command.",
  fix: "Read the password from the environment or a credentials file written from a secret store (curl --netrc-file, docker login --password-stdin), and rotate it.",
  keywords: ["-u", "--user"],
  // -u/--user user:password, or -u/--username USER then -p/--password PASSWORD (attached, as mysql writes it, or not).
  pattern: `(?<![A-Za-z0-9_-])(?:(?:-u|--user)(?:=|[ \\t]{0,4})["']?[^\\s:"'$]{1,64}:${ARG}|(?:-u|--username)(?:=|[ \\t]{0,4})["']?[^\\s"'$-][^\\s"']{0,63}["']?[ \\t]{1,4}-p[ \\t]{0,4}["']?([^\\s"'\`;|&$<>][^\\s"'\`;|&<>]{3,255}))`,
  secretGroup: 0,
  check: "command-password",
  samples: {
    positive: [
      { key: "command", value: "curl -fsS -u deploy:" + fakePassword(1611) + " https://hooks.example.com/deploy" },
      { key: "inline", value: "docker login -u ci-bot -p " + fakePassword(1612) + " registry.example.com" },
      { key: "command", value: "mysql -uadmin -p" + fakePassword(1613) + " app < schema.sql" },
    ],
    negative: [
      { key: "command", value: "curl -u deploy:$DEPLOY_PASSWORD https://hooks.example.com/deploy" },
      { key: "command", value: "docker login -u ci-bot --password-stdin registry.example.com" },
      { key: "command", value: "ssh -u admin -p 22 host.example.com" },
      { key: "command", value: "sort -u names.txt && mkdir -p /var/lib/app" },
      { key: "command", value: "docker run -d --user www-data:www-data nginx && docker run --user nobody:nogroup app" },
    ],
  },
};

export const BEARER_TOKEN: Detector = {
  id: "SG162",
  name: "bearer-token",
  title: "a bearer token in an Authorization header",
  severity: "error",
  explanation: "A literal token after `Bearer` (an Authorization header in a curl command, a script or a config): whoever holds it acts as its owner until it expires.",
  fix: "Fetch the token at run time (from a secret store or an OAuth client credentials grant) instead of writing it down, and revoke it.",
  keywords: ["Bearer ", "bearer "],
  pattern: "(?<![A-Za-z])[Bb]earer[ \\t]{1,4}([A-Za-z0-9._~+/-]{16,4096}={0,2})",
  secretGroup: 1,
  entropy: 3.5,
  check: "random-looking",
  samples: {
    positive: [
      { key: "command", value: 'curl -H "Authorization: Bearer ' + fake(BASE64URL, 40, 1621) + '" https://api.example.com/v1/deploy' },
      { key: "content", value: "headers:\n  Authorization: Bearer " + fake(ALNUM, 32, 1622) + "\n" },
      { key: "value", value: "bearer " + fake(ALNUM, 48, 1623) },
    ],
    negative: [
      { key: "command", value: 'curl -H "Authorization: Bearer $TOKEN" https://api.example.com' },
      { key: "description", value: "Send the Bearer token in the Authorization header of each request" },
      { key: "command", value: 'curl -H "Authorization: Bearer <access-token>" https://api.example.com' },
    ],
  },
};

export const SHELL_EXPORTED_SECRET: Detector = {
  id: "SG163",
  name: "shell-exported-secret",
  title: "a secret exported in a shell command",
  severity: "error",
  explanation: "A one-line command exports a literal secret into a variable named like one (export DB_PASSWORD=..., set API_TOKEN=...): it is stored in the state or plan with the command.",
  fix: "Export it from a secret store at run time (export DB_PASSWORD=\"$(aws secretsmanager get-secret-value ...)\") or pass a sensitive variable, and rotate it.",
  keywords: ["export ", "set ", "EXPORT ", "SET "],
  pattern: `(?:export|set)[ \\t]{1,4}[A-Za-z0-9_]{0,40}(?:password|passwd|secret|token|api_?key|access_?key|private_?key|credentials?)[A-Za-z0-9_]{0,20}=["']?${ARG}`,
  flags: "i",
  secretGroup: 1,
  entropy: 2.5,
  check: "one-line-command",
  samples: {
    positive: [
      { key: "command", value: "export API_TOKEN=" + fake(ALNUM, 32, 1631) + " && ./deploy.sh" },
      { key: "inline", value: "set SERVICE_API_KEY=" + fakePassword(1632) + "& run.cmd" },
      { key: "inline", value: "export GITHUB_PRIVATE_KEY_PASSPHRASE='" + fakePassword(1633) + "' && make release" },
    ],
    negative: [
      { key: "command", value: "export API_TOKEN=$(vault kv get -field=token secret/ci) && ./deploy.sh" },
      { key: "command", value: "export DB_PASSWORD=${var.db_password}" },
      { key: "command", value: "export TOKEN_TTL=3600 REGION=eu-west-1" },
      { key: "command", value: "export GOOGLE_APPLICATION_CREDENTIALS=/etc/gcp/key.json && terraform apply" },
      { key: "command", value: "export DB_PASSWORD_SECRET_ARN=arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf && ./run.sh" },
      { key: "command", value: "export VAULT_TOKEN_PATH=/home/ci/.vault-token && ./run.sh" },
    ],
  },
};
