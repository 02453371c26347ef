// The judgement of the A/B against the baseline build (bench/baseline-ab.js, bench/targets.js): ratio of medians
// current / baseline, within 10% when ≤ 1.10, and a plain "not measured" when there is nothing to compare.
// No timing here: the figures live in `npm run bench`.
/* eslint-disable @typescript-eslint/no-require-imports */
const { judge, roundRatios, MAX_RATIO } = require("../bench/baseline-ab");
const { targets } = require("../bench/targets");

const stats = (wall: number, cpu: number | null = null) => ({
  n: 3,
  wall: { median: wall, min: wall, max: wall },
  rss: null,
  cpu: cpu === null ? null : { median: cpu, min: cpu, max: cpu },
});
const synth = { commands: [{ key: "app", stats: stats(0.3) }, { key: "cdktf", stats: stats(1.5) }] };
const abTargets = (baseline: unknown) => targets(synth, { rows: [] }, null, null, baseline).filter((t: { target: string }) => /baseline/.test(t.target));

describe("judge: current against baseline, ratio of medians", () => {
  it("is met up to 1.10 and not above", () => {
    expect(MAX_RATIO).toBe(1.1);
    expect(judge(stats(2.0), stats(2.2))).toEqual({ ratio: 2.2 / 2.0, pairedRatio: null, cpuRatio: null, met: true });
    expect(judge(stats(2.0), stats(1.0)).met).toBe(true);
    expect(judge(stats(2.0), stats(2.23)).met).toBe(false);
  });
  it("gives the CPU ratio only when both sides have CPU time", () => {
    expect(judge(stats(2, 4), stats(2, 3)).cpuRatio).toBeCloseTo(0.75);
    expect(judge(stats(2, 4), stats(2)).cpuRatio).toBeNull();
    expect(judge(stats(2, 0), stats(2, 0)).cpuRatio).toBeNull();
  });
  it("judges paired rounds by the median of their ratios, which a slow minute of the machine does not move", () => {
    const runs = (walls: number[]) => ({ runs: walls.map((wallS) => ({ wallS, rssMB: null, cpuS: null })) });
    // Rounds 3 and 4 ran in a slow minute: both sides slowed alike, and the medians drift apart.
    const base = runs([2.0, 2.0, 2.1, 2.9, 3.0]);
    const cur = runs([2.1, 2.1, 2.2, 3.1, 3.1]);
    const pairs = roundRatios(base, cur);
    expect(pairs).toHaveLength(5);
    const v = judge(stats(2.1), stats(2.2), pairs);
    expect(v.pairedRatio).toBeCloseTo(2.1 / 2.0);
    expect(v.met).toBe(true);
    expect(judge(stats(2.0), stats(2.1), [1.2, 1.15, 1.3]).met).toBe(false);
    expect(roundRatios(runs([2, 2, 2]), runs([2.2]))).toEqual([1.1]);
  });
  it("has nothing to judge when a side has no runs", () => {
    expect(judge(null, stats(1))).toBeNull();
    expect(judge(stats(1), null)).toBeNull();
  });
});

describe("targets: audit per input and synth within 10% of the baseline", () => {
  const side = (wall: number, cpu: number) => ({ stats: stats(wall, cpu) });
  const measured = {
    rev: "873f2df",
    maxRatio: MAX_RATIO,
    ab: { auditRuns: 7, synthRuns: 11, warmup: 1, auditLabel: "100 MiB" },
    audit: [
      { label: "100 MiB state", baseline: side(4, 4), current: side(4.2, 4.1), findings: { baseline: 120, current: 120 }, verdict: judge(stats(4, 4), stats(4.2, 4.1)) },
      { label: "100 MiB plan", baseline: side(4, 4), current: side(4.8, 4.8), findings: { baseline: 200, current: 210 }, verdict: judge(stats(4, 4), stats(4.8, 4.8)) },
    ],
    synth: { baseline: side(0.5, 0.5), current: { failure: "exit 2: error: bad config" }, verdict: null },
  };

  it("names each input, says the ratio and medians, and compares the findings", () => {
    const [state, plan, synthRow] = abTargets(measured);
    expect(state.target).toBe("audit within 10% of the baseline (873f2df), 100 MiB state");
    expect(state.measured).toBe("1.05x: 4.20 s current vs 4.00 s baseline (medians of 7, interleaved); CPU 1.02x; same findings (120)");
    expect(state.met).toBe(true);
    expect(plan.measured).toMatch(/^1\.20x: .*; findings 210 current vs 200 baseline$/);
    expect(plan.met).toBe(false);
    expect(synthRow.target).toBe("synth within 10% of the baseline (873f2df)");
    expect(synthRow.measured).toBe("failed: current exit 2: error: bad config");
    expect(synthRow.met).toBe(false);
  });

  it("says plainly why nothing was measured", () => {
    const rows = abTargets({ rev: "873f2df", maxRatio: MAX_RATIO, notMeasured: "skipped in smoke mode" });
    expect(rows.map((t: { measured: string; met: unknown }) => [t.measured, t.met])).toEqual([
      ["not measured: skipped in smoke mode", null],
      ["not measured: skipped in smoke mode", null],
    ]);
  });
});
