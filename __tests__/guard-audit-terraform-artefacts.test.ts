// What Terraform and HCP Terraform write, read by the audit (issue 21, item 1): HCP Terraform's redacted JSON plan,
// UTF-16 with a byte order mark (PowerShell's `>`), the empty state's `terraform show -json`, state formats 1 to 3
// with today's addresses, and a binary plan or a setup-terraform capture refused with what to run instead.
// Planted values are random per run and never printed (failures name pointers, rules and counts only).
import * as fs from "node:fs";
import * as path from "node:path";
import { createHash, randomInt } from "node:crypto";
import { runCli, CliResult } from "./support/audit-cli";
import { itWithTerraform, tempDirsRemovedAfterAll, terraformOk } from "./support/terraform-runner";
import { expectNoLeaks } from "./support/leak-check";
import { withChecksum } from "../guard/detectors/families/sample-values";
import { auditFiles } from "../guard/audit/audit-files";
import { REDACTED_PLAN_NOTE } from "../guard/audit/stages/read-document";

const itTf = itWithTerraform();
const tempDir = tempDirsRemovedAfterAll();

/** A GitHub-shaped token, new every run, assembled here (no complete token literal in the source). */
const token = (): string => withChecksum("gh" + "p_", randomInt(1, 2 ** 31));

function json(r: CliResult): any {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`no JSON report: exit ${r.code}, stderr ${r.stderr.length} characters`);
  }
}

/** The findings as `pointer rule address` lines: what a failure may print (no value). */
/** The document with every object's members sorted by name, as `jq -S` writes it. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

function placesOf(r: CliResult): string[] {
  return (json(r).findings ?? []).map((f: any) => `${f.pointer} ${f.ruleId} ${f.address}`).sort();
}

function audit(file: string, format = "json", extra: string[] = []): CliResult {
  return runCli(["audit", "--format", format, "--fail-on", "none", ...extra, file]);
}

/** One line on stderr, exit 2, nothing on stdout. */
function expectOneLineRefusal(r: CliResult, file: string, words: RegExp): void {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(path.basename(file));
  expect(lines[0]).toMatch(words);
  expect(lines[0]).not.toMatch(/\n\s+at /);
}

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

function utf16be(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
}

describe("real Terraform artefacts the audit reads or refuses", () => {
  const secret = token();
  let dir = "";
  let planJson = "";
  let planFile = "";

  beforeAll(async () => {
    dir = tempDir("sg-artefacts");
    // terraform_data is built in: no provider to download.
    fs.writeFileSync(
      path.join(dir, "main.tf"),
      'variable "token" {\n  type = string\n}\nresource "terraform_data" "t" {\n  input = { note = var.token, label = "caf\\u00e9 \\U0001F680" }\n}\n',
    );
  });

  itTf("a binary plan (terraform plan -out) gets one line saying what to run instead, exit 2", async () => {
    await terraformOk(dir, ["init", "-input=false", "-no-color"]);
    await terraformOk(dir, ["plan", "-input=false", "-no-color", "-out=plan.tfplan"], { TF_VAR_token: secret });
    planFile = path.join(dir, "plan.tfplan");
    expect(fs.readFileSync(planFile).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const r = audit(planFile);
    expectOneLineRefusal(r, planFile, /binary plan file.*terraform show -json plan\.tfplan > plan\.json/);
    // The archive holds the planned values: nothing of them is echoed.
    expectNoLeaks(secret, [["stderr", r.stderr]]);

    planJson = (await terraformOk(dir, ["show", "-json", "plan.tfplan"])).stdout;
    expect(planJson).toContain(secret); // the plan JSON holds the value (variables, resource_changes)
  });

  itTf("a capture with setup-terraform's [command] line gets the same advice, exit 2", () => {
    const file = path.join(dir, "captured.json");
    fs.writeFileSync(file, `[command]/home/runner/work/_temp/terraform-bin show -json plan.tfplan\n${planJson}`);
    const r = audit(file);
    expectOneLineRefusal(r, file, /\[command\] line of setup-terraform's wrapper.*terraform show -json plan\.tfplan > plan\.json/);
    expectNoLeaks(secret, [["stderr", r.stderr]]);
  });

  itTf("UTF-16 LE and BE with a byte order mark, and UTF-8 with one, read the same as UTF-8", async () => {
    const utf8 = path.join(dir, "plan.json");
    fs.writeFileSync(utf8, planJson);
    const expected = placesOf(audit(utf8));
    expect(expected.some((p) => p.startsWith("/variables/token/value "))).toBe(true);
    const variants: Array<[string, Buffer]> = [
      ["plan-utf16le.json", utf16le(planJson)],
      ["plan-utf16be.json", utf16be(planJson)],
      ["plan-utf8bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(planJson)])],
    ];
    for (const [name, bytes] of variants) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const byFormat = ["json", "text", "sarif"].map((f) => audit(file, f));
      expect({ name, places: placesOf(byFormat[0]), kinds: json(byFormat[0]).files.map((f: any) => f.kind) }).toEqual({ name, places: expected, kinds: ["plan"] });
      // Fingerprints agree too: the decoded value is the value.
      expect(json(byFormat[0]).findings.map((f: any) => f.fingerprint).sort()).toEqual(json(audit(utf8)).findings.map((f: any) => f.fingerprint).sort());
      expectNoLeaks(secret, byFormat.flatMap((r, k) => [[`${k} stdout`, r.stdout] as [string, string], [`${k} stderr`, r.stderr] as [string, string]]));
    }
  });

  itTf("the empty state's terraform show -json is a clean state, exit 0", async () => {
    const empty = tempDir("sg-empty-state");
    await terraformOk(empty, ["init", "-input=false", "-no-color"]);
    const shown = (await terraformOk(empty, ["show", "-json"])).stdout;
    expect(JSON.parse(shown)).toEqual({ format_version: "1.0" });
    const file = path.join(empty, "state.json");
    fs.writeFileSync(file, shown);
    const r = runCli(["audit", "--format", "json", file]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(json(r).files).toEqual([{ path: file, kind: "state" }]);
    expect(json(r).findings).toEqual([]);
  });
});

describe("UTF-16 is decoded as a stream", () => {
  it("the same findings when chunks end mid-character (odd sizes, surrogate pairs cut, the BE carry byte)", async () => {
    const secrets = [token(), token(), token()];
    // Large enough for many chunks; characters of 1 and 2 UTF-16 units throughout, so chunks cut everywhere.
    const filler = "caf\u00e9 \u{1F680} ".repeat(2000);
    const outputs: Record<string, object> = {};
    secrets.forEach((s, k) => {
      outputs[`pad_${k}`] = { value: filler, type: "string" };
      outputs[`o_${k}`] = { value: `${s}`, type: "string", sensitive: true };
    });
    const text = JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 1, lineage: "x", outputs, resources: [] });
    const folder = tempDir("sg-utf16-stream");
    const files = { utf8: path.join(folder, "s.tfstate"), le: path.join(folder, "le.tfstate"), be: path.join(folder, "be.tfstate") };
    fs.writeFileSync(files.utf8, text);
    fs.writeFileSync(files.le, utf16le(text));
    fs.writeFileSync(files.be, utf16be(text));
    expect(fs.statSync(files.le).size).toBeGreaterThan(20 * 4099);
    const summary = async (file: string, chunkBytes?: number) => (await auditFiles([file], { chunkBytes })).findings.map((f) => `${f.pointer} ${f.ruleId} ${f.fingerprint}`).sort();
    const want = await summary(files.utf8);
    expect(want.filter((w) => /^\/outputs\/o_\d\/value /.test(w))).toHaveLength(3);
    for (const chunkBytes of [4097, 4099, 8192]) {
      for (const file of [files.le, files.be]) {
        expect({ file: path.basename(file), chunkBytes, got: await summary(file, chunkBytes) }).toEqual({ file: path.basename(file), chunkBytes, got: want });
      }
    }
  });
});

describe("UTF-16 that cannot be decoded, refused in one line", () => {
  it("UTF-16 without a byte order mark names the encoding and what to save instead", () => {
    const file = path.join(tempDir("sg-utf16"), "nobom.json");
    fs.writeFileSync(file, Buffer.from(JSON.stringify({ format_version: "1.0" }), "utf16le"));
    expectOneLineRefusal(audit(file), file, /UTF-16 text without a byte order mark; save it as UTF-8/);
  });

  it("an unpaired surrogate (a cut character) is refused, the value not echoed", () => {
    const secret = token();
    const file = path.join(tempDir("sg-utf16"), "broken.json");
    const text = JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 1, lineage: "x", outputs: { o: { value: secret + "LONE", type: "string" } }, resources: [] }).replace("LONE", "\ud800");
    fs.writeFileSync(file, utf16le(text));
    const r = audit(file);
    expectOneLineRefusal(r, file, /not valid UTF-16 LE text/);
    expectNoLeaks(secret, [["stderr", r.stderr]]);
  });

  it("an odd number of bytes in UTF-16 BE is refused (a cut file)", () => {
    const file = path.join(tempDir("sg-utf16"), "cut.json");
    fs.writeFileSync(file, utf16be(JSON.stringify({ format_version: "1.0" })).subarray(0, 9));
    expectOneLineRefusal(audit(file), file, /not valid UTF-16 BE text/);
  });
});

describe("HCP Terraform's redacted JSON plan (plan_format_version)", () => {
  const secret = token();
  const other = token();
  // Our own plan in the shape of `GET /api/v2/plans/:id/json-output-redacted`: no format_version, no
  // planned_values/prior_state/configuration; provider_schemas and provider_format_version instead.
  const redacted = {
    plan_format_version: "1.2",
    resource_drift: [
      {
        address: "aws_ssm_parameter.p",
        mode: "managed",
        type: "aws_ssm_parameter",
        name: "p",
        provider_name: "registry.terraform.io/hashicorp/aws",
        change: { actions: ["update"], before: { name: "/app/p", tags: { owner: "ops" } }, after: { name: "/app/p", tags: { owner: "ops", ci: other } }, before_sensitive: {}, after_sensitive: {} },
      },
    ],
    resource_changes: [
      {
        address: "terraform_data.t",
        mode: "managed",
        type: "terraform_data",
        name: "t",
        provider_name: "terraform.io/builtin/terraform",
        change: { actions: ["create"], before: null, after: { input: { note: secret } }, after_unknown: { id: true, output: true }, before_sensitive: false, after_sensitive: {} },
      },
    ],
    relevant_attributes: [],
    output_changes: { region: { actions: ["create"], before: null, after: "eu-west-1", after_unknown: false, before_sensitive: false, after_sensitive: false } },
    provider_schemas: {
      "registry.terraform.io/hashicorp/aws": {
        provider: { version: 0, block: { attributes: { secret_key: { type: "string", description: "The secret key for API operations.", optional: true, sensitive: true } } } },
      },
    },
    provider_format_version: "1.0",
  };

  it("is audited as a plan (its clear values), and every report format says it was redacted", () => {
    const file = path.join(tempDir("sg-redacted"), "plan-redacted.json");
    fs.writeFileSync(file, JSON.stringify(redacted, null, 2));
    const rj = audit(file);
    expect(rj.code).toBe(0);
    const report = json(rj);
    expect(report.files).toEqual([{ path: file, kind: "plan", notes: [REDACTED_PLAN_NOTE] }]);
    const places = placesOf(rj);
    expect(places.filter((p) => p.startsWith("/resource_changes/0/change/after/input/note "))).toHaveLength(1);
    expect(places.filter((p) => p.startsWith("/resource_drift/0/change/after/tags/ci "))).toHaveLength(1);
    // The providers' schemas are descriptions, not values.
    expect(places.filter((p) => p.startsWith("/provider_schemas"))).toEqual([]);

    const text = audit(file, "text");
    expect(text.stdout).toContain(`  note: ${REDACTED_PLAN_NOTE}\n`);
    const sarif = JSON.parse(audit(file, "sarif").stdout);
    expect(sarif.runs[0].artifacts[0].properties).toEqual({ kind: "plan", notes: [REDACTED_PLAN_NOTE] });
    expectNoLeaks([secret, other], [["json", rj.stdout], ["text", text.stdout], ["sarif", JSON.stringify(sarif)], ["stderr", rj.stderr + text.stderr]]);
  });

  it("a marked value is HCP Terraform's stand-in (a 64-hex digest), not a secret in clear: not reported, not followed; unredacted, the same marks are reported", () => {
    const standIn = createHash("sha256").update(token()).digest("hex");
    const marked = {
      ...redacted,
      resource_changes: [
        ...redacted.resource_changes,
        {
          address: "aws_db_instance.db", mode: "managed", type: "aws_db_instance", name: "db", provider_name: "registry.terraform.io/hashicorp/aws",
          change: { actions: ["create"], before: null, after: { identifier: "db", password: standIn, tags: { copy: standIn } }, after_unknown: {}, before_sensitive: false, after_sensitive: { password: true, tags: {} } },
        },
      ],
      output_changes: { ...redacted.output_changes, db_password: { actions: ["create"], before: null, after: standIn, after_unknown: false, before_sensitive: true, after_sensitive: true } },
    };
    const file = path.join(tempDir("sg-redacted"), "plan-redacted.json");
    fs.writeFileSync(file, JSON.stringify(marked));
    const places = placesOf(audit(file));
    expect(places.filter((p) => /^\/(output_changes\/db_password|resource_changes\/1\/)/.test(p))).toEqual([]);
    expect(places.filter((p) => p.startsWith("/resource_changes/0/change/after/input/note "))).toHaveLength(1);
    // Sorted by key (jq -S: output_changes comes before plan_format_version), the same.
    const sortedFile = path.join(tempDir("sg-redacted"), "plan-redacted-sorted.json");
    fs.writeFileSync(sortedFile, JSON.stringify(sortKeys(marked)));
    expect(Object.keys(JSON.parse(fs.readFileSync(sortedFile, "utf8")))[0]).toBe("output_changes");
    expect(placesOf(audit(sortedFile))).toEqual(places);
    // A marked value that is not a stand-in is one the redaction missed: reported.
    const missed = token();
    const leaky = { ...marked, output_changes: { ...marked.output_changes, db_password: { ...marked.output_changes.db_password, after: missed } } };
    const leakyFile = path.join(tempDir("sg-redacted"), "plan-redacted-missed.json");
    fs.writeFileSync(leakyFile, JSON.stringify(sortKeys(leaky)));
    const leakyRun = audit(leakyFile);
    expect(placesOf(leakyRun).filter((p) => p.startsWith("/output_changes/db_password/after "))).toHaveLength(1);
    expectNoLeaks([missed], [["json", leakyRun.stdout], ["stderr", leakyRun.stderr]]);
    // The control: the same document as a plain plan reports the marked values.
    const { plan_format_version: _v, provider_schemas: _s, provider_format_version: _p, ...rest } = marked;
    const plain = path.join(tempDir("sg-redacted"), "plan.json");
    fs.writeFileSync(plain, JSON.stringify({ format_version: "1.2", terraform_version: "1.11.4", planned_values: { root_module: {} }, ...rest }));
    const plainPlaces = placesOf(audit(plain));
    expect(plainPlaces.filter((p) => p.startsWith("/output_changes/db_password/after "))).toHaveLength(1);
    expect(plainPlaces.filter((p) => p.startsWith("/resource_changes/1/change/after/password "))).toHaveLength(1);
  });

  it("a plain plan has no note", () => {
    const plain = { format_version: "1.2", terraform_version: "1.11.4", resource_changes: redacted.resource_changes, planned_values: { root_module: {} } };
    const file = path.join(tempDir("sg-redacted"), "plan.json");
    fs.writeFileSync(file, JSON.stringify(plain));
    const report = json(audit(file));
    expect(report.files).toEqual([{ path: file, kind: "plan" }]);
  });

  it("is found in a folder by its content", () => {
    const folder = tempDir("sg-redacted");
    fs.writeFileSync(path.join(folder, "run-123.json"), JSON.stringify(redacted));
    const report = json(audit(folder));
    expect(report.files.map((f: any) => f.kind)).toEqual(["plan"]);
  });
});

describe("state formats 1 to 3, read as Terraform upgrades them, with today's addresses", () => {
  const password = token();
  const outToken = token();
  const tainted = token();
  const deposed = token();
  const dataToken = token();

  // Format 1 (Terraform before 0.7): outputs are strings, a resource keeps tainted objects, keys are legacy addresses.
  const v1 = {
    version: 1,
    serial: 3,
    modules: [
      {
        path: ["root"],
        outputs: { api_token: outToken },
        resources: {
          "aws_instance.web.0": { type: "aws_instance", primary: { id: "i-1", attributes: { id: "i-1", "tags.%": "1", "tags.ci": password } } },
          "aws_instance.web.1": { type: "aws_instance", primary: { id: "i-2", attributes: { id: "i-2" } }, tainted: [{ id: "i-3", attributes: { id: "i-3", user_data: tainted } }] },
        },
      },
    ],
  };
  // Format 2 (0.7 to 0.10): lineage, structured outputs, deposed objects, data sources, a child module.
  const v2 = {
    version: 2,
    terraform_version: "0.9.11",
    serial: 7,
    lineage: "b7e6c1d4-0000-4000-8000-000000000002",
    modules: [
      { path: ["root"], outputs: { token: { sensitive: true, type: "string", value: outToken } }, resources: {}, depends_on: [] },
      {
        path: ["root", "app"],
        outputs: {},
        resources: {
          "aws_db_instance.db": { type: "aws_db_instance", depends_on: [], primary: { id: "db-1", attributes: { id: "db-1", password }, meta: {}, tainted: false }, deposed: [{ id: "db-0", attributes: { id: "db-0", password: deposed } }], provider: "" },
          "data.aws_ssm_parameter.p.2": { type: "aws_ssm_parameter", depends_on: [], primary: { id: "/p", attributes: { id: "/p", value: dataToken } }, deposed: [], provider: "" },
        },
        depends_on: [],
      },
    ],
  };
  // Format 3 (0.11) with its members sorted (jq -S): a module's outputs come before its path.
  const v3 = {
    lineage: "b7e6c1d4-0000-4000-8000-000000000003",
    modules: [
      { depends_on: [], outputs: {}, path: ["root"], resources: { "aws_instance.web": { depends_on: [], deposed: [], primary: { attributes: { id: "i-1", "tags.ci": password }, id: "i-1", meta: {}, tainted: false }, provider: "provider.aws", type: "aws_instance" } } },
      { depends_on: [], outputs: { conn: { sensitive: false, type: "string", value: dataToken } }, path: ["root", "net", "inner"], resources: {} },
    ],
    serial: 2,
    terraform_version: "0.11.14",
    version: 3,
  };

  function auditState(name: string, doc: object): { r: CliResult; places: string[] } {
    const file = path.join(tempDir("sg-old-state"), `${name}.tfstate`);
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    const r = audit(file);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    return { r, places: placesOf(r) };
  }

  it("format 1: count instances as aws_x.y[N], tainted objects and string outputs are audited", () => {
    const { r, places } = auditState("v1", v1);
    const at = (pointer: string) => places.filter((p) => p.startsWith(pointer + " "));
    expect(at("/modules/0/resources/aws_instance.web.0/primary/attributes/tags.ci").map((p) => p.split(" ")[2])).toEqual(["aws_instance.web[0]"]);
    expect(at("/modules/0/resources/aws_instance.web.1/tainted/0/attributes/user_data").map((p) => p.split(" ")[2])).toEqual(["aws_instance.web[1]"]);
    expect(at("/modules/0/outputs/api_token").map((p) => p.split(" ")[2])).toEqual(["output.api_token"]);
    expect(json(r).files[0]).toEqual({ path: expect.any(String), kind: "state", notes: ["state format 1 (Terraform before 0.7), read as Terraform upgrades it"] });
    expect(places.join("\n")).not.toMatch(/modules \[/);
    expectNoLeaks([password, outToken, tainted], [["stdout", r.stdout]]);
  });

  it("format 2: module.app.aws_x.y, data sources as data.x.y[N], deposed objects, sensitive outputs marked", () => {
    const { r, places } = auditState("v2", v2);
    const findings = json(r).findings as any[];
    const at = (pointer: string) => findings.filter((f) => f.pointer === pointer);
    expect(at("/modules/1/resources/aws_db_instance.db/primary/attributes/password").map((f) => f.address)).toEqual(["module.app.aws_db_instance.db"]);
    expect(at("/modules/1/resources/aws_db_instance.db/deposed/0/attributes/password").map((f) => f.address)).toEqual(["module.app.aws_db_instance.db"]);
    expect(at("/modules/1/resources/data.aws_ssm_parameter.p.2/primary/attributes/value").map((f) => f.address)).toEqual(["module.app.data.aws_ssm_parameter.p[2]"]);
    const out = at("/modules/0/outputs/token/value");
    expect(out.map((f) => [f.address, f.markedSensitive])).toEqual([["output.token", true]]);
    expect(places.length).toBeGreaterThanOrEqual(4);
    expectNoLeaks([password, outToken, deposed, dataToken], [["stdout", r.stdout]]);
  });

  it("format 3 (members sorted by jq -S): module.net.module.inner.output.x, even with outputs before the path", () => {
    const { r } = auditState("v3", v3);
    const findings = json(r).findings as any[];
    expect(findings.filter((f) => f.pointer === "/modules/0/resources/aws_instance.web/primary/attributes/tags.ci").map((f) => f.address)).toEqual(["aws_instance.web"]);
    expect(findings.filter((f) => f.pointer === "/modules/1/outputs/conn/value").map((f) => f.address)).toEqual(["module.net.module.inner.output.conn"]);
    expect(json(r).files[0].notes).toBeUndefined();
    for (const f of findings) expect(f.address).not.toMatch(/^modules|\[0\]\.resources/);
    expectNoLeaks([password, dataToken], [["stdout", r.stdout]]);
  });

  it("format 0 or 5 is refused in one line naming the versions read", () => {
    for (const version of [0, 5]) {
      const file = path.join(tempDir("sg-old-state"), `v${version}.tfstate`);
      fs.writeFileSync(file, JSON.stringify({ ...v2, version }));
      expectOneLineRefusal(audit(file), file, new RegExp(`state format version ${version} is not supported \\(only 1 to 4\\)`));
    }
  });
});
