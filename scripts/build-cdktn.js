#!/usr/bin/env node
// The package's CDK Terrain build, dist/cdktn/, from the same source as dist/: the library (index.ts and what it
// imports) compiled and type-checked against `cdktn` and `@cdktn/provider-*` (AWS provider 6) instead of `cdktf`
// and `@cdktf/provider-*`, with engine/cdktn-native.ts in place of engine/cdktf-gaps.ts. Module specifiers are
// rewritten in both the JavaScript and the typings, so a cdktn project needs no alias and no override.
// Importers take it as `genesys-oauth-cdktf/cdktn`.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");
const { GAPS, NATIVE, cdktnSpecifier: engineSpecifier } = require("./engine-swap");

const { ROOT, OUT: BUILD_OUT } = require("./build-output");
const { makePortable } = require("./portable-typings");
const OUT = path.join(BUILD_OUT, "cdktn");

/** A transformer that rewrites the module specifiers of imports, exports and `import("…")` types. */
function rewriteSpecifiers(context) {
  const f = context.factory;
  const literal = (node) => {
    const next = engineSpecifier(node.text);
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
  return (file) => ts.visitNode(file, visit);
}

function build() {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  const options = { ...parsed.options, outDir: OUT, rootDir: ROOT, incremental: false, tsBuildInfoFile: undefined, declaration: true };
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
  const appOnly = (file) => /^(main\.|app[\\/])/.test(path.relative(OUT, file));
  const writeFile = (file, text, bom) => {
    if (!appOnly(file)) ts.sys.writeFile(file, text, bom);
  };
  const emitted = program.emit(undefined, writeFile, undefined, false, { before: [rewriteSpecifiers], afterDeclarations: [rewriteSpecifiers] });
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
}

build();
