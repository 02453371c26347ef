import * as fs from "node:fs";
import * as path from "node:path";
import { TerraformStack, Testing } from "cdktf";
import { EncryptedS3Backend, GenesysOAuthClient } from "../index";
import { diffToMarkdown, summarizeChanges } from "../genesys-pack/diff/render";
import type { Change } from "../genesys-pack/diff/compare";
import { capture, clone, tempDir, writeCdktfOut, writeJson, runDiff } from "./support/day2";
import { expectNoLeaks } from "./support/leak-check";
import { ALNUM, fake } from "../guard/detectors/families/sample-values";
import { fingerprint } from "../guard/fingerprint";

const ROLE_ID = "0f6b4c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f";
const ADMIN_ROLE_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const PLANTED_SECRET = "pLaNtEd-SeCrEt-VaLuE-4f9c2b7e1d8a6c3b5e0f";

/** A real synthesized stack from the project's constructs: the baseline every scenario mutates. */
function baseline(): any {
  const s = new TerraformStack(Testing.app(), "prod");
  new EncryptedS3Backend(s, { bucket: "state-bucket", key: "k/terraform.tfstate", region: "us-east-1", kmsKeyId: "alias/tf" });
  new GenesysOAuthClient(s, "api", {
    name: "Production-API-Client",
    roles: [{ name: "Analytics Viewer" }],
    secretDelivery: "secrets-manager",
    secretsManager: { name: "genesys/api" },
  });
  new GenesysOAuthClient(s, "ops", { name: "Ops-Client", roles: [{ id: ROLE_ID }] });
  return JSON.parse(Testing.synth(s));
}

let BASE: any;
let dir: string;
beforeAll(() => {
  BASE = baseline();
  dir = tempDir("guard-diff");
});

const addr = (doc: any, name: string) => Object.keys(doc.resource.genesyscloud_oauth_client).find((k) => doc.resource.genesyscloud_oauth_client[k].name === name)!;
const client = (doc: any, name: string) => doc.resource.genesyscloud_oauth_client[addr(doc, name)];

let n = 0;
async function diffDocs(before: any, after: any, ...extra: string[]) {
  const sub = path.join(dir, `case-${n++}`);
  const b = writeJson(path.join(sub, "before", "cdk.tf.json"), before);
  const a = writeJson(path.join(sub, "after", "cdk.tf.json"), after);
  const r = await capture((io) => runDiff([b, a, "--format", "json", ...extra], io));
  const report = r.stdout ? JSON.parse(r.stdout) : undefined;
  return { ...r, report, changes: (report?.changes ?? []) as Change[] };
}

const kinds = (changes: Change[]) => changes.map((c) => `${c.kind}:${c.severity}`).sort();

describe("secret-guard diff on synthesized stacks", () => {
  test("the baseline against itself: no changes, exit 0, JSON shape", async () => {
    const r = await diffDocs(BASE, BASE);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(Object.keys(r.report)).toEqual(["tool", "before", "after", "changes", "summary"]);
    expect(r.report.tool.name).toBe("secret-guard");
    expect(r.report.changes).toEqual([]);
    expect(r.report.summary).toEqual({ error: 0, warning: 0, info: 0 });
  });

  test("role added: admin-like name by data source is an error, other names a warning; role names resolved", async () => {
    const after = clone(BASE);
    after.data.genesyscloud_auth_role["role-master-admin-0"] = { name: "Master Admin" };
    after.data.genesyscloud_auth_role["role-reader-0"] = { name: "Reader" };
    client(after, "Production-API-Client").roles.push({ role_id: "${data.genesyscloud_auth_role.role-master-admin-0.id}" });
    client(after, "Ops-Client").roles.push({ role_id: "${data.genesyscloud_auth_role.role-reader-0.id}" });
    const r = await diffDocs(BASE, after);
    expect(r.code).toBe(1);
    const admin = r.changes.find((c) => c.kind === "role.added" && c.client === "Production-API-Client")!;
    expect(admin).toMatchObject({ severity: "error", stack: "after", address: `genesyscloud_oauth_client.${addr(after, "Production-API-Client")}` });
    expect(admin.message).toContain('"Master Admin"');
    const reader = r.changes.find((c) => c.kind === "role.added" && c.client === "Ops-Client")!;
    expect(reader.severity).toBe("warning");
    expect(reader.message).toContain('"Reader"');
    expect(r.report.summary).toEqual({ error: 1, warning: 1, info: 0 });
  });

  test("division widened to * is an error; a role removed is info; a role by id keeps its id", async () => {
    const after = clone(BASE);
    client(after, "Ops-Client").roles = [{ role_id: ROLE_ID, division_id: "*" }];
    client(after, "Production-API-Client").roles = [{ role_id: ADMIN_ROLE_ID }];
    const r = await diffDocs(BASE, after);
    expect(r.code).toBe(1);
    expect(kinds(r.changes)).toEqual(["division.all:error", "division.removed:info", "role.added:warning", "role.removed:info"]);
    expect(r.changes.find((c) => c.kind === "role.added")!.message).toContain(ADMIN_ROLE_ID);
    expect(r.changes.find((c) => c.kind === "role.removed")!.message).toContain('"Analytics Viewer"');
  });

  test("scopes: added non-admin scope is a warning, admin/wildcard scope an error, removed scope info", async () => {
    const before = clone(BASE);
    client(before, "Ops-Client").scopes = ["users:readonly"];
    const after = clone(before);
    client(after, "Ops-Client").scopes = ["analytics", "authorization", "oauth:delete"];
    const r = await diffDocs(before, after);
    expect(r.code).toBe(1);
    const bySeverity = Object.fromEntries(r.changes.filter((c) => c.kind.startsWith("scope")).map((c) => [c.message.split(" ")[1], `${c.kind}:${c.severity}`]));
    expect(bySeverity).toEqual({
      analytics: "scope.added:warning",
      authorization: "scope.added:error",
      "oauth:delete": "scope.added:error",
      "users:readonly": "scope.removed:info",
    });
  });

  test("secret delivery: expose_client_secret on, directory_client_secret added, secret_string_wo -> secret_string", async () => {
    const after = clone(BASE);
    client(after, "Ops-Client").expose_client_secret = true;
    client(after, "Ops-Client").directory_client_secret = "/tmp/secrets";
    const versions = after.resource.aws_secretsmanager_secret_version;
    const v = versions[Object.keys(versions)[0]];
    v.secret_string = v.secret_string_wo;
    delete v.secret_string_wo;
    delete v.secret_string_wo_version;
    const r = await diffDocs(BASE, after);
    expect(r.code).toBe(1);
    expect(kinds(r.changes)).toEqual(["secret.directory:error", "secret.exposed:error", "secret.into-state:error"]);
    expect(r.changes.find((c) => c.kind === "secret.into-state")!.address).toMatch(/^aws_secretsmanager_secret_version\./);
  });

  test("a literal secret in an integration credential and an unmasked secret output are errors, and the value is never shown", async () => {
    const after = clone(BASE);
    after.resource.genesyscloud_integration_credential = {
      cred: { name: "c", credential_type_name: "basicAuth", fields: { userName: "svc", password: PLANTED_SECRET } },
    };
    after.output.leak = { value: `\${genesyscloud_oauth_client.${addr(after, "Ops-Client")}.client_secret}` };
    after.output.api_client_id_copy = { value: `\${genesyscloud_oauth_client.${addr(after, "Ops-Client")}.id}` };
    const r = await diffDocs(BASE, after);
    expect(r.code).toBe(1);
    expect(kinds(r.changes)).toEqual(["output.unmasked:error", "secret.literal:error"]);
    expect(r.changes.find((c) => c.kind === "secret.literal")!.address).toBe("genesyscloud_integration_credential.cred");
    expectNoLeaks(PLANTED_SECRET, [["stdout", r.stdout], ["stderr", r.stderr]]);
    const md = await capture((io) => runDiff([path.join(dir, `case-${n - 1}`, "before"), path.join(dir, `case-${n - 1}`, "after")], io));
    expect(md.code).toBe(1);
    expectNoLeaks(PLANTED_SECRET, [["stdout", md.stdout], ["stderr", md.stderr]]);
  });

  test("backend: encryption off and locking off are errors, kms removed a warning, backend removed is local state", async () => {
    const weaker = clone(BASE);
    const s3 = weaker.terraform.backend.s3;
    s3.encrypt = false;
    delete s3.use_lockfile;
    delete s3.dynamodb_table;
    delete s3.kms_key_id;
    let r = await diffDocs(BASE, weaker);
    expect(r.code).toBe(1);
    expect(kinds(r.changes)).toEqual(["backend.encryption-off:error", "backend.kms-removed:warning", "backend.locking-off:error"]);
    const gone = clone(BASE);
    delete gone.terraform.backend;
    r = await diffDocs(BASE, gone);
    expect(kinds(r.changes)).toEqual(["backend.local:error"]);
    const local = clone(BASE);
    local.terraform.backend = { local: { path: "x.tfstate" } };
    r = await diffDocs(BASE, local);
    expect(kinds(r.changes)).toEqual(["backend.local:error"]);
  });

  test("clients: destroyed with prevent_destroy is an error, without it a warning; created is info; renamed a warning", async () => {
    const before = clone(BASE);
    client(before, "Ops-Client").lifecycle = {};
    const after = clone(before);
    delete after.resource.genesyscloud_oauth_client[addr(after, "Production-API-Client")];
    delete after.resource.genesyscloud_oauth_client[addr(after, "Ops-Client")];
    after.resource.genesyscloud_oauth_client.fresh = { name: "Fresh", authorized_grant_type: "CLIENT-CREDENTIALS", roles: [{ role_id: ROLE_ID }] };
    let r = await diffDocs(before, after);
    expect(r.code).toBe(1);
    expect(kinds(r.changes)).toEqual(["client.created:info", "client.destroyed:error", "client.destroyed:warning", "role.added:warning"]);
    expect(r.changes.find((c) => c.severity === "error")!.client).toBe("Production-API-Client");

    const renamed = clone(BASE);
    client(renamed, "Ops-Client").name = "Ops-Client-2";
    delete client(renamed, "Production-API-Client").lifecycle;
    r = await diffDocs(BASE, renamed);
    expect(r.code).toBe(0);
    expect(kinds(r.changes)).toEqual(["client.protection-removed:warning", "client.renamed:warning"]);
  });

  test("clients whose address changed are matched by name", async () => {
    const after = clone(BASE);
    const clients = after.resource.genesyscloud_oauth_client;
    const old = addr(after, "Ops-Client");
    clients["ops-renamed"] = clients[old];
    delete clients[old];
    const r = await diffDocs(BASE, after);
    expect(kinds(r.changes)).toEqual(["client.address-changed:error"]);
    expect(r.changes[0]).toMatchObject({ address: "genesyscloud_oauth_client.ops-renamed", client: "Ops-Client" });
  });

  test("cdktf.out folders: stacks matched by name; added and removed stacks reported", async () => {
    const other = clone(BASE);
    client(other, "Ops-Client").roles.push({ role_id: ADMIN_ROLE_ID, division_id: "*" });
    const b = writeCdktfOut(path.join(dir, "out-before"), { prod: BASE, staging: BASE, old: BASE });
    const a = writeCdktfOut(path.join(dir, "out-after"), { prod: BASE, staging: other, added: BASE });
    const r = await capture((io) => runDiff([b, a, "--format", "json"], io));
    expect(r.code).toBe(1);
    const changes: Change[] = JSON.parse(r.stdout).changes;
    expect(changes.filter((c) => c.stack === "prod")).toEqual([]);
    expect(kinds(changes.filter((c) => c.stack === "staging"))).toEqual(["division.all:error", "role.added:warning"]);
    expect(changes.find((c) => c.stack === "old" && c.kind === "stack.removed")).toBeDefined();
    expect(changes.filter((c) => c.stack === "old" && c.kind === "client.destroyed").every((c) => c.severity === "error")).toBe(true);
    expect(changes.find((c) => c.stack === "added" && c.kind === "stack.added")).toBeDefined();
  });

  test("markdown: summary table, errors first and visible, per-stack collapsed sections; --output writes atomically", async () => {
    const other = clone(BASE);
    client(other, "Ops-Client").expose_client_secret = true;
    client(other, "Ops-Client").scopes = ["a|b<script>"];
    const b = writeCdktfOut(path.join(dir, "md-before"), { prod: BASE, staging: BASE });
    const a = writeCdktfOut(path.join(dir, "md-after"), { prod: BASE, staging: other });
    const out = path.join(dir, "diff.md");
    const r = await capture((io) => runDiff([b, a, "--output", out], io));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const text = fs.readFileSync(out, "utf8");
    expect(text).toMatch(/\| Stack \| Errors \| Warnings \| Info \|/);
    expect(text).toMatch(/\| staging \| 1 \| 1 \| 0 \|/);
    const errorsAt = text.indexOf("Errors\n");
    const detailsAt = text.indexOf("<details>");
    expect(errorsAt).toBeGreaterThan(0);
    expect(errorsAt).toBeLessThan(detailsAt);
    expect(text.slice(errorsAt, detailsAt)).toContain("secret.exposed");
    expect(text).toContain("<details><summary><b>staging</b>: 1 error, 1 warning, 0 info</summary>");
    expect(text).not.toContain("<script>");
    expect(text).toContain("a\\|b&lt;script&gt;");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("markdown is capped at 65,000 characters with a note counting what was omitted", () => {
    const changes: Change[] = [];
    for (let i = 0; i < 3000; i++) {
      changes.push({ kind: i % 2 ? "role.added" : "scope.added", severity: i % 3 ? "warning" : "error", stack: `stack-${i % 7}`, address: `genesyscloud_oauth_client.c${i}`, client: `Client ${i}`, message: `scope x${i} added to a client with a fairly long explanation so lines are not tiny` });
    }
    const text = diffToMarkdown({ tool: { name: "secret-guard", version: "0" }, before: "a", after: "b", changes, summary: summarizeChanges(changes) });
    expect(text.length).toBeLessThanOrEqual(65_000);
    const m = /_(\d+) changes omitted/.exec(text);
    expect(m).not.toBeNull();
    const shownRows = new Set([...text.matchAll(/genesyscloud_oauth_client\.(c\d+)/g)].map((x) => x[1]));
    expect(Number(m![1])).toBe(3000 - shownRows.size);
    expect((text.match(/<details>/g) ?? []).length).toBe((text.match(/<\/details>/g) ?? []).length);
  });
});

describe("secret-guard diff on plans", () => {
  function plan(opts: { roleId: string; actions: string[]; secretString?: boolean; outputSensitive?: boolean }) {
    return {
      format_version: "1.2",
      terraform_version: "1.11.4",
      prior_state: {
        values: {
          root_module: {
            resources: [
              { address: "data.genesyscloud_auth_role.viewer", mode: "data", type: "genesyscloud_auth_role", name: "viewer", values: { id: ROLE_ID, name: "Viewer" } },
              { address: "data.genesyscloud_auth_role.admin", mode: "data", type: "genesyscloud_auth_role", name: "admin", values: { id: ADMIN_ROLE_ID, name: "Admin" } },
            ],
          },
        },
      },
      planned_values: { root_module: {} },
      resource_changes: [
        {
          address: "genesyscloud_oauth_client.api",
          mode: "managed",
          type: "genesyscloud_oauth_client",
          name: "api",
          change: {
            actions: opts.actions,
            before: null,
            after: { name: "API", authorized_grant_type: "CLIENT-CREDENTIALS", roles: [{ role_id: opts.roleId, division_id: "" }], expose_client_secret: false },
            after_unknown: { id: true },
          },
        },
        {
          address: "aws_secretsmanager_secret_version.v",
          mode: "managed",
          type: "aws_secretsmanager_secret_version",
          name: "v",
          change: {
            actions: ["create"],
            before: null,
            after: opts.secretString ? { secret_string: PLANTED_SECRET, secret_string_wo: null } : { secret_string: null, secret_string_wo: null },
            after_unknown: {},
          },
        },
      ],
      configuration: {
        root_module: {
          outputs: { secret: { expression: { references: ["genesyscloud_oauth_client.api.client_secret", "genesyscloud_oauth_client.api"] }, sensitive: opts.outputSensitive } },
          resources: [
            { address: "aws_secretsmanager_secret_version.v", mode: "managed", type: "aws_secretsmanager_secret_version", expressions: opts.secretString ? { secret_string: { references: ["genesyscloud_oauth_client.api.client_secret"] } } : { secret_string_wo: { references: ["genesyscloud_oauth_client.api.client_secret"] } } },
          ],
        },
      },
    };
  }

  test("replacement, role ids resolved to names, secret into state, unmasked output; no value printed", async () => {
    const b = writeJson(path.join(dir, "plans", "before.json"), plan({ roleId: ROLE_ID, actions: ["update"], outputSensitive: true }));
    const a = writeJson(path.join(dir, "plans", "after.json"), plan({ roleId: ADMIN_ROLE_ID, actions: ["delete", "create"], secretString: true, outputSensitive: false }));
    const r = await capture((io) => runDiff([b, a, "--format", "json"], io));
    expect(r.code).toBe(1);
    const changes: Change[] = JSON.parse(r.stdout).changes;
    expect(kinds(changes)).toEqual(["client.replaced:error", "output.unmasked:error", "role.added:error", "role.removed:info", "secret.into-state:error"]);
    expect(changes.find((c) => c.kind === "role.added")!.message).toContain('"Admin"');
    expect(changes.find((c) => c.kind === "role.removed")!.message).toContain('"Viewer"');
    const md = await capture((io) => runDiff([b, a], io));
    expectNoLeaks(PLANTED_SECRET, [["json stdout", r.stdout], ["json stderr", r.stderr], ["markdown stdout", md.stdout], ["markdown stderr", md.stderr]]);
  });
});

describe("secret-guard diff: identifiers that hold a piece of a hidden value", () => {
  test("a for_each key cut from a client name Terraform marked sensitive is printed as its fingerprint (json and markdown)", async () => {
    const name = fake(ALNUM, 40, 31);
    const key = `k-${name.slice(3, 15)}`;
    const address = `genesyscloud_oauth_client.api["${key}"]`;
    const planOf = (changes: unknown[]) => ({ format_version: "1.2", terraform_version: "1.11.4", planned_values: { root_module: {} }, resource_changes: changes, configuration: { root_module: {} } });
    const created = {
      address,
      mode: "managed",
      type: "genesyscloud_oauth_client",
      name: "api",
      index: key,
      change: { actions: ["create"], before: null, after: { name, authorized_grant_type: "CLIENT-CREDENTIALS", roles: [], expose_client_secret: false }, after_unknown: { id: true }, after_sensitive: { name: true } },
    };
    const b = writeJson(path.join(dir, "keyed", "before.json"), planOf([]));
    const a = writeJson(path.join(dir, "keyed", "after.json"), planOf([created]));
    const r = await capture((io) => runDiff([b, a, "--format", "json"], io));
    const md = await capture((io) => runDiff([b, a], io));
    // The plan really holds the piece in the address (the check below can fail).
    expect(fs.readFileSync(a, "utf8").includes(name.slice(3, 15))).toBe(true);
    expectNoLeaks(name, [["json stdout", r.stdout], ["json stderr", r.stderr], ["markdown stdout", md.stdout], ["markdown stderr", md.stderr]]);
    const changes: Change[] = JSON.parse(r.stdout).changes;
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.some((c) => c.address === `genesyscloud_oauth_client.api["[${fingerprint(key)}]"]`)).toBe(true);
    expect(md.stdout).toContain(fingerprint(key));
  });
});

describe("secret-guard diff usage and input errors: exit 2, one line, no stack trace", () => {
  let synth: string;
  let planFile: string;
  let notJson: string;
  beforeAll(() => {
    synth = writeJson(path.join(dir, "err", "s", "cdk.tf.json"), BASE);
    planFile = writeJson(path.join(dir, "err", "plan.json"), { format_version: "1.2", resource_changes: [] });
    notJson = path.join(dir, "err", "broken.json");
    fs.writeFileSync(notJson, `{"resource": ${JSON.stringify(PLANTED_SECRET)}`);
  });

  test.each([
    ["missing path", () => [synth, path.join(dir, "nope")], /AFTER \(argument 3\): no such file or folder/],
    ["not JSON", () => [notJson, synth], /BEFORE .*broken\.json: not valid JSON/],
    ["unknown format", () => [synth, synth, "--format", "html"], /--format .*(markdown, json)/],
    ["mixing a plan and a synth output", () => [planFile, synth], /BEFORE is a plan JSON and AFTER a synth output/],
    ["one path only", () => [synth], /expected BEFORE and AFTER/],
    ["unknown option", () => [synth, synth, "--colour"], /^error: unknown option --colour for secret-guard diff; see secret-guard diff --help$/m],
    ["empty folder", () => [path.join(dir, "err"), synth], /no cdk\.tf\.json/],
  ])("%s", async (_name, args, message) => {
    const r = await capture((io) => runDiff(args(), io));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expectNoLeaks(PLANTED_SECRET, [["stderr", r.stderr]]);
  });
});

describe("diff and rotation delivery", () => {
  const { GenesysOAuthClient: Client } = require("../constructs/genesys-oauth-client");
  const { EncryptedS3Backend: Backend } = require("../constructs/encrypted-s3-backend");
  const { GenesysCloudProvider: Provider } = require("../constructs/genesys-cloud-provider");
  const { Testing: T, TerraformStack: Stack } = require("cdktf");
  const { AwsProvider } = require("@cdktf/provider-aws/lib/provider");

  function synthWith(delivery: string): any {
    const app = T.app();
    const stack = new Stack(app, "rot");
    new Backend(stack, { bucket: "state-bucket", key: "rot/terraform.tfstate", region: "us-east-1", kmsKeyId: "alias/k" });
    new Provider(stack, "genesys", { region: "us-east-1", env: {} });
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    new Client(stack, "reporting", {
      name: "Reporting",
      roles: [{ name: "Analytics Viewer" }],
      secretDelivery: delivery,
      secretsManager: { name: "genesys/reporting" },
    });
    return JSON.parse(T.synth(stack));
  }

  it("flags a change from secrets-manager-rotation back to a delivery that puts the secret in state", async () => {
    const dir = tempDir("diff-rotation");
    try {
      const before = writeCdktfOut(path.join(dir, "before"), { rot: synthWith("secrets-manager-rotation") });
      const after = writeCdktfOut(path.join(dir, "after"), { rot: synthWith("secrets-manager") });
      const r = await capture((io) => runDiff([before, after, "--format", "json"], io));
      expect(r.code).toBe(1);
      const changes = JSON.parse(r.stdout).changes;
      expect(changes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "secret.rotation-removed", severity: "error" })]));
      const same = await capture((io) => runDiff([before, before, "--format", "json"], io));
      expect(same.code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
