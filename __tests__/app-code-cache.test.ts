// scripts/app.js (what cdktf.json runs) loads the app bundle through V8's code cache (scripts/code-cache.js): the
// first synth writes the cache, later ones use it, and no state of the cache folder can change or fail a synth.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { tempDirsRemovedAfterAll } from "./support/terraform-runner";
import { CHILD_LIMITS } from "./support/child-limits";

const ROOT = path.resolve(__dirname, "..");
const temp = tempDirsRemovedAfterAll();

function run(script: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [path.join(ROOT, script)], { ...CHILD_LIMITS, cwd: ROOT, env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env } }, (err, _stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
    ),
  );
}

/** Synthesizes through scripts/app.js into a fresh folder; the stack's cdk.tf.json. */
async function synthViaApp(cacheDir: string, extra: Record<string, string> = {}): Promise<string> {
  const out = temp("cc-out");
  const r = await run("scripts/app.js", { CDKTF_OUTDIR: out, GENESYS_OAUTH_CACHE_DIR: cacheDir, ...extra });
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
  return fs.readFileSync(path.join(out, "stacks", "gen-integration", "cdk.tf.json"), "utf8");
}

const cacheFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

describe("the app through V8's code cache", () => {
  let plain: string;
  beforeAll(async () => {
    const out = temp("cc-plain");
    const r = await run("dist/app.js", { CDKTF_OUTDIR: out });
    expect(r.code).toBe(0);
    plain = fs.readFileSync(path.join(out, "stacks", "gen-integration", "cdk.tf.json"), "utf8");
  });

  it("the first synth writes one cache file, the next uses it unchanged; both write what the bare bundle writes", async () => {
    const dir = path.join(temp("cc-cache"), "cache");
    expect(await synthViaApp(dir)).toBe(plain);
    const files = cacheFiles(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^app-[0-9a-f]{16}\.v8cache$/);
    const file = path.join(dir, files[0]);
    const before = fs.readFileSync(file);
    fs.utimesSync(file, new Date(0), new Date(0));
    expect(await synthViaApp(dir)).toBe(plain);
    // Accepted by V8, so not written again (a refused cache would be replaced).
    expect(fs.statSync(file).mtimeMs).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("a corrupted cache is refused by V8 and replaced; a cache of an earlier build is removed", async () => {
    const dir = path.join(temp("cc-bad"), "cache");
    await synthViaApp(dir);
    const [name] = cacheFiles(dir);
    fs.writeFileSync(path.join(dir, name), Buffer.alloc(4096, 7));
    fs.writeFileSync(path.join(dir, "app-0123456789abcdef.v8cache"), "an earlier build's cache");
    expect(await synthViaApp(dir)).toBe(plain);
    expect(cacheFiles(dir)).toEqual([name]);
    expect(fs.readFileSync(path.join(dir, name)).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it("a cache folder that cannot be made changes nothing but speed; GENESYS_OAUTH_CODE_CACHE=0 writes none", async () => {
    const base = temp("cc-blocked");
    const blocked = path.join(base, "a-file");
    fs.writeFileSync(blocked, "not a folder");
    expect(await synthViaApp(path.join(blocked, "cache"))).toBe(plain);
    expect(fs.readdirSync(base)).toEqual(["a-file"]);
    const off = path.join(base, "off");
    expect(await synthViaApp(off, { GENESYS_OAUTH_CODE_CACHE: "0" })).toBe(plain);
    expect(fs.existsSync(off)).toBe(false);
  });
});
