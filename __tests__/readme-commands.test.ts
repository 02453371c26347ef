// The README's command reference names every npm script and every secret-guard command, and every relative link in
// the README and docs/ leads to a file (and a heading) that exists: the first screen cannot drift from the project.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SECRET_GUARD_CLI } from "../genesys-pack/cli";

const ROOT = path.resolve(__dirname, "..");
const README = path.join(ROOT, "README.md");
const DOCS = path.join(ROOT, "docs");

/** The first cell of each table row in the README's "## Commands" section, without its backticks. */
function referenceCommands(readme: string): string[] {
  const start = readme.indexOf("\n## Commands\n");
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
}

/** How npm runs a script: `npm test` for test, `npm run NAME` for the others. */
function npmCommand(script: string): string {
  return script === "test" ? "npm test" : `npm run ${script}`;
}

/** Markdown files of the documentation: README.md and docs/*.md. */
function markdownFiles(): string[] {
  return [README, ...fs.readdirSync(DOCS).filter((f) => f.endsWith(".md")).map((f) => path.join(DOCS, f))];
}

/** Text outside fenced code blocks (a link-like text in a code sample is not a link). */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, "");
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsIn(file: string): Set<string> {
  const headings = [...prose(fs.readFileSync(file, "utf8")).matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]));
  return new Set(headings);
}

/** Relative links of a Markdown file: [text](target), targets that are not URLs. */
function relativeLinks(file: string): string[] {
  return [...prose(fs.readFileSync(file, "utf8")).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

test("the README's command reference lists every npm script of package.json, and only those", () => {
  // npm's lifecycle scripts (prepack builds dist/ for `npm pack`) are not commands anyone types.
  const LIFECYCLE = new Set(["prepare", "prepack", "postpack", "prepublishOnly", "preinstall", "install", "postinstall"]);
  const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts).filter((s) => !LIFECYCLE.has(s));
  const listed = referenceCommands(fs.readFileSync(README, "utf8")).filter((c) => /^npm (run |test$)/.test(c));
  expect(scripts.length).toBeGreaterThan(5);
  expect([...listed].sort()).toEqual(scripts.map(npmCommand).sort());
});

test("the README's command reference lists every secret-guard command of the CLI's command table", () => {
  const commands = Object.keys(SECRET_GUARD_CLI.commands);
  expect(commands).toContain("audit");
  const listed = referenceCommands(fs.readFileSync(README, "utf8"));
  const missing = commands.filter((c) => !listed.includes(`npx secret-guard ${c}`));
  expect(missing).toEqual([]);
});

test("every relative link in README.md and docs/*.md leads to an existing file, and its #heading exists", () => {
  const files = markdownFiles();
  expect(files.length).toBeGreaterThan(5);
  const broken: string[] = [];
  let checked = 0;
  for (const file of files) {
    for (const link of relativeLinks(file)) {
      checked++;
      const [target, anchor] = link.split("#");
      const resolved = target === "" ? file : path.resolve(path.dirname(file), decodeURIComponent(target));
      const where = `${path.relative(ROOT, file)}: ${link}`;
      if (!fs.existsSync(resolved)) broken.push(`${where} (no such file)`);
      else if (anchor !== undefined && resolved.endsWith(".md") && !anchorsIn(resolved).has(anchor)) broken.push(`${where} (no such heading)`);
    }
  }
  expect(checked).toBeGreaterThan(10);
  expect(broken).toEqual([]);
});

test("the README links every page of docs/, so none is unreachable from the first screen", () => {
  const linked = new Set(relativeLinks(README).map((l) => path.resolve(ROOT, l.split("#")[0])));
  const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith(".md"));
  expect(pages.filter((p) => !linked.has(path.join(DOCS, p)))).toEqual([]);
});

test("the link checks catch a broken link: a missing file, a missing heading, and one inside code is ignored", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "links-"));
  try {
    fs.writeFileSync(path.join(dir, "a.md"), "# Where `x` goes (y)\n\n[ok](#where-x-goes-y) [bad](missing.md)\n\n```\n[code](nope.md)\n```\n");
    expect(relativeLinks(path.join(dir, "a.md"))).toEqual(["#where-x-goes-y", "missing.md"]);
    expect(anchorsIn(path.join(dir, "a.md")).has("where-x-goes-y")).toBe(true);
    expect(anchorsIn(path.join(dir, "a.md")).has("where-x-goes")).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
