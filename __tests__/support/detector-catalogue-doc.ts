/**
 * docs/detectors.md, rendered from the shipped catalogue: one table per family (the file of
 * guard/detectors/families/ a detector comes from), each detector with its id, what it finds, its severity and what
 * it is recognised by. The catalogue is the source; the page is checked against it by a test.
 */
import * as path from "node:path";
import type { Detector } from "../../guard/detectors/detector";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { detectorFamilies } = require("../../bench/detector-families") as { detectorFamilies: (dir: string, ext: string) => Map<Detector, string> };

const FAMILIES = path.join(__dirname, "..", "..", "guard", "detectors", "families");

/** Family (file name) of each detector object the families' modules export (the bench's reading, on the sources). */
export function familiesOf(): Map<Detector, string> {
  return detectorFamilies(FAMILIES, ".ts");
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (s: string) => "`" + s.replace(/`/g, "'") + "`";

function recognisedBy(d: Detector): string {
  const parts: string[] = [];
  if (d.keywords.length > 0) parts.push(d.keywords.map(code).join(", "));
  if (d.keys === "secret-key") parts.push("under a secret-like key");
  else if (d.keys) parts.push("under keys matching " + code(d.keys.include ?? "any") + (d.keys.exclude ? " (not " + code(d.keys.exclude) + ")" : ""));
  if (d.check) parts.push("check " + code(d.check));
  if (d.entropy !== undefined) parts.push(`entropy >= ${d.entropy}`);
  return parts.join("; ");
}

export function renderDetectorCatalogue(detectors: readonly Detector[]): string {
  const family = familiesOf();
  const byFamily = new Map<string, Detector[]>();
  for (const d of detectors) {
    const f = family.get(d) ?? "other";
    byFamily.set(f, [...(byFamily.get(f) ?? []), d]);
  }
  const lines = [
    "# Detector catalogue",
    "",
    "<!-- Generated from guard/detectors/families/ by __tests__/detector-catalogue-doc.test.ts; UPDATE_GOLDEN=1 rewrites it. -->",
    "",
    `The ${detectors.length} token formats and shapes \`secret-guard\` and the synth guard recognise, by family (the file of`,
    "`guard/detectors/families/` that holds them, each detector with at least three true and three false samples).",
    "Prefixed formats are found under any key; formats without a prefix only under their vendor's key names or in a",
    "`NAME=value` line. A token whose vendor checksum does not verify, and a documented example value, is a warning.",
    "How detection works: [the secret guard](guard.md). Your own detectors: [--detectors](guard.md#your-own-detectors---detectors-file-json-or-gitleaks-toml).",
    "",
  ];
  for (const f of [...byFamily.keys()].sort()) {
    lines.push(`## ${f}`, "", "| id | finds | severity | recognised by |", "|---|---|---|---|");
    for (const d of [...byFamily.get(f)!].sort((a, b) => a.id.localeCompare(b.id))) lines.push(`| ${d.id} | ${cell(d.title)} | ${d.severity} | ${cell(recognisedBy(d))} |`);
    lines.push("");
  }
  return lines.join("\n");
}
