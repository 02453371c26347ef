/**
 * A gitleaks configuration (TOML: `[[rules]]`, allowlists, `[extend]`) as detectors, so a team reuses the rules
 * it already keeps. Each rule becomes a Detector that searches as gitleaks does (gitleaks-search.ts); its regex
 * and its allowlists' regexes are translated from Go's RE2 (re2-pattern.ts) and must pass the same linear-time
 * gate as every other pattern. What a state or plan cannot honour is decided here:
 * - a rule's `path` selects files by name; a state has no source tree, so such a rule is refused (it would
 *   otherwise fire on every file);
 * - allowlist `paths` and `commits` can never match a value in a state: dropped from an OR allowlist, and an
 *   AND allowlist that needs them never dismisses (both only ever report more, never less);
 * - `[extend] useDefault` is what the guard always does (the shipped detectors run whatever the file says);
 *   `[extend] path` and `disabledRules` are refused: give the other file its own --detectors, and suppress
 *   shipped detectors' findings with the ignore file;
 * - the file's `[allowlist]` / `[[allowlists]]` apply to the file's rules (the shipped detectors keep theirs);
 * - `tags` are kept in the explanation; composite rules (`[[rules.required]]`) are refused.
 * Every problem is one line naming the file, the rule (its id when it is a plain one, else its index) and why;
 * no text of the file beyond the id is repeated.
 *
 * A gitleaks file is written for gitleaks, so some of its rules may be ones the guard cannot run: a regex the
 * linear-time gate refuses or JavaScript cannot express, a rule that selects files by path. Given `notUsed`, each
 * such rule is left out and named in one line (and such an allowlist regex is dropped: its allowlist dismisses
 * less, so the guard reports more, never less), and the rest of the file applies; without it, the first one is an
 * error, as any other problem of the file is.
 */
import { DetectorFileError } from "./detector-file-error";
import type { Detector } from "./detector";
import type { GitleaksAllowlist } from "./gitleaks-search";
import { linearPatternProblem } from "./linear-pattern";
import { translateRe2 } from "./re2-pattern";

const TOP_FIELDS = new Set(["title", "description", "minVersion", "extend", "rules", "allowlist", "allowlists"]);
const RULE_FIELDS = new Set(["id", "description", "regex", "secretGroup", "entropy", "keywords", "path", "tags", "allowlist", "allowlists"]);
const ALLOWLIST_FIELDS = new Set(["description", "condition", "commits", "paths", "regexTarget", "regexes", "stopwords"]);
const EXTEND_FIELDS = new Set(["useDefault", "path", "disabledRules"]);
/** Rule ids printed as they are; anything else is named by its index. */
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const FIX = "Rotate the secret, then keep it out of Terraform: pass it as a sensitive or write-only value, or read it from a secret store at apply time.";

type Fail = (where: string, why: string) => never;
/** A rule (or allowlist regex) the guard cannot run: said, and left out, or an error (see the file's comment). */
type Skip = (where: string, why: string) => void;

/** Thrown by `skip` to leave out the rule being read. */
class RuleNotUsed extends Error {}

/**
 * The detectors of a parsed gitleaks document; `file` names it in errors. With `notUsed`, a rule the guard cannot
 * run is left out and `notUsed` gets its one line (`FILE: rule ID: not used: why`); without it, that is an error.
 */
export function gitleaksDetectors(doc: Record<string, unknown>, file: string, notUsed?: (line: string) => void): Detector[] {
  const fail: Fail = (where, why) => {
    throw new DetectorFileError(`${file}: ${where}: ${why}`);
  };
  const skip: Skip = notUsed ? (where, why) => notUsed(`${file}: ${where}: not used: ${why}`) : fail;
  checkFields(doc, TOP_FIELDS, "", fail);
  if (doc.extend !== undefined) checkExtend(doc.extend, fail);
  const shared = allowlistsOf(doc, "", fail, notUsed ? skip : undefined);
  const rules = doc.rules ?? [];
  if (!Array.isArray(rules)) return fail("rules", "expected [[rules]] tables");
  const seen = new Set<string>();
  const out: Detector[] = [];
  rules.forEach((raw, i) => {
    // The rule's own lines first (so a skipped rule is named once); a rule left out still takes its id.
    let d: Detector | undefined;
    let id: string;
    try {
      const skipRule: Fail = (where, why) => {
        skip(where, why);
        throw new RuleNotUsed();
      };
      d = ruleDetector(raw, i, shared, file, fail, skipRule, notUsed ? skip : undefined);
      id = d.id;
    } catch (e) {
      if (!(e instanceof RuleNotUsed)) throw e;
      id = (raw as Record<string, unknown>).id as string;
    }
    if (seen.has(id)) fail(`rule ${id}`, "the id is used by an earlier rule of the file; ids must be unique");
    seen.add(id);
    if (d) out.push(d);
  });
  return out;
}

/** `skipRule` leaves the rule out (or fails); `skipRegex`, when given, drops an allowlist regex the guard cannot run. */
function ruleDetector(raw: unknown, index: number, shared: readonly GitleaksAllowlist[], file: string, fail: Fail, skipRule: Fail, skipRegex: Skip | undefined): Detector {
  if (!isTable(raw)) return fail(`rules[${index}]`, "expected a [[rules]] table");
  const plainId = typeof raw.id === "string" && PLAIN_ID.test(raw.id) ? raw.id : undefined;
  const at = plainId ? `rule ${plainId}` : `rules[${index}]`;
  if (typeof raw.id !== "string" || raw.id.length === 0) fail(at, "id: a non-empty string is required");
  if (!plainId) fail(at, "id: letters, digits, '.', '_' and '-' only (up to 64), starting with a letter or digit");
  const id = plainId!;
  if (id.startsWith("SG")) fail(at, "id: ids starting with SG are reserved for the shipped detectors");
  if (raw.required !== undefined || raw.skipReport !== undefined) fail(at, "composite rules ([[rules.required]], skipReport) are not supported");
  checkFields(raw, RULE_FIELDS, `${at}: `, fail);
  if (raw.path !== undefined && typeof raw.path !== "string") fail(at, "path: a string is required");
  if (raw.regex !== undefined && (typeof raw.regex !== "string" || raw.regex.length === 0)) fail(at, "regex: a non-empty string is required");
  if (raw.regex === undefined && raw.path === undefined) fail(at, "regex: a non-empty string is required");
  // Checked before the rule is left out, so a bad field is still an error.
  const description = optionalString(raw.description, `${at}: description`, fail);
  const tags = stringList(raw.tags, `${at}: tags`, fail);
  const keywords = stringList(raw.keywords, `${at}: keywords`, fail).map((k) => k.toLowerCase());
  if (keywords.some((k) => k.length === 0)) fail(at, "keywords: empty strings are not keywords");
  if (raw.path !== undefined) {
    skipRule(at, "path: the rule selects files by their path, and an audit reads Terraform JSON, not the files it was written for; remove path to apply its regex to states and plans");
  }
  const { pattern, groups } = gatedPattern(raw.regex as string, at, "regex", skipRule);
  let secretGroup: number | undefined;
  if (raw.secretGroup !== undefined) {
    const g = raw.secretGroup;
    if (typeof g !== "number" || !Number.isInteger(g) || g < 0 || g > groups) fail(at, `secretGroup: an integer from 0 to ${groups} (the regex's capture groups; 0: the first that matched)`);
    secretGroup = (g as number) || undefined;
  }
  let entropy = 0;
  if (raw.entropy !== undefined) {
    if (typeof raw.entropy !== "number" || !Number.isFinite(raw.entropy) || raw.entropy < 0 || raw.entropy > 8) fail(at, "entropy: a number from 0 to 8 (bits per character) is required");
    entropy = raw.entropy as number;
  }
  const allowlists = [...allowlistsOf(raw, `${at}: `, fail, skipRegex), ...shared];
  const about = description ?? "A secret matched by a gitleaks rule.";
  return {
    id,
    name: slug(id),
    title: `a secret of gitleaks rule ${id}`,
    severity: "error",
    explanation: `${about} (gitleaks rule ${id} from ${file}${tags.length ? `; tags: ${tags.join(", ")}` : ""})`,
    fix: FIX,
    keywords: [],
    pattern,
    secretGroup,
    samples: { positive: [], negative: [] },
    gitleaks: { keywords, allowlists, entropy },
  };
}

/**
 * The regex translated from RE2 and accepted by the linear-time gate; its text is never repeated in errors.
 * `at` names the rule or allowlist, `field` the regex within it.
 */
function gatedPattern(source: string, at: string, field: string, fail: Fail): { pattern: string; groups: number } {
  const t = translateRe2(source);
  if (t.problem !== undefined) return fail(at, `${field}: cannot be translated from Go's RE2: it ${t.problem}`);
  const problem = linearPatternProblem(t.pattern);
  if (problem) fail(at, `${field}: refused by the linear-time gate: ${problem.startsWith("does not compile") ? "it does not compile as a JavaScript regular expression" : problem}`);
  return t;
}

/** A table's `allowlist` (legacy, one table) and `allowlists` (an array of tables), those that can ever apply. */
function allowlistsOf(t: Record<string, unknown>, at: string, fail: Fail, skipRegex: Skip | undefined): GitleaksAllowlist[] {
  const out: GitleaksAllowlist[] = [];
  if (t.allowlist !== undefined) {
    if (!isTable(t.allowlist)) fail(`${at}allowlist`, "expected a table");
    const a = allowlist(t.allowlist as Record<string, unknown>, `${at}allowlist`, fail, skipRegex);
    if (a) out.push(a);
  }
  if (t.allowlists !== undefined) {
    if (!Array.isArray(t.allowlists)) fail(`${at}allowlists`, "expected [[allowlists]] tables");
    (t.allowlists as unknown[]).forEach((raw, j) => {
      if (!isTable(raw)) fail(`${at}allowlists[${j}]`, "expected a table");
      const a = allowlist(raw as Record<string, unknown>, `${at}allowlists[${j}]`, fail, skipRegex);
      if (a) out.push(a);
    });
  }
  return out;
}

function allowlist(raw: Record<string, unknown>, at: string, fail: Fail, skipRegex: Skip | undefined): GitleaksAllowlist | undefined {
  checkFields(raw, ALLOWLIST_FIELDS, `${at}: `, fail);
  optionalString(raw.description, `${at}: description`, fail);
  const condition = (optionalString(raw.condition, `${at}: condition`, fail) ?? "OR").toUpperCase();
  if (condition !== "OR" && condition !== "AND") fail(at, "condition: OR or AND");
  const regexTarget = optionalString(raw.regexTarget, `${at}: regexTarget`, fail) ?? "secret";
  if (regexTarget !== "secret" && regexTarget !== "match" && regexTarget !== "line") fail(at, "regexTarget: secret, match or line");
  const regexes: string[] = [];
  stringList(raw.regexes, `${at}: regexes`, fail).forEach((r, j) => {
    const field = `regexes[${j}]`;
    if (!skipRegex) {
      regexes.push(gatedPattern(r, at, field, fail).pattern);
      return;
    }
    // Dropped with its line: the allowlist then dismisses less, so more is reported, never less.
    const dropped: Fail = (w, why) => {
      skipRegex(w, `${why}; the allowlist dismisses less without it`);
      throw new RuleNotUsed();
    };
    try {
      regexes.push(gatedPattern(r, at, field, dropped).pattern);
    } catch (e) {
      if (!(e instanceof RuleNotUsed)) throw e;
    }
  });
  const stopwords = stringList(raw.stopwords, `${at}: stopwords`, fail).map((w) => w.toLowerCase());
  const elsewhere = stringList(raw.paths, `${at}: paths`, fail).length + stringList(raw.commits, `${at}: commits`, fail).length;
  // Paths and commits never match a value in a state or plan.
  if (condition === "AND" && elsewhere > 0) return undefined;
  if (regexes.length === 0 && stopwords.length === 0) return undefined;
  return { condition: condition as GitleaksAllowlist["condition"], regexTarget: regexTarget as GitleaksAllowlist["regexTarget"], regexes, stopwords };
}

function checkExtend(v: unknown, fail: Fail): void {
  if (!isTable(v)) return fail("extend", "expected an [extend] table");
  checkFields(v, EXTEND_FIELDS, "extend: ", fail);
  if (v.useDefault !== undefined && typeof v.useDefault !== "boolean") fail("extend", "useDefault: true or false");
  if (v.path !== undefined) fail("extend", "path: extending another file is not supported; give that file its own --detectors");
  if (v.disabledRules !== undefined && (!Array.isArray(v.disabledRules) || v.disabledRules.length > 0)) {
    fail("extend", "disabledRules: the shipped detectors cannot be turned off from a rules file; suppress their findings with the ignore file");
  }
}

/** Unknown fields are refused (a misspelt one would silently change nothing); a name that is not plain is not repeated. */
function checkFields(t: Record<string, unknown>, allowed: ReadonlySet<string>, at: string, fail: Fail): void {
  for (const k of Object.keys(t)) {
    if (allowed.has(k)) continue;
    const name = /^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(k) ? `unknown field ${k}` : "an unknown field";
    fail(`${at.replace(/: $/, "") || "(top level)"}`, `${name}; allowed: ${[...allowed].join(", ")}`);
  }
}

function optionalString(v: unknown, at: string, fail: Fail): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string") return fail(at, "a string is required");
  return v;
}

function stringList(v: unknown, at: string, fail: Fail): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== "string")) return fail(at, "an array of strings is required");
  return v as string[];
}

/** A rule id as a kebab-case slug (the detector's name). */
function slug(id: string): string {
  const parts = id.toLowerCase().split(/[^a-z0-9]+/).filter((p) => p.length > 0);
  return parts.slice(0, 16).join("-") || "gitleaks-rule";
}

function isTable(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);
}
