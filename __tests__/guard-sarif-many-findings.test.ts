/**
 * A SARIF report of a state with thousands of findings: the regions are found in several passes over the file
 * (each pass holds only its share of the wanted pointers, so memory stays bounded), and every result still gets
 * the line of its own value. The state is the bench's dense state (every resource its own marked secret), small.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli, tempDir } from "./support/audit-cli";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { writeDenseState } = require("../bench/hostile-inputs");

test("every result of a 5,000-finding state has its value's line", () => {
  const dir = tempDir("sg-sarif-many-");
  try {
    const state = path.join(dir, "dense.tfstate");
    const resources: number = writeDenseState(state, 5 * 1024 * 1024);
    // More than one pass of pointers (locate-findings.ts PER_PASS is 2048).
    expect(resources).toBeGreaterThan(2 * 2048);
    const report = path.join(dir, "r.sarif");
    const r = runCli(["audit", "--format", "sarif", "--output", report, state]);
    expect(r.code).toBe(0);
    const results = JSON.parse(fs.readFileSync(report, "utf8")).runs[0].results as Array<{ locations: Array<{ physicalLocation: { region?: { startLine: number; startColumn: number } } }> }>;
    expect(results.length).toBe(resources);
    const lines = fs.readFileSync(state, "utf8").split("\n");
    const wrong = results.filter((res) => {
      const region = res.locations[0].physicalLocation.region;
      return !region || !lines[region.startLine - 1].slice(region.startColumn - 1).startsWith('"{\\"password\\"');
    });
    expect(wrong.length).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
