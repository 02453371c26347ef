import type { SchemaKind } from "../../provider-facts";
import type { Step } from "../read/json-pointer";
import { isOutputShaped } from "./file-kind";
import { legacyModulePrefix, legacyOutputsView, legacyResourceView } from "./legacy-state";
import { ALL_MARKED, fromMirror, fromSensitiveAttributes, MarkTest, NOTHING_MARKED } from "./sensitivity-marks";

/** A part of a piece whose strings are values of one Terraform object (resource instance, output, variable...). */
export interface Region {
  /** JSON steps from the piece to the region's value. */
  readonly steps: readonly Step[];
  readonly address: string;
  readonly marks: MarkTest;
  /** Provider schema the value follows, for sensitive and write-only attribute paths. */
  readonly schema?: { readonly kind: SchemaKind; readonly type: string };
  /**
   * Configuration rather than stored values: a literal at a schema-sensitive argument is a finding ("schema"),
   * or every literal is ("all", e.g. the default of a sensitive variable), or a literal under a secret-like name is
   * ("secret-keys", e.g. a backend's saved settings).
   */
  readonly literal?: "schema" | "all" | "secret-keys";
  /** Plan `configuration` wraps literals in `{constant_value: ...}`. */
  readonly constantValueWrappers?: boolean;
  /**
   * The name that stands for the region's whole value in key-gated detection (a variable's or an output's name:
   * a value at `variables.db_password.value` is judged as a `db_password`).
   */
  readonly name?: string;
}

/** How to read one piece: its regions, the label for strings outside them, and whether state dynamic wrappers apply. */
export interface PieceView {
  readonly regions: readonly Region[];
  readonly fallbackAddress: string;
  readonly dynamicWrappers: boolean;
}

interface StateResource {
  index: number;
  module?: string;
  mode?: string;
  type?: string;
  name?: string;
}

/**
 * Interprets pieces of state, plan JSON and cdk.tf.json in file order, keeping the little context they need
 * (the current state resource, sensitive variable names, the Terraform version).
 */
export class PieceLayout {
  terraformVersion: string | undefined;
  stateVersion: number | undefined;
  readonly sensitiveVariables = new Set<string>();
  private resource: StateResource = { index: -1 };
  /** State formats 1 to 3: each `modules[i]`'s address prefix, from its `path` (legacy-state.ts). */
  readonly legacyModules = new Map<number, string>();

  /** Pieces that only feed context (never scanned); returns true when it took the piece. */
  takeContext(path: readonly Step[], value: unknown): boolean {
    const top = path[0];
    if (path.length === 1 && top === "terraform_version" && typeof value === "string") this.terraformVersion = value;
    if (path.length === 1 && top === "version" && typeof value === "number") this.stateVersion = value;
    if (top === "resources" && path.length === 3 && path[2] !== "instances" && typeof path[1] === "number") {
      if (this.resource.index !== path[1]) this.resource = { index: path[1] };
      (this.resource as any)[path[2]] = value;
      return true;
    }
    if (isLegacyModulePath(path)) {
      this.legacyModules.set(path[1] as number, legacyModulePrefix(value) ?? `modules[${path[1]}].`);
      return true;
    }
    // A redacted plan's provider schemas are descriptions of the providers, not values.
    if (path.length === 1 && top === "provider_schemas") return true;
    if (top === "configuration" && path[1] === "root_module" && path[2] === "variables" && path.length === 3) {
      for (const [name, v] of Object.entries((value ?? {}) as Record<string, any>)) if (v?.sensitive) this.sensitiveVariables.add(name);
    }
    return false;
  }

  /** True for a piece that is a context-only scalar (cheap to always parse in every pass). */
  isContextPiece(path: readonly Step[]): boolean {
    return (
      (path.length === 1 && (path[0] === "terraform_version" || path[0] === "version")) ||
      isLegacyModulePath(path) ||
      (path[0] === "resources" && path.length === 3 && path[2] !== "instances") ||
      (path[0] === "configuration" && path[1] === "root_module" && path[2] === "variables" && path.length === 3)
    );
  }

  /** True for a piece of a format 1-3 module whose `path` has not been read yet (its address is not known). */
  waitsForModulePath(path: readonly Step[]): boolean {
    return path[0] === "modules" && path.length >= 3 && typeof path[1] === "number" && path[2] !== "path" && !this.legacyModules.has(path[1]);
  }

  view(path: readonly Step[], value: any): PieceView {
    const top = path[0];
    const n = path.length;
    const none = (label: string): PieceView => ({ regions: [], fallbackAddress: label, dynamicWrappers: false });
    const obj = value && typeof value === "object" ? value : {};

    // State: resources[i].instances[j]
    if (top === "resources" && n === 4 && path[2] === "instances") {
      const r = this.resource.index === path[1] ? this.resource : { index: path[1] as number };
      const address = stateAddress(r, obj.index_key);
      return {
        regions: [
          {
            steps: ["attributes"],
            address,
            marks: fromSensitiveAttributes(obj.sensitive_attributes),
            schema: r.type ? { kind: r.mode === "data" ? "data_sources" : "resources", type: r.type } : undefined,
          },
        ],
        fallbackAddress: address,
        dynamicWrappers: true,
      };
    }
    // State formats 1 to 3: modules[i].resources[key] and modules[i].outputs.
    if (top === "modules" && n === 4 && path[2] === "resources" && typeof path[1] === "number") {
      return legacyResourceView(this.legacyModules.get(path[1]) ?? "", String(path[3]), obj);
    }
    if (top === "modules" && n === 3 && path[2] === "outputs" && typeof path[1] === "number") {
      return legacyOutputsView(this.legacyModules.get(path[1]) ?? "", obj);
    }
    // State outputs.X
    if (top === "outputs" && n === 2) {
      return {
        regions: [{ steps: ["value"], address: `output.${path[1]}`, marks: obj.sensitive ? ALL_MARKED : NOTHING_MARKED, name: String(path[1]) }],
        fallbackAddress: `output.${path[1]}`,
        dynamicWrappers: false,
      };
    }
    // Plan / show-json outputs objects
    if ((top === "values" || top === "planned_values" || (top === "prior_state" && path[1] === "values")) && path[n - 1] === "outputs") {
      const regions = Object.entries<any>(obj).map(([name, o]) => ({
        steps: [name, "value"],
        address: `output.${name}`,
        marks: o?.sensitive ? ALL_MARKED : NOTHING_MARKED,
        name,
      }));
      return { regions, fallbackAddress: "outputs", dynamicWrappers: false };
    }
    // Module resources in values / planned_values / prior_state
    if ((top === "values" || top === "planned_values" || top === "prior_state") && path[n - 2] === "resources") {
      return {
        regions: [{ steps: ["values"], address: String(obj.address ?? "resource"), marks: fromMirror(obj.sensitive_values), schema: schemaOf(obj) }],
        fallbackAddress: String(obj.address ?? "resource"),
        dynamicWrappers: false,
      };
    }
    if ((top === "resource_changes" || top === "resource_drift") && n === 2) {
      const address = String(obj.address ?? "resource");
      const c = obj.change ?? {};
      const schema = schemaOf(obj);
      return {
        regions: [
          { steps: ["change", "before"], address, marks: fromMirror(c.before_sensitive), schema },
          { steps: ["change", "after"], address, marks: fromMirror(c.after_sensitive), schema },
        ],
        fallbackAddress: address,
        dynamicWrappers: false,
      };
    }
    if (top === "output_changes" && n === 2) {
      const address = `output.${path[1]}`;
      return {
        regions: [
          { steps: ["before"], address, marks: fromMirror(obj.before_sensitive), name: String(path[1]) },
          { steps: ["after"], address, marks: fromMirror(obj.after_sensitive), name: String(path[1]) },
        ],
        fallbackAddress: address,
        dynamicWrappers: false,
      };
    }
    if (top === "variables" && n === 1) {
      const regions = Object.keys(obj).map((name) => ({
        steps: [name, "value"],
        address: `var.${name}`,
        marks: this.sensitiveVariables.has(name) ? ALL_MARKED : NOTHING_MARKED,
        name,
      }));
      return { regions, fallbackAddress: "variables", dynamicWrappers: false };
    }
    if (top === "configuration" && path[2] === "resources" && n === 4) {
      const address = String(obj.address ?? "resource");
      return {
        regions: [{ steps: ["expressions"], address, marks: NOTHING_MARKED, schema: schemaOf(obj), literal: "schema", constantValueWrappers: true }],
        fallbackAddress: `configuration ${address}`,
        dynamicWrappers: false,
      };
    }
    // Plan configuration: a module's variables (defaults) and its module calls, recursively.
    if (top === "configuration" && path[1] === "root_module" && n === 3 && (path[2] === "variables" || path[2] === "module_calls" || path[2] === "outputs")) {
      const all: Region[] = [];
      moduleConfigRegions({ [path[2]]: obj }, [], "", all);
      // The piece is the member itself: its regions' steps start below it.
      const regions = all.map((r) => ({ ...r, steps: r.steps.slice(1) }));
      return { regions, fallbackAddress: `configuration ${path[2]}`, dynamicWrappers: false };
    }
    if (top === "configuration" && path[1] === "provider_config" && n === 2) {
      const regions = Object.entries<any>(obj).map(([key, p]) => ({
        steps: [key, "expressions"],
        address: `provider.${key}`,
        marks: NOTHING_MARKED,
        schema: { kind: "provider" as const, type: String(p?.name ?? key) },
        literal: "schema" as const,
        constantValueWrappers: true,
      }));
      return { regions, fallbackAddress: "configuration provider", dynamicWrappers: false };
    }
    // `terraform output -json`: one `{sensitive, type, value}` per output name.
    if (n === 1 && typeof top === "string" && isOutputShaped(obj)) {
      return {
        regions: [{ steps: ["value"], address: `output.${top}`, marks: obj.sensitive ? ALL_MARKED : NOTHING_MARKED, name: top }],
        fallbackAddress: `output.${top}`,
        dynamicWrappers: false,
      };
    }
    // `.terraform/terraform.tfstate` (format 3): the backend's own settings, credentials included; formats 1 to 3
    // kept the same under `remote` (remote state of Terraform before 0.9).
    if ((top === "backend" || top === "remote") && n === 1 && typeof obj.type === "string") {
      return {
        regions: [{ steps: ["config"], address: `terraform.backend.${obj.type}`, marks: NOTHING_MARKED, literal: "secret-keys" }],
        fallbackAddress: `terraform.backend.${obj.type}`,
        dynamicWrappers: false,
      };
    }
    // cdk.tf.json: a block's labels (type, logical id) are names, not data; its body is judged by the schema.
    if ((top === "resource" || top === "data" || top === "ephemeral") && n === 3) {
      const address = `${top === "resource" ? "" : `${top}.`}${path[1]}.${path[2]}`;
      const kind = top === "data" ? "data_sources" : top === "ephemeral" ? "ephemeral_resources" : "resources";
      return {
        regions: [{ steps: [], address, marks: NOTHING_MARKED, schema: { kind, type: String(path[1]) }, literal: "schema" }],
        fallbackAddress: address,
        dynamicWrappers: false,
      };
    }
    if (top === "provider" && n === 1) {
      const regions: Region[] = [];
      for (const [name, cfg] of Object.entries<any>(obj)) {
        const list = Array.isArray(cfg) ? cfg : [cfg];
        list.forEach((c, i) => {
          const alias = c && typeof c.alias === "string" ? `.${c.alias}` : "";
          regions.push({
            steps: Array.isArray(cfg) ? [name, i] : [name],
            address: `provider.${name}${alias}`,
            marks: NOTHING_MARKED,
            schema: { kind: "provider", type: name },
            literal: "schema",
          });
        });
      }
      return { regions, fallbackAddress: "provider", dynamicWrappers: false };
    }
    if (top === "variable" && n === 1) {
      const regions: Region[] = [];
      for (const [name, v] of Object.entries<any>(obj)) {
        if (v?.sensitive === true && v.default !== undefined) {
          regions.push({ steps: [name, "default"], address: `var.${name}`, marks: NOTHING_MARKED, literal: "all" });
        }
      }
      return { regions, fallbackAddress: "variable", dynamicWrappers: false };
    }
    if (top === "output" && n === 1) {
      const regions = Object.keys(obj).map((name) => ({ steps: [name, "value"], address: `output.${name}`, marks: NOTHING_MARKED }));
      return { regions, fallbackAddress: "output", dynamicWrappers: false };
    }
    if (top === "locals" && n === 1) {
      return { regions: Object.keys(obj).map((name) => ({ steps: [name], address: `local.${name}`, marks: NOTHING_MARKED })), fallbackAddress: "locals", dynamicWrappers: false };
    }
    return none(path.filter((s) => typeof s === "string").join(".") || "document");
  }
}

/**
 * Regions of a module's configuration (plan `configuration.root_module` and each `module_calls.X.module`): variable
 * defaults (every literal of a sensitive variable's default is a finding; others are judged under the variable's
 * name), the constant arguments of module calls, resources' literal arguments, and nested calls.
 */
function moduleConfigRegions(mod: any, steps: Step[], prefix: string, out: Region[]): void {
  if (!mod || typeof mod !== "object") return;
  for (const [name, v] of Object.entries<any>(mod.variables ?? {})) {
    if (v && typeof v === "object" && "default" in v) {
      out.push({ steps: [...steps, "variables", name, "default"], address: `${prefix}var.${name}`, marks: NOTHING_MARKED, literal: v.sensitive === true ? "all" : undefined, name });
    }
  }
  for (const [name, call] of Object.entries<any>(mod.module_calls ?? {})) {
    const callPrefix = `${prefix}module.${name}.`;
    for (const arg of Object.keys(call?.expressions ?? {})) {
      out.push({ steps: [...steps, "module_calls", name, "expressions", arg], address: `${prefix}module.${name}`, marks: NOTHING_MARKED, constantValueWrappers: true, name: arg });
    }
    (Array.isArray(call?.module?.resources) ? call.module.resources : []).forEach((r: any, i: number) => {
      out.push({
        steps: [...steps, "module_calls", name, "module", "resources", i, "expressions"],
        address: `${callPrefix}${String(r?.address ?? "resource")}`,
        marks: NOTHING_MARKED,
        schema: schemaOf(r ?? {}),
        literal: "schema",
        constantValueWrappers: true,
      });
    });
    moduleConfigRegions(call?.module, [...steps, "module_calls", name, "module"], callPrefix, out);
  }
}

/** `modules[i].path` of state formats 1 to 3. */
function isLegacyModulePath(path: readonly Step[]): boolean {
  return path.length === 3 && path[0] === "modules" && typeof path[1] === "number" && path[2] === "path";
}

function schemaOf(obj: any): Region["schema"] {
  if (typeof obj.type !== "string") return undefined;
  return { kind: obj.mode === "data" ? "data_sources" : "resources", type: obj.type };
}

function stateAddress(r: StateResource, indexKey: unknown): string {
  let a = r.module ? `${r.module}.` : "";
  if (r.mode === "data") a += "data.";
  a += `${r.type ?? "?"}.${r.name ?? "?"}`;
  if (typeof indexKey === "number") a += `[${indexKey}]`;
  else if (typeof indexKey === "string") a += `[${JSON.stringify(indexKey)}]`;
  return a;
}
