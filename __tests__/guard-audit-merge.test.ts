import type { Finding } from "../guard/finding";
import { appendSortedByPointer } from "../guard/audit/audit-files";

const finding = (i: number): Finding => ({
  ruleId: "SG101",
  severity: "warning",
  file: "big.tfstate",
  pointer: `/resources/${i}/instances/0/attributes/password`,
  address: `random_password.p${i}`,
  attribute: "password",
  markedSensitive: true,
  fingerprint: "sha256:0000",
  message: "m",
  suppressed: false,
});

describe("merging a file's findings into the report", () => {
  // Regression: `findings.push(...list)` threw RangeError (stack overflow) on a 1 GiB plan with ~131,000 findings.
  it("appends 200,000 findings of one file without overflowing the stack, sorted by pointer", () => {
    const all: Finding[] = [finding(-1)];
    const more: Finding[] = [];
    for (let i = 200_000 - 1; i >= 0; i--) more.push(finding(i));
    expect(() => appendSortedByPointer(all, more)).not.toThrow();
    expect(all).toHaveLength(200_001);
    expect(all[0].pointer).toBe("/resources/-1/instances/0/attributes/password");
    for (let i = 2; i < all.length; i++) if (all[i - 1].pointer > all[i].pointer) throw new Error(`not sorted at ${i}`);
  });
});
