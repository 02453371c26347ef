/**
 * A second opinion on the detector catalogue: vendor token formats generated here from the vendors' documented
 * shapes (support/vendor-formats.ts, written apart from the catalogue's own samples) are planted where states and
 * plans really carry them unmarked: a resource tag, a Lambda environment variable under its usual name, a file's
 * `NAME=value` line. Each must be reported at its place; each look-alike must not; no value reaches any report.
 */
import * as fs from "node:fs";
import { tempDir } from "./support/audit-cli";
import { makeRandom, VENDOR_FORMATS, type Placement } from "./support/vendor-formats";
import { ruleIdsByResource } from "./support/unmarked-documents";

interface Planted {
  readonly label: string;
  readonly value: string;
  readonly placement: Placement;
}

/** One resource instance per planted value, each in the attribute its placement names. */
function resourceFor(p: Planted, i: number): { type: string; name: string; attributes: Record<string, unknown> } {
  switch (p.placement.kind) {
    case "tag":
      return { type: "aws_s3_bucket", name: `b${i}`, attributes: { bucket: `bucket-${i}`, tags: { note: p.value }, tags_all: { note: p.value } } };
    case "env":
      return {
        type: "aws_lambda_function",
        name: `f${i}`,
        attributes: { function_name: `fn-${i}`, environment: [{ variables: { [p.placement.name]: p.value } }] },
      };
    case "file":
      return { type: "local_file", name: `c${i}`, attributes: { filename: `./conf-${i}.env`, content: `# settings\n${p.placement.name}=${p.value}\n` } };
  }
}


describe("vendor token formats from their documented shapes, in unmarked places of a state and a plan", () => {
  const dir = tempDir("sg-vendor-");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const r = makeRandom(20261207);
  const positives: Planted[] = VENDOR_FORMATS.map((f) => ({ label: f.family, value: f.make(r), placement: f.placement }));
  const negatives: Planted[] = VENDOR_FORMATS.flatMap((f) => f.lookAlikes(r).map((value, k) => ({ label: `${f.family} look-alike ${k}`, value, placement: f.placement })));

  /** Audits `planted` as a state and as a plan; per document, the rule ids reported at each planted resource. */
  const audit = (kind: string, planted: readonly Planted[]) => ruleIdsByResource(dir, kind, planted.map(resourceFor), planted.map((p) => p.value));

  it("reports every format at its place", () => {
    for (const found of audit("positives", positives)) {
      const missed = positives.filter((_, i) => !found.has(i)).map((p) => p.label);
      expect(missed).toEqual([]);
    }
  });

  it("keeps quiet on every look-alike (placeholders, wrong lengths, repeated characters, prose)", () => {
    for (const found of audit("negatives", negatives)) {
      const fired = negatives.flatMap((p, i) => (found.has(i) ? [`${p.label}: ${found.get(i)!.join(",")}`] : []));
      expect(fired).toEqual([]);
    }
  });
});
