// The family of a detector is the file of guard/detectors/families/ that exports it. One reading for the bench
// (on dist/, .js) and for the test that renders docs/detectors.md (on the sources, .ts, through ts-jest).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

/** Modules of the families folder that hold no detectors. */
const NOT_FAMILIES = new Set(["index", "sample-values"]);

/** Detector object -> family (file name without extension), for every detector the `ext` files of `dir` export. */
function detectorFamilies(dir, ext) {
  const byObject = new Map();
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(ext) && !NOT_FAMILIES.has(f.slice(0, -ext.length)))) {
    const mod = require(path.join(dir, f));
    // A family may export its detectors one by one or as a generated list (vendor-keyed's table).
    for (const v of Object.values(mod).flatMap((x) => (Array.isArray(x) ? x : [x])))
      if (v && typeof v === "object" && typeof v.id === "string" && v.samples) byObject.set(v, f.slice(0, -ext.length));
  }
  return byObject;
}

module.exports = { detectorFamilies };
