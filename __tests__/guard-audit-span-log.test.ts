import { SpanLog } from "../guard/audit/read/span-log";

describe("SpanLog (piece extents for pass 2)", () => {
  it("returns the end of each recorded span, asked in file order, across blocks and 32-bit overflows", () => {
    const log = new SpanLog();
    const spans: Array<[number, number]> = [];
    let at = 3;
    for (let i = 0; i < 200_000; i++) {
      const gap = i === 70_000 ? 5 * 2 ** 32 : i % 3; // one gap past 32 bits
      const len = i === 150_000 ? 2 ** 32 + 7 : 1 + (i % 50); // one length past 32 bits
      spans.push([at + gap, at + gap + len]);
      at += gap + len;
    }
    for (const [s, e] of spans) log.add(s, e);
    for (let i = 0; i < spans.length; i++) {
      const [s, e] = spans[i];
      if (i > 0 && s - 1 > spans[i - 1][0] && log.endOf(s - 1) !== -1) throw new Error(`span ${i}: ${s - 1} is not a start`);
      if (log.endOf(s) !== e) throw new Error(`span ${i}: expected ${e}, got ${log.endOf(s)}`);
    }
    expect(log.endOf(at + 10)).toBe(-1);
  });
});
