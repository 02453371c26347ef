import { GRAM, SecretIndex, TrackedSecret, worthTracking } from "../guard/audit/detect/secret-index";
import { SecretHits } from "../guard/audit/detect/secret-hits";

/** Detect stage: the byte scan for tracked secrets (raw and escaped) and the forward cursor over its hits. */

// Planted values: compared, never printed.
const PLAIN = "Kq8vN2xLp4Zr7Wt1";
const NASTY = 'Pw_9xK2mQ7"quote"\\back<lt>gt&amp_tail4Hj8';
const SHORT_RUNS = 'ab"cd<ef>gh&ij\\kl"mn<op'; // no 8 characters JSON never escapes

/** Offsets reported by scanBytes for `secret`. */
function hitsFor(index: SecretIndex, bytes: Buffer, base = 0, secret?: string): number[] {
  const out: number[] = [];
  index.scanBytes(bytes, base, (offset, s) => {
    if (secret === undefined || index.value(s) === secret) out.push(offset);
  });
  return out;
}

function indexOf(...values: string[]): SecretIndex {
  const index = new SecretIndex();
  for (const v of values) index.add(v, `origin of ${values.indexOf(v)}`, "SG103");
  return index;
}

/** The ways a value sits in a JSON file: plain, JSON-escaped, Go's HTML-safe escapes, and double-encoded. */
function forms(v: string): string[] {
  const json = JSON.stringify(v).slice(1, -1);
  const go = json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return [v, json, go, JSON.stringify(json).slice(1, -1), JSON.stringify(go).slice(1, -1)];
}

describe("SecretIndex.scanBytes", () => {
  it("finds a plain secret, at every alignment 0..15, with a hit at (or before) its start", () => {
    const index = indexOf(PLAIN);
    for (let pad = 0; pad < 16; pad++) {
      for (const base of [0, 1, 5, 1000003]) {
        const bytes = Buffer.from("x".repeat(pad) + PLAIN + " trailing filler");
        const hits = hitsFor(index, bytes, base, PLAIN);
        expect(hits.length).toBeGreaterThan(0);
        expect(hits.every((h) => h === base + pad)).toBe(true);
      }
    }
  });

  it("finds the secret at the very end and the very start of the bytes", () => {
    const index = indexOf(PLAIN);
    expect(hitsFor(index, Buffer.from(PLAIN))).toEqual([0]);
    for (let pad = 0; pad < 16; pad++) expect(hitsFor(index, Buffer.from("y".repeat(pad) + PLAIN)).length).toBeGreaterThan(0);
  });

  it("finds every copy in a larger buffer", () => {
    const index = indexOf(PLAIN);
    const parts: string[] = [];
    const starts: number[] = [];
    let at = 0;
    for (let k = 0; k < 50; k++) {
      const filler = "f".repeat((k * 7) % 23) + ',"k":"';
      at += filler.length;
      starts.push(at);
      parts.push(filler, PLAIN, '"');
      at += PLAIN.length + 1;
    }
    const hits = new Set(hitsFor(index, Buffer.from(parts.join(""))));
    for (const s of starts) expect(hits.has(s)).toBe(true);
  });

  it("finds secrets with quote, backslash, <, >, & in every JSON-escaped form", () => {
    const index = indexOf(NASTY);
    expect(index.everywhere).toHaveLength(0); // it has a long safe run, so it is gated
    for (const form of forms(NASTY)) {
      for (let pad = 0; pad < 16; pad++) {
        const bytes = Buffer.from('{"a":"' + "z".repeat(pad) + form + '"}');
        expect(hitsFor(index, bytes, 0, NASTY).length).toBeGreaterThan(0);
      }
    }
  });

  it("a value with no 8-character safe run is listed as `everywhere` and never gated", () => {
    const index = indexOf(SHORT_RUNS, PLAIN);
    expect(index.everywhere.map((s) => index.value(s) === SHORT_RUNS)).toEqual([true]);
    expect(hitsFor(index, Buffer.from("...." + SHORT_RUNS + "...."), 0, SHORT_RUNS)).toEqual([]);
    // Non-ASCII characters break a run too.
    const unicode = indexOf("éa1€Zq9üb2Ωx7ñK");
    expect(unicode.everywhere).toHaveLength(1);
  });

  it("a weak value (never reported as a copy) takes no part in the byte scan, yet identifiers still find it", () => {
    const weak = "cc-testapi"; // a short name: copyWorthy says no
    const weakNoRun = "éééééééééé€€€€€€€€"; // no run, one character mostly: weak too
    const index = indexOf(weak, weakNoRun, PLAIN);
    // Not in the byte scan: no hit, and no reading of every piece for the run-less one.
    expect(hitsFor(index, Buffer.from("prefix " + weak + " " + PLAIN), 0, weak)).toEqual([]);
    expect(index.everywhere).toEqual([]);
    // Its short run no longer sets the scan's pace: the long value is still found at every alignment.
    for (let pad = 0; pad < 40; pad++) expect(hitsFor(index, Buffer.from("q".repeat(pad) + PLAIN + "q"), 0, PLAIN)).toEqual([pad]);
    // Redaction still sees both (candidatesIn uses every tracked value).
    expect(index.candidatesIn(`module.x["${weak}"]`).map((c) => index.value(c) === weak)).toContain(true);
    expect(index.candidatesIn(`name-${weakNoRun}`).map((c) => index.value(c) === weakNoRun)).toContain(true);
    // Named by the user (SG110), the weak value is looked for again, in the next scan.
    index.add(weak, "--known-env WEAK", "SG110");
    expect(hitsFor(index, Buffer.from("prefix " + weak + " tail"), 0, weak)).toEqual([7]);
  });

  it("no hits in bytes without the secret, nor in bytes shorter than a window", () => {
    const index = indexOf(PLAIN);
    expect(hitsFor(index, Buffer.from(PLAIN.slice(0, 7) + "-" + PLAIN.slice(8)))).toEqual([]);
    expect(hitsFor(index, Buffer.from(PLAIN.slice(0, GRAM - 1)))).toEqual([]);
    expect(hitsFor(new SecretIndex(), Buffer.from(PLAIN))).toEqual([]);
  });

  it("a short secret (run of exactly 8) is still found at every alignment", () => {
    const eight = "Ab3$Cd4%";
    const index = indexOf(eight);
    for (let pad = 0; pad < 16; pad++) expect(hitsFor(index, Buffer.from("q".repeat(pad) + eight + "q"), 0, eight)).toEqual([pad]);
  });

  it("long secrets alone (the scan then samples up to every 32nd byte) are found at every alignment, beside a short one", () => {
    const long = "Lg7Vq2Np9Xr4Kt8Wm3Zs6Hc1Bd5Jf0Yh2Qa7Ue4Rx9Tn3Mw8";
    for (const index of [indexOf(long), indexOf(long, PLAIN)]) {
      for (let pad = 0; pad < 40; pad++) {
        for (const base of [0, 7, 1000003]) {
          const hits = hitsFor(index, Buffer.from("q".repeat(pad) + long + "q".repeat(pad % 5)), base, long);
          expect(hits.length).toBeGreaterThan(0);
          expect(hits.every((h) => h === base + pad)).toBe(true);
        }
      }
    }
  });

  it("works on a subarray of a larger buffer (byteOffset)", () => {
    const index = indexOf(PLAIN);
    const big = Buffer.from("0123456789abc" + PLAIN + "zz");
    for (let from = 1; from < 13; from++) {
      const hits = hitsFor(index, big.subarray(from), from);
      expect(hits).toEqual([13]);
    }
  });

  it("20,000 secrets are all still found", () => {
    // Random-looking (worth a copy: copyWorthy), each distinct by its number.
    const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const values: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let x = (i * 2654435761) >>> 0 || 1;
      let v = `s${i.toString(36)}_`;
      while (v.length < 20) (x ^= x << 13), (x >>>= 0), (x ^= x >>> 17), (x ^= x << 5), (x >>>= 0), (v += ALNUM[x % 62]);
      values.push(v);
    }
    const index = indexOf(...values);
    expect(index.size).toBe(20_000);
    const doc = Buffer.from(values.map((v, i) => `{"k${i}":"${v}"}`).join(","));
    const found = new Set<string>();
    index.scanBytes(doc, 0, (_o, s) => found.add(index.value(s)));
    expect(found.size).toBe(20_000);
  });
});

describe("SecretIndex bookkeeping and matchIn", () => {
  it("first origin wins, except that a known value (SG110) takes over", () => {
    const index = new SecretIndex();
    index.add(PLAIN, "first", "SG103");
    index.add(PLAIN, "second", "SG103");
    expect(index.size).toBe(1);
    expect(index.has(PLAIN)).toBe(true);
    index.add(PLAIN, "--known-env X", "SG110");
    let got: TrackedSecret | undefined;
    index.scanBytes(Buffer.from(PLAIN), 0, (_o, s) => (got = s));
    expect(index.ruleId(got!)).toBe("SG110");
    expect(index.origin(got!)).toBe("--known-env X");
    index.add(PLAIN, "third", "SG103");
    expect(index.ruleId(got!)).toBe("SG110");
  });

  it("a secret added after a scan is found by the next scan", () => {
    const index = indexOf(PLAIN);
    expect(hitsFor(index, Buffer.from("zz" + NASTY), 0, NASTY)).toEqual([]);
    index.add(NASTY, "later", "SG103");
    expect(hitsFor(index, Buffer.from("zz" + NASTY), 0, NASTY).length).toBeGreaterThan(0);
  });

  it("matchIn finds the plain value and its escaped forms inside a decoded string", () => {
    const index = indexOf(NASTY, PLAIN);
    const cands: TrackedSecret[] = [];
    index.scanBytes(Buffer.from(NASTY + " " + PLAIN), 0, (_o, s) => {
      if (!cands.includes(s)) cands.push(s);
    });
    expect(cands).toHaveLength(2);
    for (const form of forms(NASTY).slice(0, 4)) {
      // A string that, once decoded by JSON.parse, still holds the (once more) escaped secret: jsonencode() output.
      expect(index.value(index.matchIn("prefix " + form + " suffix", cands)!) === NASTY).toBe(true);
    }
    expect(index.value(index.matchIn("x" + PLAIN, cands)!) === PLAIN).toBe(true);
    expect(index.matchIn(NASTY.slice(0, -1), cands)).toBeUndefined();
    expect(index.matchIn(NASTY, [])).toBeUndefined();
  });

  it("a candidate with slashes or tildes is matched in its JSON-pointer form (~1, ~0); findIn finds it as it is", () => {
    const pathy = "Kq8v/N2xL~p4Zr/7Wt1";
    const pointerForm = "Kq8v~1N2xL~0p4Zr~17Wt1";
    const index = indexOf(pathy, PLAIN);
    const [c] = index.candidatesIn(pathy);
    expect(index.value(index.matchIn("/resources/" + pointerForm, [c])!) === pathy).toBe(true);
    expect(index.value(index.findIn("plain " + pathy + " text")!) === pathy).toBe(true);
    expect(index.findIn("plain text without it")).toBeUndefined();
  });
});

describe("worthTracking", () => {
  it("accepts secret-like values", () => {
    for (const v of [PLAIN, NASTY, "12345678a", "x".repeat(65536)]) expect(worthTracking(v)).toBe(true);
  });
  it("rejects short values, numbers, UUIDs, ARNs, interpolations and huge values", () => {
    for (const v of ["", "short", "1234567", "12345678901234", "6F9619FF-8B86-D011-B42D-00C04FC964FF", "6f9619ff-8b86-d011-b42d-00c04fc964ff", "arn:aws:iam::123456789012:role/x", "prefix-${var.pw}-suffix", "${aws_db.x.password}", "x".repeat(65537)]) {
      expect(worthTracking(v)).toBe(false);
    }
  });
});

describe("SecretHits", () => {
  // Secrets are numbers in their index.
  const a: TrackedSecret = 0;
  const b: TrackedSecret = 1;

  it("anyIn and secretsIn over [start, end), asked in increasing start order", () => {
    // Hits of one secret close together form one run: a piece between two of them may be named as a candidate
    // (it is read for nothing), but every piece that holds a hit is.
    const h = new SecretHits();
    h.add(10, a);
    h.add(12, b);
    h.add(15, a);
    h.add(40, b);
    expect(h.anyIn(0, 10)).toBe(false);
    expect(h.anyIn(0, 11)).toBe(true);
    expect(h.secretsIn(5, 16)).toEqual([a, b]); // distinct
    expect(h.secretsIn(13, 40)).toEqual(expect.arrayContaining([a])); // b's run (12..40) spans it too
    expect(h.secretsIn(16, 41)).toEqual([b]);
    expect(h.anyIn(41, 1000)).toBe(false);
    expect(h.secretsIn(41, 1000)).toEqual([]);
  });

  it("hits far apart stay separate runs; a flood of hits is a few runs", () => {
    const h = new SecretHits();
    h.add(10, a);
    h.add(10 + 200_000, a);
    expect(h.anyIn(20, 200_000)).toBe(false);
    expect(h.secretsIn(200_000, 200_100)).toEqual([a]);
    const flood = new SecretHits();
    for (let i = 0; i < 1_000_000; i++) flood.add(i * 17, b);
    expect((flood as unknown as { starts: number[] }).starts.length).toBe(1);
    expect(flood.secretsIn(5_000_000, 5_000_001)).toEqual([b]);
  });

  it("the cursor only moves forward: hits before an earlier start are not seen again", () => {
    const h = new SecretHits();
    h.add(5, a);
    expect(h.anyIn(6, 10)).toBe(false);
    expect(h.anyIn(0, 10)).toBe(false); // asked out of order: the hit at 5 is behind the cursor
  });

  it("an empty list answers nothing", () => {
    const h = new SecretHits();
    expect(h.anyIn(0, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(h.secretsIn(0, 10)).toEqual([]);
  });

  it("offsets past 32 bits", () => {
    const h = new SecretHits();
    h.add(2 ** 33 + 1, a);
    expect(h.anyIn(2 ** 33, 2 ** 33 + 1)).toBe(false);
    expect(h.secretsIn(2 ** 33 + 1, 2 ** 33 + 2)).toEqual([a]);
  });
});
