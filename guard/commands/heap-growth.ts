import { setFlagsFromString } from "node:v8";

/** How much the old space may grow past what a full collection left, in percent (V8 picks 10 to 100+ itself). */
const HEAP_GROWING_PERCENT = 20;

/**
 * Bounds the garbage a CLI run lets pile up, in both generations:
 * - Old space: V8 grows it to about twice what the last full collection left before it collects again, so an
 *   audit holding 100 MB of secrets and findings peaked near 300 MB of RSS (the audit's bound is 256 MB for a
 *   200 MiB state holding 200,000 secrets). At 20% it collects more often, for about the same CPU time.
 * - Young generation: V8 doubles the semi-spaces (from 1 MB up to 16 MB each) while objects survive, and the
 *   audit's pieces keep it at the top: 30-40 MB of RSS that is only ever short-lived garbage. Growth factor 1
 *   keeps the semi-spaces at their start size (the maximum itself cannot change once the heap exists); the
 *   audit's CPU time stays the same (measured on the bench's 100 MiB state and plan: scavenges are more
 *   frequent but each copies as little, since what survives a piece is what the audit keeps anyway).
 * Either is left alone when the user tunes it through node's own options.
 */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ""): void {
  const given = [...execArgv, nodeOptions];
  const tuned = (...names: string[]) => given.some((o) => names.some((n) => o.includes(n)));
  if (!tuned("heap-growing-percent", "heap_growing_percent")) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (!tuned("semi-space", "semi_space")) setFlagsFromString("--semi-space-growth-factor=1");
}
