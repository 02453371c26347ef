// The app on CDK Terrain: `npm run synth -- --engine cdktn` (the app bundle for cdktn, under Node 22), the real
// cdktn-cli running the project's cdktf.json, and a guard error under cdktn-cli failing the command with the
// construct path and no secret, as it does under cdktf-cli (cdktf-cli-guard.test.ts).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { node22 } from "../scripts/node22";
import { cdktnCli } from "../scripts/cdktn-cli";
import { tempDir } from "./support/terraform-runner";
import { CHILD_LIMITS } from "./support/child-limits";
import { expectNoLeaks, filesUnder } from "./support/leak-check";

const ROOT = path.resolve(__dirname, "..");
const WRAPPER = path.join(ROOT, "scripts", "cdktf.js");
const PLANTED = ["Q2xpU3ludGhfcGxhbnRlZF9", "jZGt0bl9zZWNyZXRfMDA5"].join("");

function run(node: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; stderr: string }> {
  const clean = { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1", ...env };
  delete clean.TF_CLI_CONFIG_FILE;
  return new Promise((resolve) =>
    execFile(node, args, { ...CHILD_LIMITS, cwd, env: clean, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof (err as any).code === "number" ? (err as any).code : 1) : 0, out: stdout + stderr, stderr }),
    ),
  );
}

const stacksOf = (outdir: string) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
  return {
    version: manifest.version as string,
    stacks: Object.fromEntries(
      Object.values<any>(manifest.stacks).map((s) => [s.name, JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), "utf8"))]),
    ),
  };
};
const shape = (doc: any) => ({
  resources: Object.fromEntries(Object.entries<any>(doc.resource ?? {}).map(([t, v]) => [t, Object.keys(v).sort()])),
  data: Object.keys(doc.data ?? {}).sort(),
  outputs: Object.keys(doc.output ?? {}).sort(),
  backend: Object.keys(doc.terraform.backend ?? {}),
});

let dir = "";
beforeAll(() => {
  dir = tempDir("app-cdktn");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("`synth --engine cdktn` writes the same stacks as on cdktf, on AWS provider 6, with the guard's reports", async () => {
  const [onCdktn, onCdktf] = await Promise.all([
    run(process.execPath, [WRAPPER, "synth", "--engine", "cdktn", "--output", path.join(dir, "cdktn.out")], ROOT),
    run(process.execPath, [WRAPPER, "synth", "--output", path.join(dir, "cdktf.out")], ROOT),
  ]);
  expect(onCdktn.stderr).toBe("");
  expect(onCdktn.code).toBe(0);
  expect(onCdktf.code).toBe(0);
  expect(onCdktn.out).toMatch(/^synthesized stack \S+: .*cdk\.tf\.json; guard report/m);
  const a = stacksOf(path.join(dir, "cdktn.out"));
  const b = stacksOf(path.join(dir, "cdktf.out"));
  expect(a.version).toBe("0.24.0");
  expect(b.version).toBe("0.21.0");
  expect(Object.keys(a.stacks).sort()).toEqual(Object.keys(b.stacks).sort());
  for (const name of Object.keys(a.stacks)) {
    expect(shape(a.stacks[name])).toEqual(shape(b.stacks[name]));
    expect(a.stacks[name].terraform.required_providers.aws.version).toMatch(/^6\./);
    expect(fs.existsSync(path.join(dir, "cdktn.out", "stacks", name, "secret-guard.sarif"))).toBe(true);
  }
});

test("an engine other than cdktf or cdktn is one line and exit 2", async () => {
  const r = await run(process.execPath, [WRAPPER, "synth", "--engine", "pulumi"], ROOT);
  expect(r.code).toBe(2);
  expect(r.out).toBe('error: --engine must be cdktf or cdktn (got "pulumi")\n');
});

describe("the real cdktn-cli (0.24, Node 22)", () => {
  let cli = "";
  let N22 = "";
  beforeAll(() => {
    N22 = node22();
    cli = cdktnCli();
  });

  test("runs the project's app from cdktf.json", async () => {
    const out = path.join(dir, "cli.out");
    const r = await run(N22, [cli, "synth", "--output", out], ROOT, { GENESYS_OAUTH_ENGINE: "cdktn", PATH: `${path.dirname(N22)}${path.delimiter}${process.env.PATH}` });
    expect(r.code).toBe(0);
    const synthesized = stacksOf(out);
    expect(synthesized.version).toBe("0.24.0");
    expect(Object.keys(synthesized.stacks).length).toBeGreaterThan(0);
  });

  test("fails on guard errors with the construct path and no secret", async () => {
    const lib = path.join(ROOT, "dist", "cdktn");
    const app = `
const { App, TerraformStack } = require(${JSON.stringify(require.resolve("cdktn", { paths: [ROOT] }))});
const lib = require(${JSON.stringify(lib)});
const { OauthClient } = require(${JSON.stringify(path.join(lib, ".gen", "providers", "genesyscloud", "oauth-client"))});
const app = new App({ context: lib.withTargetVersions() });
const stack = new TerraformStack(app, "cli-guard");
new lib.EncryptedS3Backend(stack, { bucket: "state-bucket", key: "k", kmsKeyId: "alias/k" });
new lib.GenesysCloudProvider(stack, "genesys", { region: "us-east-1", env: {} });
new OauthClient(stack, "tutorial", { name: "T", authorizedGrantType: "CLIENT-CREDENTIALS", clientSecret: process.env.PLANTED });
lib.SecretGuard.of(stack);
app.synth();
`;
    const project = path.join(dir, "cli-guard");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "app.js"), app);
    fs.writeFileSync(path.join(project, "cdktf.json"), JSON.stringify({ language: "typescript", app: "node app.js", sendCrashReports: "false" }));
    const r = await run(N22, [cli, "synth"], project, { PLANTED, PATH: `${path.dirname(N22)}${path.delimiter}${process.env.PATH}` });
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/\[cli-guard\/tutorial\][^\n]*\[SG007\] genesyscloud_oauth_client\.tutorial sets client_secret/);
    expectNoLeaks(PLANTED, [["cdktf synth output", r.out], ...filesUnder(path.join(project, "cdktf.out"), (f) => path.basename(f) !== "cdk.tf.json")]);
  });
});
