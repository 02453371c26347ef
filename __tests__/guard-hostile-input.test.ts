/**
 * Hostile and odd input (issue 14): every case must end (exit 0, 1 or 2), say what and where in one line on stderr
 * when it refuses, and never print a planted value: not on stdout, not on stderr, not in a report file. Inputs are
 * generated in a temp folder deleted afterwards. Asserts completion and correctness only, never timings.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CLI, genesysSecret, runCli } from "./support/audit-cli";
import { itUnless } from "./support/skip";
import { capture, secretGuard } from "./support/day2";
import { CHILD_LIMITS } from "./support/child-limits";
import { expectNoLeaks } from "./support/leak-check";

/** Control characters that must never reach output raw (line feeds separate lines and are allowed). */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let n = 0;
const SECRET = genesysSecret();
/** Not a valid environment variable name: what a value pasted in place of its name looks like. */
const PASTED = `p@ss:${genesysSecret()}!`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sg-hostile-"));
  fs.chmodSync(dir, 0o755); // the unprivileged-user cases read it too
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string | Buffer) => {
  const p = path.join(dir, `${n++}-${name}`);
  fs.writeFileSync(p, text);
  return p;
};
const json = (name: string, doc: unknown) => file(name, JSON.stringify(doc, null, 2));

const lines = (text: string) => text.split("\n").filter((l) => l !== "");
/** Exit 2 with exactly one line on stderr (no stack trace) holding `pattern`, nothing planted anywhere. */
function expectRefused(r: { code: number; stdout: string; stderr: string }, pattern: RegExp, planted: string[] = [SECRET, PASTED]) {
  expect(r.code).toBe(2);
  expect(lines(r.stderr)).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(RAW_CONTROL.test(r.stderr)).toBe(false);
  expectNoLeaks(planted, [["stdout", r.stdout], ["stderr", r.stderr]]);
}
const run = (argv: string[], env: NodeJS.ProcessEnv = process.env) => capture((io) => secretGuard(argv, io), { env });

function state(attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    version: 4,
    terraform_version: "1.9.8",
    serial: 1,
    lineage: "6d1c4c6a-0000-4000-8000-000000000001",
    outputs: {},
    resources: [
      {
        mode: "managed",
        type: "aws_db_instance",
        name: "db",
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
      },
    ],
    ...extra,
  };
}

function plan(client: Record<string, unknown>, afterSensitive: unknown) {
  return {
    format_version: "1.2",
    terraform_version: "1.9.8",
    planned_values: { root_module: {} },
    resource_changes: [
      {
        address: "genesyscloud_oauth_client.api",
        mode: "managed",
        type: "genesyscloud_oauth_client",
        name: "api",
        change: { actions: ["update"], before: {}, after: client, after_unknown: {}, after_sensitive: afterSensitive },
      },
    ],
    configuration: { root_module: {} },
  };
}
const plainClient = { name: "Ops-Client", authorized_grant_type: "CLIENT-CREDENTIALS", scopes: ["users:readonly"], roles: [{ role_id: "0f6b4c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f" }] };

describe("1. diff shows only what the audit would: marked and recognised values as fingerprints", () => {
  const leaky = { name: SECRET, authorized_grant_type: "CLIENT-CREDENTIALS", scopes: ["users:readonly", SECRET], roles: [{ role_id: SECRET, division_id: SECRET }] };

  test.each(["markdown", "json"])("a plan whose client has after_sensitive: true (%s)", async (format) => {
    const before = json("before.json", plan(plainClient, {}));
    const after = json("after.json", plan(leaky, true));
    const r = await run(["diff", before, after, "--format", format]);
    expect([0, 1]).toContain(r.code);
    expectNoLeaks(SECRET, [["stdout", r.stdout], ["stderr", r.stderr]]);
    expect(r.stdout).toMatch(/sha256:[0-9a-f]{12}/);
  });

  test("a plan with per-attribute marks, and a synthesized stack with a token the catalogue recognises", async () => {
    const before = json("before.json", plan(plainClient, {}));
    const after = json("after.json", plan(leaky, { name: true, scopes: [false, true], roles: [{ role_id: true, division_id: true }] }));
    const r = await run(["diff", before, after, "--format", "json"]);
    expectNoLeaks(SECRET, [["stdout", r.stdout], ["stderr", r.stderr]]);

    const token = "ghp_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5";
    const synth = (name: string, scope: string) => ({ resource: { genesyscloud_oauth_client: { api: { name, authorized_grant_type: "CLIENT-CREDENTIALS", scopes: [scope], roles: [] } } } });
    const out = path.join(dir, `${n++}-diff.md`);
    const r2 = await run(["diff", json("cdk.tf.json", synth("Ops-Client", "users:readonly")), json("cdk.tf.json", synth(token, token)), "--output", out]);
    expect([0, 1]).toContain(r2.code);
    const md = fs.readFileSync(out, "utf8");
    expectNoLeaks(token, [["diff --output file", md], ["stdout", r2.stdout], ["stderr", r2.stderr]]);
    expect(md).toMatch(/sha256:/);
  });
});

describe("2. a usage slip never echoes the argument", () => {
  let st: string;
  beforeAll(() => {
    st = json("ok.tfstate", state({ id: "db-1" }));
  });

  test("--known-env given the value instead of the name", async () => {
    expectRefused(await run(["audit", "--known-env", PASTED, st]), /^secret-guard audit: --known-env \(argument 3\) is not an environment variable name$/m);
    expectRefused(await run(["audit", `--known-env=${PASTED}`, st]), /--known-env \(argument 2\) is not an environment variable name/);
  });

  test("--known-env naming an unset variable whose name could be a value", async () => {
    const name = "Zq" + SECRET.replace(/[^A-Za-z0-9]/g, "");
    expectRefused(await run(["audit", "--known-env", name, st], {}), /--known-env \(argument 3\): the environment variable is not set/, [name]);
  });

  test("audit --<value>, secret-guard <value>, --known-file <value>, -<value>", async () => {
    expectRefused(await run(["audit", `--${PASTED}`, st]), /unknown option \(argument 2\)/);
    expectRefused(await run(["audit", `--${SECRET}=x`, st]), /unknown option \(argument 2\)/);
    // "Z" first: a random value starting with a short option's letter (-f, -o) is that option with a glued value.
    expectRefused(await run(["audit", st, `-Z${SECRET}`]), /unknown option \(argument 3\)/);
    expectRefused(await run(["audit", st, `-f${SECRET}`]), /--format has an unknown value/);
    expectRefused(await run([PASTED]), /unknown command \(argument 1\)/);
    expectRefused(await run(["audit", "--known-file", PASTED, st]), /--known-file \(argument 3\): no such file or folder/);
    expectRefused(await run(["diff", PASTED, st]), /BEFORE \(argument 2\): no such file or folder/);
  });

  test("an enum value is not echoed either, the allowed words are", async () => {
    expectRefused(await run(["audit", "--format", SECRET, st]), /--format has an unknown value; allowed: text, json, sarif/);
  });

  test("a value that starts with a dash reads as a missing value, and is not echoed", async () => {
    const dashed = `-${SECRET}`;
    expectRefused(await run(["audit", "--format", dashed, st]), /--format needs a value/, [SECRET, dashed]);
  });
});

describe("6/8. pipes, devices and sizes are bounded", () => {
  test("diff of a named pipe with a writer reads it; without a writer it ends", () => {
    const before = json("before.json", plan(plainClient, {}));
    const fifo = path.join(dir, `${n++}-plan.fifo`);
    spawnSync("mkfifo", [fifo], CHILD_LIMITS);
    const r = spawnSync("bash", ["-c", `(cat "$1" > "$2") & exec "$3" "$4" diff "$2" "$1" --format json`, "sh", before, fifo, process.execPath, CLI], { ...CHILD_LIMITS, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).changes).toEqual([]);
    const lonely = path.join(dir, `${n++}-lonely.fifo`);
    spawnSync("mkfifo", [lonely], CHILD_LIMITS);
    const r2 = runCli(["diff", lonely, before]);
    expectRefused(r2, /BEFORE .*lonely\.fifo: .*(empty|not valid JSON)/);
  });

  test("process substitution works for diff", () => {
    const before = json("before.json", plan(plainClient, {}));
    const r = spawnSync("bash", ["-c", `exec "$2" "$3" diff <(cat "$1") "$1" --format json`, "sh", before, process.execPath, CLI], { ...CHILD_LIMITS, encoding: "utf8" });
    expect(r.status).toBe(0);
  });

  test("devices are refused by diff and --known-file; --output too", async () => {
    const st = json("ok.tfstate", state({ id: "db-1" }));
    const p = json("plan.json", plan(plainClient, {}));
    expectRefused(await run(["diff", "/dev/zero", p]), /BEFORE \/dev\/zero: not a regular file/);
    expectRefused(await run(["diff", p, "/dev/null"]), /AFTER \/dev\/null: not a regular file/);
    expectRefused(await run(["audit", "--known-file", "/dev/zero", st]), /--known-file \/dev\/zero: not a regular file/);
  });

  test("--known-file over 1 MiB: one line naming the option and the limit", async () => {
    const big = file("known.txt", (SECRET + "\n").repeat(Math.ceil((1 << 20) / (SECRET.length + 1)) + 10));
    expectRefused(await run(["audit", "--known-file", big, json("ok.tfstate", state({ id: "db-1" }))]), /--known-file .*known\.txt: larger than the 1 MiB limit/);
  });

  test("diff of an endless pipe stops at the byte limit", () => {
    const p = json("plan.json", plan(plainClient, {}));
    const r = spawnSync("bash", ["-c", `exec "$2" "$3" diff <(yes '                                                              ') "$1"`, "sh", p, process.execPath, CLI], { ...CHILD_LIMITS, encoding: "utf8" });
    expectRefused({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }, /BEFORE .*: larger than the 128 MiB limit/);
  });
});

describe("10. duplicate member names are refused, never read as JSON.parse reads them", () => {
  const env = { ...process.env, SG_HOSTILE_KNOWN: "" };
  beforeAll(() => {
    env.SG_HOSTILE_KNOWN = SECRET;
  });

  test("a second attributes hides a secret in the first: refused, even with --known-env naming it", async () => {
    const text = JSON.stringify(state({ password: SECRET })).replace('"attributes":{"password"', '"attributes":{"id":"db-1"},"attributes":{"password"');
    const st = file("dup.tfstate", text);
    const r = await run(["audit", "--known-env", "SG_HOSTILE_KNOWN", st], env);
    expectRefused(r, /dup\.tfstate: a member name appears twice in the object at \/resources\/0\/instances\/0 \(its member \d\)/);
  });

  test("a duplicate at the top (a walked object), a duplicate name that is the secret, a duplicate in a big indented piece", async () => {
    const top = JSON.stringify(state({ password: SECRET })).replace(/^\{/, '{"resources":[],');
    expectRefused(await run(["audit", file("top.tfstate", top)]), /a member name appears twice in the object at the top/);
    const named = JSON.stringify(state({ tags: { [SECRET]: "a", x: 1 } })).replace('"x":1', `"${SECRET}":"b"`);
    expectRefused(await run(["audit", file("named.tfstate", named)]), /appears twice in the object at \/resources\/0\/instances\/0\/attributes\/tags/);
    const indented = JSON.stringify(state({ password: SECRET, tags: { a: "1", b: "2" } }), null, 2).replace('"b": "2"', '"a": "2"');
    expectRefused(await run(["audit", file("indented.tfstate", indented)]), /appears twice in the object at \/resources\/0\/instances\/0\/attributes\/tags/);
  });

  test("diff refuses duplicates too; escaped duplicates count", async () => {
    const p = JSON.stringify(plan(plainClient, {})).replace('"name":"Ops-Client"', '"name":"Ops-Client","n\\u0061me":"x"');
    expectRefused(await run(["diff", file("dup-plan.json", p), json("plan.json", plan(plainClient, {}))]), /appears twice in the object at \/resource_changes\/0\/change\/after/);
  });
});

describe("12. --output never replaces a device nor an input", () => {
  test("a device, a link to one, the input file, a hard link to a file inside an input folder", async () => {
    const st = json("in.tfstate", state({ id: "db-1" }));
    const before = fs.readFileSync(st, "utf8");
    expectRefused(await run(["audit", "--output", "/dev/null", st]), /--output \(argument 3\) is not a regular file/);
    expect(fs.statSync("/dev/null").isCharacterDevice()).toBe(true);
    const link = path.join(dir, `${n++}-stdout-link`);
    fs.symlinkSync("/dev/null", link);
    expectRefused(await run(["audit", st, `--output=${link}`]), /--output \(argument 3\) is not a regular file/);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expectRefused(await run(["audit", "--output", st, st]), /--output \(argument 3\) is the same file as the input/);
    expect(fs.readFileSync(st, "utf8")).toBe(before);

    const folder = path.join(dir, `${n++}-folder`);
    fs.mkdirSync(folder);
    const inner = path.join(folder, "terraform.tfstate");
    fs.writeFileSync(inner, before);
    const hard = path.join(dir, `${n++}-hard.json`);
    fs.linkSync(inner, hard);
    expectRefused(await run(["audit", "--format", "json", "--output", hard, folder]), /is the same file as the input .*terraform\.tfstate/);
    expect(fs.readFileSync(inner, "utf8")).toBe(before);
  });

  test("diff: --output naming BEFORE, or a device", async () => {
    const b = json("before.json", plan(plainClient, {}));
    const a = json("after.json", plan(plainClient, {}));
    const text = fs.readFileSync(b, "utf8");
    expectRefused(await run(["diff", b, a, "--output", b]), /--output \(argument 5\) is the same file as the input/);
    expect(fs.readFileSync(b, "utf8")).toBe(text);
    expectRefused(await run(["diff", b, a, "--output", "/dev/null"]), /is not a regular file/);
  });
});

describe("13. control characters from input never reach the output raw", () => {
  const forged = "x\n::error::forged\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007\u202egnp.exe\u2028y";

  test("text report: a file name, a resource name and terraform_version holding workflow commands and escapes", async () => {
    const sub = path.join(dir, `${n++}-ci`);
    fs.mkdirSync(sub);
    const st = path.join(sub, "a\n::error::X.tfstate");
    const doc = state({ password: SECRET }, { terraform_version: "1.9.8\n::warning::v" });
    doc.resources[0].name = forged;
    doc.resources[0].type = "aws_db_instance";
    fs.writeFileSync(st, JSON.stringify(doc));
    const r = runCli(["audit", "--fail-on", "none", sub]);
    expect(r.code).toBe(0);
    expect(RAW_CONTROL.test(r.stdout + r.stderr)).toBe(false);
    expect(lines(r.stdout).some((l) => l.startsWith("::"))).toBe(false);
    expect(r.stdout).toContain("a\\x0a::error::X.tfstate");
    expectNoLeaks(SECRET, [["stdout", r.stdout], ["stderr", r.stderr]]);
  });

  test("an error line naming such a file", async () => {
    const sub = path.join(dir, `${n++}-ci`);
    fs.mkdirSync(sub);
    const st = path.join(sub, "b\n::error::Y\u202e.tfstate");
    fs.writeFileSync(st, "{ not json");
    const r = runCli(["audit", st]);
    expectRefused(r, /b( |\\x0a)::error::Y\\u202e\.tfstate: not valid JSON/);
  });

  test("diff Markdown: a client name with workflow commands, OSC 8 and bidi controls", async () => {
    const b = json("before.json", plan(plainClient, {}));
    const a = json("after.json", plan({ ...plainClient, name: forged }, {}));
    const r = await run(["diff", b, a]);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/renamed/);
    expect(RAW_CONTROL.test(r.stdout + r.stderr)).toBe(false);
    expect(lines(r.stdout).some((l) => l.startsWith("::"))).toBe(false);
  });
});

describe("14. deep nesting, unreadable and over-long paths: what and where, in one line", () => {
  const deep = (levels: number) => "[".repeat(levels) + '"' + SECRET + '"' + "]".repeat(levels);

  test("5,000 levels in a state and in a plan", async () => {
    const st = file("deep.tfstate", JSON.stringify(state({ tags: "@" })).replace('"@"', deep(5000)));
    expectRefused(await run(["audit", st]), /deep\.tfstate: nesting deeper than 1000 levels at \/resources\/0\/instances\/0\/attributes\/tags\//);
    const pl = JSON.stringify(plan(plainClient, {})).replace('"users:readonly"', deep(5000));
    expectRefused(await run(["diff", file("deep-plan.json", pl), json("plan.json", plan(plainClient, {}))]), /nesting deeper than 1000 levels at \/resource_changes\/0/);
  });

  test("a JSON-encoded secret nested 5,000 deep ends (refused or audited), never a stack overflow", async () => {
    const st = json("encoded.tfstate", state({ password: deep(5000) }));
    const r = await run(["audit", "--fail-on", "none", st]);
    expect([0, 2]).toContain(r.code);
    if (r.code === 2) expectRefused(r, /(nesting|nests) deeper than 1000 levels/);
    expectNoLeaks(SECRET, [["stdout", r.stdout], ["stderr", r.stderr]]);
  });

  test("a path over 4,096 characters", async () => {
    const long = path.join(dir, "a/".repeat(2100) + "x.tfstate");
    expectRefused(await run(["audit", long]), /the path is too long$/m);
    expectRefused(await run(["diff", long, long]), /the path is too long$/m);
  });

  const root = typeof process.getuid === "function" && process.getuid() === 0;
  // Only root can run a child as another user (uid 65534) and so make a file unreadable to it.
  itUnless(root ? undefined : "unreadable file and folder: needs root, to run the CLI as an unprivileged user")("an unreadable file and folder (run as an unprivileged user)", () => {
    const sub = path.join(dir, `${n++}-locked`);
    fs.mkdirSync(sub, { mode: 0o755 });
    const f = path.join(sub, "locked.tfstate");
    fs.writeFileSync(f, JSON.stringify(state({ id: "db-1" })), { mode: 0o600 });
    const folder = path.join(sub, "closed");
    fs.mkdirSync(folder, { mode: 0o700 });
    fs.writeFileSync(path.join(folder, "terraform.tfstate"), "{}");
    const asNobody = (args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, ...args], { ...CHILD_LIMITS, encoding: "utf8", uid: 65534, gid: 65534, env: { PATH: process.env.PATH, NO_COLOR: "1" } });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    };
    expectRefused(asNobody(["audit", f]), /locked\.tfstate: permission denied/);
    expectRefused(asNobody(["audit", folder]), /closed: (permission denied|cannot read folder \(EACCES\))/);
    expectRefused(asNobody(["diff", f, f]), /locked\.tfstate: permission denied/);
  });
});

describe("15. a signal while --output is written removes the temp file", () => {
  test.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ])("%s: exit %i, no temp file left", (signal, code) => {
    const sub = path.join(dir, `${n++}-sig`);
    fs.mkdirSync(sub);
    const target = path.join(sub, "report.json");
    const script = path.join(sub, "write.js");
    const atomic = path.resolve(__dirname, "../dist/guard/commands/atomic-write.js");
    fs.writeFileSync(
      script,
      `const { writeStreamAtomic } = require(${JSON.stringify(atomic)});
function* chunks() {
  yield "x".repeat(2 << 20);
  process.kill(process.pid, ${JSON.stringify(signal)});
  for (let i = 0; i < 200; i++) yield "y".repeat(1 << 20);
}
writeStreamAtomic(${JSON.stringify(target)}, chunks()).then(() => process.exit(0));
`,
    );
    const r = spawnSync(process.execPath, [script], { ...CHILD_LIMITS, encoding: "utf8" });
    expect(r.status).toBe(code);
    expect(fs.readdirSync(sub).filter((f) => f !== "write.js")).toEqual([]);
  });
});
