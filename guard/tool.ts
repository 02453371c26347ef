import * as fs from "node:fs";
import * as path from "node:path";

/** Name and version the guard reports (SARIF `tool.driver`, JSON `tool`), read from the package's package.json. */
function packageVersion(): string {
  // Source (guard/) and build (dist/guard/) sit one and two folders below package.json.
  for (const up of ["..", "../.."]) {
    const file = path.join(__dirname, up, "package.json");
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")).version;
  }
  return "0.0.0";
}

export const TOOL = { name: "secret-guard", version: packageVersion() } as const;
