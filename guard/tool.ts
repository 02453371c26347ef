import * as fs from "node:fs";
import * as path from "node:path";

/** Name and version the guard reports (SARIF `tool.driver`, JSON `tool`), read from the package's package.json. */
function packageVersion(): string {
  // Source (guard/), build (dist/guard/) and the cdktn build (dist/cdktn/guard/) sit one to three folders below it.
  for (const up of ["..", "../..", "../../.."]) {
    const file = path.join(__dirname, up, "package.json");
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")).version;
  }
  return "0.0.0";
}

export const TOOL = { name: "secret-guard", version: packageVersion() } as const;
