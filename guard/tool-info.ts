import { TOOL } from "./tool";

/** The guard's name and version, as the audit report and `--version` show them (one source: guard/tool.ts). */
export function toolInfo(): { name: string; version: string } {
  return { name: TOOL.name, version: TOOL.version };
}
