import type { Step } from "../read/json-pointer";
import { JsonShapeError, MAX_NESTING, safePointer } from "../read/json-shape";

/**
 * Calls `visit` for every string inside `value`, with its JSON steps (from `value`). The steps array is reused:
 * copy it if you keep it. `wrappers` lists the indices
 * of steps that are format wrappers rather than value paths; `visitKey`, when given, sees every member name. With `dynamicWrappers`, a state-encoded dynamic value `{value, type}` is walked
 * through `value` only (its `type` is a type description, not data).
 *
 * Recursive, and so depth-limited: a container more than MAX_NESTING steps down throws a JsonShapeError (pieces
 * read by the splitter are checked before they get here; this guards values parsed from JSON-encoded strings).
 */
export function forEachString(
  value: unknown,
  steps: Step[],
  dynamicWrappers: boolean,
  visit: (s: string, steps: Step[], wrappers: readonly number[]) => void,
  wrappers: number[] = [],
  visitKey?: (key: string, steps: Step[], wrappers: readonly number[]) => void,
): void {
  if (typeof value === "string") {
    visit(value, steps, wrappers);
    return;
  }
  if (value === null || typeof value !== "object") return;
  if (steps.length >= MAX_NESTING) throw new JsonShapeError(`a JSON value nests deeper than ${MAX_NESTING} levels at ${safePointer(steps)}`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      steps.push(i);
      forEachString(value[i], steps, dynamicWrappers, visit, wrappers, visitKey);
      steps.pop();
    }
    return;
  }
  if (dynamicWrappers && isDynamicWrapper(value)) {
    wrappers.push(steps.length);
    steps.push("value");
    forEachString((value as any).value, steps, dynamicWrappers, visit, wrappers, visitKey);
    steps.pop();
    wrappers.pop();
    return;
  }
  for (const k in value as Record<string, unknown>) {
    steps.push(k);
    // A member name is data too (a map key, a for_each key): `visitKey` sees it with the steps to its value.
    if (visitKey) visitKey(k, steps, wrappers);
    forEachString((value as any)[k], steps, dynamicWrappers, visit, wrappers, visitKey);
    steps.pop();
  }
}

/** State JSON writes values of dynamic type (e.g. terraform_data input/output) as `{"value": ..., "type": ...}`. */
export function isDynamicWrapper(v: object): boolean {
  // The two lookups first: this runs on every object of a state, and few have both members.
  if (!("value" in v) || !("type" in v) || Object.keys(v).length !== 2) return false;
  const t = (v as any).type;
  return typeof t === "string" || Array.isArray(t);
}
