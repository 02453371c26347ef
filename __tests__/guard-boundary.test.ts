import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The guard is a generic Terraform / CDKTF secret guard: nothing under guard/ may import the app, the constructs
 * or the Genesys pack (the pack depends on the guard, never the reverse). And no module compares cdktf classes
 * with `instanceof`: an importer can load two copies of the engine, so the guard uses cdktf's `isX` checks.
 */
const ROOT = path.resolve(__dirname, "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(full));
    else if (e.name.endsWith(".ts")) out.push(full);
  }
  return out;
}

/** Every module specifier a file imports or requires, resolved to a path relative to the repository. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]);
  return specs.filter((s) => s.startsWith(".")).map((s) => path.relative(ROOT, path.resolve(path.dirname(file), s)));
}

describe("guard boundary", () => {
  const guardFiles = sources(path.join(ROOT, "guard"));

  test("the guard has modules to check (the test is not vacuous)", () => {
    expect(guardFiles.length).toBeGreaterThan(40);
    expect(guardFiles.some((f) => importsOf(f).length > 0)).toBe(true);
  });

  test.each(["app", "constructs", "genesys-pack", "main", "index"])("no file under guard/ imports %s", (forbidden) => {
    const offenders = guardFiles.filter((f) =>
      importsOf(f).some((target) => target === forbidden || target.startsWith(forbidden + path.sep) || target.startsWith(forbidden + ".")),
    );
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  test("the guard knows nothing of Genesys by name outside its data (rule texts and provider facts)", () => {
    const code = guardFiles.filter((f) => !f.includes(`${path.sep}detectors${path.sep}families${path.sep}`) && !f.endsWith("rule-book.ts"));
    const offenders = code.filter((f) => /genesyscloud_oauth_client|GenesysOAuthClient|GENESYSCLOUD_/.test(fs.readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  test("the Genesys pack depends on the guard", () => {
    const pack = sources(path.join(ROOT, "genesys-pack"));
    expect(pack.some((f) => importsOf(f).some((t) => t.startsWith("guard" + path.sep)))).toBe(true);
  });

  test("no instanceof on cdktf classes anywhere in the library", () => {
    const lib = ["guard", "genesys-pack", "constructs", "engine", "app"].flatMap((d) => sources(path.join(ROOT, d)));
    const offenders = lib.filter((f) => /instanceof\s+(Terraform\w*|App|Construct|S3Backend|CloudBackend)\b/.test(fs.readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  test("aspects are added through the engine copy that owns the stack (engine/stack-aspects.ts), never another copy's Aspects.of", () => {
    const lib = ["guard", "genesys-pack", "constructs", "engine", "app"].flatMap((d) => sources(path.join(ROOT, d)));
    const offenders = lib.filter((f) => !f.endsWith(path.join("engine", "stack-aspects.ts")) && /\bAspects\.of\(/.test(fs.readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
    expect(fs.readFileSync(path.join(ROOT, "engine", "stack-aspects.ts"), "utf8")).toMatch(/\bAspects\b/);
  });

  test("only the engine modules name an engine's own features: the rest of the library builds for cdktf and cdktn alike", () => {
    const lib = ["guard", "genesys-pack", "constructs", "app"].flatMap((d) => sources(path.join(ROOT, d)));
    const offenders = lib.filter((f) => /from "cdktn"|TerraformEphemeralResource/.test(fs.readFileSync(f, "utf8")));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
