// Every test file that loads the engine (cdktf or its providers, the constructs, the app, the package entry) runs on
// CDK Terrain too, or says why it does not: a new library test cannot silently stay cdktf-only.
import * as fs from "node:fs";
import * as path from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CDKTN_TESTS, CDKTF_ONLY } = require("./support/engine-test-plan");

const LOADS_ENGINE = /from "(cdktf|@cdktf\/[^"]+)"|from "\.\.\/(index|constructs\/[^"]*|engine\/[^"]*|app\/[^"]*|main|\.gen\/[^"]*)"/;

test("each test file that loads the engine is in the cdktn pass or names why it is cdktf-only", () => {
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith(".test.ts"));
  const loading = files.filter((f) => LOADS_ENGINE.test(fs.readFileSync(path.join(__dirname, f), "utf8")));
  expect(loading.length).toBeGreaterThan(5);
  const unplanned = loading.filter((f) => !CDKTN_TESTS.includes(f) && !(f in CDKTF_ONLY));
  expect(unplanned).toEqual([]);
});

test("the plan names only test files that exist, each once, with a reason of 10+ characters for cdktf-only ones", () => {
  const files = new Set(fs.readdirSync(__dirname));
  for (const f of [...CDKTN_TESTS, ...Object.keys(CDKTF_ONLY)]) expect([f, files.has(f)]).toEqual([f, true]);
  expect(new Set(CDKTN_TESTS).size).toBe(CDKTN_TESTS.length);
  for (const f of CDKTN_TESTS) expect(f in CDKTF_ONLY).toBe(false);
  for (const [f, reason] of Object.entries<string>(CDKTF_ONLY)) expect([f, reason.length >= 10]).toEqual([f, true]);
});
