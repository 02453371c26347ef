/**
 * Linear work on hostile input, counted rather than timed (a busy machine is slower, not wrong; speed is
 * `npm run bench`'s): every pattern passes the linear-pattern gate (guard/detectors/linear-pattern.ts, checked for the
 * shipped ones in guard-detectors.test.ts), so ONE match attempt does bounded work, and what remains is how many attempts a value costs. For every detector,
 * near-miss values built from its own keywords and samples (keyword floods, keyword + almost-matching body,
 * truncated positives), plus the classic ReDoS shapes, are built at size N and 2N: doubling the input may at most
 * double the attempts (plus a few). Values are never printed.
 */
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import type { Detector } from "../guard/detectors/detector";

const N = 64 << 10;
/** Attempts that do not grow with the input (a fixed number of keys, prefixes, a final check). */
const SLACK = 16;
const catalogue = DetectorCatalogue.shipped();

function fill(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / Math.max(1, unit.length)))).slice(0, size);
}

/** Regular-expression match attempts (every RegExp exec, including those behind test/match/replace/split) one detect costs. */
function attempts(key: string, value: string): number {
  const exec = RegExp.prototype.exec;
  let n = 0;
  RegExp.prototype.exec = function countedExec(this: RegExp, text: string) {
    n++;
    return exec.call(this, text);
  };
  try {
    catalogue.detect(key, value);
    catalogue.detectAll(key, value);
  } finally {
    RegExp.prototype.exec = exec;
  }
  return n;
}

/** "" when doubling the input at most doubled the attempts; else what grew, by how much (never the value). */
function superLinear(what: string, key: string, build: (size: number) => string): string {
  const once = attempts(key, build(N));
  const twice = attempts(key, build(2 * N));
  return twice <= 2 * once + SLACK ? "" : `${what} (key ${JSON.stringify(key)}): ${once} attempts at ${N} chars, ${twice} at ${2 * N}`;
}

function hostileInputs(d: Detector): Array<[string, (size: number) => string]> {
  const out: Array<[string, (size: number) => string]> = [];
  const positive = d.samples.positive[0];
  const half = positive.value.slice(0, Math.max(1, Math.floor(positive.value.length / 2)));
  const almost = positive.value.slice(0, -1);
  for (const k of d.keywords.length > 0 ? d.keywords : [""]) {
    if (k) out.push([`${k} repeated`, (n) => fill(k, n)]);
    out.push([`${k} + long body`, (n) => k + fill("a", n - k.length)]);
    out.push([`${k} + near-miss body repeated`, (n) => fill(k + "Ab3".repeat(30) + " ", n)]);
    out.push([`${k} + sample body without end`, (n) => fill(k + positive.value.slice(k.length, -1), n)]);
  }
  out.push(["half sample repeated", (n) => fill(half, n)]);
  out.push(["sample minus last char, repeated without separator", (n) => fill(almost, n)]);
  out.push(["sample minus last char, newline-separated", (n) => fill(almost + "\n", n)]);
  return out;
}

const CLASSIC: Array<[string, (size: number) => string]> = [
  ['"a." * N + "://@"', (n) => fill("a.", n) + "://@"],
  ['"a://b:" + "<" * N + "@"', (n) => "a://b:" + "<".repeat(n) + "@"],
  ['"eyJ" + "a" * N', (n) => "eyJ" + "a".repeat(n)],
  ['"://" + "a:" * N', (n) => "://" + fill("a:", n)],
  ['"://" flood with user info', (n) => fill("://u:p@", n)],
  ['"-----BEGIN " + spaces', (n) => "-----BEGIN " + " ".repeat(n)],
  ['"-----BEGIN PRIVATE KEY-----" flood', (n) => fill("-----BEGIN PRIVATE KEY-----\n", n)],
  ['jdbc with no password', (n) => "jdbc:x:" + fill(";a=b", n)],
  ['sas with no sig', (n) => fill("sv=2022-11-02&se=x&", n)],
  ['password= flood', (n) => fill("password=", n)],
  ['password = value lines', (n) => fill("password = Ab3Ab3Ab3\n", n)],
  ['key = value lines, distinct keys', (n) => Array.from({ length: Math.floor(n / 20) }, (_, i) => `k${i}_secret = v${i}Ab3xyz`).join("\n").slice(0, n)],
  ['deep JSON brackets', (n) => "[".repeat(n)],
  ['deep JSON objects', (n) => '{"a":'.repeat(n / 8) + "1" + "}".repeat(n / 8)],
  // Fixed-width members, so that twice the members is twice the size.
  ['JSON with many members', (n) => JSON.stringify(Object.fromEntries(Array.from({ length: Math.floor(n / 40) }, (_, i) => { const k = String(i).padStart(7, "0"); return [`password_${k}`, `v${k}Ab3xyz!`]; })))],
  ['base64 of text', (n) => Buffer.from(fill("password=x ", n)).toString("base64").slice(0, n)],
  ['plain letters', (n) => fill("a", n)],
  ['whitespace', (n) => fill(" \n\t", n)],
  ['dollar braces and angle brackets', (n) => fill("${<", n)],
];

describe("detect does linear work on hostile values", () => {
  it("the attempt counter sees the detectors' attempts", () => {
    // A planted positive costs at least one attempt: a counter stuck at 0 would make every check below pass.
    const d = catalogue.all()[0];
    expect(attempts(d.samples.positive[0].key ?? "", d.samples.positive[0].value)).toBeGreaterThan(0);
  });

  for (const d of catalogue.all()) {
    it(`${d.id} ${d.name}: near-miss floods`, () => {
      const key = d.samples.positive[0].key ?? "";
      const grew = hostileInputs(d).map(([what, build]) => superLinear(what, key, build)).filter(Boolean);
      expect(grew).toEqual([]);
    });
  }

  it.each(CLASSIC)("%s", (what, build) => {
    const grew = ["", "password", "client_secret", "auth", "user_data"].map((key) => superLinear(what, key, build)).filter(Boolean);
    expect(grew).toEqual([]);
  });
});
