import * as fs from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { writeBigPlan, writeBigState } from "./support/big-state";
import { runCli, tempDir } from "./support/audit-cli";

describe("secret-guard audit at scale", () => {
  it("streams a ~60 MB state within a 96 MB heap and still finds the copies", () => {
    const dir = tempDir("sg-scale-");
    const file = path.join(dir, "big.tfstate");
    const n = writeBigState(file, 60 * 1024 * 1024, (i) => randomBytes(24).toString("base64url") + "-" + i, 100);
    expect(fs.statSync(file).size).toBeGreaterThan(60 * 1024 * 1024);
    const r = runCli(["audit", "--format", "json", file], { nodeArgs: ["--max-old-space-size=96"] });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const count = (id: string) => report.findings.filter((f: any) => f.ruleId === id).length;
    const secretsWritten = Math.ceil(n / 100);
    expect(count("SG101")).toBe(secretsWritten);
    expect(count("SG103")).toBe(Math.ceil(n / 1000)); // every 1000th resource copies its password into a tag
    expect(report.findings.length).toBe(secretsWritten + Math.ceil(n / 1000));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a 60 MB state where every resource holds a secret within a 96 MB heap", () => {
    const dir = tempDir("sg-all-");
    const file = path.join(dir, "all.tfstate");
    const n = writeBigState(file, 60 * 1024 * 1024, (i) => randomBytes(24).toString("base64url") + "-" + i, 1);
    const r = runCli(["audit", "--format", "json", file], { nodeArgs: ["--max-old-space-size=96"] });
    expect(r.stderr).toBe("");
    const findings = JSON.parse(r.stdout).findings;
    expect(findings.filter((f: any) => f.ruleId === "SG101").length).toBe(n);
    expect(findings.filter((f: any) => f.ruleId === "SG103").length).toBe(Math.ceil(n / 1000));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("finds the marked values and their copies in ~20 MB of one-line plan JSON", () => {
    const dir = tempDir("sg-plan-");
    const file = path.join(dir, "plan.json");
    const n = writeBigPlan(file, 20 * 1024 * 1024, (i) => randomBytes(24).toString("base64url") + "-" + i, 100);
    const r = runCli(["audit", "--format", "json", file]);
    expect(r.stderr).toBe("");
    const findings = JSON.parse(r.stdout).findings;
    const count = (id: string) => findings.filter((f: any) => f.ruleId === id).length;
    expect(count("SG101")).toBe(2 * Math.ceil(n / 100)); // planned_values and resource_changes
    expect(count("SG103")).toBe(2 * Math.ceil(n / 1000));
    expect(findings.length).toBe(count("SG101") + count("SG103"));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a single value larger than the piece limit with exit 2", () => {
    const dir = tempDir("sg-giant-");
    const file = path.join(dir, "giant.tfstate");
    fs.writeFileSync(file, JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 1, lineage: "x", outputs: { o: { value: "a".repeat(3 * 1024 * 1024), type: "string" } }, resources: [] }));
    const r = runCli(["audit", "--max-piece-mb", "1", file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/\/outputs\/o.* larger than the 1 MiB limit/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
