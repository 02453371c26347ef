import * as path from "node:path";
import type { FileKind } from "../../finding";
import type { ByteSource } from "../read/file-chunks";
import { locateValues } from "../read/value-regions";
import { creationSite, elementTracePointers } from "../locate/creation-site";
import { GITHUB_SARIF_LIMITS } from "../../report/sarif-cap";
import type { AuditRun } from "./audit-run";

/**
 * For a SARIF report (FileAuditOptions.regions): one more pass over the file finds the line and column of each
 * finding's value, and on a cdk.tf.json the TypeScript line that created each finding's construct (the stack
 * trace cdktf records in the element's `"//".metadata`; its paths found from `file`'s folder up). Runs before
 * redaction: it needs the file's own pointers. Many findings are located in passes of PER_PASS, and at most
 * MAX_LOCATED of them (what a SARIF log can show).
 */
export async function locateFindings(run: AuditRun, source: ByteSource, kind: FileKind, file?: string): Promise<void> {
  const n = run.findings.length;
  if (n === 0) return;
  const from = file === undefined ? undefined : path.dirname(file);
  for (const batch of batchesToLocate(run, n)) {
    const pointers = batch.map((i) => run.findings.pointerOf(i));
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
    const sites = located.texts.map((t) => (t === undefined ? undefined : creationSite(t, process.cwd(), from)));
    batch.forEach((i, k) => {
      const site = traceOf[k]?.map((t) => sites[t]).find((s) => s !== undefined);
      run.findings.locate(i, located.regions[k], site);
    });
  }
}

/**
 * A SARIF log shows at most this many results (GitHub's limit; the most severe first, then in report order, by
 * pointer): a file with more findings has its first ones by pointer located, the rest keep no region.
 */
const MAX_LOCATED = GITHUB_SARIF_LIMITS.maxResults;
/**
 * Pointers looked for in one pass: a pass holds a trie of the pointers it looks for (about 1.4 KB each), so a
 * state with 200,000 findings is read in several passes rather than holding 280 MB at once.
 */
const PER_PASS = 2048;

function batchesToLocate(run: AuditRun, n: number): number[][] {
  // Beyond what a SARIF log can show, the first by pointer: the report's own order (FindingStore.sortByPointer).
  const chosen = n > MAX_LOCATED ? Array.from(run.findings.indicesByPointer().subarray(0, MAX_LOCATED)) : Array.from({ length: n }, (_, i) => i);
  const batches: number[][] = [];
  for (let k = 0; k < chosen.length; k += PER_PASS) batches.push(chosen.slice(k, k + PER_PASS));
  return batches;
}
