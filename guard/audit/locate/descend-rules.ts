import type { Step } from "../read/json-pointer";

/**
 * Where the three file kinds keep their bulk, so the splitter walks into those containers and cuts out one
 * resource (or instance, or change) at a time. The top-level member names of state, plan JSON and cdk.tf.json do
 * not collide, so one rule serves all three before the kind is known.
 */
export function descendInto(path: readonly Step[]): boolean {
  const n = path.length;
  const top = path[0];
  if (n === 1) {
    return (
      top === "resources" || // state
      top === "modules" || // state formats 1 to 3
      top === "outputs" ||
      top === "values" || // `terraform show -json` of a state
      top === "planned_values" ||
      top === "prior_state" ||
      top === "resource_changes" ||
      top === "resource_drift" ||
      top === "output_changes" ||
      top === "configuration" ||
      top === "resource" || // cdk.tf.json
      top === "data" ||
      top === "ephemeral"
    );
  }
  if (top === "modules") return (n === 2 && typeof path[1] === "number") || (n === 3 && path[2] === "resources");
  if (top === "resources") return (n === 2 && typeof path[1] === "number") || (n === 3 && path[2] === "instances");
  if (top === "resource" || top === "data" || top === "ephemeral") return n === 2;
  if (top === "prior_state") return (n === 2 && path[1] === "values") || isModulePart(path, 2);
  if (top === "values" || top === "planned_values") return isModulePart(path, 1);
  if (top === "configuration") return n === 2 ? path[1] === "root_module" : n === 3 && path[2] === "resources";
  return false;
}

/**
 * Calls `emit` for each piece the splitter would have cut from `value` at `path` had it walked into it (it cuts
 * small containers whole, even where `descendInto` says to walk).
 */
export function piecesOf(path: Step[], value: unknown, emit: (path: Step[], value: unknown) => void): void {
  if (value === null || typeof value !== "object" || !descendInto(path)) {
    emit(path, value);
    return;
  }
  if (Array.isArray(value)) for (let k = 0; k < value.length; k++) piecesOf([...path, k], value[k], emit);
  else for (const k in value) piecesOf([...path, k], (value as Record<string, unknown>)[k], emit);
}

/** `root_module`, its `resources` and `child_modules`, and each child module, recursively. */
function isModulePart(path: readonly Step[], at: number): boolean {
  const last = path[path.length - 1];
  if (path.length === at + 1) return last === "root_module";
  if (path[at] !== "root_module") return false;
  const prev = path[path.length - 2];
  if (last === "resources" || last === "child_modules") return true;
  return prev === "child_modules" && typeof last === "number";
}
