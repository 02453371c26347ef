// Smoke test of `npm run bench`: the tiny mode (BENCH_SMOKE=1) writes a complete report and chart to a temp
// folder without touching the repository and without printing a planted secret. How fast is the bench's own
// business (its report), not this test's: a busy machine must not fail it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { CHILD_LIMITS } from "./support/child-limits";
import { expectNoLeaks } from "./support/leak-check";
import { DetectorCatalogue } from "../guard/detectors/catalogue";

const ROOT = path.resolve(__dirname, "..");

/** Files the bench could write into the repository, with their modification times. */
function repoSnapshot(): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(ROOT, p)] = fs.statSync(p).mtimeMs;
    }
  };
  walk(path.join(ROOT, "bench"));
  walk(path.join(ROOT, "cdktf.out"));
  for (const f of ["BENCHMARKS.md"]) if (fs.existsSync(path.join(ROOT, f))) out[f] = fs.statSync(path.join(ROOT, f)).mtimeMs;
  return out;
}

/** The secret values the smoke run plants (same generator, same size), to prove none is printed. */
function plantedValues(dir: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeState } = require("../bench/generate-inputs");
  const file = path.join(dir, "probe.tfstate");
  const gen = writeState(file, 100 * 1024);
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  fs.rmSync(file);
  return gen.planted.map((ptr: string) =>
    ptr.split("/").slice(1).reduce((v: any, step: string) => v[step.replace(/~1/g, "/").replace(/~0/g, "~")], doc),
  );
}

describe("npm run bench (smoke mode)", () => {
  it("writes the report and the chart to BENCH_OUT_DIR, and nothing into the repository", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-"));
    const before = repoSnapshot();
    const r = spawnSync(process.execPath, [path.join(ROOT, "bench", "run.js")], {
      ...CHILD_LIMITS,
      cwd: ROOT,
      env: { ...process.env, BENCH_SMOKE: "1", BENCH_OUT_DIR: out },
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(repoSnapshot()).toEqual(before);

    const md = fs.readFileSync(path.join(out, "BENCHMARKS.md"), "utf8");
    for (const heading of ["# Benchmarks", "## Headline", "## Machine", "## Synth", "### Fleet", "## Audit", "### Findings against the planted secrets", "## Method"])
      expect(md).toContain(heading);
    expect(md).toMatch(/\| bare app `node dist\/app\.js` ≤ 0\.35 s \| \d+\.\d\d s median \| \*\*(met|NOT MET)\*\* \|/);
    expect(md).toMatch(/\| `cdktf synth` ≤ 2 s \| \d+\.\d\d s median \|/);
    expect(md).toMatch(/\| audit peak memory < 256 MB \(every size\) \| worst .*\d+ MB/);
    expect(md).toMatch(/\| cores \| \d+ \|/);
    expect(md).toMatch(/\| Terraform \| Terraform v\d+\.\d+\.\d+ \|/);
    // Both fleet sizes synthesized every stack; every planted secret found, nothing unexpected.
    expect(md).toMatch(/\| 1 \| 20 \| 1 \| (\d+ ms|\d+\.\d+ s) \|/);
    expect(md).toMatch(/\| 2 \| 40 \| 2 \| (\d+ ms|\d+\.\d+ s) \|/);
    expect(md).toMatch(/\| 100 KiB state \| (\d+) \| \1 \(all\) \| \d+ of \d+ \| 0 \|/);
    expect(md).toMatch(/\| 100 KiB plan \| (\d+) \| \1 \(all\) \| \d+ of \d+ \| 0 \|/);
    // Organisation scale: the states of an S3 prefix (s3rver on loopback) against the same files on local disk.
    expect(md).toContain("### Organisation scale: states in S3");
    expect(md).toMatch(/\| S3 prefix \(loopback\) \| 3 of 3 \| [\d.]+ (ms|s) \| \d+ MB \| [\d.]+ MB\/s \| 3 of 3 \| \d+ \|/);
    expect(md).toMatch(/\| local disk \| 3 of 3 \| /);
    expect(md).toMatch(/Ratio S3 \/ local disk: \*\*\d+\.\d\dx\*\*/);
    expect(md).toMatch(/\| audit of 3 states under an S3 prefix: peak memory < 256 MB, every state audited \| 3 states in /);
    // The A/B against the issue-8 baseline builds a second checkout: not in the smoke run, and the report says so.
    expect(md).toContain("## Against the issue-8 baseline (873f2df)");
    expect(md).toContain("Not measured: skipped in smoke mode.");
    expect(md).toMatch(/\| audit within 10% of the baseline \(873f2df\) \| not measured: skipped in smoke mode \| not measured \|/);
    expect(md).toMatch(/\| synth within 10% of the baseline \(873f2df\) \| not measured: skipped in smoke mode \| not measured \|/);
    // Four times the detectors (synthetic prefixed ones), in process and through the CLI, and recall per family.
    expect(md).toContain("### Four times the detectors");
    expect(md).toMatch(/\| state \| \d+ \| [\d.]+ MB \| \d+ MB\/s \| \d+ MB\/s \| \d+\.\d\dx \| (\d+), \1 \|/);
    expect(md).toMatch(/\| 100 KiB state \| [\d.]+ (ms|s) \| [\d.]+ (ms|s) \| \d+\.\d\dx \| .* \| (\d+), \3 \|/);
    expect(md).toMatch(/\| audit with four times the detectors \(\d+\) ≥ 1\.0x the JSON\.parse floor's throughput at 100 KiB, same findings \| worst /);
    expect(md).toContain("## Detection by family");
    expect(md).toMatch(/\| \*\*all\*\* \| \d+ \| \d+ \| [\d.]+% \(\d+\) \| [\d.]+% \(\d+\) \| \d+ \| [\d.]+% \(\d+\) \| [\d.]+% \(\d+\) \|/);
    expect(md).not.toMatch(/failed:/);
    expect(md).toContain("](benchmarks.svg)");

    const svg = fs.readFileSync(path.join(out, "benchmarks.svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trim().endsWith("</svg>")).toBe(true);
    expect((svg.match(/<polyline /g) || []).length).toBeGreaterThanOrEqual(4);
    expect(svg).toContain("256 MB target");

    // Nor any detector's sample (the family table places them all in its documents).
    const samples = DetectorCatalogue.shipped()
      .all()
      .flatMap((d) => [...d.samples.positive, ...d.samples.negative].map((x) => x.value))
      .filter((v) => v.length >= 12);
    const leaked = samples.filter((v) => [r.stdout, r.stderr, md, svg].some((text) => text.includes(v)));
    expect(leaked.length).toBe(0);
    const planted = plantedValues(out);
    for (const v of planted) expect(typeof v).toBe("string");
    // A JSON-encoded secret is checked by its members: its member names ("client_secret") are words the report uses.
    const values = planted.flatMap((v) => (v.startsWith("{") ? Object.values(JSON.parse(v) as Record<string, string>) : [v]));
    expect(values.length).toBeGreaterThanOrEqual(planted.length);
    expectNoLeaks(values, [["stdout", r.stdout], ["stderr", r.stderr], ["BENCHMARKS.md", md], ["benchmarks.svg", svg]]);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
