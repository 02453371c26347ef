// docs/detectors.md lists every shipped detector as the catalogue holds it (rendered by support/detector-catalogue-doc.ts).
// After adding or changing a detector: `UPDATE_GOLDEN=1 npx jest __tests__/detector-catalogue-doc.test.ts`, then review
// and commit the page (refused under CI, where it is only compared).
import * as fs from "node:fs";
import * as path from "node:path";
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import { familiesOf, renderDetectorCatalogue } from "./support/detector-catalogue-doc";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { requireNoSkips } = require("./support/no-skips");

const PAGE = path.join(__dirname, "..", "docs", "detectors.md");

test("every shipped detector belongs to a family file", () => {
  const families = familiesOf();
  expect(DetectorCatalogue.shipped().all().filter((d) => !families.has(d)).map((d) => d.id)).toEqual([]);
});

test("docs/detectors.md is the catalogue as shipped", () => {
  const page = renderDetectorCatalogue(DetectorCatalogue.shipped().all());
  if (process.env.UPDATE_GOLDEN === "1") {
    if (requireNoSkips()) throw new Error("UPDATE_GOLDEN=1 is refused under CI: update docs/detectors.md locally and commit it");
    fs.writeFileSync(PAGE, page);
  }
  expect(fs.readFileSync(PAGE, "utf8")).toBe(page);
});
