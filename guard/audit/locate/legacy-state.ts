import type { Step } from "../read/json-pointer";
import type { PieceView, Region } from "./piece-layout";
import { ALL_MARKED, NOTHING_MARKED } from "./sensitivity-marks";

/**
 * State formats 1 to 3 (Terraform before 0.12), read as Terraform upgrades them to format 4
 * (internal/states/statefile/version1_upgrade.go ... version3_upgrade.go), with today's addresses:
 *   modules[i].path        ["root", "a", "b"]                 -> module.a.module.b.
 *   modules[i].resources   "aws_x.y", "aws_x.y.0", "data.t.n.1" -> aws_x.y, aws_x.y[0], data.t.n[1]
 *   a resource's objects   primary, deposed[k] (2 and 3), tainted[k] (1): each has `attributes`, a flat map
 *                          ("tags.Name", "list.0"), as Terraform keeps it (`attributes_flat`) until a provider reads it
 *   modules[i].outputs     format 1: name -> string; 2 and 3: name -> {sensitive, type, value}
 * These formats have no sensitivity marks: outputs' `sensitive` aside, schemas, keys and detectors decide.
 */

export interface LegacyResourceAddress {
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly index?: number;
}

/** The module prefix of a `path` (`module.a.module.b.`, "" for the root), or undefined when it is not a module path. */
export function legacyModulePrefix(path: unknown): string | undefined {
  if (!Array.isArray(path) || path[0] !== "root" || !path.every((s) => typeof s === "string")) return undefined;
  return path
    .slice(1)
    .map((s) => `module.${s}.`)
    .join("");
}

/** A resource key of formats 1 to 3 (`type.name`, `type.name.N`, `data.type.name[.N]`), as parseLegacyResourceAddress reads it. */
export function parseLegacyResourceKey(key: string): LegacyResourceAddress | undefined {
  let parts = key.split(".");
  if (parts.length < 2 || parts.length > 4) return undefined;
  let mode: LegacyResourceAddress["mode"] = "managed";
  if (parts.length > 2 && parts[0] === "data") {
    mode = "data";
    parts = parts.slice(1);
  }
  if (parts.length > 3) return undefined;
  const [type, name, index] = parts;
  if (!type || !name) return undefined;
  if (index === undefined) return { mode, type, name };
  if (!/^[0-9]{1,9}$/.test(index)) return undefined;
  return { mode, type, name, index: Number(index) };
}

export function formatLegacyAddress(a: LegacyResourceAddress): string {
  return `${a.mode === "data" ? "data." : ""}${a.type}.${a.name}${a.index === undefined ? "" : `[${a.index}]`}`;
}

/** The view of `modules[i].resources[key]`: one region per stored object's attributes. */
export function legacyResourceView(prefix: string, key: string, obj: Record<string, any>): PieceView {
  const parsed = parseLegacyResourceKey(key);
  // A key Terraform could not parse is shown as it is (identifier redaction fingerprints any secret in it).
  const address = prefix + (parsed ? formatLegacyAddress(parsed) : key);
  const type = typeof obj.type === "string" ? obj.type : parsed?.type;
  const schema: Region["schema"] = type ? { kind: parsed?.mode === "data" ? "data_sources" : "resources", type } : undefined;
  const regions: Region[] = [{ steps: ["primary", "attributes"], address, marks: NOTHING_MARKED, schema }];
  for (const list of ["deposed", "tainted"]) {
    const objects = Array.isArray(obj[list]) ? obj[list] : [];
    for (let k = 0; k < objects.length; k++) regions.push({ steps: [list, k, "attributes"], address, marks: NOTHING_MARKED, schema });
  }
  return { regions, fallbackAddress: address, dynamicWrappers: false };
}

/** The view of `modules[i].outputs`: format 1 keeps a string per output, formats 2 and 3 `{sensitive, type, value}`. */
export function legacyOutputsView(prefix: string, obj: Record<string, any>): PieceView {
  const regions: Region[] = Object.entries(obj).map(([name, o]) => {
    const structured = o !== null && typeof o === "object" && !Array.isArray(o) && "value" in o;
    const steps: Step[] = structured ? [name, "value"] : [name];
    return { steps, address: `${prefix}output.${name}`, marks: structured && o.sensitive === true ? ALL_MARKED : NOTHING_MARKED, name };
  });
  return { regions, fallbackAddress: `${prefix || ""}outputs`, dynamicWrappers: false };
}
