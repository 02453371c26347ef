import type { FileKind } from "../../finding";
import type { Step } from "../read/json-pointer";

/** Telling the kind from the top-level members seen (never from the file name). */
export class KindEvidence {
  private readonly keys = new Set<string>();
  stateVersion: number | undefined;

  saw(key: Step): void {
    if (typeof key === "string") this.keys.add(key);
  }

  kind(): FileKind | undefined {
    const k = this.keys;
    if (k.has("format_version")) {
      if (k.has("values")) return "state";
      if (["planned_values", "resource_changes", "output_changes", "prior_state", "configuration", "variables"].some((x) => k.has(x))) {
        return "plan";
      }
      return undefined;
    }
    if (k.has("version") && (k.has("lineage") || k.has("serial") || k.has("resources") || k.has("terraform_version"))) return "state";
    if (k.has("version")) return undefined;
    if (["resource", "provider", "terraform", "data", "variable", "output", "locals", "module", "//"].some((x) => k.has(x))) {
      return "synth";
    }
    return undefined;
  }
}
