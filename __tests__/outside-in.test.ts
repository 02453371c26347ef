// Outside-in acceptance: the package as an importer gets it. `npm pack`, install the tarball with its peers'
// exact versions into a fresh consumer project (one on @cdktf/provider-aws 20 = AWS provider 5, one on 21 = AWS
// provider 6, and one on CDK Terrain: cdktn 0.24 with @cdktn/provider-aws 25 under Node 22, importing
// `genesys-oauth-cdktf/cdktn`, with no npm alias and no override), compile the consumer under `strict` with
// library checking on and no @types/node, synthesize, and assert on cdk.tf.json. The package is lean: nothing is
// installed for it beyond the peers (the `secret-guard` command and its AWS SDK chunk are bundles, proven here
// with an s3:// audit and a rotation against loopback stand-ins), no app-only file ships, and the two engine
// builds stay within 2.0 MB. Installs prefer the npm cache (`--prefer-offline`); with no registry and no cache,
// the test says SKIPPED (a failure under CI / REQUIRE_NO_SKIPS=1: support/skip.ts).
// The test's own S3 client (it uploads the state the installed command audits) would print the SDK's Node-version notice.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { node22, pathWithNode22 } from "../scripts/node22";
import { genesysSecret, randomPassword } from "./support/audit-cli";
import { oldGenesysState, Planted } from "./support/audit-fixtures";
import { startLocalS3 } from "./support/local-s3";
import { SecretsManagerStandin } from "./support/secrets-manager-standin";
import { skipInsideTest } from "./support/skip";
import { CHILD_LIMITS } from "./support/child-limits";
import { expectNoLeaks } from "./support/leak-check";

const ROOT = path.resolve(__dirname, "..");
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const dev = pkg.devDependencies as Record<string, string>;
/** The newest @cdktf/provider-aws 21 (AWS provider 6) checked here. */
export const PROVIDER_AWS_21 = "21.22.1";
/** The limit for both engine builds together (dist/ and dist/cdktn/, without the command bundles), unpacked. */
const ENGINE_BUILDS_LIMIT = 2_000_000;
/** What the command and the rotation function are shipped as: self-contained bundles, not library modules. */
const BUNDLES = ["dist/secret-guard.js", "dist/secret-guard-aws.js", "dist/secret-guard-toml.js", "dist/rotation/rotation-function.zip"];
/** Packages the repository uses at run time or build time that an importer must never be made to install. */
const NEVER_INSTALLED = /(^|\/)node_modules\/(@aws-sdk\/|@smithy\/|@aws\/|ajv$|esbuild$|typescript$)/;

/** Runs a command; an `undefined` in `env` removes that variable from the child's environment. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; stdout: string }> {
  const childEnv = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  return new Promise((resolve) =>
    execFile(cmd, args, { ...CHILD_LIMITS, cwd, env: childEnv, maxBuffer: 32 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof (err as any).code === "number" ? (err as any).code : 1) : 0, out: `${stdout}${stderr}`, stdout }),
    ),
  );
}

const CONSUMER_APP = `
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  EncryptedS3Backend, GenesysCloudProvider, GenesysOAuthClient, GeneratedSecret, EphemeralGeneratedSecret, SecretGuard,
  type GenesysOAuthClientProps, type EnvironmentVariables,
} from "genesys-oauth-cdktf";

const app = new App();
const stack = new TerraformStack(app, "consumer");
new EncryptedS3Backend(stack, { bucket: "acme-terraform-state", key: "cc/terraform.tfstate", region: "us-east-1", kmsKeyId: "alias/tf" });
const env: EnvironmentVariables = {};
const genesys = new GenesysCloudProvider(stack, "genesys", { region: "eu-west-1", env });
const east = new AwsProvider(stack, "aws", { region: "us-east-1" });
const west = new AwsProvider(stack, "aws-west", { region: "eu-west-1", alias: "west" });

const props: GenesysOAuthClientProps = {
  name: "Reporting API",
  roles: [{ name: "Analytics Viewer" }],
  secretDelivery: "secrets-manager",
  secretsManager: { name: "cc/reporting-client" },
  provider: genesys,
  awsProvider: east,
};
new GenesysOAuthClient(stack, "reporting", props);
const key = new GeneratedSecret(stack, "data-action-key");
key.toIntegrationCredential({ name: "Reporting API key", type: "basicAuth", principal: "genesys", provider: genesys });
key.toSecretsManager({ name: "cc/data-action-key", provider: east });
key.toSecretsManager({ name: "cc/data-action-key", provider: west }, "sm-west");
new EphemeralGeneratedSecret(stack, "webhook-key").toSecretsManager({ name: "cc/webhook-key", provider: east });
SecretGuard.of(stack);
app.synth();
`;

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "commonjs",
    lib: ["ES2022"],
    strict: true,
    skipLibCheck: false,
    types: [],
    outDir: "out",
    rootDir: "src",
  },
  include: ["src"],
};

/** The same app as a CDK Terrain team writes it: cdktn, @cdktn/provider-aws, the package's cdktn entry. */
const CDKTN_APP = CONSUMER_APP.replace(/"cdktf"/g, '"cdktn"')
  .replace(/@cdktf\/provider-aws/g, "@cdktn/provider-aws")
  .replace('from "genesys-oauth-cdktf"', 'from "genesys-oauth-cdktf/cdktn"')
  .replace("new App()", "new App({ context: withTargetVersions() })")
  .replace("EncryptedS3Backend, GenesysCloudProvider", "withTargetVersions, EncryptedS3Backend, GenesysCloudProvider");

type Engine = "cdktf" | "cdktn";

async function consumer(root: string, tarball: string, awsVersion: string, engine: Engine = "cdktf"): Promise<string | undefined> {
  const dir = path.join(root, `consumer-${engine}-aws-${awsVersion}`);
  fs.mkdirSync(path.join(dir, "src"), { recursive: true });
  fs.copyFileSync(tarball, path.join(dir, path.basename(tarball)));
  const peers =
    engine === "cdktf"
      ? { cdktf: dev.cdktf, "@cdktf/provider-aws": awsVersion, "@cdktf/provider-random": dev["@cdktf/provider-random"] }
      : { cdktn: dev.cdktn, "@cdktn/provider-aws": awsVersion, "@cdktn/provider-random": dev["@cdktn/provider-random"] };
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({
      name: "consumer",
      private: true,
      dependencies: { "genesys-oauth-cdktf": `file:./${path.basename(tarball)}`, constructs: dev.constructs, ...peers },
    }),
  );
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
  fs.writeFileSync(path.join(dir, "src", "main.ts"), engine === "cdktf" ? CONSUMER_APP : CDKTN_APP);
  // A cdktn team runs npm under Node 22 (its packages ask for it); no alias, no override, no --force.
  const nodeEnv = engine === "cdktn" ? { PATH: pathWithNode22() } : {};
  const npm = await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], dir, { npm_config_update_notifier: "false", ...nodeEnv });
  if (npm.code !== 0) {
    if (/ENOTFOUND|EAI_AGAIN|ENOTCACHED|ECONNREFUSED|ETIMEDOUT|network/i.test(npm.out) && !/ERESOLVE/.test(npm.out)) {
      // Throws where skips are failures (CI, REQUIRE_NO_SKIPS=1).
      skipInsideTest(`outside-in test on ${engine} with provider-aws ${awsVersion}: the packages are neither in the npm cache nor reachable`);
      return undefined;
    }
    throw new Error(`npm install in the consumer failed (exit ${npm.code}):\n${npm.out.slice(0, 4000)}`);
  }
  return dir;
}

async function compileAndSynth(dir: string, engine: Engine = "cdktf"): Promise<any> {
  const tsc = await run(process.execPath, [TSC, "-p", "tsconfig.json"], dir);
  expect(tsc.out).toBe("");
  expect(tsc.code).toBe(0);
  const outdir = path.join(dir, "cdktf.out");
  const node = engine === "cdktn" ? node22() : process.execPath;
  const synth = await run(node, [path.join("out", "main.js")], dir, { CDKTF_OUTDIR: outdir });
  expect(synth.out).toBe("");
  expect(synth.code).toBe(0);
  const stackDir = path.join(outdir, "stacks", "consumer");
  const report = JSON.parse(fs.readFileSync(path.join(stackDir, "secret-guard.json"), "utf8"));
  expect(report.summary.error).toBe(0);
  // The installed CLI's audit of the output (what the importer's CI runs): no error on either engine.
  // Through the bin link npm made, so the check runs what `npx secret-guard` runs (the bundled dist/secret-guard.js).
  const cli = path.join(dir, "node_modules", ".bin", "secret-guard");
  expect(fs.realpathSync(cli)).toBe(fs.realpathSync(path.join(dir, "node_modules", "genesys-oauth-cdktf", "dist", "secret-guard.js")));
  const audit = await run(node, [cli, "audit", "--format", "json", outdir], dir);
  expect({ code: audit.code, errors: JSON.parse(audit.stdout).summary?.error }).toEqual({ code: 0, errors: 0 });
  return JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8"));
}

/**
 * The package's own modules that `require` reaches from the given files (tsc output: `require("./x")`, relative),
 * as paths relative to the package folder.
 */
function requireClosure(pkgDir: string, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const rel = path.relative(pkgDir, file).split(path.sep).join("/");
    if (seen.has(rel)) return;
    seen.add(rel);
    if (!file.endsWith(".js")) return;
    for (const m of fs.readFileSync(file, "utf8").matchAll(/require\("(\.[^"]+)"\)/g)) {
      const base = path.resolve(path.dirname(file), m[1]);
      const found = [base, `${base}.js`, path.join(base, "index.js")].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
      if (!found) throw new Error(`${rel} requires ${m[1]}, which the package does not ship`);
      visit(found);
    }
  };
  for (const e of entries) visit(path.join(pkgDir, e));
  return seen;
}

/** Packages the consumer's lockfile installs because of the given package (its dependencies, transitively). */
function installedFor(lock: Record<string, any>, name: string): string[] {
  const resolve = (from: string, dep: string): string | undefined => {
    for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf("/node_modules/")))) {
      const key = `${base ? `${base}/` : ""}node_modules/${dep}`;
      if (lock[key]) return key;
      if (!base) return undefined;
    }
  };
  const seen = new Set<string>();
  const todo = [`node_modules/${name}`];
  while (todo.length) {
    const key = todo.pop()!;
    const entry = lock[key];
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const at = resolve(key, dep);
      if (at && !seen.has(at)) {
        seen.add(at);
        todo.push(at);
      }
    }
  }
  return [...seen].sort();
}

let root = "";
let tarball = "";
/** npm's own account of the tarball (`npm pack --json`): its files with their sizes, and the unpacked size. */
let packed: { filename: string; unpackedSize: number; entryCount: number; files: Array<{ path: string; size: number }> };
/** The tarball unpacked, as an importer's node_modules/genesys-oauth-cdktf holds it. */
let unpacked = "";
/** The consumers, installed once for every test below (undefined: SKIPPED, no packages). */
let consumers: Array<{ dir: string | undefined; major: string; engine: Engine }> = [];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "outside-in-"));
  const pack = await run("npm", ["pack", "--json", "--pack-destination", root], ROOT);
  expect(pack.code).toBe(0);
  packed = JSON.parse(pack.stdout)[0];
  tarball = path.join(root, packed.filename);
  fs.mkdirSync(path.join(root, "unpacked"));
  expect((await run("tar", ["xzf", tarball, "-C", path.join(root, "unpacked")], root)).code).toBe(0);
  unpacked = path.join(root, "unpacked", "package");
});

beforeAll(async () => {
  // All installs at once: most of the time is unpacking the AWS bindings.
  const [aws5, aws6, cdktn] = await Promise.all([
    consumer(root, tarball, dev["@cdktf/provider-aws"]),
    consumer(root, tarball, PROVIDER_AWS_21),
    consumer(root, tarball, dev["@cdktn/provider-aws"], "cdktn"),
  ]);
  consumers = [
    { dir: aws5, major: "5", engine: "cdktf" },
    { dir: aws6, major: "6", engine: "cdktf" },
    { dir: cdktn, major: "6", engine: "cdktn" },
  ];
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test("the package ships the library only: typings, LICENSE, no build cache, no app bundle", async () => {
  const files = packed.files.map((f) => f.path);
  expect(files).toEqual(
    expect.arrayContaining([
      "LICENSE", "dist/index.js", "dist/index.d.ts", "package.json",
      // The README's links resolve inside the installed package too.
      "README.md", "docs/constructs.md", "docs/guard.md",
      // The CDK Terrain build and its entry for resolvers that do not read `exports`.
      "dist/cdktn/index.js", "dist/cdktn/index.d.ts", "cdktn/package.json",
      ...BUNDLES,
    ]),
  );
  expect(files.filter((f) => /tsbuildinfo|build-state|dist\/app(-cdktn)?\.js|dist\/main\.js|engine\/cdktf-gaps\.js.*cdktn|dist\/cdktn\/engine\/cdktf-gaps/.test(f))).toEqual([]);
  expect(fs.readFileSync(path.join(ROOT, "LICENSE"), "utf8")).toMatch(/^Mozilla Public License, version 2\.0/);
  expect(pkg.license).toBe("MPL-2.0");
});

test("no app-only file ships: every module is one the library's entries require, or a bundle", () => {
  const files = packed.files.map((f) => f.path);
  // By name: the app (main.ts, app/ with its generated config validator), the command's tsc output, the rotation
  // function's tsc output and unzipped bundle, bench/, scripts/, the provider schemas the bindings are made from.
  expect(files.filter((f) => /^(dist\/(cdktn\/)?)?(main\.|app\/|bench\/|scripts\/)|config-validator|genesys-pack\/(cli|commands|diff|doctor)\b|^dist\/rotation\/(?!rotation-function\.zip$)|^schemas\/(?!genesys-oauth\.config\.schema\.json$)/.test(f))).toEqual([]);
  // By reach: each shipped module is required from `exports` (dist/index.js, dist/cdktn/index.js) or is one of the
  // bundles; a module outside that reach is dead weight, unless it is empty (tsc's output for a types-only file).
  const reached = requireClosure(unpacked, ["dist/index.js", "dist/cdktn/index.js"]);
  const exportsMap = JSON.parse(fs.readFileSync(path.join(unpacked, "package.json"), "utf8")).exports;
  expect(Object.values<any>(exportsMap).map((e) => (typeof e === "string" ? e : e.default))).toEqual(["./dist/index.js", "./dist/cdktn/index.js", "./package.json"]);
  const isEmptyModule = (f: string) => fs.readFileSync(path.join(unpacked, f), "utf8").replace(/"use strict";|Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);|\s/g, "") === "";
  const unreached = files.filter((f) => f.endsWith(".js") && !reached.has(f) && !BUNDLES.includes(f) && !isEmptyModule(f));
  expect(unreached).toEqual([]);
});

test("both engine builds together are within 2.0 MB unpacked, by npm's own count", () => {
  // The library trees `exports` points at: everything under dist/ except the command and rotation bundles.
  const engineBuilds = packed.files.filter((f) => f.path.startsWith("dist/") && !BUNDLES.includes(f.path)).reduce((sum, f) => sum + f.size, 0);
  expect(packed.files.some((f) => f.path.startsWith("dist/cdktn/"))).toBe(true);
  expect(engineBuilds).toBeLessThanOrEqual(ENGINE_BUILDS_LIMIT);
  expect(engineBuilds).toBeLessThan(packed.unpackedSize);
});

test("the tarball declares no runtime dependency; the command is the bundle", () => {
  const shipped = JSON.parse(fs.readFileSync(path.join(unpacked, "package.json"), "utf8"));
  expect(shipped.dependencies ?? {}).toEqual({});
  expect(shipped.optionalDependencies).toBeUndefined();
  expect(shipped.bundleDependencies ?? shipped.bundledDependencies).toBeUndefined();
  expect(shipped.bin).toEqual({ "secret-guard": "dist/secret-guard.js" });
});

test("an audit of local files never loads the AWS SDK chunk: it runs with the chunk removed", async () => {
  const copy = path.join(root, "without-sdk-chunk");
  fs.cpSync(unpacked, copy, { recursive: true });
  fs.rmSync(path.join(copy, "dist", "secret-guard-aws.js"));
  const planted: Planted = { clientSecret: genesysSecret(), password: randomPassword(), bcrypt: "$2a$10$" + "N9qo8uLOickgx2ZMRZoMye".padEnd(53, "x"), credentialSecret: genesysSecret() };
  const state = path.join(root, "local.tfstate");
  fs.writeFileSync(state, JSON.stringify(oldGenesysState(planted)));
  const audit = await run(process.execPath, [path.join(copy, "dist", "secret-guard.js"), "audit", "--format", "json", state], root);
  expectNoLeaks([planted.clientSecret, planted.password, planted.credentialSecret], [["the local audit's output", audit.out]]);
  expect(audit.code).toBe(1);
  expect(JSON.parse(audit.stdout).findings).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: "/resources/0/instances/0/attributes/client_secret" })]));
  // The same command on s3:// does need it (so the chunk is what the SDK paths load).
  const s3 = await run(process.execPath, [path.join(copy, "dist", "secret-guard.js"), "audit", "s3://states/prod/terraform.tfstate"], root, { AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "x", AWS_REGION: "us-east-1" });
  expect({ code: s3.code, out: s3.out }).toEqual({ code: 2, out: "secret-guard audit: internal error (Error MODULE_NOT_FOUND)\n" });
});

test("installed from the tarball next to @cdktf/provider-aws 20 and 21, and on cdktn next to @cdktn/provider-aws 25, a strict consumer compiles and synthesizes", async () => {
  for (const { dir, major, engine } of consumers) {
    if (!dir) continue;
    const doc = await compileAndSynth(dir, engine);
    expect(doc.terraform.required_providers.aws.version).toMatch(new RegExp(`^${major}\\.`));
    expect(Object.values<any>(doc.resource.genesyscloud_oauth_client)[0]).toEqual(
      expect.objectContaining({ name: "Reporting API", provider: "genesyscloud", expose_client_secret: true }),
    );
    const versions = Object.values<any>(doc.resource.aws_secretsmanager_secret_version);
    expect(versions).toHaveLength(4);
    expect(Object.keys(doc.ephemeral.random_password)).toHaveLength(1);
    for (const v of versions) {
      expect(v.secret_string).toBeUndefined();
      expect(v.secret_string_wo).toMatch(/^\$\{/);
      expect(v.secret_string_wo_version).toBe(1);
    }
    expect(Object.values<any>(doc.resource.aws_secretsmanager_secret).map((s) => s.provider ?? "aws").sort()).toEqual(["aws", "aws", "aws", "aws.west"]);
    expect(doc.terraform.backend.s3).toEqual(expect.objectContaining({ encrypt: true, use_lockfile: true }));
    expect(doc.provider.genesyscloud).toEqual([{}]);
  }
});

test("an importer installs nothing for the package beyond its peers: no AWS SDK, no ajv, in the lockfile or node_modules", () => {
  for (const { dir } of consumers) {
    if (!dir) continue;
    const lock = JSON.parse(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8")).packages;
    expect(lock["node_modules/genesys-oauth-cdktf"]).toBeDefined();
    expect(installedFor(lock, "genesys-oauth-cdktf")).toEqual([]);
    expect(Object.keys(lock).filter((k) => /(^|\/)node_modules\/(@aws-sdk|@smithy)\//.test(k))).toEqual([]);
    expect(fs.existsSync(path.join(dir, "node_modules", "@aws-sdk"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "node_modules", "ajv"))).toBe(false);
  }
});

test("gitleaks rules (TOML) from the installed tarball: the command and the library read them through the TOML chunk", async () => {
  const dir = path.join(root, "gitleaks");
  fs.mkdirSync(dir);
  const rules = path.join(dir, "gitleaks.toml");
  fs.writeFileSync(rules, ["[[rules]]", 'id = "acme-deploy-token"', "regex = '''\\b(acmd_[[:alnum:]]{32})\\b'''", 'keywords = ["acmd_"]', ""].join("\n"));
  const token = "acmd_" + genesysSecret().replace(/[^A-Za-z0-9]/g, "").slice(0, 32).padEnd(32, "Q");
  const state = path.join(dir, "app.tfstate");
  const attributes = { id: "x", input: { value: { note: token }, type: ["object", { note: "string" }] } };
  fs.writeFileSync(state, JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 1, lineage: "l", outputs: {}, resources: [{ mode: "managed", type: "terraform_data", name: "app", provider: 'provider["terraform.io/builtin/terraform"]', instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }] }] }));
  const audit = await run(process.execPath, [path.join(unpacked, "dist", "secret-guard.js"), "audit", "--format", "json", "--detectors", rules, state], dir);
  expectNoLeaks(token, [["the audit's output", audit.out]]);
  expect(audit.code).toBe(1);
  expect(JSON.parse(audit.stdout).findings).toEqual([expect.objectContaining({ ruleId: "acme-deploy-token", pointer: "/resources/0/instances/0/attributes/input/value/note" })]);
  // The library, as an importer loads it (its peers installed beside it).
  const importer = consumers.find((c) => c.dir && c.engine === "cdktf")?.dir;
  if (!importer) return skipInsideTest("no cdktf consumer was installed");
  const library = await run(process.execPath, ["-e", `console.log(require("genesys-oauth-cdktf").loadDetectorFile(${JSON.stringify(rules)}).map((d) => d.id).join())`], importer);
  expect({ code: library.code, out: library.stdout.trim() }).toEqual({ code: 0, out: "acme-deploy-token" });
});

test("`npx secret-guard --help` and `secret-guard rotate --help` run from the installed tarball", async () => {
  for (const { dir, engine } of consumers) {
    if (!dir) continue;
    const env = { npm_config_update_notifier: "false", ...(engine === "cdktn" ? { PATH: pathWithNode22() } : {}) };
    const help = await run("npx", ["--no", "--", "secret-guard", "--help"], dir, env);
    expect({ code: help.code, first: help.stdout.split("\n")[0] }).toEqual({ code: 0, first: "usage: secret-guard <command> [options]" });
    expect(help.stdout).toMatch(/^ {2}rotate /m);
    const rotate = await run("npx", ["--no", "--", "secret-guard", "rotate", "--help"], dir, env);
    expect({ code: rotate.code, first: rotate.stdout.split("\n")[0] }).toEqual({ code: 0, first: expect.stringMatching(/^usage: secret-guard rotate /) });
  }
});

test("the installed command's AWS SDK chunk: an s3:// audit (s3rver) and a rotation (Secrets Manager stand-in), with no SDK in node_modules", async () => {
  const dir = consumers[0]?.dir;
  if (!dir) return;
  expect(fs.existsSync(path.join(dir, "node_modules", "@aws-sdk"))).toBe(false);
  const cli = path.join(dir, "node_modules", ".bin", "secret-guard");
  const env = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "us-east-1", AWS_CONFIG_FILE: path.join(root, "none"), AWS_SHARED_CREDENTIALS_FILE: path.join(root, "none"), NO_COLOR: "1" };

  // A state with planted secrets in S3: read through dist/secret-guard-aws.js, found, and never printed.
  const planted: Planted = { clientSecret: genesysSecret(), password: randomPassword(), bcrypt: "$2a$10$" + "N9qo8uLOickgx2ZMRZoMye".padEnd(53, "x"), credentialSecret: genesysSecret() };
  const s3 = await startLocalS3("states");
  try {
    const client = new S3Client({ endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
    await client.send(new PutObjectCommand({ Bucket: "states", Key: "prod/terraform.tfstate", Body: JSON.stringify(oldGenesysState(planted)) }));
    client.destroy();
    const audit = await run(process.execPath, [cli, "audit", "--format", "json", "s3://states/prod/terraform.tfstate"], dir, { ...env, AWS_ENDPOINT_URL_S3: s3.endpoint });
    expectNoLeaks([planted.clientSecret, planted.password, planted.credentialSecret], [["the s3:// audit's output", audit.out]]);
    const report = JSON.parse(audit.stdout);
    expect(audit.code).toBe(1);
    expect(report.files.map((f: any) => f.path)).toEqual(["s3://states/prod/terraform.tfstate"]);
    expect(report.findings).toEqual(expect.arrayContaining([expect.objectContaining({ file: "s3://states/prod/terraform.tfstate", pointer: "/resources/0/instances/0/attributes/client_secret" })]));
    expect(s3.requests.some((r) => r.method === "GET" && r.path.startsWith("/states/prod/terraform.tfstate"))).toBe(true);
  } finally {
    await s3.stop();
  }

  // `rotate`: RotateSecret, then DescribeSecret until the new version is AWSCURRENT (the stand-in's rotation
  // function here only moves the label: the real one is tested in rotation-cli.test.ts).
  const sm = await new SecretsManagerStandin().start();
  try {
    sm.create("genesys/prod/reporting", "old-value");
    sm.invoker = async ({ Step, SecretId, ClientRequestToken }) => {
      if (Step !== "finishSecret") return;
      const secret = sm.find(SecretId);
      for (const v of secret.versions.values()) v.stages.delete("AWSCURRENT");
      secret.versions.get(ClientRequestToken)!.stages.add("AWSCURRENT");
    };
    const config = path.join(root, "rotate-config.json");
    fs.writeFileSync(
      config,
      JSON.stringify({
        environments: [
          {
            name: "prod",
            region: "us-east-1",
            backend: { type: "s3", bucket: "state", region: "us-east-1" },
            clients: [{ name: "Reporting", roles: [{ name: "Analytics Viewer" }], secretDelivery: "secrets-manager-rotation", secretsManager: { name: "genesys/prod/reporting" } }],
          },
        ],
      }),
    );
    // Without the variable that quiets the SDK's Node-version notice: the command's stderr stays empty on its own.
    const rotate = await run(process.execPath, [cli, "rotate", "--config", config, "--endpoint", sm.endpoint, "--poll-ms", "20"], dir, { ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined });
    expect(rotate.out.split("\n").filter(Boolean)).toHaveLength(1);
    expect(rotate.stdout).toMatch(/^\[ok\] rotate: Reporting \(genesys\/prod\/reporting\): AWSCURRENT is now version [0-9a-f-]{36} /);
    expect(rotate.code).toBe(0);
    expect(sm.calls).toEqual(expect.arrayContaining(["RotateSecret", "DescribeSecret"]));
  } finally {
    await sm.stop();
  }
});
