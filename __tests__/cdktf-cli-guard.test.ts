// Under the real `cdktf synth` CLI, a guard error must fail the command, name the construct, and never print the
// secret; this covers both the aspect (construct tree) and the gate (an escape-hatch override in the final file).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDir } from "./support/terraform-runner";
import { CHILD_LIMITS } from "./support/child-limits";
import { expectNoLeaks, filesUnder } from "./support/leak-check";

const ROOT = path.resolve(__dirname, "..");
// The npm scripts' way of running the cdktf CLI.
const CLI = path.join(ROOT, "scripts", "cdktf.js");
const PLANTED = "Q2xpU3ludGhfcGxhbnRlZF9zZWNyZXRfdmFsdWVfMDA5";

const APP = `
const { App, TerraformStack } = require("cdktf");
const lib = require(${JSON.stringify(path.join(ROOT, "dist", "index.js"))});
const { OauthClient } = require(${JSON.stringify(path.join(ROOT, "dist", ".gen", "providers", "genesyscloud", "oauth-client"))});
const app = new App();
const stack = new TerraformStack(app, "cli-guard");
new lib.EncryptedS3Backend(stack, { bucket: "state-bucket", key: "k", kmsKeyId: "alias/k" });
new lib.GenesysCloudProvider(stack, "genesys", { region: "us-east-1", env: {} });
new OauthClient(stack, "tutorial", { name: "T", authorizedGrantType: "CLIENT-CREDENTIALS", clientSecret: process.env.PLANTED });
const ok = new lib.GenesysOAuthClient(stack, "ok", { name: "OK", roles: [{ name: "Viewer" }] });
stack.addOverride("resource.genesyscloud_oauth_client." + ok.client.friendlyUniqueId + ".directory_client_secret", "/tmp/x");
lib.SecretGuard.of(stack);
app.synth();
`;

test("cdktf synth fails on guard errors with the construct path and no secret", async () => {
  const dir = tempDir("cli-guard");
  const appFile = path.join(ROOT, ".cache", "cli-guard-app.js");
  fs.mkdirSync(path.dirname(appFile), { recursive: true });
  fs.writeFileSync(appFile, APP);
  fs.writeFileSync(path.join(dir, "cdktf.json"), JSON.stringify({ language: "typescript", app: `node ${appFile}`, sendCrashReports: "false" }));
  const r = await new Promise<{ code: number; out: string }>((resolve) =>
    execFile(process.execPath, [CLI, "synth"], { ...CHILD_LIMITS, cwd: dir, env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1", PLANTED } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as any).code ?? 1) : 0, out: stdout + stderr }),
    ),
  );
  expect(r.code).not.toBe(0);
  expect(r.out).toMatch(/ERROR \[cli-guard\/tutorial\]: \[SG007\] genesyscloud_oauth_client\.tutorial sets client_secret/);
  expect(r.out).not.toMatch(/\n\s*at |secret-guard\.js:\d+/);
  expect(r.out).toMatch(/ERROR \[cli-guard\/ok\/client\]: \[SG009\][^\n]*\(override in [^\n]*cdk\.tf\.json#\/resource\/genesyscloud_oauth_client\/[^\n]*\/directory_client_secret\)/);
  const report = JSON.parse(fs.readFileSync(path.join(dir, "cdktf.out", "stacks", "cli-guard", "secret-guard.json"), "utf8"));
  expect(report.findings.map((f: any) => f.ruleId).sort()).toEqual(["SG007", "SG009"]);
  // Everything synth wrote but the stack file itself (the configuration holds the literal by definition).
  const written = filesUnder(path.join(dir, "cdktf.out"), (f) => path.basename(f) !== "cdk.tf.json");
  expect(written.map(([f]) => path.basename(f))).toEqual(expect.arrayContaining(["secret-guard.json", "secret-guard.sarif"]));
  expectNoLeaks(PLANTED, [["cdktf synth output", r.out], ...written]);
});
