import { InputError } from "../../guard/errors";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  BackendView,
  ClientView,
  DiffInput,
  InputKind,
  OutputView,
  RoleGrantView,
  SecretSinkView,
  StackView,
} from "./model";
import { shippedDetectors } from "../../guard/detectors/shipped-detectors";
import { ProviderFacts } from "../../guard/provider-facts";
import { ConfigDocument } from "../../guard/rules/config-document";
import { secretSourceOf } from "../../guard/rules/references";
import { fingerprint } from "../../guard/fingerprint";
import { fromMirror, MarkTest, NOTHING_MARKED } from "../../guard/audit/locate/sensitivity-marks";
import { readBounded } from "../../guard/audit/read/bounded-read";
import { describeCode } from "../../guard/audit/read/audit-targets";
import { checkParsedPiece } from "../../guard/audit/read/json-shape";
import { markRotated } from "./rotation";

const SYNTH_FILE = "cdk.tf.json";
/** What is a secret: the guard's own catalogue and provider facts, the same answers synth and audit get. */
const DETECTORS = shippedDetectors();
const FACTS = ProviderFacts.shipped();
/** Largest file read: enforced while reading (a device reports size 0), and the whole file is parsed in memory. */
export const MAX_BYTES = 128 * 1024 * 1024;

/**
 * What `diff` prints comes from these views, so every string taken from an input passes the audit's redaction:
 * a value Terraform marked sensitive, or one the detector catalogue recognises under its attribute name, is
 * replaced by its fingerprint.
 */
function shown(value: unknown, key: string, marks: MarkTest = NOTHING_MARKED, cty: readonly (string | number)[] = [key]): string {
  const text = typeof value === "string" ? value : value === undefined || value === null ? "" : JSON.stringify(value);
  if (text === "") return text;
  if (!(marks(cty) || DETECTORS.detect(key, text))) return text;
  hidden?.add(text);
  return fingerprint(text);
}

/**
 * The values `shown` replaced while a view is built (DiffInput.secrets): the diff command hides their pieces in
 * addresses, names and messages too (guard/audit/detect/identifier-redaction.ts). Views are built synchronously.
 */
let hidden: Set<string> | undefined;

/** Builds a view, collecting the values it hid into `into`. */
function collecting<T>(into: Set<string>, build: () => T): T {
  hidden = into;
  try {
    return build();
  } finally {
    hidden = undefined;
  }
}

/** `shown` for an id that may be missing: a missing one stays missing (roleOf names it `null`). */
function shownId(value: unknown, key: string, marks: MarkTest = NOTHING_MARKED, cty: readonly (string | number)[] = [key]): unknown {
  return value === undefined || value === null ? value : shown(value, key, marks, cty);
}

/**
 * Reads BEFORE or AFTER: a cdk.tf.json, a stack folder, a cdktf.out folder (stacks/<name>/cdk.tf.json) or a plan
 * JSON. `where` names the argument in errors when its path does not exist (it may be a value pasted by mistake).
 */
export async function loadDiffInput(label: string, p: string, where = label): Promise<DiffInput> {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${code === "ENOENT" || code === "ENOTDIR" ? where : `${label} ${p}`}: ${describeCode(code)}`);
  }
  if (st.isDirectory()) return loadFolder(label, p);
  if (!st.isFile() && !st.isFIFO()) throw new InputError(`${label} ${p}: not a regular file or folder (a device or socket cannot be compared)`);
  const doc = await readJson(label, p);
  const kind = kindOf(label, p, doc);
  const name = stackNameForFile(p, kind);
  const secrets = new Set<string>();
  const view = collecting(secrets, () => (kind === "plan" ? planView(name, doc) : synthView(name, doc)));
  return { path: p, kind, stacks: new Map([[name, view]]), files: [p], secrets: [...secrets] };
}

async function loadFolder(label: string, dir: string): Promise<DiffInput> {
  const files: { name: string; file: string }[] = [];
  const direct = path.join(dir, SYNTH_FILE);
  if (fs.existsSync(direct)) files.push({ name: path.basename(path.resolve(dir)), file: direct });
  const stacksDir = fs.existsSync(path.join(dir, "stacks")) ? path.join(dir, "stacks") : undefined;
  if (stacksDir) {
    for (const entry of fs.readdirSync(stacksDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(stacksDir, entry.name, SYNTH_FILE);
      if (entry.isDirectory() && fs.existsSync(file)) files.push({ name: entry.name, file });
    }
  }
  if (files.length === 0) {
    throw new InputError(`${label} ${dir}: no ${SYNTH_FILE} in this folder nor in stacks/*/ (pass a cdktf.out folder, a stack folder, a ${SYNTH_FILE} or a plan JSON)`);
  }
  const stacks = new Map<string, StackView>();
  const secrets = new Set<string>();
  for (const { name, file } of files) {
    const st = fs.statSync(file);
    if (!st.isFile() && !st.isFIFO()) throw new InputError(`${label} ${file}: not a regular file (a device or socket cannot be compared)`);
    const doc = await readJson(label, file);
    if (kindOf(label, file, doc) !== "synth") throw new InputError(`${label} ${file}: expected a synthesized ${SYNTH_FILE}`);
    stacks.set(name, collecting(secrets, () => synthView(name, doc)));
  }
  return { path: dir, kind: "synth", stacks, files: files.map((f) => f.file), secrets: [...secrets] };
}

/**
 * Reads and parses one file: at most MAX_BYTES (counted while reading; a pipe is read without hanging), valid
 * JSON, no member name twice in an object (JSON.parse would keep the last and hide the first), nesting that the
 * views below can walk.
 */
async function readJson(label: string, file: string): Promise<any> {
  const display = `${label} ${file}`;
  let text = (await readBounded(file, display, MAX_BYTES)).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // JSON.parse messages quote the text around the error: they could hold a secret, so they are not repeated.
    throw new InputError(`${display}: not valid JSON`);
  }
  checkParsedPiece(text, doc, display, []);
  return doc;
}

function kindOf(label: string, file: string, doc: any): InputKind {
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new InputError(`${label} ${file}: not a JSON object`);
  if ("resource_changes" in doc || "planned_values" in doc) return "plan";
  if ("values" in doc && "format_version" in doc) {
    throw new InputError(`${label} ${file}: looks like Terraform state (terraform show -json); pass a plan JSON or a synthesized ${SYNTH_FILE}`);
  }
  if (["resource", "data", "terraform", "output", "provider", "//"].some((k) => k in doc)) return "synth";
  throw new InputError(`${label} ${file}: neither a synthesized ${SYNTH_FILE} nor a plan JSON (terraform show -json)`);
}

function stackNameForFile(file: string, kind: InputKind): string {
  const parent = path.basename(path.dirname(path.resolve(file)));
  if (kind === "synth" && path.basename(file) === SYNTH_FILE) return parent;
  const base = path.basename(file).replace(/(\.tfplan)?\.json$/i, "");
  return /^(plan|tfplan)$/i.test(base) ? parent : base;
}

// ---------------------------------------------------------------------------------------------------------------
// Synthesized Terraform JSON

const ROLE_REF = /^\$\{data\.genesyscloud_auth_role\.([^.}]+)\.id\}$/;
const isRef = (v: unknown) => typeof v === "string" && v.includes("${");
const truthy = (v: unknown) => v === true || v === "true";

function entries(obj: unknown): [string, any][] {
  return obj && typeof obj === "object" && !Array.isArray(obj) ? Object.entries(obj as Record<string, any>) : [];
}

function asArray(v: unknown): any[] {
  if (Array.isArray(v)) return v;
  return v && typeof v === "object" ? [v] : [];
}

function groupRoles(grants: { key: string; label: string; named: boolean; division: string }[]): RoleGrantView[] {
  const byKey = new Map<string, { key: string; label: string; named: boolean; divisions: Set<string> }>();
  for (const g of grants) {
    const r = byKey.get(g.key) ?? { key: g.key, label: g.label, named: g.named, divisions: new Set<string>() };
    r.divisions.add(g.division);
    byKey.set(g.key, r);
  }
  return [...byKey.values()].map((r) => ({ key: r.key, label: r.label, named: r.named, divisions: [...r.divisions].sort() }));
}

function roleOf(roleId: unknown, nameOfData: (name: string) => string | undefined, nameOfId: (id: string) => string | undefined) {
  const id = typeof roleId === "string" ? roleId : JSON.stringify(roleId ?? null);
  const m = ROLE_REF.exec(id);
  const name = m ? nameOfData(m[1]) : nameOfId(id);
  if (name !== undefined) return { key: `name:${name}`, label: name, named: true };
  return { key: `id:${id}`, label: m ? `data.genesyscloud_auth_role.${m[1]}` : id, named: false };
}

function division(v: unknown): string {
  return v === undefined || v === null || v === "" ? "" : String(v);
}

function synthView(name: string, doc: any): StackView {
  const roleData = doc.data?.genesyscloud_auth_role ?? {};
  const nameOfData = (n: string) => {
    const v = roleData[n]?.name;
    return typeof v === "string" && !isRef(v) ? shown(v, "name") : undefined;
  };
  const clients = new Map<string, ClientView>();
  for (const [id, r] of entries(doc.resource?.genesyscloud_oauth_client)) {
    const address = `genesyscloud_oauth_client.${id}`;
    const grants = asArray(r.roles).map((g) => ({
      ...roleOf(isRef(g?.role_id) ? g.role_id : shownId(g?.role_id, "role_id"), nameOfData, () => undefined),
      division: shown(division(g?.division_id), "division_id"),
    }));
    clients.set(address, {
      address,
      name: typeof r.name === "string" ? shown(r.name, "name") : id,
      grantType: shown(String(r.authorized_grant_type ?? ""), "authorized_grant_type"),
      roles: groupRoles(grants),
      scopes: Array.isArray(r.scopes) ? r.scopes.map((x: unknown) => shown(String(x), "scopes")).sort() : [],
      exposeSecret: truthy(r.expose_client_secret),
      directorySecret: typeof r.directory_client_secret === "string" ? shown(r.directory_client_secret, "directory_client_secret") : "",
      preventDestroy: truthy(r.lifecycle?.prevent_destroy),
    });
  }

  const sinks = new Map<string, SecretSinkView>();
  const addSink = (s: SecretSinkView) => sinks.set(`${s.address}#${s.attribute}`, s);
  for (const [id, r] of entries(doc.resource?.aws_secretsmanager_secret_version)) {
    const address = `aws_secretsmanager_secret_version.${id}`;
    for (const attr of ["secret_string", "secret_binary"]) {
      const v = r[attr];
      if (v !== undefined && v !== null) {
        addSink({ address, attribute: "secret", mode: isRef(v) ? "state" : "literal", clientSecret: isRef(v) && /\.client_secret\b/.test(v) });
      }
    }
    if (r.secret_string_wo !== undefined && !sinks.has(`${address}#secret`)) {
      addSink({ address, attribute: "secret", mode: "write-only", clientSecret: /\.client_secret\b/.test(String(r.secret_string_wo)) });
    }
  }
  for (const [id, r] of entries(doc.resource?.genesyscloud_integration_credential)) {
    const address = `genesyscloud_integration_credential.${id}`;
    if (isRef(r.fields)) {
      addSink({ address, attribute: "fields", mode: "state", clientSecret: /\.client_secret\b/.test(r.fields) });
      continue;
    }
    for (const [key, v] of entries(r.fields)) {
      if (!DETECTORS.isSecretKey(key)) continue; // ids and user names sit beside the secret
      const s = typeof v === "string" ? v : JSON.stringify(v);
      addSink({ address, attribute: `fields.${key}`, mode: isRef(s) ? "state" : "literal", clientSecret: /\.client_secret\b/.test(s) });
    }
  }

  const outputs = new Map<string, OutputView>();
  const config = new ConfigDocument(doc, FACTS, DETECTORS);
  for (const [id, o] of entries(doc.output)) {
    const text = typeof o?.value === "string" ? o.value : JSON.stringify(o?.value ?? null);
    outputs.set(id, { name: id, sensitive: truthy(o?.sensitive), secret: isRef(text) && !!config.secretSourceOf(o?.value) });
  }
  markRotated(clients, doc);
  return { name, clients, sinks, outputs, backend: synthBackend(doc.terraform) };
}

function synthBackend(terraform: any): BackendView {
  if (terraform?.cloud) return { type: "cloud" };
  const [type, b] = entries(terraform?.backend)[0] ?? [];
  if (!type) return { type: "none" };
  if (type !== "s3") return { type };
  return {
    type,
    encrypt: truthy(b?.encrypt),
    useLockfile: truthy(b?.use_lockfile),
    dynamodbTable: typeof b?.dynamodb_table === "string" && b.dynamodb_table !== "",
    kmsKey: typeof b?.kms_key_id === "string" && b.kms_key_id !== "",
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Plan JSON (terraform show -json <plan>)

const stripIndex = (address: string) => address.replace(/\[[^\]]*\]/g, "");

function walkModules(mod: any, visit: (r: any) => void): void {
  if (!mod || typeof mod !== "object") return;
  for (const r of Array.isArray(mod.resources) ? mod.resources : []) visit(r);
  for (const child of Array.isArray(mod.child_modules) ? mod.child_modules : []) walkModules(child, visit);
}

function constant(expr: any): unknown {
  return expr && typeof expr === "object" && "constant_value" in expr ? expr.constant_value : undefined;
}

function references(expr: any): string[] {
  return Array.isArray(expr?.references) ? expr.references.map(String) : [];
}

function planView(name: string, doc: any): StackView {
  // Role names: data.genesyscloud_auth_role blocks, both as read (id + name) and as configured (name).
  const nameById = new Map<string, string>();
  const nameByDataAddress = new Map<string, string>();
  for (const values of [doc.prior_state?.values?.root_module, doc.planned_values?.root_module]) {
    walkModules(values, (r) => {
      if (r?.mode === "data" && r.type === "genesyscloud_auth_role" && typeof r.values?.id === "string" && typeof r.values?.name === "string") {
        const marks = fromMirror(r.sensitive_values);
        const roleName = shown(r.values.name, "name", marks, ["name"]);
        nameById.set(shown(r.values.id, "id", marks, ["id"]), roleName);
        nameByDataAddress.set(stripIndex(r.address), roleName);
      }
    });
  }
  const config = new Map<string, any>();
  const rootConfig = doc.configuration?.root_module;
  walkModules(rootConfig, (r) => {
    if (typeof r?.address !== "string") return;
    config.set(r.address, r);
    if (r.mode === "data" && r.type === "genesyscloud_auth_role") {
      const n = constant(r.expressions?.name);
      if (typeof n === "string") nameByDataAddress.set(r.address, shown(n, "name"));
    }
  });
  const nameOfData = (n: string) => nameByDataAddress.get(`data.genesyscloud_auth_role.${n}`);
  const nameOfId = (id: string) => nameById.get(id);

  const clients = new Map<string, ClientView>();
  const sinks = new Map<string, SecretSinkView>();
  const addSink = (s: SecretSinkView) => sinks.set(`${s.address}#${s.attribute}`, s);
  for (const rc of Array.isArray(doc.resource_changes) ? doc.resource_changes : []) {
    if (rc?.mode !== "managed" || typeof rc.address !== "string") continue;
    const after = rc.change?.after;
    const unknown = rc.change?.after_unknown ?? {};
    const actions: string[] = Array.isArray(rc.change?.actions) ? rc.change.actions.map(String) : [];
    if (after === null || after === undefined) continue; // deleted by this plan: gone from the view
    const cfg = config.get(stripIndex(rc.address));
    if (rc.type === "genesyscloud_oauth_client") {
      // Terraform's marks on the planned values: whatever they cover is shown as a fingerprint.
      const marks = fromMirror(rc.change?.after_sensitive);
      let grants = asArray(after.roles).map((g, i) => {
        const roleUnknown = unknown.roles === true || unknown.roles?.[i]?.role_id === true;
        const refs = references(asArray(cfg?.expressions?.roles)[i]?.role_id);
        const dataRef = refs.find((x) => /^data\.genesyscloud_auth_role\.[^.]+$/.test(stripIndex(x)));
        const roleId = roleUnknown && dataRef ? `\${${stripIndex(dataRef)}.id}` : shownId(g?.role_id, "role_id", marks, ["roles", i, "role_id"]);
        return { ...roleOf(roleId, nameOfData, nameOfId), division: shown(division(g?.division_id), "division_id", marks, ["roles", i, "division_id"]) };
      });
      if (grants.length === 0 && unknown.roles) {
        grants = asArray(cfg?.expressions?.roles).map((g, i) => {
          const dataRef = references(g?.role_id).find((x) => /^data\.genesyscloud_auth_role\.[^.]+$/.test(stripIndex(x)));
          const roleId = dataRef ? `\${${stripIndex(dataRef)}.id}` : shownId(constant(g?.role_id), "role_id", marks, ["roles", i, "role_id"]);
          return { ...roleOf(roleId, nameOfData, nameOfId), division: shown(division(constant(g?.division_id)), "division_id", marks, ["roles", i, "division_id"]) };
        });
      }
      clients.set(rc.address, {
        address: rc.address,
        name: typeof after.name === "string" ? shown(after.name, "name", marks, ["name"]) : rc.address,
        grantType: shown(String(after.authorized_grant_type ?? ""), "authorized_grant_type", marks, ["authorized_grant_type"]),
        roles: groupRoles(grants),
        scopes: Array.isArray(after.scopes) ? after.scopes.map((x: unknown, i: number) => shown(String(x), "scopes", marks, ["scopes", i])).sort() : [],
        exposeSecret: truthy(after.expose_client_secret),
        directorySecret: typeof after.directory_client_secret === "string" ? shown(after.directory_client_secret, "directory_client_secret", marks, ["directory_client_secret"]) : "",
        // The plan's configuration does not carry lifecycle blocks: prevent_destroy is unknown here.
        preventDestroy: false,
        actions,
      });
    } else if (rc.type === "aws_secretsmanager_secret_version") {
      const stored = (v: unknown) => v !== null && v !== undefined && v !== "";
      const refs = [...references(cfg?.expressions?.secret_string), ...references(cfg?.expressions?.secret_string_wo)].join(" ");
      const clientSecret = /\.client_secret\b/.test(refs);
      if (stored(after.secret_string) || stored(after.secret_binary) || unknown.secret_string === true || unknown.secret_binary === true) {
        const literal = constant(cfg?.expressions?.secret_string) !== undefined || constant(cfg?.expressions?.secret_binary) !== undefined;
        addSink({ address: rc.address, attribute: "secret", mode: literal ? "literal" : "state", clientSecret });
      } else if (cfg?.expressions?.secret_string_wo !== undefined || "secret_string_wo" in after) {
        addSink({ address: rc.address, attribute: "secret", mode: "write-only", clientSecret });
      }
    } else if (rc.type === "genesyscloud_integration_credential") {
      const keys = new Set<string>([...Object.keys(after.fields ?? {}), ...Object.keys(typeof unknown.fields === "object" ? unknown.fields : {})]);
      const literal = constant(cfg?.expressions?.fields);
      const refs = references(cfg?.expressions?.fields).join(" ");
      for (const key of keys) {
        if (!DETECTORS.isSecretKey(key)) continue; // ids and user names sit beside the secret
        const isLiteral = literal !== null && typeof literal === "object" && key in (literal as object);
        addSink({ address: rc.address, attribute: `fields.${key}`, mode: isLiteral ? "literal" : "state", clientSecret: /\.client_secret\b/.test(refs) });
      }
    }
  }

  const outputs = new Map<string, OutputView>();
  const sensitiveVariables = new Set(entries(rootConfig?.variables).filter(([, v]) => truthy(v?.sensitive)).map(([n]) => n));
  const planRefs = { facts: FACTS, secretVariables: sensitiveVariables, locals: {} };
  for (const [id, o] of entries(rootConfig?.outputs)) {
    const refs = references(o?.expression);
    outputs.set(id, { name: id, sensitive: truthy(o?.sensitive), secret: refs.some((r) => !!secretSourceOf("${" + r + "}", planRefs)) });
  }
  markRotated(clients, doc);
  return { name, clients, sinks, outputs, backend: undefined };
}
