import * as fs from "node:fs";
import * as path from "node:path";
import { StringIds } from "../guard/audit/string-ids";
import { FindingStore } from "../guard/audit/finding-store";
import { compactFinding, MessageKind } from "../guard/audit/compact-finding";
import { writeStreamAtomic } from "../guard/commands/atomic-write";
import { tempDir } from "./support/audit-cli";

/** How the audit keeps many secrets and findings compact: string ids, the finding columns, the report's byte batches. */

describe("StringIds", () => {
  it("finds every one of 100,000 strings (through the table's growth) and nothing else", () => {
    const strings: string[] = [];
    const ids = new StringIds();
    for (let i = 0; i < 100_000; i++) {
      const s = `value-${i}-${(i * 2654435761) >>> 0}`;
      expect(ids.get(s, strings)).toBe(-1);
      strings.push(s);
      ids.put(s, i, strings);
    }
    for (let i = 0; i < 100_000; i += 7) expect(ids.get(strings[i], strings)).toBe(i);
    expect(ids.get("value-100000-x", strings)).toBe(-1);
    expect(ids.get("", strings)).toBe(-1);
  });

  it("tells apart strings of equal characters in other orders and lengths", () => {
    const strings = ["ab", "ba", "aab", "a", ""];
    const ids = new StringIds();
    strings.forEach((s, i) => ids.put(s, i, strings));
    strings.forEach((s, i) => expect(ids.get(s, strings)).toBe(i));
    expect(ids.get("b", strings)).toBe(-1);
  });
});

describe("FindingStore", () => {
  const at = (i: number, ruleId = "SG101") => compactFinding(ruleId, `/resources/${i}/instances/0/attributes/password`, `random_password.p${i}`, "result", true, `value-${i}`, MessageKind.Marked, "state");

  it("keeps one finding per pointer, replaced in place, and reads them back whole", () => {
    const store = new FindingStore();
    for (const i of [3, 1, 2]) store.set(at(i));
    store.set(at(1, "SG110"));
    expect(store.length).toBe(3);
    expect(store.indexOf(at(1).pointer)).toBe(1);
    expect(store.ruleIdOf(1)).toBe("SG110");
    expect(store.indexOf("/nowhere")).toBe(-1);
    expect(store.at(0)).toEqual(at(3));
    expect(store.at(1)).toEqual(at(1, "SG110"));
  });

  it("sorts by pointer for the report, past 256 findings (the columns grow)", () => {
    const store = new FindingStore();
    const order = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    for (const i of order) store.set(at(i));
    store.sortByPointer();
    const pointers = Array.from({ length: store.length }, (_, i) => store.at(i).pointer);
    expect(pointers).toEqual([...pointers].sort());
    expect(store.at(0)).toEqual(at(0));
  });

  it("redacts every identifier, and refuses lookups by the old pointers afterwards", () => {
    const store = new FindingStore();
    store.set(at(5));
    store.redact({ redact: (t) => t.replace(/5/g, "[x]") });
    expect(store.at(0)).toMatchObject({ pointer: "/resources/[x]/instances/0/attributes/password", address: "random_password.p[x]" });
    expect(() => store.indexOf(at(5).pointer)).toThrow(/after redaction/);
  });
});

describe("writeStreamAtomic", () => {
  it("writes exactly the chunks' UTF-8 bytes, small, multi-byte and larger than a batch", async () => {
    const dir = tempDir("sg-bytes-");
    const file = path.join(dir, "report.json");
    const chunks = ["{", "é€😀", "x".repeat(300_000), "y".repeat(2_000_000), "\u2028", ..."abc".repeat(200_000).match(/.{1,5000}/g)!, "}"];
    await writeStreamAtomic(file, chunks);
    expect(fs.readFileSync(file).equals(Buffer.from(chunks.join(""), "utf8"))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["report.json"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
