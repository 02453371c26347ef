// What an importer's compiler sees of the package: the published typings (dist/**/*.d.ts), checked as a consumer
// with library checking on, and the types the public API names but does not export.
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist") + path.sep;

/** Errors a strict consumer gets from the package's own .d.ts files, with no @types/node (types: []). */
export function typingErrors(indexDts = path.join(ROOT, "dist", "index.d.ts")): string[] {
  const program = ts.createProgram([indexDts], {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
    lib: ["lib.es2022.d.ts"],
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Node10,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.startsWith(DIST.split(path.sep).join("/")) || d.file?.fileName.startsWith(DIST))
    .map((d) => `${path.relative(ROOT, d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

/**
 * Types declared in this package that the public API (dist/index.d.ts) names, directly or through another such
 * type, but that an importer cannot import by name from the package root. Generated provider bindings (.gen/)
 * count as exported when their module is exported as a namespace.
 */
export function unexportedPublicTypes(indexDts = path.join(ROOT, "dist", "index.d.ts")): string[] {
  const program = ts.createProgram([indexDts], { noEmit: true, types: [], skipLibCheck: true, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const index = checker.getSymbolAtLocation(program.getSourceFile(indexDts)!)!;
  const exported = new Set<ts.Symbol>();
  const namespaceFiles = new Set<string>();
  const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  for (const e of checker.getExportsOfModule(index)) {
    const target = resolve(e);
    exported.add(target);
    if (target.flags & ts.SymbolFlags.ValueModule) {
      // `export * as x from "./module"`: every export of that module (and of modules it re-exports) is reachable.
      const walk = (m: ts.Symbol) => {
        for (const x of checker.getExportsOfModule(m)) {
          const t = resolve(x);
          if (t.flags & ts.SymbolFlags.ValueModule) walk(t);
          for (const d of t.declarations ?? []) namespaceFiles.add(d.getSourceFile().fileName);
          exported.add(t);
        }
      };
      walk(target);
    }
  }
  const ownFile = (f: string) => path.resolve(f).startsWith(DIST);
  const missing = new Map<string, string>();
  const seen = new Set<ts.Symbol>();
  const visitSymbol = (s: ts.Symbol, via: string) => {
    if (seen.has(s)) return;
    seen.add(s);
    for (const decl of s.declarations ?? []) {
      const file = decl.getSourceFile().fileName;
      if (!ownFile(file)) continue;
      // Generated bindings are followed only to their own names: their members are the provider's schema.
      if (namespaceFiles.has(file)) continue;
      visitNode(decl, s.getName());
    }
    void via;
  };
  const visitNode = (node: ts.Node, owner: string) => {
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node) || ts.isTypeQueryNode(node)) {
      const name = ts.isTypeReferenceNode(node) ? node.typeName : ts.isTypeQueryNode(node) ? node.exprName : node.expression;
      const sym = checker.getSymbolAtLocation(name);
      if (sym) {
        const target = resolve(sym);
        const decls = target.declarations ?? [];
        const own = decls.some((d) => ownFile(d.getSourceFile().fileName));
        const typeParam = decls.some((d) => ts.isTypeParameterDeclaration(d));
        if (own && !typeParam && !exported.has(target)) {
          const file = path.relative(ROOT, decls[0].getSourceFile().fileName);
          if (!missing.has(target.getName() + file)) missing.set(target.getName() + file, `${target.getName()} (${file}, named by ${owner})`);
        }
        if (own && !typeParam) visitSymbol(target, owner);
      }
    }
    // Private members are not part of the API.
    if ((ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node)) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword)) return;
    ts.forEachChild(node, (c) => visitNode(c, owner));
  };
  for (const s of exported) visitSymbol(s, s.getName());
  return [...missing.values()].sort();
}
