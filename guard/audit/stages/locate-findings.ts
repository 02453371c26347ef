import * as path from "node:path";
import type { FileKind } from "../../finding";
import type { ByteSource } from "../read/file-chunks";
import { locateValues } from "../read/value-regions";
import { creationSite, elementTracePointers } from "../locate/creation-site";
import type { AuditRun } from "./audit-run";

/**
 * For a SARIF report (FileAuditOptions.regions): one more pass over the file finds the line and column of each
 * finding's value, and on a cdk.tf.json the TypeScript line that created each finding's construct (the stack
 * trace cdktf records in the element's `"//".metadata`; its paths found from `file`'s folder up). Runs before
 * redaction: it needs the file's own pointers.
 */
export async function locateFindings(run: AuditRun, source: ByteSource, kind: FileKind, file?: string): Promise<void> {
  const n = run.findings.length;
  if (n === 0) return;
  const pointers: string[] = [];
  for (let i = 0; i < n; i++) pointers.push(run.findings.at(i).pointer);
  // Per finding, the trace pointers of the elements it may be in (deepest first), flattened.
  const traceOf: number[][] = [];
  const traces: string[] = [];
  const known = new Map<string, number>();
  if (kind === "synth") {
    for (const p of pointers) {
      traceOf.push(
        elementTracePointers(p).map((t) => {
          let k = known.get(t);
          if (k === undefined) known.set(t, (k = traces.push(t) - 1));
          return k;
        }),
      );
    }
  }
  const located = await locateValues(source, pointers, traces);
  const from = file === undefined ? undefined : path.dirname(file);
  const sites = located.texts.map((t) => (t === undefined ? undefined : creationSite(t, process.cwd(), from)));
  for (let i = 0; i < n; i++) {
    const site = traceOf[i]?.map((k) => sites[k]).find((s) => s !== undefined);
    run.findings.locate(i, located.regions[i], site);
  }
}
