// The documented library example (docs/constructs.md, linked from the README) must keep working: it is extracted,
// compiled and run as another team would.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { tempDir } from "./support/terraform-runner";
import { CHILD_LIMITS } from "./support/child-limits";

const ROOT = path.resolve(__dirname, "..");

test("the 'Using the constructs' example synthesizes a guarded stack", async () => {
  const page = fs.readFileSync(path.join(ROOT, "docs", "constructs.md"), "utf8");
  const code = /```ts\n([\s\S]*?)```/.exec(page)![1];
  expect(code).toContain('from "genesys-oauth-cdktf"');
  const js = ts.transpileModule(code.replace(/"genesys-oauth-cdktf"/g, JSON.stringify(path.join(ROOT, "dist", "index.js"))), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  // Inside the project so that cdktf and the providers resolve from its node_modules.
  const dir = path.join(ROOT, ".cache");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "readme-example.js");
  fs.writeFileSync(file, js);
  const out = tempDir("readme-out");
  const r = await new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile(process.execPath, [file], { ...CHILD_LIMITS, cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: out } }, (err, _o, stderr) =>
      resolve({ code: err ? ((err as any).code ?? 1) : 0, stderr }),
    ),
  );
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const doc = JSON.parse(fs.readFileSync(path.join(out, "stacks", "contact-centre", "cdk.tf.json"), "utf8"));
  expect(Object.values<any>(doc.resource.genesyscloud_oauth_client)[0].name).toBe("Reporting API");
  expect(doc.terraform.backend.s3).toEqual(expect.objectContaining({ encrypt: true, use_lockfile: true }));
  const report = JSON.parse(fs.readFileSync(path.join(out, "stacks", "contact-centre", "secret-guard.json"), "utf8"));
  expect(report.summary.error).toBe(0);
});
