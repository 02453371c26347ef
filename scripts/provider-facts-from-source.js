#!/usr/bin/env node
// Extracts the sensitive and write-only attribute paths of a Terraform provider's provider block, resources,
// data sources and ephemeral resources from its Go source, without building it:
//
//   node scripts/provider-facts-from-source.js <source dir> [--provider aws] [--version 6.58.0] [--about TEXT]
//     [--out file.json] [--types types.txt] [--bindings node_modules/@cdktn/provider-aws/lib]
//
// --provider is the type-name prefix (aws, azurerm, google, kubernetes...; default aws). <source dir> is either a
// checkout of the provider's repository or a function-level copy of it where every top-level declaration is a
// file of its own (*.goindex, as published by the terraform-provider-aws-index project, one tag per release).
// It reads, without running anything:
// - which Go function registers which type, by the ways providers register them: aws' generated service
//   packages (`Factory: x, TypeName: "aws_..."` in SDKResources / FrameworkResources / ...); map literals keyed by
//   type name (SDKv2 `ResourcesMap` / `DataSourcesMap`, azurerm's `SupportedResources()`, google's generated
//   maps, vault's registry), the map's own name or its function's saying data source, ephemeral or resource;
//   azurerm's typed resources (`ResourceType()` returning the name, schema in `Arguments()` and `Attributes()`);
//   `// @SDKResource("aws_...")`-style annotations; Plugin Framework Metadata (`resp.TypeName =
//   req.ProviderTypeName + "_x"` or a literal), its request's package saying which kind;
// - the provider block's own schema (SDKv2 `schema.Provider{Schema: ...}` or a Framework provider's Schema);
// - the schema that function builds: SDKv2 `map[string]*schema.Schema` literals (nested via
//   `Elem: &schema.Resource{Schema: ...}`) and Plugin Framework `schema.Schema{Attributes, Blocks}` literals
//   (nested via NestedObject), following calls to the package's own helper functions and variables;
// - `Sensitive: true` and `WriteOnly: true` on each attribute.
// Paths are dot-joined attribute names, nested blocks included, as in guard/schemas/provider-facts.json.
// Only the literal `true` counts (a computed flag is missed, never guessed). Output: the compact facts format.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

// ---------------------------------------------------------------- reading Go source

/** Blanks comments (keeps string literals and offsets). */
function stripComments(src) {
  let out = "";
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (c === "/" && src[i + 1] === "/") {
      const j = src.indexOf("\n", i);
      const end = j < 0 ? src.length : j;
      out += " ".repeat(end - i);
      i = end;
    } else if (c === "/" && src[i + 1] === "*") {
      const j = src.indexOf("*/", i + 2);
      const end = j < 0 ? src.length : j + 2;
      out += src.slice(i, end).replace(/[^\n]/g, " ");
      i = end;
    } else if (c === '"' || c === "'" || c === "`") {
      const end = skipString(src, i);
      out += src.slice(i, end);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function skipString(s, i) {
  const q = s[i];
  let j = i + 1;
  while (j < s.length && s[j] !== q) {
    if (s[j] === "\\" && q !== "`") j++;
    j++;
  }
  return j + 1;
}

/** Index just past the bracket closing the one at `i`. */
function matchBracket(s, i) {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '"' || c === "'" || c === "`") {
      j = skipString(s, j) - 1;
    } else if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return s.length;
}

/** Splits at top-level occurrences of `sep` (a single character). */
function splitTop(s, sep) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < s.length; j++) {
    const c = s[j];
    if (c === '"' || c === "'" || c === "`") j = skipString(s, j) - 1;
    else if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") depth--;
    else if (c === sep && depth === 0) {
      parts.push(s.slice(start, j));
      start = j + 1;
      if (sep === ":") break; // key: value — only the first colon splits
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

// ---------------------------------------------------------------- the source tree

class Source {
  constructor(root, prefix = "aws") {
    this.root = root;
    this.prefix = prefix;
    this.funcs = new Map(); // "dir|name" and "dir|Type.method" -> body text (with braces)
    this.funcsByName = new Map(); // name -> [dir|name keys]
    this.vars = new Map(); // "dir|name" -> expression
    this.embeds = new Map(); // "dir|Type" -> names of the structs it embeds
    this.consts = new Map(); // "pkg.Name" and "dir|Name" -> string value
    this.registrations = []; // { kind, type, dir, factory }
    this.annotations = [];
    this.keyed = []; // { kind, type, dir, expr }: entries of map literals keyed by type name
    this.methods = []; // { dir, type, name, params, body }: Metadata and ResourceType methods, and DataSources lists
    this.namedFactories = []; // { kind, dir, factory, nameExpr }: Framework factories naming their type
    this.providerSchemas = []; // { dir, expr, scope }: SDKv2 schema.Provider{Schema: ...}
    for (const file of walk(root)) this.readFile(file);
  }

  readFile(file) {
    const raw = fs.readFileSync(file, "utf8");
    const dir = path.relative(this.root, path.dirname(file));
    const pkg = path.basename(dir);
    for (const m of raw.matchAll(
      new RegExp(
        `// @(SDKResource|SDKDataSource|FrameworkResource|FrameworkDataSource|EphemeralResource)\\("(${this.prefix}_\\w+)"[^\\n]*\\n(?:[ \\t]*//[^\\n]*\\n)*func\\s+(?:\\([^)]*\\)\\s*)?(\\w+)`,
        "g",
      ),
    )) {
      this.annotations.push({ kind: KIND[m[1]], type: m[2], dir, factory: m[3] });
    }
    const src = stripComments(raw);
    // constants: `Name = "value"` inside const blocks, and `const Name = "value"`
    for (const block of src.matchAll(/\bconst\s*\(/g)) {
      const open = block.index + block[0].length - 1;
      const body = src.slice(open, matchBracket(src, open));
      for (const m of body.matchAll(/^\s*(\w+)\s*(?:\w+\s*)?=\s*"([^"\n]*)"/gm)) this.addConst(pkg, dir, m[1], m[2]);
    }
    for (const m of src.matchAll(/\bconst\s+(\w+)\s*(?:\w+\s*)?=\s*"([^"\n]*)"/g)) this.addConst(pkg, dir, m[1], m[2]);
    // package-level vars: `var name = expr`, members of `var ( ... )` blocks, and the one-declaration files of a
    // function-level copy (var.<name>.goindex holds `name = expr` without its `var`)
    const addVar = (name, start) => this.vars.set(`${dir}|${name}`, exprAt(src, start));
    for (const m of src.matchAll(/^var\s+(\w+)\s*(?:[\w.*\[\]]+\s*)?=\s*/gm)) addVar(m[1], m.index + m[0].length);
    for (const block of src.matchAll(/^var\s*\(/gm)) {
      const open = block.index + block[0].length - 1;
      const end = matchBracket(src, open);
      for (const m of src.slice(open + 1, end).matchAll(/^\s*(\w+)\s*(?:[\w.*\[\]]+\s*)?=\s*/gm)) addVar(m[1], open + 1 + m.index + m[0].length);
    }
    const own = /^var\.(\w+)\.goindex$/.exec(path.basename(file));
    if (own) {
      const m = new RegExp(`^\\s*${own[1]}\\s*(?:[\\w.*\\[\\]]+\\s*)?=\\s*`, "m").exec(src);
      if (m) addVar(own[1], m.index + m[0].length);
    }
    // struct types: the structs they embed (a Framework resource may inherit its Schema method)
    for (const m of src.matchAll(/^\s*(?:type\s+)?(\w+)(?:\[[^\]]*\])?\s+struct\s*\{/gm)) {
      const open = m.index + m[0].length - 1;
      const body = src.slice(open + 1, matchBracket(src, open) - 1);
      const embedded = [...body.matchAll(/^\s*\*?(?:\w+\.)?(\w+)(?:\[[^\]]*\])?\s*$/gm)].map((e) => e[1]);
      this.embeds.set(`${dir}|${m[1]}`, embedded);
    }
    // functions and methods
    for (const m of src.matchAll(/^func\s+(?:\(\s*(?:\w+\s+)?\*?\s*(\w+)(?:\[[^\]]*\])?\s*\)\s*)?(\w+)\s*(?:\[[^\]]*\])?\s*\(/gm)) {
      const paramsOpen = m.index + m[0].length - 1;
      const paramsEnd = matchBracket(src, paramsOpen);
      let j = paramsEnd;
      // skip the result list up to the body's opening brace (results may hold brackets: map[string]*schema.Schema)
      while (j < src.length && src[j] !== "{") {
        if (src[j] === "(" || src[j] === "[") j = matchBracket(src, j);
        else j++;
      }
      if (j >= src.length) continue;
      const body = src.slice(j, matchBracket(src, j));
      const name = m[1] ? `${m[1]}.${m[2]}` : m[2];
      const key = `${dir}|${name}`;
      this.funcs.set(key, body);
      if (!this.funcsByName.has(name)) this.funcsByName.set(name, []);
      this.funcsByName.get(name).push(key);
      if (m[1] && REGISTRY_METHODS[m[2]]) this.readRegistrations(REGISTRY_METHODS[m[2]], dir, body);
      // mongodbatlas: `func Resource() resource.Resource { return &rs{RSCommon: config.RSCommon{ResourceName: x}} }`,
      // the shared Metadata adding the prefix
      const named = !m[1] && /\b(resource\.Resource|datasource\.DataSource|ephemeral\.EphemeralResource)\b/.exec(src.slice(paramsEnd, j));
      const nameField = named && /\b(?:ResourceName|DataSourceName)\s*:\s*([\w."]+)/.exec(body);
      if (nameField) {
        const kind = { "resource.Resource": "resources", "datasource.DataSource": "data_sources", "ephemeral.EphemeralResource": "ephemeral_resources" }[named[1]];
        this.namedFactories.push({ kind, dir, factory: m[2], nameExpr: nameField[1] });
      }
      if (m[1] && /^(Metadata|ResourceType|DataSources)$/.test(m[2])) {
        this.methods.push({ dir, type: m[1], name: m[2], params: src.slice(paramsOpen, matchBracket(src, paramsOpen)), body });
      }
    }
    this.readKeyedMaps(dir, src);
    // google (7+): `registry.Schema{Name: "google_x", Type: registry.SchemaTypeResource, Schema: ResourceX()}.Register()`
    for (const m of src.matchAll(/\bregistry\.Schema\s*\{/g)) {
      const open = m.index + m[0].length - 1;
      const lit = splitTop(src.slice(open + 1, matchBracket(src, open) - 1), ",").map((el) => splitTop(el, ":"));
      const get = (k) => (lit.find((kv) => kv.length === 2 && kv[0] === k) || [])[1];
      const name = /^"(\w+)"$/.exec(get("Name") || "");
      const kind = kindOf(get("Type") || "");
      if (name && name[1].startsWith(`${this.prefix}_`) && kind && get("Schema")) this.keyed.push({ kind, type: name[1], dir, expr: get("Schema") });
    }
    for (const m of src.matchAll(/\bschema\.Provider\s*\{/g)) {
      const open = m.index + m[0].length - 1;
      const lit = src.slice(m.index, matchBracket(src, open));
      if (/\b(ResourcesMap|DataSourcesMap)\s*:/.test(lit)) this.providerSchemas.push({ dir, expr: lit, scope: enclosingFunc(src, m.index) });
    }
  }

  /**
   * Map literals keyed by this provider's type names: `"azurerm_x": resourceX(),` (ResourcesMap, DataSourcesMap,
   * SupportedResources(), google's generated maps, vault's registry `"vault_x": {Resource: ...}`). Which kind is
   * told by the words before the literal on its line, else by its function's signature.
   */
  readKeyedMaps(dir, src) {
    const key = new RegExp(`^"${this.prefix}_\\w+"$`);
    for (const m of src.matchAll(/map\[string\][\w.*\[\]]+\s*\{/g)) {
      const open = m.index + m[0].length - 1;
      const body = src.slice(open + 1, matchBracket(src, open) - 1);
      // keys are type names, or constants holding them (okta: `resources.OktaIDaaSAppOAuth: resourceAppOAuth()`)
      const named = body.includes(`"${this.prefix}_`);
      if (!named && !/^\s*[\w.]+\s*:\s*[\w.]+\(/m.test(body)) continue;
      const lineStart = src.lastIndexOf("\n", m.index) + 1;
      const kind = kindOf(src.slice(lineStart, m.index)) || kindOf(enclosingFuncSignature(src, m.index)) || undefined;
      if (!kind) continue;
      for (const el of splitTop(body, ",")) {
        const kv = splitTop(el, ":");
        if (kv.length !== 2) continue;
        if (key.test(kv[0])) this.keyed.push({ kind, type: kv[0].slice(1, -1), dir, expr: kv[1] });
        else if (/^[A-Za-z_][\w.]*$/.test(kv[0]) && /^[\w.]+\(/.test(kv[1])) this.keyed.push({ kind, typeConst: kv[0], dir, expr: kv[1] });
      }
    }
  }

  addConst(pkg, dir, name, value) {
    this.consts.set(`${pkg}.${name}`, value);
    this.consts.set(`${dir}|${name}`, value);
  }

  readRegistrations(kind, dir, body) {
    const at = [...body.matchAll(/Factory:\s*([\w.]+)/g)];
    at.forEach((m, i) => {
      const text = body.slice(m.index, i + 1 < at.length ? at[i + 1].index : body.length);
      const t = new RegExp(`TypeName:\\s*"(${this.prefix}_\\w+)"`).exec(text);
      this.registrations.push({ kind, type: t ? t[1] : undefined, dir, factory: m[1] });
    });
  }

  func(dir, name) {
    if (name.includes(".")) {
      // pkg.Func: a function of another package (by its directory's name), else any one of that name
      const [pkg, fn] = name.split(".");
      const keys = (this.funcsByName.get(fn) || []).filter((k) => path.basename(k.split("|")[0]) === pkg);
      const key = keys[0] || (this.funcsByName.get(fn) || [])[0];
      return key ? { dir: key.split("|")[0], body: this.funcs.get(key) } : undefined;
    }
    const body = this.funcs.get(`${dir}|${name}`);
    return body ? { dir, body } : undefined;
  }

  constString(dir, expr) {
    const e = expr.trim();
    const lit = /^"([^"]*)"$/.exec(e) || /^`([^`]*)`$/.exec(e);
    if (lit) return lit[1];
    if (this.consts.has(e)) return this.consts.get(e);
    if (this.consts.has(`${dir}|${e}`)) return this.consts.get(`${dir}|${e}`);
    // names.AttrKMSKeyARN -> kms_key_arn when the names package is not in the tree
    const attr = /^(?:names\.)?[Aa]ttr([A-Z]\w*)$/.exec(e);
    if (attr) return snake(attr[1]);
    return undefined;
  }
}

const KIND = {
  SDKResource: "resources",
  FrameworkResource: "resources",
  SDKDataSource: "data_sources",
  FrameworkDataSource: "data_sources",
  EphemeralResource: "ephemeral_resources",
};
const REGISTRY_METHODS = {
  SDKResources: "resources",
  FrameworkResources: "resources",
  SDKDataSources: "data_sources",
  FrameworkDataSources: "data_sources",
  EphemeralResources: "ephemeral_resources",
};

/** The kind named by words such as `DataSourcesMap`, `SupportedResources()`, `handwrittenDatasources`. */
function kindOf(text) {
  const words = text.replace(/map\[[^\]]*\][\w.*\[\]]+/g, " ").match(/ephemeral|data_?sources?|resources?/gi);
  if (!words) return undefined;
  const w = words[words.length - 1].toLowerCase();
  return w.startsWith("ephemeral") ? "ephemeral_resources" : w.startsWith("data") ? "data_sources" : "resources";
}

/** The `func ...` line of the top-level function holding offset `at` ("" when none). */
function enclosingFuncSignature(src, at) {
  const i = src.lastIndexOf("\nfunc ", at);
  if (i < 0) return "";
  const end = src.indexOf("\n", i + 1);
  return src.slice(i + 1, end < 0 ? src.length : end);
}

/** The body of the top-level function holding offset `at` (for its locals). */
function enclosingFunc(src, at) {
  const i = src.lastIndexOf("\nfunc ", at);
  if (i < 0) return undefined;
  const open = src.indexOf("{", src.indexOf(")", i));
  return open < 0 ? undefined : src.slice(open, matchBracket(src, open));
}

function snake(camel) {
  return camel
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/** The expression starting at `start`: up to the end of the line, or of the bracket opened on it. */
function exprAt(src, start) {
  let j = start;
  while (j < src.length && src[j] !== "\n") {
    const c = src[j];
    if (c === "{" || c === "(" || c === "[") j = matchBracket(src, j);
    else if (c === '"' || c === "`" || c === "'") j = skipString(src, j);
    else j++;
  }
  return src.slice(start, j).trim();
}

function* walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === "test-fixtures" || e.name === "testdata" || e.name === ".git") continue;
      yield* walk(p);
    } else if ((e.name.endsWith(".go") && !e.name.endsWith("_test.go")) || e.name.endsWith(".goindex")) yield p;
  }
}

// ---------------------------------------------------------------- evaluating schema expressions

/**
 * Evaluates an expression to a composite literal: { elems: [[key, value] | [value]], dir } or undefined.
 * Follows the package's own functions (their return), function literals, local and package variables.
 */
function evalComposite(srcTree, dir, expr, scope, depth = 0) {
  if (!expr || depth > 12) return undefined;
  let e = expr.trim().replace(/^&/, "").trim();
  // composite literal: Type{...} or map[K]V{...} or bare {...}
  const lit = /^(?:[\w.]+(?:\[[^\]]*\])?|map\[[^\]]+\][\w.*\[\]]+|\[\][\w.*]+)?\s*\{/.exec(e);
  if (lit && !/^func\b/.test(e)) {
    const open = lit[0].length - 1;
    const close = matchBracket(e, open);
    if (close === e.length) {
      const elems = splitTop(e.slice(open + 1, close - 1), ",").map((el) => splitTop(el, ":"));
      return { elems, dir };
    }
  }
  // function literal: func(...) T { ... return X }
  if (/^func\s*\(/.test(e)) {
    const open = e.indexOf("{", matchBracket(e, e.indexOf("(")));
    if (open > 0) return evalReturn(srcTree, dir, e.slice(open, matchBracket(e, open)), depth + 1);
  }
  // selector on a composite: x().Schema, r.Schema
  const sel = /^(.*)\.(\w+)$/.exec(e);
  if (sel && /[)}]$/.test(sel[1])) {
    const base = evalComposite(srcTree, dir, sel[1], scope, depth + 1);
    const f = base && field(base, sel[2]);
    if (f) return evalComposite(srcTree, base.dir, f, scope, depth + 1);
  }
  // call: name(args), pkg.Name(args), name[T](args)
  const call = /^([\w.]+)(?:\[[^\]]*\])?\s*\(/.exec(e);
  if (call && matchBracket(e, call[0].length - 1) === e.length) {
    const fn = srcTree.func(dir, call[1]);
    if (fn) {
      const r = evalReturn(srcTree, fn.dir, fn.body, depth + 1);
      if (r) return r;
    } else if (scope && /^\w+$/.test(call[1])) {
      // a function literal bound to a local: helper := func() *schema.Schema { ... }
      const r = evalComposite(srcTree, dir, call[1], scope, depth + 1);
      if (r) return r;
    }
    // wrappers such as DataSourceSchemaFromResourceSchema(x): try the first argument
    const args = splitTop(e.slice(call[0].length, -1), ",");
    if (args.length) return evalComposite(srcTree, dir, args[0], scope, depth + 1);
    return undefined;
  }
  // identifier: a local of the enclosing function, else a package variable
  if (/^\w+$/.test(e)) {
    if (scope) {
      // `x := ...`, `x = ...`, `var x T = ...`; never `x.Field = ...`
      const m = new RegExp(`(?:^|[\\s;{])(?:var\\s+)?${e}(?:\\s+[\\w.*\\[\\]]+)?\\s*:?=\\s*`, "m").exec(scope);
      if (m) return evalComposite(srcTree, dir, exprAt(scope, m.index + m[0].length), scope, depth + 1);
    }
    const v = srcTree.vars.get(`${dir}|${e}`);
    if (v) return evalComposite(srcTree, dir, v, undefined, depth + 1);
  }
  return undefined;
}

/** Evaluates the first `return` of a function body (not of a function literal inside it) that yields a composite. */
function evalReturn(srcTree, dir, body, depth) {
  const nested = [];
  for (const f of body.matchAll(/\bfunc\s*\(/g)) {
    if (f.index === 0) continue;
    let j = matchBracket(body, f.index + f[0].length - 1);
    while (j < body.length && body[j] !== "{" && body[j] !== "\n") j = body[j] === "(" || body[j] === "[" ? matchBracket(body, j) : j + 1;
    if (body[j] === "{") nested.push([j, matchBracket(body, j)]);
  }
  for (const m of body.matchAll(/\breturn\s+/g)) {
    if (nested.some(([a, b]) => m.index > a && m.index < b)) continue;
    let expr = exprAt(body, m.index + m[0].length);
    expr = splitTop(expr, ",")[0]; // return x, nil
    if (!expr || expr === "nil") continue;
    const r = evalComposite(srcTree, dir, expr, body, depth);
    if (r) return r;
  }
  return undefined;
}

function field(comp, name) {
  const el = comp.elems.find((kv) => kv.length === 2 && kv[0] === name);
  return el && el[1];
}

/** Walks a map of attributes (SDKv2 schema map, Framework Attributes or Blocks) and collects facts. */
function walkMap(srcTree, dir, expr, prefix, acc, scope, depth = 0) {
  if (depth > 20) return;
  const comp = evalComposite(srcTree, dir, expr, scope);
  if (!comp) return;
  for (const kv of comp.elems) {
    if (kv.length !== 2) continue;
    const name = srcTree.constString(comp.dir, kv[0]);
    if (!name) continue;
    const p = prefix + name;
    const attr = evalComposite(srcTree, comp.dir, kv[1], scope);
    if (!attr) continue;
    acc.attributes++;
    if (field(attr, "Sensitive") === "true") acc.sensitive.add(p);
    if (field(attr, "WriteOnly") === "true") acc.writeOnly.add(p);
    walkNested(srcTree, attr, p + ".", acc, scope, depth + 1);
  }
}

function walkNested(srcTree, node, prefix, acc, scope, depth) {
  for (const f of ["Attributes", "Blocks"]) {
    const v = field(node, f);
    if (v) walkMap(srcTree, node.dir, v, prefix, acc, scope, depth);
  }
  for (const f of ["NestedObject", "Elem"]) {
    const v = field(node, f);
    if (!v) continue;
    const inner = evalComposite(srcTree, node.dir, v, scope);
    if (!inner) continue;
    const s = field(inner, "Schema") || field(inner, "SchemaFunc");
    if (s) walkMap(srcTree, inner.dir, s, prefix, acc, scope, depth);
    walkNested(srcTree, inner, prefix, acc, scope, depth);
  }
}

function newAcc() {
  return { sensitive: new Set(), writeOnly: new Set(), attributes: 0 };
}

/** Facts of one registered type, by how it was registered. */
function typeFacts(srcTree, reg) {
  const acc = newAcc();
  if (reg.schemaMethod) {
    // Plugin Framework type found by its Metadata: its struct's Schema method
    frameworkFacts(srcTree, reg.dir, reg.schemaMethod, acc);
    return acc;
  }
  if (reg.typed) {
    // azurerm typed resource: Arguments() and Attributes() each return the attribute map
    for (const m of ["Arguments", "Attributes"]) {
      const body = srcTree.funcs.get(`${reg.dir}|${reg.typed}.${m}`);
      if (body) walkMap(srcTree, reg.dir, `func() x ${body}`, "", acc, body);
    }
    return acc;
  }
  if (reg.expr !== undefined) {
    // an entry of a keyed map: resourceX(), pkg.ResourceX(), Wrap(resourceX()), {Resource: resourceX()}
    const found = resourceOf(srcTree, reg.dir, reg.expr, 0);
    const s = found && (field(found.root, "Schema") || field(found.root, "SchemaFunc"));
    if (s) walkMap(srcTree, found.root.dir, s, "", acc, found.scope);
    return acc;
  }
  const fn = srcTree.func(reg.dir, reg.factory);
  if (!fn) return undefined;
  const method = frameworkSchemaMethod(srcTree, fn);
  if (method) {
    frameworkFacts(srcTree, fn.dir, method, acc);
  } else {
    const root = evalReturn(srcTree, fn.dir, fn.body, 0);
    if (!root) return undefined;
    const s = field(root, "Schema") || field(root, "SchemaFunc");
    if (s) walkMap(srcTree, root.dir, s, "", acc, fn.body);
  }
  return acc;
}

/**
 * The schema.Resource an expression yields, with the body of the function that built it (its locals, such as
 * google's `dsSchema := DatasourceSchemaFromResourceSchema(...)`, are the scope of its Schema field). A wrapper
 * call (vault's UpdateSchemaResource(x)) or a registry value ({Resource: x}) is looked through.
 */
function resourceOf(srcTree, dir, expr, depth) {
  if (depth > 6) return undefined;
  const e = expr.trim().replace(/^&/, "");
  const hasSchema = (r) => r && (field(r, "Schema") || field(r, "SchemaFunc"));
  const call = /^([\w.]+)(?:\[[^\]]*\])?\s*\(/.exec(e);
  if (call && matchBracket(e, call[0].length - 1) === e.length) {
    const fn = srcTree.func(dir, call[1]);
    const r = fn && evalReturn(srcTree, fn.dir, fn.body, 0);
    if (hasSchema(r)) return { root: r, scope: fn.body };
    const args = splitTop(e.slice(call[0].length, -1), ",");
    return args.length ? resourceOf(srcTree, dir, args[0], depth + 1) : undefined;
  }
  const r = evalComposite(srcTree, dir, e, undefined);
  if (hasSchema(r)) return { root: r, scope: undefined };
  const inner = r && field(r, "Resource");
  return inner ? resourceOf(srcTree, r.dir, inner, depth + 1) : undefined;
}

/** A Framework Schema method: `resp.Schema = schema.Schema{...}`, or `= someSchema(ctx)`, or a literal in it. */
function frameworkFacts(srcTree, dir, methodKey, acc) {
  const schemaFn = srcTree.funcs.get(methodKey);
  if (!schemaFn) return;
  let root;
  const assign = /\b(?:resp|response)\.Schema\s*=\s*/.exec(schemaFn);
  if (assign) root = evalComposite(srcTree, dir, exprAt(schemaFn, assign.index + assign[0].length), schemaFn);
  if (!root) {
    const at = schemaFn.search(/\bschema\.Schema\s*\{/);
    if (at < 0) return;
    const open = schemaFn.indexOf("{", at);
    root = evalComposite(srcTree, dir, schemaFn.slice(at, matchBracket(schemaFn, open)), schemaFn);
  }
  if (root) walkNested(srcTree, root, "", acc, schemaFn, 0);
}

/**
 * A Plugin Framework factory returns &someStruct{} (or builds `r := someStruct{}`): the key of the Schema method
 * of that struct, or of a struct it embeds. Undefined for an SDKv2 factory.
 */
function frameworkSchemaMethod(srcTree, fn) {
  for (const m of fn.body.matchAll(/(?:&|:=\s*|=\s*)(\w+)\s*\{/g)) {
    const k = schemaMethodOf(srcTree, fn.dir, m[1]);
    if (k) return k;
  }
  return undefined;
}

function schemaMethodOf(srcTree, dir, type, depth = 0) {
  if (depth > 4) return undefined;
  if (srcTree.funcs.has(`${dir}|${type}.Schema`)) return `${dir}|${type}.Schema`;
  for (const e of srcTree.embeds.get(`${dir}|${type}`) || []) {
    const k = schemaMethodOf(srcTree, dir, e, depth + 1);
    if (k) return k;
  }
  return undefined;
}

/** The type name a Framework Metadata method sets: `"aws_x"`, `req.ProviderTypeName + "_x"`, Sprintf("%s_x", ...). */
function typeNameIn(prefix, body) {
  const lit = new RegExp(`TypeName\\s*=\\s*"(${prefix}_\\w+)"`).exec(body);
  if (lit) return lit[1];
  const plus = /TypeName\s*=\s*req\.ProviderTypeName\s*\+\s*"(_\w+)"/.exec(body);
  if (plus) return prefix + plus[1];
  const spf = /TypeName\s*=\s*fmt\.Sprintf\(\s*"%s(_\w+)"\s*,\s*req\.ProviderTypeName\s*\)/.exec(body);
  if (spf) return prefix + spf[1];
  // datadog's Framework types set the bare name ("api_key") and its provider adds the prefix
  const bare = /TypeName\s*=\s*"([a-z]\w*)"/.exec(body);
  return bare && bare[1] !== prefix ? `${prefix}_${bare[1]}` : undefined;
}

/** Framework resources of older releases set their type name in Metadata. */
function metadataTypeName(srcTree, reg) {
  const fn = srcTree.func(reg.dir, reg.factory);
  const method = fn && frameworkSchemaMethod(srcTree, fn);
  const md = method && srcTree.funcs.get(method.replace(/\.Schema$/, ".Metadata"));
  return md ? typeNameIn(srcTree.prefix, md) : undefined;
}

/** Which kind a Framework Metadata method is for, from its request's package. */
function metadataKind(params) {
  const m = /\b(resource|datasource|ephemeral|provider)\.MetadataRequest\b/.exec(params);
  if (!m) return undefined;
  return { resource: "resources", datasource: "data_sources", ephemeral: "ephemeral_resources", provider: "provider" }[m[1]];
}

/** Every type the source registers, each once (the first way found wins), plus the provider block's schemas. */
function registrations(srcTree) {
  const regs = new Map();
  const add = (r) => {
    if (!r.type) return;
    const key = `${r.kind}:${r.type}`;
    if (!regs.has(key)) regs.set(key, r);
  };
  for (const r of srcTree.registrations) add({ ...r, type: r.type || metadataTypeName(srcTree, r) });
  for (const r of srcTree.keyed) {
    // a constant key counts when it holds one of this provider's type names (read once every file is read)
    const type = r.type || srcTree.constString(r.dir, r.typeConst);
    if (type && type.startsWith(`${srcTree.prefix}_`) && /^\w+$/.test(type)) add({ ...r, type });
  }
  // azurerm typed resources: structs listed by a DataSources() method are data sources
  const listedAsData = new Set();
  for (const m of srcTree.methods.filter((x) => x.name === "DataSources")) {
    for (const s of m.body.matchAll(/\b(\w+)\s*\{\s*\}/g)) listedAsData.add(s[1]);
  }
  for (const m of srcTree.methods.filter((x) => x.name === "ResourceType")) {
    const t = new RegExp(`return\\s+"(${srcTree.prefix}_\\w+)"`).exec(m.body);
    const hasSchema = srcTree.funcs.has(`${m.dir}|${m.type}.Arguments`);
    if (!t || !hasSchema) continue;
    const kind = listedAsData.has(m.type) || /DataSource$/.test(m.type) ? "data_sources" : "resources";
    add({ kind, type: t[1], dir: m.dir, typed: m.type });
  }
  const providers = [];
  for (const m of srcTree.methods.filter((x) => x.name === "Metadata")) {
    const kind = metadataKind(m.params);
    if (!kind) continue;
    const schemaMethod = schemaMethodOf(srcTree, m.dir, m.type);
    if (!schemaMethod) continue;
    if (kind === "provider") providers.push({ dir: m.dir, schemaMethod });
    else add({ kind, type: typeNameIn(srcTree.prefix, m.body), dir: m.dir, schemaMethod });
  }
  for (const f of srcTree.namedFactories) {
    const name = srcTree.constString(f.dir, f.nameExpr);
    const fn = srcTree.func(f.dir, f.factory);
    const schemaMethod = fn && frameworkSchemaMethod(srcTree, fn);
    if (name && schemaMethod) add({ kind: f.kind, type: `${srcTree.prefix}_${name}`, dir: f.dir, schemaMethod });
  }
  for (const r of srcTree.annotations) add(r);
  return { regs, providers };
}

/** The provider block's sensitive and write-only paths (SDKv2 and Framework providers united, as muxed). */
function providerBlockFacts(srcTree, frameworkProviders) {
  const acc = newAcc();
  for (const p of srcTree.providerSchemas) {
    const root = evalComposite(srcTree, p.dir, p.expr, p.scope);
    const s = root && field(root, "Schema");
    if (s) walkMap(srcTree, root.dir, s, "", acc, p.scope);
  }
  for (const p of frameworkProviders) frameworkFacts(srcTree, p.dir, p.schemaMethod, acc);
  return acc;
}

function compactAcc(f) {
  const o = {};
  if (f.sensitive.size) o.sensitive = [...f.sensitive].sort();
  if (f.writeOnly.size) o.writeOnly = [...f.writeOnly].sort();
  return o;
}

// ---------------------------------------------------------------- main

function extract(root, prefix = "aws") {
  const srcTree = new Source(root, prefix);
  const { regs, providers } = registrations(srcTree);
  const out = { resources: {}, data_sources: {}, ephemeral_resources: {} };
  const stats = { types: 0, unresolved: [] };
  for (const reg of regs.values()) {
    stats.types++;
    const f = typeFacts(srcTree, reg);
    if (!f || f.attributes === 0) {
      stats.unresolved.push(`${reg.kind}:${reg.type}`);
      continue;
    }
    const o = compactAcc(f);
    if (o.sensitive || o.writeOnly) out[reg.kind][reg.type] = o;
  }
  for (const k of Object.keys(out)) out[k] = Object.fromEntries(Object.entries(out[k]).sort(([a], [b]) => a.localeCompare(b)));
  const provider = compactAcc(providerBlockFacts(srcTree, providers));
  return { facts: { provider, ...out }, stats, types: [...regs.keys()].sort() };
}

/**
 * Write-only attributes from prebuilt CDK bindings (@cdktn/provider-aws, @cdktf/provider-aws): a generated
 * class names its type (`static tfResourceType = "aws_..."`) and wraps every top-level write-only argument in
 * synthesizeAttributes() with `this.markWriteOnlyAttribute(...)`. Nested write-only attributes are not marked
 * there; the source gives those. Returns { "<kind>:<type>": [paths] }.
 */
function bindingsWriteOnly(libDir) {
  const out = {};
  for (const d of fs.readdirSync(libDir)) {
    const file = path.join(libDir, d, "index.js");
    if (!fs.existsSync(file)) continue;
    const js = fs.readFileSync(file, "utf8");
    const t = /static tfResourceType = "(aws_\w+)"/.exec(js);
    if (!t) continue;
    const kind = d.startsWith("data-aws-") ? "data_sources" : d.startsWith("ephemeral-aws-") ? "ephemeral_resources" : "resources";
    const from = js.indexOf("synthesizeAttributes() {");
    const to = js.indexOf("synthesizeHclAttributes() {", from);
    const synth = from < 0 ? "" : js.slice(from, to < 0 ? js.length : to);
    const paths = [];
    for (let i = synth.indexOf("this.markWriteOnlyAttribute("); i >= 0; i = synth.indexOf("this.markWriteOnlyAttribute(", i + 1)) {
      const m = /(\w+): [\w.]*\(?$/.exec(synth.slice(Math.max(0, i - 120), i));
      if (m) paths.push(m[1]);
    }
    if (paths.length) out[`${kind}:${t[1]}`] = [...new Set(paths)].sort();
  }
  return out;
}

module.exports = { extract, snake, bindingsWriteOnly };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const version = opt("--version");
  const outFile = opt("--out");
  const typesFile = opt("--types");
  const bindings = opt("--bindings");
  const about = opt("--about");
  const provider = opt("--provider") || "aws";
  if (args.length !== 1) {
    console.error(
      "usage: node scripts/provider-facts-from-source.js <provider source dir> [--provider aws] [--version X] [--about TEXT] [--out file] [--types file] [--bindings dir]",
    );
    process.exit(2);
  }
  const { facts, stats, types } = extract(path.resolve(args[0]), provider);
  if (bindings) {
    // union with the write-only arguments of the bindings (which may be for a later provider release)
    for (const [key, paths] of Object.entries(bindingsWriteOnly(path.resolve(bindings)))) {
      const [kind, type] = key.split(":");
      const o = (facts[kind][type] ||= {});
      o.writeOnly = [...new Set([...(o.writeOnly || []), ...paths])].sort();
    }
    for (const k of ["resources", "data_sources", "ephemeral_resources"]) facts[k] = Object.fromEntries(Object.entries(facts[k]).sort(([a], [b]) => a.localeCompare(b)));
  }
  const doc = { version, ...(about ? { about } : {}), ...facts };
  const json = JSON.stringify(doc, null, 1) + "\n";
  if (outFile) fs.writeFileSync(outFile, json);
  else process.stdout.write(json);
  if (typesFile) fs.writeFileSync(typesFile, types.join("\n") + "\n");
  console.error(
    `provider-facts-from-source (${provider}): ${stats.types} registered types, ${stats.unresolved.length} whose schema was not found` +
      (stats.unresolved.length ? ` (${stats.unresolved.join(", ")})` : ""),
  );
}
