// What users deploy, reviewed: the default config (genesys-oauth.config.json) synthesized by the app, compared with
// the pinned __tests__/golden/gen-integration.cdk.tf.json, so any change to it shows as a diff in review.
// After a deliberate change: `UPDATE_GOLDEN=1 npx jest __tests__/default-config-golden.test.ts`, then review and
// commit the golden file's diff (refused under CI, where the file is only compared).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CHILD_LIMITS } from "./support/child-limits";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireNoSkips } = require("./support/no-skips");

const ROOT = path.resolve(__dirname, "..");
const GOLDEN = path.join(__dirname, "golden", "gen-integration.cdk.tf.json");

/** The synthesized stack with what differs per machine replaced (the output folder and the checkout's path, if any). */
function normalised(text: string, outdir: string): string {
  return text.split(outdir).join("<outdir>").split(ROOT).join("<checkout>");
}

test("the default config synthesizes exactly the reviewed golden cdk.tf.json", async () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "golden-"));
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, [path.join(ROOT, "dist", "main.js")], { ...CHILD_LIMITS, cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir, GENESYS_OAUTH_CONFIG: "" } }, (err, _o, stderr) =>
        err ? reject(new Error(`synth failed: ${stderr.slice(0, 2000)}`)) : resolve(),
      ),
    );
    const actual = normalised(fs.readFileSync(path.join(outdir, "stacks", "gen-integration", "cdk.tf.json"), "utf8"), outdir);
    // Nothing machine-specific may be pinned: no temp or home paths, nothing of this checkout's location.
    expect(actual).not.toMatch(/\/tmp\/|\/home\/|\/root\/|\/work\//);
    if (process.env.UPDATE_GOLDEN === "1") {
      if (requireNoSkips()) throw new Error("UPDATE_GOLDEN=1 is refused under CI: update the golden file locally and commit it");
      fs.writeFileSync(GOLDEN, actual.endsWith("\n") ? actual : actual + "\n");
    }
    const golden = fs.readFileSync(GOLDEN, "utf8");
    // Compared as text (key order and all), after the trailing newline the golden file keeps.
    expect(actual.trimEnd()).toBe(golden.trimEnd());
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
