// Outside-in acceptance: the package as an importer gets it. `npm pack`, install the tarball with its peers'
// exact versions into a fresh consumer project (one on @cdktf/provider-aws 20 = AWS provider 5, one on 21 = AWS
// provider 6, and one on CDK Terrain: cdktn 0.24 with @cdktn/provider-aws 25 under Node 22, importing
// `genesys-oauth-cdktf/cdktn`, with no npm alias and no override), compile the consumer under `strict` with
// library checking on and no @types/node, synthesize, and assert on cdk.tf.json. Installs prefer the npm cache (`--prefer-offline`); with no registry and no cache, the
// test says SKIPPED (a failure under CI / REQUIRE_NO_SKIPS=1: support/skip.ts).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { node22, pathWithNode22 } from "../scripts/node22";
import { skipInsideTest } from "./support/skip";
import { CHILD_LIMITS } from "./support/child-limits";

const ROOT = path.resolve(__dirname, "..");
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const dev = pkg.devDependencies as Record<string, string>;
/** The newest @cdktf/provider-aws 21 (AWS provider 6) checked here. */
export const PROVIDER_AWS_21 = "21.22.1";

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; stdout: string }> {
  return new Promise((resolve) =>
    execFile(cmd, args, { ...CHILD_LIMITS, cwd, env: { ...process.env, ...env }, maxBuffer: 32 << 20 }, (err, stdout, stderr) =>
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

let root = "";
let tarball = "";

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "outside-in-"));
  const packed = await run("npm", ["pack", "--pack-destination", root, "--silent"], ROOT);
  expect(packed.code).toBe(0);
  tarball = path.join(root, packed.out.trim().split("\n").pop()!);
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test("the package ships the library only: typings, LICENSE, no build cache, no app bundle", async () => {
  const list = await run("tar", ["tzf", tarball], root);
  const files = list.out.trim().split("\n");
  expect(files).toEqual(
    expect.arrayContaining([
      "package/LICENSE", "package/dist/index.js", "package/dist/index.d.ts", "package/package.json",
      // The CDK Terrain build and its entry for resolvers that do not read `exports`.
      "package/dist/cdktn/index.js", "package/dist/cdktn/index.d.ts", "package/cdktn/package.json",
    ]),
  );
  expect(files.filter((f) => /tsbuildinfo|dist\/app(-cdktn)?\.js|dist\/main\.js|engine\/cdktf-gaps\.js.*cdktn|dist\/cdktn\/engine\/cdktf-gaps/.test(f))).toEqual([]);
  expect(fs.readFileSync(path.join(ROOT, "LICENSE"), "utf8")).toMatch(/^Mozilla Public License, version 2\.0/);
  expect(pkg.license).toBe("MPL-2.0");
});

test("installed from the tarball next to @cdktf/provider-aws 20 and 21, and on cdktn next to @cdktn/provider-aws 25, a strict consumer compiles and synthesizes", async () => {
  // All installs at once: most of the time is unpacking the AWS bindings.
  const [aws5, aws6, cdktn] = await Promise.all([
    consumer(root, tarball, dev["@cdktf/provider-aws"]),
    consumer(root, tarball, PROVIDER_AWS_21),
    consumer(root, tarball, dev["@cdktn/provider-aws"], "cdktn"),
  ]);
  for (const [dir, major, engine] of [[aws5, "5", "cdktf"], [aws6, "6", "cdktf"], [cdktn, "6", "cdktn"]] as const) {
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
