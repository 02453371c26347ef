/**
 * Linear time on hostile input: for every detector, ~1 MB near-miss values built from its own keywords and
 * samples (keyword floods, keyword + almost-matching body, truncated positives), plus the classic ReDoS
 * shapes. Each must return well within a bound, without throwing. Values are never printed.
 */
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import type { Detector } from "../guard/detectors/detector";

const MB = 1 << 20;
/**
 * Generous for a slow 2-core CI machine (typical runs are far below), and scaled by how fast this machine does a
 * plain linear pass over 1 MB right now, so a busy machine does not fail a linear matcher: a super-linear one is
 * off by orders of magnitude either way.
 */
const BOUND_MS = Math.max(1500, 400 * calibrate());

function calibrate(): number {
  const text = "a.".repeat(MB / 2);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    JSON.stringify(text).indexOf("\u0000");
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[2];
}
const catalogue = DetectorCatalogue.shipped();

function fill(unit: string, size = MB): string {
  return unit.repeat(Math.max(1, Math.ceil(size / Math.max(1, unit.length)))).slice(0, size);
}

function timed(key: string, value: string): number {
  const t0 = process.hrtime.bigint();
  catalogue.detect(key, value);
  catalogue.detectAll(key, value);
  return Number(process.hrtime.bigint() - t0) / 1e6 / 2;
}

function hostileInputs(d: Detector): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const positive = d.samples.positive[0];
  const half = positive.value.slice(0, Math.max(1, Math.floor(positive.value.length / 2)));
  const almost = positive.value.slice(0, -1);
  for (const k of d.keywords.length > 0 ? d.keywords : [""]) {
    if (k) out.push([`${k} repeated`, fill(k)]);
    out.push([`${k} + long body`, k + fill("a", MB - k.length)]);
    out.push([`${k} + near-miss body repeated`, fill(k + "Ab3".repeat(30) + " ")]);
    out.push([`${k} + sample body without end`, fill(k + positive.value.slice(k.length, -1))]);
  }
  out.push(["half sample repeated", fill(half)]);
  out.push(["sample minus last char, repeated without separator", fill(almost)]);
  out.push(["sample minus last char, newline-separated", fill(almost + "\n")]);
  return out;
}

const CLASSIC: Array<[string, () => string]> = [
  ['"a." * N + "://@"', () => fill("a.") + "://@"],
  ['"a://b:" + "<" * 1e6 + "@"', () => "a://b:" + "<".repeat(1e6) + "@"],
  ['"eyJ" + "a" * 10e6', () => "eyJ" + "a".repeat(10e6)],
  ['"://" + "a:" * N', () => "://" + fill("a:")],
  ['"://" flood with user info', () => fill("://u:p@")],
  ['"-----BEGIN " + spaces', () => "-----BEGIN " + " ".repeat(MB)],
  ['"-----BEGIN PRIVATE KEY-----" flood', () => fill("-----BEGIN PRIVATE KEY-----\n")],
  ['jdbc with no password', () => "jdbc:x:" + fill(";a=b")],
  ['sas with no sig', () => fill("sv=2022-11-02&se=x&")],
  ['password= flood', () => fill("password=")],
  ['password = value lines', () => fill("password = Ab3Ab3Ab3\n")],
  ['key = value lines, distinct keys', () => Array.from({ length: 60000 }, (_, i) => `k${i}_secret = v${i}Ab3xyz`).join("\n")],
  ['deep JSON brackets', () => "[".repeat(MB)],
  ['deep JSON objects', () => '{"a":'.repeat(100000) + "1" + "}".repeat(100000)],
  ['JSON of 1 MB with many members', () => JSON.stringify(Object.fromEntries(Array.from({ length: 30000 }, (_, i) => [`password_${i}`, `v${i}Ab3xyz!`])))],
  ['base64 of 1 MB text', () => Buffer.from(fill("password=x ")).toString("base64").slice(0, MB)],
  ['plain letters', () => fill("a")],
  ['whitespace', () => fill(" \n\t")],
  ['dollar braces and angle brackets', () => fill("${<")],
];

describe("detect runs in linear time on hostile values", () => {
  for (const d of catalogue.all()) {
    it(`${d.id} ${d.name}: near-miss floods`, () => {
      const key = d.samples.positive[0].key ?? "";
      const slow: string[] = [];
      for (const [what, value] of hostileInputs(d)) {
        const ms = timed(key, value);
        if (ms > BOUND_MS) slow.push(`${what}: ${Math.round(ms)} ms`);
      }
      expect(slow).toEqual([]);
    });
  }

  it.each(CLASSIC)("%s", (_what, build) => {
    const value = build();
    for (const key of ["", "password", "client_secret", "auth", "user_data"]) {
      expect(timed(key, value)).toBeLessThan(BOUND_MS);
    }
  });
});
