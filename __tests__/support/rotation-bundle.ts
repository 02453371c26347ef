// Unpacks the rotation function exactly as the stack deploys it (dist/rotation/rotation-function.zip) and loads it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readZip } = require("../../scripts/zip.js");

export const BUNDLE_ZIP = path.resolve(__dirname, "..", "..", "dist", "rotation", "rotation-function.zip");

export function loadDeployedHandler(): { handler: (event: unknown) => Promise<void>; dir: string } {
  const entries = readZip(fs.readFileSync(BUNDLE_ZIP)) as { name: string; data: Buffer }[];
  if (entries.length !== 1 || entries[0].name !== "index.js") throw new Error("the rotation zip must hold index.js only");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rotation-bundle-"));
  const file = path.join(dir, "index.js");
  fs.writeFileSync(file, entries[0].data);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file);
  return { handler: mod.handler, dir };
}
