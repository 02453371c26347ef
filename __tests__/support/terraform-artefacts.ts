// A corpus of REAL Terraform artefacts (plan JSON, state, state backups, show -json, output -json, the backend's
// .terraform/terraform.tfstate) with planted secrets, plus a machine-readable list of where each planted value sits.
// Everything is made with terraform 1.11 offline: terraform_data (apply) and hashicorp/aws (plan only).
// The one thing real Terraform cannot make here is `resource_drift` (terraform_data's read returns its prior
// state unchanged, and no aws API is reachable), so that file is derived at run time by editing a real plan.
// Planted values are random per run, never printed; the caller deletes `root` (cleanup()).
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { randomBytes, randomInt } from "node:crypto";
import { genesysSecret, randomPassword, tempDir } from "./audit-cli";
import { terraformOk as terraformOkRaw } from "./terraform-runner";

export type Category =
  | "plan-variables"
  | "plan-config-defaults"
  | "plan-module-calls"
  | "plan-provider-config"
  | "plan-checks"
  | "plan-resource-drift"
  | "plan-destroy"
  | "plan-output-changes"
  | "plan-prior-state"
  | "state-show-json"
  | "state-child-modules"
  | "state-count-for-each"
  | "state-backup"
  | "state-outputs"
  | "output-json"
  | "backend-v3-state"
  | "identifier-for-each-key"
  | "identifier-map-key"
  | "propagation";

export interface Expectation {
  category: Category;
  /** Name of the artefact (key of Corpus.files). */
  file: string;
  /** What was planted here, for failure messages (never the value). */
  label: string;
  /** Exact RFC 6901 pointer of the finding, when known. */
  pointer?: string;
  /** Otherwise: some finding whose pointer is this prefix or below it. */
  pointerPrefix?: string;
  /** With pointerPrefix: findings whose pointer ends with one of these do not count (a sibling secret's findings). */
  excludeSuffixes?: string[];
  plantedValue: string;
}

export interface Planted {
  label: string;
  category: Category;
  /** The value written into Terraform. */
  value: string;
  /** The random part that must never appear in any audit output (>= 16 characters). */
  core: string;
}

export interface Corpus {
  root: string;
  /** Artefact name -> absolute path. */
  files: Record<string, string>;
  expectations: Expectation[];
  planted: Planted[];
  cleanup(): void;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_DIGIT = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function pick(chars: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += chars[randomInt(chars.length)];
  return s;
}

function mixed(chars: string, n: number): string {
  for (;;) {
    const s = pick(chars, n);
    if (/[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s)) return s;
  }
}

/** Secret-shaped values; `core` is the random part. */
export const shapes = {
  github: () => {
    const core = mixed(ALNUM, 36);
    return { value: `ghp_${core}`, core };
  },
  postgres: () => {
    const core = mixed(ALNUM, 24);
    return { value: `postgres://app:${core}@db.internal:5432/app`, core };
  },
  password: () => {
    const v = randomPassword();
    return { value: v, core: v };
  },
  alnum: (n = 32) => {
    const v = mixed(ALNUM, n);
    return { value: v, core: v };
  },
  genesys: () => {
    const v = genesysSecret();
    return { value: v, core: v };
  },
  awsKeyId: () => {
    const core = pick(BASE32, 16);
    return { value: `AKIA${core}`, core };
  },
  awsSecret: () => {
    for (;;) {
      const v = randomBytes(30).toString("base64");
      if (/[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v)) return { value: v, core: v };
    }
  },
  awsSessionToken: () => {
    const v = "IQoJb3JpZ2luX2Vj" + randomBytes(180).toString("base64");
    return { value: v, core: v.slice(16, 80) };
  },
  slackWebhook: () => {
    const core = mixed(ALNUM, 24);
    return { value: `https://hooks.slack.com/services/T${pick(UPPER_DIGIT, 8)}/B${pick(UPPER_DIGIT, 10)}/${core}`, core };
  },
};

/** A string literal for HCL (escapes quotes, backslashes and template sequences). */
function hcl(v: string): string {
  const body = v.replace(/[\\"]/g, (c) => "\\" + c).replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
  return `"${body}"`;
}

/** RFC 6901 escaping of one reference token. */
function esc(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}
function ptr(...tokens: (string | number)[]): string {
  return tokens.map((t) => "/" + esc(t)).join("");
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function indexWhere<T>(xs: T[], pred: (x: T) => boolean, what: string): number {
  const i = xs.findIndex(pred);
  if (i < 0) throw new Error(`corpus: ${what} not found in real Terraform output`);
  return i;
}

/** Value at a JSON pointer (for the corpus self-check). */
export function valueAt(doc: unknown, pointer: string): unknown {
  if (pointer === "") return doc;
  let cur: any = doc;
  for (const raw of pointer.slice(1).split("/")) {
    const t = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (cur === null || typeof cur !== "object" || !(t in cur)) return undefined;
    cur = cur[t];
  }
  return cur;
}

const AWS_PROVIDER_HEAD =
  `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "5.100.0" }\n  }\n}\n`;

/** Starts a tiny HTTP state server (GET 404 = no state yet; POST/LOCK accepted) for the http backend's init. */
async function startStateServer(): Promise<{ address: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(req.method === "GET" ? 404 : 200);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    address: `http://127.0.0.1:${port}/x`,
    stop: () => new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections())),
  };
}

export async function buildCorpus(): Promise<Corpus> {
  const root = tempDir("sg-artefacts-");
  const files: Record<string, string> = {};
  const expectations: Expectation[] = [];
  const planted: Planted[] = [];
  const plant = (category: Category, label: string, s: { value: string; core: string }): string => {
    planted.push({ category, label, value: s.value, core: s.core });
    return s.value;
  };
  const expect = (e: Expectation) => expectations.push(e);
  const cleanup = () => fs.rmSync(root, { recursive: true, force: true });
  /** terraformOk, with every planted value masked in its error (terraform's diagnostics may quote a value). */
  const terraformOk = async (cwd: string, args: string[], env: Record<string, string> = {}) => {
    try {
      return await terraformOkRaw(cwd, args, env);
    } catch (e) {
      let msg = (e as Error).message;
      for (const p of planted) msg = msg.split(p.value).join("<planted>").split(p.core).join("<planted>");
      throw new Error(msg);
    }
  };

  try {
    // ---------------------------------------------------------------- planted values
    const v = {
      apiToken: plant("plan-variables", "var api_token (ghp_, via -var)", shapes.github()),
      dbUrl: plant("plan-variables", "var db_url (postgres URL, via TF_VAR_)", shapes.postgres()),
      adminPassword: plant("plan-variables", "var admin_password (via .tfvars)", shapes.password()),
      servicePassword: plant("plan-config-defaults", "default of var service_password", shapes.alnum(32)),
      sensDefault: plant("plan-config-defaults", "default of sensitive var sens_default", shapes.alnum(32)),
      modPassword: plant("plan-module-calls", "default of module var mod_password", shapes.alnum(32)),
      modApiKey: plant("plan-module-calls", "literal api_key passed to module m", shapes.alnum(40)),
      checkToken: plant("plan-checks", "check error_message interpolating a ghp_ token", shapes.github()),
      outToken: plant("plan-output-changes", "unmarked output leaky (ghp_)", shapes.github()),
      outSecret: plant("plan-output-changes", "sensitive output hidden (genesys)", shapes.genesys()),
      countPw0: plant("state-count-for-each", "count[0] password (sensitive list)", shapes.alnum(32)),
      countPw1: plant("state-count-for-each", "count[1] password (sensitive list)", shapes.alnum(32)),
      webhook: plant("identifier-for-each-key", "for_each key: Slack webhook URL", shapes.slackWebhook()),
      feToken: plant("identifier-for-each-key", "for_each key: ghp_ token", shapes.github()),
      marked: plant("identifier-for-each-key", "marked client_secret on the for_each instances", shapes.genesys()),
      mapKey: plant("identifier-map-key", "map key: ghp_ token", shapes.github()),
      marked2: plant("identifier-map-key", "marked client_secret beside the map key", shapes.genesys()),
      propToken: plant("propagation", "ghp_ token under token, copied under note", shapes.github()),
      propPw: plant("propagation", "URL password in dsn, copied alone under comment", shapes.alnum(24)),
      awsKeyId: plant("plan-provider-config", "provider aws access_key literal (AKIA...)", shapes.awsKeyId()),
      awsSecret: plant("plan-provider-config", "provider aws secret_key literal (40 chars)", shapes.awsSecret()),
      awsToken: plant("plan-provider-config", "provider aws token literal (session token)", shapes.awsSessionToken()),
      backendPw: plant("backend-v3-state", "http backend password", shapes.alnum(32)),
    };

    // ---------------------------------------------------------------- folder "data": terraform_data + local module
    const data = path.join(root, "data");
    fs.mkdirSync(path.join(data, "m"), { recursive: true });
    fs.writeFileSync(
      path.join(data, "main.tf"),
      [
        `variable "api_token" {\n  type = string\n}`,
        `variable "db_url" {\n  type = string\n}`,
        `variable "admin_password" {\n  type = string\n}`,
        `variable "service_password" {\n  type = string\n  default = ${hcl(v.servicePassword)}\n}`,
        `variable "sens_default" {\n  type = string\n  sensitive = true\n  default = ${hcl(v.sensDefault)}\n}`,
        `variable "check_token" {\n  type = string\n}`,
        `variable "out_token" {\n  type = string\n}`,
        `variable "out_secret" {\n  type = string\n  sensitive = true\n}`,
        `variable "count_passwords" {\n  type = list(string)\n  sensitive = true\n}`,
        `variable "webhook_url" {\n  type = string\n}`,
        `variable "foreach_token" {\n  type = string\n}`,
        `variable "marked" {\n  type = string\n  sensitive = true\n}`,
        `variable "map_key_token" {\n  type = string\n}`,
        `variable "marked2" {\n  type = string\n  sensitive = true\n}`,
        `variable "prop_token" {\n  type = string\n}`,
        `variable "prop_pw" {\n  type = string\n}`,
        `variable "revision" {\n  type = string\n  default = "1"\n}`,
        `resource "terraform_data" "plain" {\n  input = { password = var.admin_password, db = var.db_url, token = var.api_token }\n}`,
        `resource "terraform_data" "counted" {\n  count = 2\n  input = { password = var.count_passwords[count.index] }\n}`,
        `resource "terraform_data" "hooks" {\n  for_each = toset([var.webhook_url, var.foreach_token])\n  input = { client_secret = var.marked }\n}`,
        `resource "terraform_data" "keyed" {\n  input = { (var.map_key_token) = "x", client_secret = var.marked2 }\n}`,
        `resource "terraform_data" "prop" {\n  input = { token = var.prop_token, note = var.prop_token, dsn = "postgres://app:\${var.prop_pw}@db.internal:5432/app", comment = var.prop_pw }\n}`,
        `resource "terraform_data" "rev" {\n  input = var.revision\n}`,
        `module "m" {\n  source = "./m"\n  api_key = ${hcl(v.modApiKey)}\n}`,
        `check "no_tokens" {\n  assert {\n    condition = var.check_token == ""\n    error_message = "token \${var.check_token} must be empty"\n  }\n}`,
        `output "leaky" {\n  value = var.out_token\n}`,
        `output "hidden" {\n  value = var.out_secret\n  sensitive = true\n}`,
        ``,
      ].join("\n\n"),
    );
    fs.writeFileSync(
      path.join(data, "m", "main.tf"),
      `variable "api_key" {\n  type = string\n}\n\nvariable "mod_password" {\n  type = string\n  default = ${hcl(v.modPassword)}\n}\n\n` +
        `resource "terraform_data" "inner" {\n  input = { api_key = var.api_key, password = var.mod_password }\n}\n`,
    );
    fs.writeFileSync(path.join(data, "secrets.tfvars"), `admin_password = ${hcl(v.adminPassword)}\n`);
    const varArgs = ["-input=false", "-var", `api_token=${v.apiToken}`, "-var-file=secrets.tfvars"];
    const env: Record<string, string> = {
      TF_VAR_db_url: v.dbUrl,
      TF_VAR_check_token: v.checkToken,
      TF_VAR_out_token: v.outToken,
      TF_VAR_out_secret: v.outSecret,
      TF_VAR_count_passwords: JSON.stringify([v.countPw0, v.countPw1]),
      TF_VAR_webhook_url: v.webhook,
      TF_VAR_foreach_token: v.feToken,
      TF_VAR_marked: v.marked,
      TF_VAR_map_key_token: v.mapKey,
      TF_VAR_marked2: v.marked2,
      TF_VAR_prop_token: v.propToken,
      TF_VAR_prop_pw: v.propPw,
    };

    // ---------------------------------------------------------------- folder "aws": provider literals (plan only)
    const aws = path.join(root, "aws");
    fs.mkdirSync(aws);
    fs.writeFileSync(
      path.join(aws, "main.tf"),
      AWS_PROVIDER_HEAD +
        `provider "aws" {\n  region = "us-east-1"\n  access_key = ${hcl(v.awsKeyId)}\n  secret_key = ${hcl(v.awsSecret)}\n  token = ${hcl(v.awsToken)}\n` +
        `  skip_credentials_validation = true\n  skip_requesting_account_id = true\n  skip_metadata_api_check = true\n}\n` +
        `resource "aws_secretsmanager_secret" "s" {\n  name = "app"\n}\n`,
    );

    // ---------------------------------------------------------------- folder "backend": http backend with a password
    const backend = path.join(root, "backend");
    fs.mkdirSync(backend);
    const stateServer = await startStateServer();
    try {
      fs.writeFileSync(
        path.join(backend, "main.tf"),
        `terraform {\n  backend "http" {\n    address = "${stateServer.address}"\n    username = "u"\n    password = ${hcl(v.backendPw)}\n  }\n}\n\n` +
          `resource "terraform_data" "x" {\n  input = "plain"\n}\n`,
      );
      await Promise.all([
        terraformOk(backend, ["init", "-input=false"]),
        terraformOk(aws, ["init", "-input=false"]).then(() => terraformOk(aws, ["plan", "-input=false", "-out", "tfplan"])),
        terraformOk(data, ["init", "-input=false"]),
      ]);
    } finally {
      await stateServer.stop();
    }
    files.backendState = path.join(backend, ".terraform", "terraform.tfstate");

    const show = async (dir: string, name: string, args: string[]) => {
      const out = await terraformOk(dir, ["show", "-json", ...args]);
      const f = path.join(root, name);
      fs.writeFileSync(f, out.stdout);
      files[name.replace(/\.json$/, "")] = f;
      return JSON.parse(out.stdout);
    };

    const [awsPlan] = await Promise.all([
      show(aws, "aws-plan.json", ["tfplan"]),
      terraformOk(data, ["plan", ...varArgs, "-out", "create.tfplan"], env),
    ]);
    const planCreate = await show(data, "plan-create.json", ["create.tfplan"]);
    await terraformOk(data, ["apply", "-auto-approve", "create.tfplan"], env);
    // A second apply (one neutral change) so the local backend writes terraform.tfstate.backup.
    await terraformOk(data, ["apply", "-auto-approve", ...varArgs, "-var", "revision=2"], env);
    files.state = path.join(data, "terraform.tfstate");
    files.stateBackup = path.join(data, "terraform.tfstate.backup");
    const outJson = await terraformOk(data, ["output", "-json"]);
    files.outputJson = path.join(root, "outputs.json");
    fs.writeFileSync(files.outputJson, outJson.stdout);
    await Promise.all([
      // Two read-only plans at once: neither writes state, so they need not take the state lock.
      terraformOk(data, ["plan", "-lock=false", ...varArgs, "-var", "revision=2", "-out", "after.tfplan"], env),
      terraformOk(data, ["plan", "-lock=false", "-destroy", ...varArgs, "-var", "revision=2", "-out", "destroy.tfplan"], env),
    ]);
    const [stateShow, planAfter, planDestroy] = await Promise.all([
      show(data, "state-show.json", []),
      show(data, "plan-after.json", ["after.tfplan"]),
      show(data, "plan-destroy.json", ["destroy.tfplan"]),
    ]);
    const state = readJson(files.state);
    const backup = readJson(files.stateBackup);

    // ---------------------------------------------------------------- resource_drift: derived from real output
    // Real Terraform cannot show drift here (terraform_data's refresh returns its prior state; aws needs an API).
    // So: the real plan-after.json, with one resource_drift entry built exactly like Terraform builds them
    // (resource_changes' shape; change.before = the value in state, change.after = the refreshed value).
    const driftPlan = JSON.parse(JSON.stringify(planAfter));
    const plainChange = driftPlan.resource_changes.find((c: any) => c.address === "terraform_data.plain");
    const driftAfter = JSON.parse(JSON.stringify(plainChange.change.before));
    driftAfter.input.db = v.dbUrl; // unchanged secret, still present after "refresh"
    driftAfter.output = { ...driftAfter.output, note: "changed outside Terraform" };
    driftPlan.resource_drift = [
      {
        address: "terraform_data.plain",
        mode: "managed",
        type: "terraform_data",
        name: "plain",
        provider_name: "terraform.io/builtin/terraform",
        change: {
          actions: ["update"],
          before: plainChange.change.before,
          after: driftAfter,
          after_unknown: {},
          before_sensitive: plainChange.change.before_sensitive,
          after_sensitive: plainChange.change.before_sensitive,
        },
      },
    ];
    files["plan-drift"] = path.join(root, "plan-drift.json");
    fs.writeFileSync(files["plan-drift"], JSON.stringify(driftPlan));

    // ---------------------------------------------------------------- expectations
    // Plan JSON sections.
    for (const [name, val, label] of [
      ["api_token", v.apiToken, "var api_token"],
      ["db_url", v.dbUrl, "var db_url"],
      ["admin_password", v.adminPassword, "var admin_password"],
    ] as const) {
      expect({ category: "plan-variables", file: "plan-create", label: `${label} value`, pointer: ptr("variables", name, "value"), plantedValue: val });
    }
    expect({ category: "plan-config-defaults", file: "plan-create", label: "service_password default", pointer: ptr("configuration", "root_module", "variables", "service_password", "default"), plantedValue: v.servicePassword });
    expect({ category: "plan-config-defaults", file: "plan-create", label: "sensitive sens_default default", pointer: ptr("configuration", "root_module", "variables", "sens_default", "default"), plantedValue: v.sensDefault });
    expect({ category: "plan-config-defaults", file: "plan-create", label: "service_password value (from default)", pointer: ptr("variables", "service_password", "value"), plantedValue: v.servicePassword });
    expect({ category: "plan-config-defaults", file: "plan-create", label: "sens_default value (from default)", pointer: ptr("variables", "sens_default", "value"), plantedValue: v.sensDefault });
    expect({ category: "plan-module-calls", file: "plan-create", label: "module var mod_password default", pointer: ptr("configuration", "root_module", "module_calls", "m", "module", "variables", "mod_password", "default"), plantedValue: v.modPassword });
    expect({ category: "plan-module-calls", file: "plan-create", label: "module input api_key constant_value", pointer: ptr("configuration", "root_module", "module_calls", "m", "expressions", "api_key", "constant_value"), plantedValue: v.modApiKey });
    for (const [attr, val] of [
      ["access_key", v.awsKeyId],
      ["secret_key", v.awsSecret],
      ["token", v.awsToken],
    ] as const) {
      expect({ category: "plan-provider-config", file: "aws-plan", label: `provider aws ${attr} constant_value`, pointer: ptr("configuration", "provider_config", "aws", "expressions", attr, "constant_value"), plantedValue: val });
    }
    {
      const ci = indexWhere(planCreate.checks ?? [], (c: any) => c.address?.name === "no_tokens", "checks[no_tokens]");
      const inst = planCreate.checks[ci].instances ?? [];
      const ii = indexWhere(inst, (i: any) => (i.problems ?? []).length > 0, "failing check instance");
      const pi = indexWhere(inst[ii].problems, (p: any) => String(p.message).includes(v.checkToken), "check problem message");
      expect({ category: "plan-checks", file: "plan-create", label: "check problem message", pointer: ptr("checks", ci, "instances", ii, "problems", pi, "message"), plantedValue: v.checkToken });
    }
    {
      expect({ category: "plan-resource-drift", file: "plan-drift", label: "drift before.input.password", pointer: "/resource_drift/0/change/before/input/password", plantedValue: v.adminPassword });
      expect({ category: "plan-resource-drift", file: "plan-drift", label: "drift before.input.db", pointer: "/resource_drift/0/change/before/input/db", plantedValue: v.dbUrl });
      expect({ category: "plan-resource-drift", file: "plan-drift", label: "drift after.input.password", pointer: "/resource_drift/0/change/after/input/password", plantedValue: v.adminPassword });
      expect({ category: "plan-resource-drift", file: "plan-drift", label: "drift after.input.token", pointer: "/resource_drift/0/change/after/input/token", plantedValue: v.apiToken });
    }
    {
      const rc = planDestroy.resource_changes as any[];
      const pi = indexWhere(rc, (c) => c.address === "terraform_data.plain", "destroy plain");
      expect({ category: "plan-destroy", file: "plan-destroy", label: "destroy before.input.password", pointer: ptr("resource_changes", pi, "change", "before", "input", "password"), plantedValue: v.adminPassword });
      expect({ category: "plan-destroy", file: "plan-destroy", label: "destroy before.output.token", pointer: ptr("resource_changes", pi, "change", "before", "output", "token"), plantedValue: v.apiToken });
      const ci = indexWhere(rc, (c) => c.address === "terraform_data.counted[1]", "destroy counted[1]");
      expect({ category: "plan-destroy", file: "plan-destroy", label: "destroy counted[1] before.input.password (marked)", pointer: ptr("resource_changes", ci, "change", "before", "input", "password"), plantedValue: v.countPw1 });
      const mi = indexWhere(rc, (c) => c.address === "module.m.terraform_data.inner", "destroy module.m inner");
      expect({ category: "plan-destroy", file: "plan-destroy", label: "destroy module inner before.input.api_key", pointer: ptr("resource_changes", mi, "change", "before", "input", "api_key"), plantedValue: v.modApiKey });
    }
    expect({ category: "plan-output-changes", file: "plan-create", label: "output_changes.leaky.after (unmarked)", pointer: "/output_changes/leaky/after", plantedValue: v.outToken });
    expect({ category: "plan-output-changes", file: "plan-create", label: "output_changes.hidden.after (sensitive)", pointer: "/output_changes/hidden/after", plantedValue: v.outSecret });
    {
      const pr = planAfter.prior_state.values.root_module.resources as any[];
      const pi = indexWhere(pr, (r) => r.address === "terraform_data.plain", "prior_state plain");
      expect({ category: "plan-prior-state", file: "plan-after", label: "prior_state plain input.password", pointer: ptr("prior_state", "values", "root_module", "resources", pi, "values", "input", "password"), plantedValue: v.adminPassword });
      expect({ category: "plan-prior-state", file: "plan-after", label: "prior_state plain output.db", pointer: ptr("prior_state", "values", "root_module", "resources", pi, "values", "output", "db"), plantedValue: v.dbUrl });
      expect({ category: "plan-prior-state", file: "plan-after", label: "prior_state outputs.leaky.value", pointer: "/prior_state/values/outputs/leaky/value", plantedValue: v.outToken });
      expect({ category: "plan-prior-state", file: "plan-after", label: "prior_state outputs.hidden.value", pointer: "/prior_state/values/outputs/hidden/value", plantedValue: v.outSecret });
      const cm = planAfter.prior_state.values.root_module.child_modules as any[];
      const mi = indexWhere(cm, (m) => m.address === "module.m", "prior_state module.m");
      expect({ category: "plan-prior-state", file: "plan-after", label: "prior_state module.m inner input.api_key", pointer: ptr("prior_state", "values", "root_module", "child_modules", mi, "resources", 0, "values", "input", "api_key"), plantedValue: v.modApiKey });
    }

    // State in every shape.
    const stateRes = (st: any, module: string | undefined, type: string, name: string) =>
      indexWhere(st.resources, (r: any) => r.module === module && r.type === type && r.name === name, `state ${module ?? ""} ${type}.${name}`);
    const stateInst = (st: any, ri: number, key: unknown) =>
      indexWhere(st.resources[ri].instances, (i: any) => i.index_key === key, `state instance ${String(key).length}`);
    {
      const rs = stateShow.values.root_module.resources as any[];
      const pi = indexWhere(rs, (r) => r.address === "terraform_data.plain", "show plain");
      expect({ category: "state-show-json", file: "state-show", label: "show values.input.password", pointer: ptr("values", "root_module", "resources", pi, "values", "input", "password"), plantedValue: v.adminPassword });
      expect({ category: "state-show-json", file: "state-show", label: "show values.output.token", pointer: ptr("values", "root_module", "resources", pi, "values", "output", "token"), plantedValue: v.apiToken });
      const hi = indexWhere(rs, (r) => r.address === `terraform_data.hooks[${JSON.stringify(v.feToken)}]`, "show hooks[token]");
      expect({ category: "state-show-json", file: "state-show", label: "show marked input.client_secret (sensitive_values)", pointer: ptr("values", "root_module", "resources", hi, "values", "input", "client_secret"), plantedValue: v.marked });
      expect({ category: "state-show-json", file: "state-show", label: "show values.outputs.leaky.value", pointer: "/values/outputs/leaky/value", plantedValue: v.outToken });
      expect({ category: "state-show-json", file: "state-show", label: "show values.outputs.hidden.value", pointer: "/values/outputs/hidden/value", plantedValue: v.outSecret });
    }
    {
      const mi = stateRes(state, "module.m", "terraform_data", "inner");
      expect({ category: "state-child-modules", file: "state", label: "state module.m inner input.api_key", pointer: ptr("resources", mi, "instances", 0, "attributes", "input", "value", "api_key"), plantedValue: v.modApiKey });
      expect({ category: "state-child-modules", file: "state", label: "state module.m inner output.password", pointer: ptr("resources", mi, "instances", 0, "attributes", "output", "value", "password"), plantedValue: v.modPassword });
      const cm = stateShow.values.root_module.child_modules as any[];
      const ci = indexWhere(cm, (m) => m.address === "module.m", "show module.m");
      expect({ category: "state-child-modules", file: "state-show", label: "show child_modules inner input.api_key", pointer: ptr("values", "root_module", "child_modules", ci, "resources", 0, "values", "input", "api_key"), plantedValue: v.modApiKey });
      expect({ category: "state-child-modules", file: "state-show", label: "show child_modules inner input.password", pointer: ptr("values", "root_module", "child_modules", ci, "resources", 0, "values", "input", "password"), plantedValue: v.modPassword });
    }
    {
      const ci = stateRes(state, undefined, "terraform_data", "counted");
      for (const [k, val] of [
        [0, v.countPw0],
        [1, v.countPw1],
      ] as const) {
        const ii = stateInst(state, ci, k);
        expect({ category: "state-count-for-each", file: "state", label: `state counted[${k}] input.password (marked)`, pointer: ptr("resources", ci, "instances", ii, "attributes", "input", "value", "password"), plantedValue: val });
        expect({ category: "state-count-for-each", file: "state", label: `state counted[${k}] output.password (unmarked copy)`, pointer: ptr("resources", ci, "instances", ii, "attributes", "output", "value", "password"), plantedValue: val });
      }
      const hi = stateRes(state, undefined, "terraform_data", "hooks");
      for (const key of [v.webhook, v.feToken]) {
        const ii = stateInst(state, hi, key);
        expect({ category: "state-count-for-each", file: "state", label: `state for_each instance input.client_secret (marked)`, pointer: ptr("resources", hi, "instances", ii, "attributes", "input", "value", "client_secret"), plantedValue: v.marked });
      }
    }
    {
      const pi = stateRes(backup, undefined, "terraform_data", "plain");
      expect({ category: "state-backup", file: "stateBackup", label: "backup plain input.password", pointer: ptr("resources", pi, "instances", 0, "attributes", "input", "value", "password"), plantedValue: v.adminPassword });
      expect({ category: "state-backup", file: "stateBackup", label: "backup plain output.db", pointer: ptr("resources", pi, "instances", 0, "attributes", "output", "value", "db"), plantedValue: v.dbUrl });
      const ci = stateRes(backup, undefined, "terraform_data", "counted");
      expect({ category: "state-backup", file: "stateBackup", label: "backup counted[0] input.password (marked)", pointer: ptr("resources", ci, "instances", stateInst(backup, ci, 0), "attributes", "input", "value", "password"), plantedValue: v.countPw0 });
      expect({ category: "state-backup", file: "stateBackup", label: "backup outputs.hidden.value", pointer: "/outputs/hidden/value", plantedValue: v.outSecret });
    }
    expect({ category: "state-outputs", file: "state", label: "state outputs.leaky.value (unmarked)", pointer: "/outputs/leaky/value", plantedValue: v.outToken });
    expect({ category: "state-outputs", file: "state", label: "state outputs.hidden.value (sensitive)", pointer: "/outputs/hidden/value", plantedValue: v.outSecret });
    expect({ category: "output-json", file: "outputJson", label: "output -json leaky.value", pointer: "/leaky/value", plantedValue: v.outToken });
    expect({ category: "output-json", file: "outputJson", label: "output -json hidden.value", pointer: "/hidden/value", plantedValue: v.outSecret });
    expect({ category: "backend-v3-state", file: "backendState", label: "backend.config.password", pointer: "/backend/config/password", plantedValue: v.backendPw });

    // Secrets inside identifiers. Findings about the sibling marked client_secret do not count as "the key found".
    const sibling = ["/client_secret"];
    {
      const hi = stateRes(state, undefined, "terraform_data", "hooks");
      const rcs = planCreate.resource_changes as any[];
      const pvs = planCreate.planned_values.root_module.resources as any[];
      const srs = stateShow.values.root_module.resources as any[];
      const prs = planAfter.prior_state.values.root_module.resources as any[];
      for (const [key, name] of [
        [v.webhook, "Slack webhook key"],
        [v.feToken, "ghp_ token key"],
      ] as const) {
        const address = `terraform_data.hooks[${JSON.stringify(key)}]`;
        const ii = stateInst(state, hi, key);
        expect({ category: "identifier-for-each-key", file: "state", label: `${name}: state instance (index_key)`, pointerPrefix: ptr("resources", hi, "instances", ii), excludeSuffixes: sibling, plantedValue: key });
        expect({ category: "identifier-for-each-key", file: "plan-create", label: `${name}: plan resource_changes entry (address/index)`, pointerPrefix: ptr("resource_changes", indexWhere(rcs, (c) => c.address === address, "rc hooks")), excludeSuffixes: sibling, plantedValue: key });
        expect({ category: "identifier-for-each-key", file: "plan-create", label: `${name}: plan planned_values entry (address/index)`, pointerPrefix: ptr("planned_values", "root_module", "resources", indexWhere(pvs, (r) => r.address === address, "pv hooks")), excludeSuffixes: sibling, plantedValue: key });
        expect({ category: "identifier-for-each-key", file: "state-show", label: `${name}: show -json entry (address/index)`, pointerPrefix: ptr("values", "root_module", "resources", indexWhere(srs, (r) => r.address === address, "show hooks")), excludeSuffixes: sibling, plantedValue: key });
        expect({ category: "identifier-for-each-key", file: "plan-after", label: `${name}: prior_state entry (address/index)`, pointerPrefix: ptr("prior_state", "values", "root_module", "resources", indexWhere(prs, (r) => r.address === address, "prior hooks")), excludeSuffixes: sibling, plantedValue: key });
      }
    }
    {
      const ki = stateRes(state, undefined, "terraform_data", "keyed");
      expect({ category: "identifier-map-key", file: "state", label: "map key: state input attribute", pointerPrefix: ptr("resources", ki, "instances", 0, "attributes", "input"), excludeSuffixes: sibling, plantedValue: v.mapKey });
      const rci = indexWhere(planCreate.resource_changes, (c: any) => c.address === "terraform_data.keyed", "rc keyed");
      expect({ category: "identifier-map-key", file: "plan-create", label: "map key: plan change.after.input", pointerPrefix: ptr("resource_changes", rci, "change", "after", "input"), excludeSuffixes: sibling, plantedValue: v.mapKey });
      const si = indexWhere(stateShow.values.root_module.resources, (r: any) => r.address === "terraform_data.keyed", "show keyed");
      expect({ category: "identifier-map-key", file: "state-show", label: "map key: show values.input", pointerPrefix: ptr("values", "root_module", "resources", si, "values", "input"), excludeSuffixes: sibling, plantedValue: v.mapKey });
    }

    // Propagation: every place the value sits, marked or not, under a neutral key or not.
    {
      const pi = stateRes(state, undefined, "terraform_data", "prop");
      const rci = indexWhere(planCreate.resource_changes, (c: any) => c.address === "terraform_data.prop", "rc prop");
      for (const attr of ["input", "output"]) {
        expect({ category: "propagation", file: "state", label: `state ${attr}.token (ghp_ by pattern)`, pointer: ptr("resources", pi, "instances", 0, "attributes", attr, "value", "token"), plantedValue: v.propToken });
        expect({ category: "propagation", file: "state", label: `state ${attr}.note (copy of the ghp_ token)`, pointer: ptr("resources", pi, "instances", 0, "attributes", attr, "value", "note"), plantedValue: v.propToken });
        expect({ category: "propagation", file: "state", label: `state ${attr}.dsn (URL password)`, pointer: ptr("resources", pi, "instances", 0, "attributes", attr, "value", "dsn"), plantedValue: v.propPw });
        expect({ category: "propagation", file: "state", label: `state ${attr}.comment (copy of the URL password)`, pointer: ptr("resources", pi, "instances", 0, "attributes", attr, "value", "comment"), plantedValue: v.propPw });
      }
      for (const key of ["token", "note", "dsn", "comment"]) {
        expect({ category: "propagation", file: "plan-create", label: `plan change.after.input.${key}`, pointer: ptr("resource_changes", rci, "change", "after", "input", key), plantedValue: key === "token" || key === "note" ? v.propToken : v.propPw });
      }
    }

    void awsPlan;
    return { root, files, expectations, planted, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}
