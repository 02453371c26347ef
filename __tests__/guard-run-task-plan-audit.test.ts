// The run task's audit of a plan held in memory: it hands the plan over in slices with a turn of the event loop
// between them, so the server stays responsive during a big audit and a stopped run (shutdown) stops its audit.
import { randomBytes } from "node:crypto";
import { auditPlan, AuditStopped, PlanAuditSettings } from "../guard/run-task/plan-audit";
import { loadFacts } from "../guard/audit/audit-files";
import { shippedDetectors } from "../guard/detectors/shipped-detectors";

/** A plan of `resources` resources with a random password each (a finding each), in 64 KiB parts as a fetch gives it. */
function planParts(resources: number): Buffer[] {
  const changes = Array.from({ length: resources }, (_, i) => ({
    address: `terraform_data.r${i}`,
    mode: "managed",
    type: "terraform_data",
    name: `r${i}`,
    change: { actions: ["create"], before: null, after: { password: randomBytes(30).toString("base64"), note: "x".repeat(200) }, after_unknown: {}, before_sensitive: false, after_sensitive: {} },
  }));
  const raw = Buffer.from(JSON.stringify({ format_version: "1.2", terraform_version: "1.11.4", resource_changes: changes }));
  const parts: Buffer[] = [];
  for (let i = 0; i < raw.length; i += 65536) parts.push(raw.subarray(i, i + 65536));
  return parts;
}

describe("run-task plan audit", () => {
  let settings: PlanAuditSettings;
  beforeAll(async () => {
    settings = { facts: await loadFacts([]), detectors: shippedDetectors(), known: [], failOn: "error" };
  });

  it("audits the whole plan when not stopped, and lets timers run while it does", async () => {
    const parts = planParts(8_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const result = await auditPlan(parts, "ws/plan.json", settings);
      // Findings up to the last resources: the whole plan was read (a random value now and then is not flagged).
      let last = -1;
      for (let i = 0; i < result.findingCount; i++) last = Math.max(last, Number(/^terraform_data\.r(\d+)$/.exec(result.finding(i).address)?.[1] ?? -1));
      expect(last).toBeGreaterThan(7_900);
    } finally {
      clearInterval(timer);
    }
    // Several MiB of plan: the event loop turned between slices (a synchronous audit would give at most one tick).
    expect(ticks).toBeGreaterThan(1);
  });

  it("stops with AuditStopped at the next slice once its signal is aborted", async () => {
    const parts = planParts(20_000);
    const stop = new AbortController();
    setImmediate(() => stop.abort());
    await expect(auditPlan(parts, "ws/plan.json", settings, stop.signal)).rejects.toBeInstanceOf(AuditStopped);
  });
});
