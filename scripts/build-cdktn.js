#!/usr/bin/env node
// The package's CDK Terrain build, dist/cdktn/, from the same source as dist/: the library (index.ts and what it
// imports) compiled and type-checked against `cdktn` and `@cdktn/provider-*` (AWS provider 6) instead of `cdktf`
// and `@cdktf/provider-*`, with engine/cdktn-native.ts in place of engine/cdktf-gaps.ts. Module specifiers are
// rewritten in both the JavaScript and the typings, so a cdktn project needs no alias and no override.
// Importers take it as `genesys-oauth-cdktf/cdktn`.
// Only the modules that need the engine are emitted here: one that imports no engine package and nothing from
// engine/ (not even a type, transitively) is the same in both builds, so dist/cdktn/ requires dist/'s copy of it
// (about half the library, e.g. the audit engine) instead of shipping a second one.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");
const { GAPS, NATIVE, cdktnSpecifier: engineSpecifier } = require("./engine-swap");

const { ROOT, OUT: BUILD_OUT } = require("./build-output");
const { makePortable } = require("./portable-typings");
const { pointLibraryAtChunk } = require("./library-sdk-chunk");
const OUT = path.join(BUILD_OUT, "cdktn");

/**
 * A transformer that rewrites the module specifiers of imports, exports and `import("…")` types: engine packages to
 * cdktn's, and a relative import of an engine-neutral module to dist/'s copy (`shared(containingFile, spec)`).
 */
const rewriteSpecifiers = (shared) => (context) => {
  const f = context.factory;
  let fileName = "";
  const literal = (node) => {
    const next = shared(fileName, node.text) ?? engineSpecifier(node.text);
    return next === node.text ? node : f.createStringLiteral(next);
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      return f.updateImportDeclaration(node, node.modifiers, node.importClause, literal(node.moduleSpecifier), node.attributes);
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      return f.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, literal(node.moduleSpecifier), node.attributes);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      return f.updateImportTypeNode(node, f.updateLiteralTypeNode(node.argument, literal(node.argument.literal)), node.attributes, node.qualifier, node.typeArguments, node.isTypeOf);
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression))
      return f.updateImportEqualsDeclaration(node, node.modifiers, node.isTypeOnly, node.name, f.updateExternalModuleReference(node.moduleReference, literal(node.moduleReference.expression)));
    return ts.visitEachChild(node, visit, context);
  };
  return (file) => {
    fileName = file.fileName;
    return ts.visitNode(file, visit);
  };
};

/** Every module specifier a file names: imports, exports, `import("…")` (types too), `import x = require("…")`. */
function specifiersOf(sf) {
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal.text);
    else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) found.push(node.expression.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * The project's source files that need the engine: they import an engine package (`constructs` is not one: both
 * engines use the same), sit in engine/, or import (values or types) a file that needs it. Every other project file
 * is engine-neutral.
 */
function engineDependent(program, host, options) {
  const own = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !sf.fileName.includes("/node_modules/"));
  const edges = new Map();
  const direct = new Set();
  for (const sf of own) {
    const file = path.resolve(sf.fileName);
    const targets = [];
    for (const spec of specifiersOf(sf)) {
      if (engineSpecifier(spec) !== spec) direct.add(file);
      if (!spec.startsWith(".")) continue;
      const r = ts.resolveModuleName(spec, sf.fileName, options, host).resolvedModule;
      if (r && !r.isExternalLibraryImport) targets.push(path.resolve(r.resolvedFileName));
    }
    if (file.startsWith(path.join(ROOT, "engine") + path.sep)) direct.add(file);
    edges.set(file, targets);
  }
  // Everything that reaches a directly dependent file depends too (fixed point over the import graph).
  const dependent = new Set(direct);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, targets] of edges) {
      if (!dependent.has(file) && targets.some((t) => dependent.has(t))) {
        dependent.add(file);
        grew = true;
      }
    }
  }
  return { isNeutral: (file) => edges.has(path.resolve(file)) && !dependent.has(path.resolve(file)) };
}

function build() {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  // No source maps here: the CDK Terrain library is not bundled; only the app bundles use maps (from the main build).
  const options = { ...parsed.options, outDir: OUT, rootDir: ROOT, incremental: false, tsBuildInfoFile: undefined, declaration: true, sourceMap: false };
  const host = ts.createCompilerHost(options);
  // Type-check against the engine the build is for: resolve every module the way the emitted file will.
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts) =>
    literals.map((lit) => {
      const r = ts.resolveModuleName(engineSpecifier(lit.text), containingFile, opts, host, undefined, redirected);
      if (r.resolvedModule && path.resolve(r.resolvedModule.resolvedFileName) === GAPS)
        return { ...r, resolvedModule: { ...r.resolvedModule, resolvedFileName: NATIVE } };
      return r;
    });
  // main.ts and app/ are type-checked against cdktn too (the app bundle dist/app-cdktn.js is made from them), but
  // only the library is emitted.
  const program = ts.createProgram({ rootNames: [path.join(ROOT, "index.ts"), path.join(ROOT, "main.ts")], options, host });
  fs.rmSync(OUT, { recursive: true, force: true });
  const { isNeutral } = engineDependent(program, host, options);
  /** dist/'s copy of an engine-neutral module, as a specifier from the file's place in dist/cdktn/ (else undefined). */
  const shared = (containing, spec) => {
    if (!spec.startsWith(".")) return undefined;
    const r = ts.resolveModuleName(spec, containing, options, host).resolvedModule;
    if (!r || !isNeutral(r.resolvedFileName)) return undefined;
    const from = path.join(OUT, path.relative(ROOT, path.dirname(path.resolve(containing))));
    const to = path.join(BUILD_OUT, path.relative(ROOT, path.resolve(r.resolvedFileName)));
    const rel = path.relative(from, to).split(path.sep).join("/");
    // A module by its name without extension (a folder's index by its index file), a JSON file by its file name.
    return rel.replace(/\.ts$/, "");
  };
  const appOnly = (file) => /^(main\.|app[\\/])/.test(path.relative(OUT, file));
  const writeFile = (file, text, bom, _onError, sources) => {
    if (appOnly(file)) return;
    if (sources?.length && sources.every((sf) => isNeutral(sf.fileName))) return;
    ts.sys.writeFile(file, text, bom);
  };
  const transform = rewriteSpecifiers(shared);
  const emitted = program.emit(undefined, writeFile, undefined, false, { before: [transform], afterDeclarations: [transform] });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length) {
    fs.rmSync(OUT, { recursive: true, force: true });
    process.stderr.write(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" }));
    process.stderr.write(`error: the cdktn build failed type-checking (${diagnostics.length} problem(s) above)\n`);
    process.exit(1);
  }
  // Nothing from the cdktf engine may be left in the build.
  const leaks = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|d\.ts)$/.test(e.name) && /(require\(|from |import\()"(cdktf(\/[^"]*)?|@cdktf\/[^"]+)"/.test(fs.readFileSync(p, "utf8"))) leaks.push(path.relative(ROOT, p));
    }
  };
  walk(OUT);
  if (leaks.length) {
    fs.rmSync(OUT, { recursive: true, force: true });
    process.stderr.write(`error: the cdktn build still imports cdktf in ${leaks.join(", ")}\n`);
    process.exit(1);
  }
  makePortable(OUT);
  pointLibraryAtChunk(BUILD_OUT, OUT);
}

build();
