/** A user's --detectors file: a valid one adds a detector that hits; a bad one gives one line naming file and field. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import { DetectorFileError, loadDetectorFile } from "../guard/detectors/load-detectors";

const dir = mkdtempSync(join(tmpdir(), "detectors-"));
const token = (n: number) => "acme_" + "Qx7".repeat(n).slice(0, 30) + String(n).padStart(2, "0");

function acme(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "ACME-TOKEN",
    name: "acme-token",
    title: "an ACME API token",
    severity: "error",
    explanation: "An ACME API token.",
    fix: "Revoke it in the ACME console.",
    keywords: ["acme_"],
    pattern: "acme_[A-Za-z0-9]{32}(?![A-Za-z0-9])",
    samples: { positive: [{ key: "token", value: token(11) }], negative: [{ value: "acme_short" }] },
    ...overrides,
  };
}

function file(name: string, doc: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof doc === "string" ? doc : JSON.stringify(doc));
  return p;
}

function errorOf(path: string): DetectorFileError {
  try {
    loadDetectorFile(path);
  } catch (e) {
    if (e instanceof DetectorFileError) return e;
    throw e;
  }
  throw new Error("expected a DetectorFileError");
}

describe("loadDetectorFile", () => {
  it("adds a detector that then hits, besides the shipped ones", () => {
    const extra = loadDetectorFile(file("ok.json", { detectors: [acme()] }));
    const catalogue = DetectorCatalogue.shipped().withDetectors(extra);
    expect(catalogue.byId("ACME-TOKEN")?.name).toBe("acme-token");
    expect(catalogue.detect("x", "value " + token(12) + " end")?.detector.id).toBe("ACME-TOKEN");
    expect(DetectorCatalogue.shipped().byId("ACME-TOKEN")).toBeUndefined();
  });

  it("puts a user's detectors after the vendors' formats and before the generic readings", () => {
    const extra = loadDetectorFile(file("order.json", { detectors: [acme()] }));
    const catalogue = DetectorCatalogue.shipped().withDetectors(extra);
    const ids = catalogue.all().map((d) => d.id);
    const at = ids.indexOf("ACME-TOKEN");
    // After every vendor format (SG2xx/SG3xx prefixed ones included), before the command-line and hint readings.
    expect(at).toBeGreaterThan(ids.indexOf("SG132"));
    expect(at).toBeLessThan(ids.indexOf("SG160"));
    expect(at).toBeLessThan(ids.indexOf("SG125"));
    // So a team's token passed as --token is theirs, not a generic command-line secret.
    expect(catalogue.detect("command", "deploy --token " + token(13))?.detector.id).toBe("ACME-TOKEN");
    expect(DetectorCatalogue.shipped().detect("command", "deploy --token " + token(13))?.detector.id).toBe("SG160");
    // A second file's detectors follow the first's, still before the generic readings.
    const more = catalogue.withDetectors(loadDetectorFile(file("order2.json", { detectors: [acme({ id: "ACME-TWO", name: "acme-two" })] })));
    const ids2 = more.all().map((d) => d.id);
    expect(ids2.indexOf("ACME-TWO")).toBe(ids2.indexOf("ACME-TOKEN") + 1);
  });

  it("refuses a duplicate id when added to a catalogue", () => {
    const extra = loadDetectorFile(file("ok2.json", { detectors: [acme()] }));
    expect(() => DetectorCatalogue.shipped().withDetectors(extra).withDetectors(extra)).toThrow(/duplicate detector id ACME-TOKEN/);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ["not JSON", "{ nope", /not valid JSON at line 1, column 3; a \{"detectors": \[\.\.\.\]\} document is expected$/],
    ["no detectors array", { rules: [] }, /: detectors: expected/],
    ["a bad regex", { detectors: [acme({ pattern: "acme_[A-Z" })] }, /detectors\[0\]\.pattern: refused: does not compile/],
    ["a reserved id", { detectors: [acme({ id: "SG199" })] }, /detectors\[0\]\.id: ids starting with SG are reserved/],
    ["a malformed id", { detectors: [acme({ id: "acme" })] }, /detectors\[0\]\.id: must match/],
    ["missing samples", { detectors: [acme({ samples: undefined })] }, /detectors\[0\]\.samples: expected/],
    ["no positive sample", { detectors: [acme({ samples: { positive: [] } })] }, /detectors\[0\]\.samples\.positive: at least one/],
    ["a failing positive sample", { detectors: [acme({ samples: { positive: [{ value: "acme_nope" }] } })] }, /detectors\[0\]\.samples\.positive\[0\]: detector ACME-TOKEN does not report/],
    ["a failing negative sample", { detectors: [acme({ samples: { positive: [{ value: token(13) }], negative: [{ value: token(14) }] } })] }, /detectors\[0\]\.samples\.negative\[0\]: detector ACME-TOKEN reports/],
    ["an unbounded quantifier", { detectors: [acme({ pattern: "acme_[A-Za-z0-9]+" })] }, /detectors\[0\]\.pattern: refused: unbounded quantifier/],
    ["a nested quantifier", { detectors: [acme({ pattern: "acme_(?:[a-z]{1,9}){1,9}" })] }, /detectors\[0\]\.pattern: refused: nested quantifier/],
    ["overlapping quantifiers", { detectors: [acme({ pattern: "acme_[a-z]{0,9000}[a-z0-9]{0,9000}[a-z]{0,9000}!" })] }, /detectors\[0\]\.pattern: refused: may backtrack too much/],
    ["a backreference", { detectors: [acme({ pattern: "(acme_)\\1[a-z]{4}" })] }, /detectors\[0\]\.pattern: refused: backreferences/],
    ["a bad flag", { detectors: [acme({ flags: "g" })] }, /detectors\[0\]\.flags: only the flags/],
    ["an unknown check", { detectors: [acme({ check: "luhn" })] }, /detectors\[0\]\.check: one of jwt-header/],
    ["an unknown field", { detectors: [acme({ regex: "x" })] }, /detectors\[0\]\.regex: unknown field/],
    ["a bad severity", { detectors: [acme({ severity: "fatal" })] }, /detectors\[0\]\.severity: one of error, warning, info/],
    ["no keyword and no key gate", { detectors: [acme({ keywords: [] })] }, /detectors\[0\]\.keywords: give at least one keyword/],
    ["a second bad detector", { detectors: [acme(), acme({ id: "OTHER", pattern: "x{1,}" })] }, /detectors\[1\]\.pattern: refused: unbounded/],
  ];
  it.each(bad)("refuses %s with one line naming the file and the field", (name, doc, message) => {
    const path = file(name.replace(/\W+/g, "-") + ".json", doc);
    const e = errorOf(path);
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(message);
    expect(e.message.startsWith(path + ": ")).toBe(true);
    expect(e.message).not.toContain("\n");
  });

  it("says where a JSON file breaks without quoting it (V8's message would repeat a sample secret)", () => {
    const secret = "acme_" + "Zq9xK2mP4vL7nR8wQ3tY6uJ1hG5fD0sA";
    const e = errorOf(file("broken.json", `{"detectors": [\n  {"samples": {"positive": [{"value": "${secret}" oops`));
    expect(e.message).toMatch(/broken\.json: not valid JSON at line 2, column \d+;/);
    for (let at = 0; at + 8 <= secret.length; at++) if (e.message.includes(secret.slice(at, at + 8))) throw new Error(`error message holds a piece of the secret at offset ${at}`);
  });

  it("never repeats a pattern that does not compile, nor a field name that is not one", () => {
    const secret = "Zq9xK2mP4vL7nR8wQ3tY6uJ1hG5fD0sA";
    const e = errorOf(file("badre.json", { detectors: [acme({ pattern: "acme_(" + secret, [secret]: 1 })] }));
    expect(e.message).toMatch(/^.*badre\.json: detectors\[0\]/);
    for (let at = 0; at + 8 <= secret.length; at++) if (e.message.includes(secret.slice(at, at + 8))) throw new Error(`error message holds a piece of the secret at offset ${at}`);
    const r = errorOf(file("badre2.json", { detectors: [acme({ pattern: "acme_(" + secret })] }));
    expect(r.message).toMatch(/detectors\[0\]\.pattern: refused: does not compile \(Unterminated group\)$/);
  });

  it("names a file it cannot read", () => {
    expect(errorOf(join(dir, "missing.json")).message).toMatch(/missing\.json: cannot read the detectors file \(ENOENT\)/);
  });
});
