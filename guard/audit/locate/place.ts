import type { Step } from "../read/json-pointer";
import type { PieceView, Region } from "./piece-layout";
import type { CtyStep } from "./sensitivity-marks";

/** Where one string of a piece sits in Terraform's terms. */
export interface Place {
  /** The region (resource instance, output, variable...) the string belongs to, if any. */
  readonly region: Region | undefined;
  /** Index of the region in the piece view, -1 when outside every region. */
  readonly regionIndex: number;
  readonly address: string;
  /** Attribute path inside the address (`input.client_secret`, `fields.password`, `tags[0]`). */
  readonly attribute: string;
  /** The value path inside the region, without the file format's wrappers. */
  readonly cty: CtyStep[];
  /** The attribute names of `cty` (list indices left out), as schema paths name them. */
  readonly names: readonly string[];
  /** The nearest member name above the string, for key-gated detectors. */
  readonly key: string;
}

/** The index of the region that holds a string at `steps` (from the piece), or -1. */
export function regionIndexOf(view: PieceView, steps: readonly Step[]): number {
  // Plain loops: this runs for every string of the file.
  const regions = view.regions;
  next: for (let k = 0; k < regions.length; k++) {
    const r = regions[k].steps;
    if (r.length > steps.length) continue;
    for (let i = 0; i < r.length; i++) if (r[i] !== steps[i]) continue next;
    return k;
  }
  return -1;
}

/**
 * Finds the region a string belongs to and its value path inside it. `wrappers` are steps that are format wrappers;
 * `regionIndex`, when the caller already has regionIndexOf(view, steps).
 */
export function locate(view: PieceView, steps: readonly Step[], wrappers: readonly number[], regionIndex = regionIndexOf(view, steps)): Place {
  const region = regionIndex >= 0 ? view.regions[regionIndex] : undefined;
  const start = region ? region.steps.length : 0;
  const cty: CtyStep[] = [];
  let key: string | undefined;
  for (let i = start; i < steps.length; i++) {
    if (wrappers.includes(i)) continue;
    const step = steps[i];
    if (region?.constantValueWrappers && step === "constant_value") continue;
    cty.push(step);
    if (typeof step === "string") key = step;
  }
  return new LocatedPlace(region, regionIndex, region ? region.address : view.fallbackAddress, cty, key ?? (region?.name || ""));
}

/** A Place whose attribute text and names are built when first read (most strings never need them). */
class LocatedPlace implements Place {
  private text: string | undefined;
  private nameList: string[] | undefined;

  constructor(
    readonly region: Region | undefined,
    readonly regionIndex: number,
    readonly address: string,
    readonly cty: CtyStep[],
    readonly key: string,
  ) {}

  get attribute(): string {
    return (this.text ??= formatAttribute(this.cty));
  }

  get names(): readonly string[] {
    return (this.nameList ??= this.cty.filter((s): s is string => typeof s === "string"));
  }
}

/** The nearest member name of a path that is not a format wrapper (for the fast path, without locating). */
export function lastKey(steps: readonly Step[], wrappers: readonly number[]): string {
  for (let i = steps.length - 1; i >= 0; i--) {
    if (typeof steps[i] === "string" && !wrappers.includes(i) && steps[i] !== "constant_value") return steps[i] as string;
  }
  return "";
}

function formatAttribute(cty: readonly CtyStep[]): string {
  let out = "";
  for (const s of cty) out += typeof s === "number" ? `[${s}]` : out ? `.${s}` : s;
  return out;
}
