/**
 * The keyword automaton (one Aho-Corasick pass for every detector's keywords) against the plain definition
 * (every offset where a keyword starts, found with indexOf), and the catalogue on top of it: priority order,
 * detectAll once per detector, and a catalogue four times the shipped one. Values are synthetic and never
 * printed: failures name detectors and counts only.
 */
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import { ATTEMPTS_PER_WINDOW, WINDOW } from "../guard/detectors/compiled-detector";
import type { Detector } from "../guard/detectors/detector";
import { KeywordAutomaton } from "../guard/detectors/keyword-automaton";
import { ALNUM, LOWER, fake } from "../guard/detectors/families/sample-values";

const NO_CAP = { window: 1 << 30, perWindow: 1 << 30 };

/** Per keyword, the positions the automaton kept, in its order. */
function occurrences(a: KeywordAutomaton, value: string): number[][] {
  a.scan(value);
  return a.keywords.map((_, w) => {
    const out: number[] = [];
    for (let o = a.first(w); o >= 0; o = a.next(o)) out.push(a.positionOf(o));
    return out;
  });
}

/** The definition: every offset where the keyword starts. */
function naive(keywords: readonly string[], value: string): number[][] {
  return keywords.map((k) => {
    const out: number[] = [];
    for (let at = value.indexOf(k); at >= 0; at = value.indexOf(k, at + 1)) out.push(at);
    return out;
  });
}

describe("the keyword automaton finds every occurrence of every keyword", () => {
  // Overlapping keywords (one a prefix, suffix or infix of another), repeats of one character, non-ASCII and
  // astral characters (two UTF-16 code units each).
  const keywords = ["ab", "abc", "bc", "bcab", "c-d", "aaa", "é_", "_é", "😀x", "ключ", "x😀", "ab.cd"];
  const alphabet = ["a", "b", "c", "d", "-", "_", "é", "😀", "x", "к", "л", "ю", "ч", ".", "z", " "];

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("random text %i agrees with indexOf for each keyword", (seed) => {
    const a = new KeywordAutomaton(keywords, NO_CAP);
    let text = "";
    let x = seed * 7919;
    for (let i = 0; i < 4000; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      text += alphabet[(x >>> 8) % alphabet.length];
    }
    text += keywords.join("") + keywords.join(" ");
    expect(occurrences(a, text)).toEqual(naive(keywords, text));
  });

  it("reports nothing, and forgets the last scan, on a value without keywords", () => {
    const a = new KeywordAutomaton(keywords, NO_CAP);
    expect(a.scan("zzz abc zzz")).toBe(true);
    expect(a.scan("zzzzzzzzzzzz")).toBe(false);
    expect(occurrences(a, "zzzzzzzzzzzz").every((l) => l.length === 0)).toBe(true);
  });

  it("keeps the first perWindow occurrences of each keyword in each window (hostile floods cost bounded memory)", () => {
    const a = new KeywordAutomaton(["aa", "a"], { window: 100, perWindow: 7 });
    const got = occurrences(a, "a".repeat(350));
    const expected = (len: number) => [0, 100, 200, 300].flatMap((w) => Array.from({ length: 7 }, (_, i) => w + i)).filter((p) => p + len <= 350);
    expect(got).toEqual([expected(2), expected(1)]);
  });

  it("refuses an empty keyword in one line", () => {
    expect(() => new KeywordAutomaton(["ok", ""], NO_CAP)).toThrow(/keyword is empty/);
  });
});

/** A prefixed token detector of the synthetic kind the bench grows the catalogue with. */
function prefixed(id: string, keyword: string, body = 36): Detector {
  return {
    id,
    name: id.toLowerCase(),
    title: `a ${id} token`,
    severity: "error",
    explanation: "A test detector.",
    fix: "Rotate it.",
    keywords: [keyword],
    pattern: keyword.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + `[A-Za-z0-9]{${body}}`,
    samples: { positive: [{ value: keyword + fake(ALNUM, body, 1) }], negative: [{ value: keyword + "short" }] },
  };
}

describe("the catalogue on the automaton", () => {
  // Keywords that nest: the longer one's detector comes first in priority, so a value with both must answer it.
  const strong = prefixed("ACME-LONG", "acme_live_");
  const weak = prefixed("ACME-SHORT", "live_", 20);

  it("detect answers the strongest detector (catalogue order), not the earliest position", () => {
    const cat = DetectorCatalogue.empty().withDetectors([strong, weak]);
    const value = "x live_" + fake(ALNUM, 20, 2) + " then acme_live_" + fake(ALNUM, 36, 3);
    expect(cat.detect("note", value)?.detector.id).toBe("ACME-LONG");
    expect(cat.detectAll("note", value).map((h) => h.detector.id)).toEqual(["ACME-LONG", "ACME-SHORT"]);
    const reversed = DetectorCatalogue.empty().withDetectors([weak, strong]);
    expect(reversed.detect("note", value)?.detector.id).toBe("ACME-SHORT");
  });

  it("whole-value detectors keep their place in the priority order among the keyword ones", () => {
    const whole: Detector = { ...prefixed("ACME-WHOLE", "unused_"), keywords: [], keys: { include: "token" }, pattern: "[a-z_]{5}[A-Za-z0-9]{20}" };
    const cat = DetectorCatalogue.empty().withDetectors([strong, whole, weak]);
    const value = "live_" + fake(ALNUM, 20, 9);
    expect(cat.detect("token", value)?.detector.id).toBe("ACME-WHOLE");
    expect(cat.detectAll("token", value).map((h) => h.detector.id)).toEqual(["ACME-WHOLE", "ACME-SHORT"]);
    expect(cat.detect("note", value)?.detector.id).toBe("ACME-SHORT"); // the key gate keeps the whole-value one out
    const both = "acme_live_" + fake(ALNUM, 36, 10);
    expect(cat.detectAll("token", both).map((h) => h.detector.id)).toEqual(["ACME-LONG", "ACME-SHORT"]);
  });

  it("a detector's first match in the value is the one reported (its positions in order)", () => {
    const cat = DetectorCatalogue.empty().withDetectors([weak]);
    const first = fake(ALNUM, 20, 5);
    const hit = cat.detect("note", "live_short live_" + first + " live_" + fake(ALNUM, 20, 6));
    expect(hit?.secret === "live_" + first).toBe(true);
  });

  it("the per-window budget still stops at ATTEMPTS_PER_WINDOW near-misses and resumes in the next window", () => {
    const cat = DetectorCatalogue.empty().withDetectors([weak]);
    const misses = "live_x ".repeat(ATTEMPTS_PER_WINDOW);
    const token = "live_" + fake(ALNUM, 20, 7);
    expect(cat.detect("note", misses + token)).toBeUndefined(); // past the budget of its window
    const pad = " ".repeat(WINDOW - misses.length);
    expect(cat.detect("note", misses + pad + token)?.detector.id).toBe("ACME-SHORT"); // next window
  });

  it("with four times the shipped detectors, every sample fires its own detector at any offset and look-alikes stay quiet", () => {
    const shipped = DetectorCatalogue.shipped();
    const n = shipped.all().length * 3;
    const extra = Array.from({ length: n }, (_, i) => prefixed(`SCALE-${i}`, fake(LOWER, 4 + (i % 5), 100 + i) + "_"));
    const grown = shipped.withDetectors(extra);
    expect(grown.all().length).toBe(4 * shipped.all().length);
    const wrong: string[] = [];
    extra.forEach((d, i) => {
      const pad = fake(ALNUM, i % 9, 500 + i) + " ";
      if (grown.detect("note", pad + d.samples.positive[0].value)?.detector.id !== d.id) wrong.push(`${d.id} positive`);
      if (grown.detect("note", pad + d.samples.negative[0].value) !== undefined) wrong.push(`${d.id} negative`);
    });
    // The shipped detectors answer as they do alone.
    for (const d of shipped.all())
      d.samples.positive.forEach((s, i) => {
        if (grown.detect(s.key ?? "", s.value)?.detector.id !== shipped.detect(s.key ?? "", s.value)?.detector.id) wrong.push(`${d.id}#${i}`);
      });
    expect(wrong).toEqual([]);
  });
});
