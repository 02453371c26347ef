import type { FileKind } from "../../finding";
import type { Step } from "../read/json-pointer";

/** Top-level members only a JSON plan has (`terraform show -json plan`): one of them and format_version make a plan. */
const PLAN_MEMBERS = ["planned_values", "resource_changes", "resource_drift", "output_changes", "prior_state", "configuration", "variables", "relevant_attributes", "applyable", "errored"];

/** Telling the kind from the top-level members seen (never from the file name). */
export class KindEvidence {
  private readonly keys = new Set<string>();
  private outputShaped = 0;
  stateVersion: number | undefined;

  saw(key: Step): void {
    if (typeof key === "string") this.keys.add(key);
  }

  /** A top-level member's value: `terraform output -json` writes one `{sensitive, type, value}` per output. */
  sawTopValue(value: unknown): void {
    if (isOutputShaped(value)) this.outputShaped++;
  }

  kind(): FileKind | undefined {
    const k = this.keys;
    if (k.has("format_version")) {
      if (k.has("values")) return "state";
      if (PLAN_MEMBERS.some((x) => k.has(x))) {
        return "plan";
      }
      return undefined;
    }
    if (k.has("version") && (k.has("lineage") || k.has("serial") || k.has("resources") || k.has("terraform_version"))) return "state";
    if (k.has("version")) return undefined;
    if (["resource", "provider", "terraform", "data", "variable", "output", "locals", "module", "//"].some((x) => k.has(x))) {
      return "synth";
    }
    if (this.outputShaped > 0 && this.outputShaped === k.size) return "outputs";
    return undefined;
  }
}

/** `{ "sensitive": bool, "type": ..., "value": ... }`, as `terraform output -json` writes each output. */
export function isOutputShaped(v: unknown): boolean {
  if (!v || typeof v !== "object" || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.sensitive === "boolean" && "value" in o && Object.keys(o).every((key) => key === "sensitive" || key === "type" || key === "value");
}
