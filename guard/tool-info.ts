import { readFileSync } from "node:fs";
import * as path from "node:path";

let cached: { name: string; version: string } | undefined;

/** The guard's name and version (from the package.json above this file, both from source and from dist/). */
export function toolInfo(): { name: string; version: string } {
  if (cached) return cached;
  let version = "0.0.0";
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    try {
      version = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).version ?? version;
      break;
    } catch {
      // not here; look one folder up
    }
  }
  cached = { name: "secret-guard", version };
  return cached;
}
