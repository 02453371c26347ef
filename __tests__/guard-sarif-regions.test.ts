// SARIF that points at the line: each result's region is the span of the finding's value in the file it names
// (real Terraform state and plan JSON, cdktf's cdk.tf.json), in SARIF's 1-based lines and UTF-16 columns; a
// cdk.tf.json finding also names, as a related location, the TypeScript line that created its construct.
// Assertions compare fingerprints and booleans: no planted value ever reaches a failure message.
import * as fs from "node:fs";
import * as path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { App, TerraformStack } from "cdktf";
import { spawnSync } from "node:child_process";
import { CLI, genesysSecret, runCli, tempDir } from "./support/audit-cli";
import { findLeaks } from "./support/leak-check";
import { CHILD_LIMITS } from "./support/child-limits";
import { buildCorpus, Corpus, valueAt } from "./support/terraform-artefacts";
import { itWithTerraform } from "./support/terraform-runner";
import { multitoolErrors, sarifSchemaErrors } from "./support/sarif-validator";
import { memorySource } from "../guard/audit/read/file-chunks";
import { locateValues } from "../guard/audit/read/value-regions";
import { creationSite } from "../guard/audit/locate/creation-site";
import { originalPlace } from "../guard/synth/source-map";
import { recordCreationTraces } from "../guard/synth/creation-traces";
import { withTargetVersions } from "../engine/target-versions";
import { fingerprint } from "../guard/fingerprint";
import { GenesyscloudProvider } from "../.gen/providers/genesyscloud/provider";
import { OauthClient } from "../.gen/providers/genesyscloud/oauth-client";
import { EncryptedS3Backend, SecretGuard } from "../index";

const ROOT = path.resolve(__dirname, "..");
const itTf = itWithTerraform();

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A file's text as an editor shows it: UTF-8, or UTF-16 LE with its byte order mark (the mark is no character). */
function readText(file: string): string {
  const bytes = fs.readFileSync(file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  return bytes.toString("utf8").replace(/^\ufeff/, "");
}

/** The text a SARIF region spans (columns are UTF-16 code units: a JS string's own indexes). */
function textAt(text: string, r: Region): string {
  const lines = text.split("\n");
  if (r.startLine === r.endLine) return lines[r.startLine - 1].slice(r.startColumn - 1, r.endColumn - 1);
  return [lines[r.startLine - 1].slice(r.startColumn - 1), ...lines.slice(r.startLine, r.endLine - 1), lines[r.endLine - 1].slice(0, r.endColumn - 1)].join("\n");
}

const REDACTED = /\[sha256:[0-9a-f]{12}\]/g;

/**
 * The file's own pointer for a report's pointer, whose steps may be redacted (a member name that is a secret, or
 * holds a piece of one, shows as its fingerprint): a redacted step is the one member whose name has the step's
 * other text around it and, when the step is all fingerprint, that fingerprint. Then the longest prefix that is in
 * `doc` (a pointer into JSON held in a string stops at the string). "" when it cannot be resolved.
 */
function deepestIn(doc: unknown, pointer: string): string {
  const steps = pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const real: string[] = [];
  let cur: any = doc;
  for (const step of steps) {
    if (cur === null || typeof cur !== "object") break;
    let name = step;
    if (step.match(REDACTED) && !(step in cur)) {
      const pieces = step.split(REDACTED);
      const whole = /^\[(sha256:[0-9a-f]{12})\]$/.exec(step)?.[1];
      const fits = Object.keys(cur).filter((k) => (whole ? fingerprint(k) === whole : k.startsWith(pieces[0]) && k.endsWith(pieces[pieces.length - 1]) && k !== step));
      if (fits.length !== 1) return "";
      name = fits[0];
    }
    if (!(name in cur)) break;
    real.push(name);
    cur = cur[name];
  }
  return real.map((s) => "/" + s.replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/**
 * Checks every located result of a SARIF log against the files: the region's text is exactly the value at the
 * pointer (or at its deepest prefix in the file), and it sits right after its member name (or in its array).
 * Returns problems as lines naming file, rule and (redacted) pointer, never a value; and how many were checked.
 */
function checkRegions(log: any, fileOf: (uri: string) => string): { problems: string[]; checked: number; kinds: Set<string> } {
  const problems: string[] = [];
  const kinds = new Set<string>();
  let checked = 0;
  const texts = new Map<string, string>();
  for (const r of log.runs[0].results) {
    const loc = r.locations[0].physicalLocation;
    const file = fileOf(loc.artifactLocation.uri);
    const where = `${path.basename(file)} ${r.ruleId} ${r.properties.pointer}`;
    if (r.properties.pointer === "") continue; // a finding on the whole file has no span
    const region = loc.region as Region;
    if (region.startColumn === undefined || region.endLine === undefined) {
      problems.push(`${where}: no located region (${JSON.stringify(region)})`);
      continue;
    }
    if (!texts.has(file)) texts.set(file, readText(file));
    const text = texts.get(file)!;
    const doc = JSON.parse(text);
    const pointer = deepestIn(doc, r.properties.pointer);
    if (pointer === "") {
      problems.push(`${where}: pointer not in the file`);
      continue;
    }
    let spanned: unknown;
    try {
      spanned = JSON.parse(textAt(text, region));
    } catch {
      problems.push(`${where}: region ${JSON.stringify(region)} is not one JSON value`);
      continue;
    }
    if (!isDeepStrictEqual(spanned, valueAt(doc, pointer))) problems.push(`${where}: region ${JSON.stringify(region)} does not span the value at ${pointer}`);
    const lines = text.split("\n");
    const before = [...lines.slice(0, region.startLine - 1), lines[region.startLine - 1].slice(0, region.startColumn - 1)].join("\n").trimEnd();
    const last = pointer.split("/").pop()!.replace(/~1/g, "/").replace(/~0/g, "~");
    const parent = valueAt(doc, pointer.slice(0, pointer.lastIndexOf("/")));
    if (Array.isArray(parent)) {
      if (!/[[,]$/.test(before)) problems.push(`${where}: the array element's region does not start at the element`);
    } else {
      const key = /"((?:[^"\\]|\\.)*)"\s*:$/.exec(before);
      if (!key || JSON.parse(`"${key[1]}"`) !== last) problems.push(`${where}: the region does not follow its member name`);
    }
    kinds.add(r.properties.pointer.startsWith("/resource_changes") || r.properties.pointer.startsWith("/planned_values") ? "plan" : "other");
    if (region.startLine === 1 && text.indexOf("\n") > 0) kinds.add("state-like");
    checked++;
  }
  return { problems, checked, kinds };
}

describe("value regions (the streaming locator)", () => {
  // Built at run time; markers are unique, so expected places come from the text itself, not from the locator.
  const text = [
    "\ufeff{",
    '  "a": { "k\\"ey": "x\u00e9\ud83d\ude00y", "b/c": [1, {"d~e": true}, "AB"] },',
    '  "s": "{\\"inner\\": \\"v\\"}", "n": -12.5e3, "bs": ["a\\\\", "\\\\\\""],',
    '  "deep": {"x": {"y": null}}',
    "}",
  ].join("\n");
  const bytes = Buffer.from(text, "utf8");

  function expected(marker: string, length: number): Region {
    const body = text.slice(1); // the byte order mark is not a character of the document's lines
    const at = body.indexOf(marker);
    const lineStart = body.lastIndexOf("\n", at - 1) + 1;
    const line = body.slice(0, at).split("\n").length;
    const endAt = at + length;
    const endLine = body.slice(0, endAt).split("\n").length;
    const endLineStart = body.lastIndexOf("\n", endAt - 1) + 1;
    return { startLine: line, startColumn: at - lineStart + 1, endLine, endColumn: endAt - endLineStart + 1 };
  }

  test.each([
    ["whole", [bytes]],
    ["byte by byte (every chunk seam: inside keys, escapes, characters)", [...bytes].map((b) => Buffer.from([b]))],
  ])("finds each value's line and UTF-16 column, %s", async (_name, parts) => {
    const pointers = ['/a/k"ey', "/a/b~1c/1/d~0e", "/a/b~1c/2", "/a/b~1c", "/n", "/s/inner", "/deep/x/y/z", "/missing", "", "/bs/1"];
    const { regions } = await locateValues(memorySource("t.json", parts as Buffer[]), pointers);
    expect(regions[0]).toEqual(expected('"x\u00e9\ud83d\ude00y"', 7));
    expect(regions[1]).toEqual(expected("true", 4));
    expect(regions[2]).toEqual(expected('"AB"', 4));
    expect(regions[3]).toEqual(expected('[1, {"d~e": true}, "AB"]', 24));
    expect(regions[4]).toEqual(expected("-12.5e3", 7));
    // Deeper than the file (JSON held in a string): the string itself.
    expect(regions[5]).toEqual(expected('"{\\"inner', 20));
    expect(regions[6]).toEqual(expected("null", 4));
    expect(regions[7]).toBeUndefined();
    expect(regions[8]).toBeUndefined();
    // Backslashes before a quote: an escaped backslash, then an escaped quote.
    expect(regions[9]).toEqual(expected('"\\\\\\""', 6));
  });

  test("captures a value's JSON text when asked (a construct's stack trace)", async () => {
    const doc = Buffer.from(JSON.stringify({ resource: { t: { n: { "//": { metadata: { stackTrace: ["new X (app/x.ts:3:5)"] } }, v: 1 } } } }, null, 2));
    const halves = [doc.subarray(0, 40), doc.subarray(40)];
    const { regions, texts } = await locateValues(memorySource("c.json", halves), ["/resource/t/n/v"], ["/resource/t/n/~1~1/metadata/stackTrace", "/resource/t/m/~1~1/metadata/stackTrace"]);
    expect(regions[0]?.startLine).toBeGreaterThan(1);
    expect(texts[1]).toBeUndefined();
    expect(creationSite(texts[0]!, ROOT)).toEqual({ file: "app/x.ts", line: 3, column: 5 });
  });

  test("a trace's first frame outside node_modules and Node is the creation site, relative to the checkout", () => {
    const frames = ["new TerraformResource (/x/node_modules/cdktf/lib/r.js:1:2)", "node:internal/modules/cjs/loader:1:1", `new Client (${path.join(ROOT, "constructs", "c.ts")}:40:7)`, "Object.<anonymous> (app/main.ts:1:1)"];
    expect(creationSite(JSON.stringify(frames), ROOT)).toEqual({ file: "constructs/c.ts", line: 40, column: 7 });
    expect(creationSite(JSON.stringify(frames.slice(0, 2)), ROOT)).toBeUndefined();
    expect(creationSite("not json", ROOT)).toBeUndefined();
  });
});

describe("SARIF regions on real Terraform artefacts", () => {
  let corpus: Corpus | undefined;
  beforeAll(async () => {
    corpus = await buildCorpus();
  });
  afterAll(() => corpus?.cleanup());

  itTf("each result's region spans its value in the state or plan JSON it names; schema and Multitool agree", () => {
    const c = corpus!;
    const out = path.join(c.root, "audit.sarif");
    const files = Object.values(c.files);
    const r = runCli(["audit", "--fail-on", "none", "-o", out, ...files]);
    expect(r.stderr).toBe("");
    const log = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(log.runs[0].columnKind).toBe("utf16CodeUnits");
    const byUri = new Map(files.map((f) => [new URL(`file://${f}`).href, f]));
    const { problems, checked, kinds } = checkRegions(log, (uri) => byUri.get(uri) ?? uri);
    expect(problems).toEqual([]);
    // Pretty-printed files (state) and single-line ones (plan JSON from terraform show -json) were both checked.
    expect(checked).toBeGreaterThan(20);
    expect([...kinds]).toEqual(expect.arrayContaining(["plan", "other", "state-like"]));
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(multitoolErrors(out)).toEqual([]);
  });

  itTf("a UTF-16 state with a byte order mark (PowerShell's >) gets the same lines and columns as characters", () => {
    const c = corpus!;
    const file = path.join(c.root, "state-utf16.json");
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(c.files.state, "utf8"), "utf16le")]));
    const r = runCli(["audit", "--fail-on", "none", "-f", "sarif", file]);
    expect(r.stderr).toBe("");
    const { problems, checked } = checkRegions(JSON.parse(r.stdout), () => file);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(3);
  });

  itTf("a remote or piped input keeps the first line: it is not a file of the checkout", () => {
    const c = corpus!;
    const piped = spawnSync(process.execPath, [CLI, "audit", "--fail-on", "none", "-f", "sarif", "-"], { ...CHILD_LIMITS, input: fs.readFileSync(c.files.state), encoding: "utf8" });
    expect(piped.status).toBe(0);
    const log = JSON.parse(piped.stdout);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    for (const res of log.runs[0].results) expect(res.locations[0].physicalLocation.region.startLine).toBe(1);
    expect(log.runs[0].results.every((res: any) => res.locations[0].physicalLocation.region.startColumn === undefined)).toBe(true);
  });
});

describe("cdktf: the value's line in cdk.tf.json and the TypeScript line that created the construct", () => {
  const outdir = tempDir("sg-sarif-synth-");
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test("secret-guard.sarif (synth) and secret-guard audit of cdk.tf.json both point there", () => {
    recordCreationTraces();
    const app = new App({ outdir, context: withTargetVersions() });
    const s = new TerraformStack(app, "traced");
    new EncryptedS3Backend(s, { bucket: "state-bucket", key: "k/terraform.tfstate", region: "us-east-1", kmsKeyId: "alias/tf" });
    new GenesyscloudProvider(s, "gc", {});
    const client = new OauthClient(s, "bootstrap", { name: "T", authorizedGrantType: "CLIENT-CREDENTIALS", directoryClientSecret: "/secure/tmpfs" });
    SecretGuard.suppress(client, "SG009", "tmpfs mounted 0700 for the bootstrap job only");
    SecretGuard.of(s);
    app.synth();

    const stackDir = path.join(outdir, "stacks", "traced");
    const cdkTf = path.join(stackDir, "cdk.tf.json");
    const config = JSON.parse(fs.readFileSync(cdkTf, "utf8"));
    // The reported construct carries its creation trace in cdk.tf.json; the others do not (no line-number churn).
    const recorded = config.resource.genesyscloud_oauth_client.bootstrap["//"].metadata.stackTrace;
    expect(Array.isArray(recorded) && recorded.length > 0).toBe(true);
    expect(config.provider.genesyscloud[0]["//"]?.metadata?.stackTrace).toBeUndefined();

    const thisFile = path.relative(ROOT, __filename).split(path.sep).join("/");
    const testLines = fs.readFileSync(__filename, "utf8").split("\n");
    const expectAtCreation = (result: any) => {
      const related = result.relatedLocations?.[0]?.physicalLocation;
      expect(related?.artifactLocation?.uri).toBe(thisFile);
      expect(testLines[related.region.startLine - 1]).toContain("new OauthClient(");
    };

    // The synth's own report.
    const synthSarif = path.join(stackDir, "secret-guard.sarif");
    const synthLog = JSON.parse(fs.readFileSync(synthSarif, "utf8"));
    const synthResult = synthLog.runs[0].results.find((x: any) => x.ruleId === "SG009");
    expect(synthResult).toBeDefined();
    expectAtCreation(synthResult);
    const synthChecks = checkRegions(synthLog, () => cdkTf);
    expect(synthChecks.problems).toEqual([]);
    expect(synthChecks.checked).toBeGreaterThan(0);
    expect(multitoolErrors(synthSarif)).toEqual([]);

    // The audit of the synthesized stack, as CI runs it.
    const auditSarif = path.join(outdir, "audit.sarif");
    const r = runCli(["audit", "--fail-on", "none", "-o", auditSarif, cdkTf]);
    expect(r.stderr).toBe("");
    const auditLog = JSON.parse(fs.readFileSync(auditSarif, "utf8"));
    const auditResult = auditLog.runs[0].results.find((x: any) => x.ruleId === "SG009");
    expect(auditResult).toBeDefined();
    expectAtCreation(auditResult);
    // GitHub shows a related location only through a link to its id in the message.
    expect(auditResult.relatedLocations[0].id).toBe(1);
    expect(auditResult.message.text).toMatch(new RegExp(`\\(\\[created at ${thisFile.replace(/[.]/g, "\\.")}:\\d+\\]\\(1\\)\\)$`));
    expect(synthResult.message.text).toMatch(/\]\(1\)\)$/);
    // --sarif-location source: the TypeScript line is the first location (GitHub annotates it), the value related.
    const sourceFirst = spawnSync(process.execPath, [CLI, "audit", "--fail-on", "none", "-f", "sarif", "--sarif-location", "source", cdkTf], { ...CHILD_LIMITS, encoding: "utf8" });
    expect(sourceFirst.status).toBe(0);
    const sourceLog = JSON.parse(sourceFirst.stdout);
    const sourceResult = sourceLog.runs[0].results.find((x: any) => x.ruleId === "SG009");
    const first = sourceResult.locations[0].physicalLocation;
    expect(first.artifactLocation.uri).toBe(thisFile);
    expect(testLines[first.region.startLine - 1]).toContain("new OauthClient(");
    const related = sourceResult.relatedLocations[0];
    expect(related.id).toBe(1);
    expect(related.physicalLocation.region).toEqual(auditResult.locations[0].physicalLocation.region);
    expect(sourceResult.message.text).toMatch(/\(\[the value in .*cdk\.tf\.json:\d+\]\(1\)\)$/);
    expect(sourceResult.partialFingerprints).toEqual(auditResult.partialFingerprints);
    expect(sarifSchemaErrors(sourceLog)).toEqual([]);
    // Results without a creation site keep the value first.
    for (const res of sourceLog.runs[0].results.filter((x: any) => !x.relatedLocations)) expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(/cdk\.tf\.json$/);
    // Only for SARIF; a word it does not know is refused.
    for (const [args, pattern] of [[["-f", "json", "--sarif-location", "source"], /--sarif-location applies to a SARIF report only/], [["-f", "sarif", "--sarif-location", "ts"], /--sarif-location/]] as const) {
      const refused = spawnSync(process.execPath, [CLI, "audit", ...args, cdkTf], { ...CHILD_LIMITS, encoding: "utf8" });
      expect(refused.status).toBe(2);
      expect(refused.stderr.trim().split("\n")).toHaveLength(1);
      expect(refused.stderr).toMatch(pattern);
      expect(refused.stdout).toBe("");
    }

    // A monorepo: the project in infra/, its synth output in infra/cdktf.out, audited from the repository's root.
    // The trace's path is the app's (relative to infra/): found from the stack's folder up, named from the root.
    const mono = path.join(outdir, "mono");
    fs.mkdirSync(path.join(mono, "infra", path.dirname(thisFile)), { recursive: true });
    fs.copyFileSync(__filename, path.join(mono, "infra", thisFile));
    const monoStack = path.join(mono, "infra", "cdktf.out", "stacks", "traced");
    fs.mkdirSync(monoStack, { recursive: true });
    fs.copyFileSync(cdkTf, path.join(monoStack, "cdk.tf.json"));
    const fromRoot = spawnSync(process.execPath, [CLI, "audit", "--fail-on", "none", "-f", "sarif", "infra/cdktf.out"], { ...CHILD_LIMITS, cwd: mono, encoding: "utf8" });
    const rootResult = JSON.parse(fromRoot.stdout).runs[0].results.find((x: any) => x.ruleId === "SG009");
    expect(rootResult.locations[0].physicalLocation.artifactLocation.uri).toBe("infra/cdktf.out/stacks/traced/cdk.tf.json");
    expect(rootResult.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe(`infra/${thisFile}`);
    const auditChecks = checkRegions(auditLog, () => cdkTf);
    expect(auditChecks.problems).toEqual([]);
    expect(auditChecks.checked).toBeGreaterThan(0);
    expect(sarifSchemaErrors(auditLog)).toEqual([]);
    expect(multitoolErrors(auditSarif)).toEqual([]);
  });
});

describe("a creation site read from the file is data", () => {
  const dir = tempDir("sg-sarif-trace-");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a secret inside a recorded frame's path is never printed: the path shows its fingerprint", () => {
    const secret = genesysSecret();
    const file = path.join(dir, "cdk.tf.json");
    const doc = {
      provider: { aws: [{ region: "us-east-1" }] },
      resource: {
        aws_db_instance: {
          db: { "//": { metadata: { path: "s/db", uniqueId: "db", stackTrace: [`new DbInstance (app/${secret}.ts:3:5)`] } }, password: secret, instance_class: "db.t3.micro" },
        },
      },
    };
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    const r = runCli(["audit", "--fail-on", "none", "-f", "sarif", file]);
    expect(findLeaks(secret, [["stdout", r.stdout], ["stderr", r.stderr]])).toEqual([]);
    const result = JSON.parse(r.stdout).runs[0].results.find((x: any) => x.properties.pointer === "/resource/aws_db_instance/db/password");
    expect(result).toBeDefined();
    const related = result.relatedLocations?.[0]?.physicalLocation;
    expect(related?.region).toEqual({ startLine: 3, startColumn: 5 });
    expect(related?.artifactLocation?.uri).toMatch(/sha256/);
  });
});

describe("the app, run as cdktf runs it (scripts/app.js: the bundle, through its source map)", () => {
  const dir = tempDir("sg-sarif-app-");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a finding on a client points at its value in cdk.tf.json and at the TypeScript line that created the resource", () => {
    // AWS's documented example access key id (public; SG107 warns, so synth passes), split so no complete key is in the source.
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, "genesys-oauth.config.json"), "utf8"));
    config.environments[0].clients[0].description = "example key " + "AKIA" + "IOSFODNN7EXAMPLE";
    fs.writeFileSync(path.join(dir, "config.json"), JSON.stringify(config));
    const synth = spawnSync(process.execPath, [path.join(ROOT, "scripts", "app.js")], {
      ...CHILD_LIMITS,
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: path.join(dir, "out"), GENESYS_OAUTH_CONFIG: path.join(dir, "config.json") },
    });
    expect(synth.status).toBe(0);
    const stackDir = path.join(dir, "out", "stacks", "gen-integration");
    const cdkTf = path.join(stackDir, "cdk.tf.json");
    const auditSarif = path.join(dir, "audit.sarif");
    expect(runCli(["audit", "--fail-on", "none", "-o", auditSarif, cdkTf]).stderr).toBe("");
    for (const file of [path.join(stackDir, "secret-guard.sarif"), auditSarif]) {
      const log = JSON.parse(fs.readFileSync(file, "utf8"));
      const onClient = log.runs[0].results.filter((r: any) => /^\/resource\/genesyscloud_oauth_client\/[^/]+\/description$/.test(r.properties.pointer));
      expect(onClient.length).toBe(1);
      const checks = checkRegions({ runs: [{ results: onClient }] }, () => cdkTf);
      expect(checks.problems).toEqual([]);
      expect(checks.checked).toBe(1);
      const related = onClient[0].relatedLocations?.[0]?.physicalLocation;
      expect(related?.artifactLocation?.uri).toMatch(/^[a-z-]+\/[a-z-]+\.ts$/); // a TypeScript file of the checkout, not dist/app.js
      const line = fs.readFileSync(path.join(ROOT, related.artifactLocation.uri), "utf8").split("\n")[related.region.startLine - 1];
      expect(line).toMatch(/new OauthClient\(/);
    }
  });
});

describe("the app bundle's source map reaches the TypeScript", () => {
  test("a place in dist/app.js maps to the main.ts line it was built from", () => {
    const bundle = path.join(ROOT, "dist", "app.js");
    const text = fs.readFileSync(bundle, "utf8");
    const at = text.indexOf("config ok: ");
    expect(at).toBeGreaterThan(0);
    const line = text.slice(0, at).split("\n").length;
    const column = at - (text.lastIndexOf("\n", at - 1) + 1) + 1;
    const place = originalPlace({ file: bundle, line, column });
    expect(place && path.relative(ROOT, place.file)).toBe("main.ts");
    expect(fs.readFileSync(path.join(ROOT, "main.ts"), "utf8").split("\n")[place!.line - 1]).toContain("config ok: ");
  });
});
