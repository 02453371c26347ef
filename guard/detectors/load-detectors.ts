/**
 * A user's `--detectors FILE`: `{ "detectors": [ ... ] }` in the same record shape as the shipped catalogue, or
 * a gitleaks configuration when the file's name ends in .toml (gitleaks-rules.ts).
 * Every field is validated with a one-line error naming the file, the field and what is allowed; patterns must
 * pass the same linear-time gate as shipped ones; and each JSON detector must prove itself on its own samples
 * (gitleaks rules carry none).
 */
import { readFileSync, statSync } from "node:fs";
import { DetectorCatalogue } from "./catalogue";
import { CHECK_NAMES } from "./checks";
import type { Detector, DetectorSample, KeyGate } from "./detector";
import { DetectorFileError } from "./detector-file-error";
import { gitleaksDetectors } from "./gitleaks-rules";
import { linearPatternProblem } from "./linear-pattern";
import { parseTomlText } from "./toml-file";
import { isJsonObject } from "../json-object";

export { DetectorFileError };

/** A rules file is a short hand-written list; anything bigger is not one. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

const USER_ID = /^[A-Z][A-Z0-9_-]{1,31}$/;
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+){0,15}$/;
const FLAGS = /^[imsu]{0,4}$/;
const SEVERITIES = ["error", "warning", "info"];
const FIELDS = new Set([
  "id", "name", "title", "severity", "explanation", "fix", "keywords", "pattern", "flags", "secretGroup", "keys",
  "minLength", "maxLength", "entropy", "allow", "check", "samples",
]);

/**
 * The detectors of a `--detectors` file. For a gitleaks file, `notUsed` (when given) gets one line for each rule
 * the guard cannot run, which is then left out; without it such a rule is an error (gitleaks-rules.ts).
 */
export function loadDetectorFile(path: string, notUsed?: (line: string) => void): Detector[] {
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) throw new DetectorFileError(`${path}: larger than ${MAX_FILE_BYTES / 1048576} MiB; not a detectors file`);
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof DetectorFileError) throw e;
    throw new DetectorFileError(`${path}: cannot read the detectors file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (/\.toml$/i.test(path)) {
    const toml = parseTomlText(text, path, (message) => {
      throw new DetectorFileError(message);
    });
    return gitleaksDetectors(toml, path, notUsed);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    // A gitleaks file under another name: say how to have it read as one.
    if (/^\s*\[\[?(?:rules|allowlists?|extend)\]/m.test(text)) throw new DetectorFileError(`${path}: not JSON; a gitleaks TOML file is read as one when its name ends in .toml`);
    throw new DetectorFileError(`${path}: not valid JSON${whereJsonFailed(text, (e as Error).message)}; a {"detectors": [...]} document is expected`);
  }
  return parseDetectorDocument(doc, path);
}

/** Validates an already parsed document; `source` names it in errors. */
export function parseDetectorDocument(doc: unknown, source: string): Detector[] {
  const fail = (field: string, what: string): never => {
    throw new DetectorFileError(`${source}: ${field}: ${what}`);
  };
  if (!isJsonObject(doc) || !Array.isArray(doc.detectors)) fail("detectors", 'expected { "detectors": [ ... ] }');
  const list = (doc as { detectors: unknown[] }).detectors;
  const detectors = list.map((raw, i) => parseDetector(raw, `detectors[${i}]`, fail));
  const seen = new Set<string>();
  detectors.forEach((d, i) => {
    if (seen.has(d.id)) fail(`detectors[${i}].id`, `duplicate id ${d.id}`);
    seen.add(d.id);
  });
  detectors.forEach((d, i) => proveSamples(d, `detectors[${i}]`, fail));
  return detectors;
}

type Fail = (field: string, what: string) => never;

function parseDetector(raw: unknown, at: string, fail: Fail): Detector {
  if (!isJsonObject(raw)) return fail(at, "expected an object");
  // A field name is echoed only when it reads as one (letters, camelCase): the file's other text never is.
  for (const k of Object.keys(raw)) if (!FIELDS.has(k)) fail(/^[a-z][A-Za-z]{0,30}$/.test(k) ? `${at}.${k}` : at, `unknown field; allowed: ${[...FIELDS].join(", ")}`);
  const str = (k: string, re?: RegExp, what?: string): string => {
    const v = raw[k];
    if (typeof v !== "string" || v.length === 0) return fail(`${at}.${k}`, "a non-empty string is required");
    if (re && !re.test(v)) fail(`${at}.${k}`, what ?? `must match ${re.source}`);
    return v;
  };
  const optNum = (k: string, min: number, max: number): number | undefined => {
    const v = raw[k];
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) fail(`${at}.${k}`, `a number from ${min} to ${max} is required`);
    return v as number;
  };
  const id = str("id");
  if (id.startsWith("SG")) fail(`${at}.id`, "ids starting with SG are reserved for shipped detectors");
  if (!USER_ID.test(id)) fail(`${at}.id`, `must match ${USER_ID.source} (upper case letters, digits, _ and -)`);
  const flags = raw.flags === undefined ? undefined : str("flags", FLAGS, "only the flags i, m, s and u are allowed");
  const pattern = str("pattern");
  const problem = linearPatternProblem(pattern, flags ?? "");
  if (problem) fail(`${at}.pattern`, `refused: ${problem}`);
  const keywords = stringList(raw.keywords, `${at}.keywords`, fail);
  const keys = parseKeys(raw.keys, `${at}.keys`, fail);
  if (keywords.length === 0 && keys === undefined) fail(`${at}.keywords`, "give at least one keyword, or a keys gate for a whole-value pattern");
  const allow = raw.allow === undefined ? undefined : stringList(raw.allow, `${at}.allow`, fail);
  allow?.forEach((a, j) => {
    const p = linearPatternProblem(a, flags ?? "");
    if (p) fail(`${at}.allow[${j}]`, `refused: ${p}`);
  });
  const check = raw.check;
  if (check !== undefined && !CHECK_NAMES.includes(check as never)) fail(`${at}.check`, `one of ${CHECK_NAMES.join(", ")}`);
  const secretGroup = optNum("secretGroup", 0, 9);
  if (secretGroup !== undefined && (!Number.isInteger(secretGroup) || secretGroup > captureGroups(pattern, flags))) {
    fail(`${at}.secretGroup`, `an integer naming one of the pattern's ${captureGroups(pattern, flags)} capture groups (0: whole match)`);
  }
  const detector: Detector = {
    id,
    name: str("name", NAME, "a kebab-case slug (a-z, 0-9, -)"),
    title: str("title"),
    severity: str("severity", new RegExp(`^(?:${SEVERITIES.join("|")})$`), `one of ${SEVERITIES.join(", ")}`) as Detector["severity"],
    explanation: str("explanation"),
    fix: str("fix"),
    keywords,
    pattern,
    flags,
    secretGroup,
    keys,
    minLength: optNum("minLength", 1, 1 << 20),
    maxLength: optNum("maxLength", 1, 1 << 20),
    entropy: optNum("entropy", 0, 8),
    allow,
    check: check as Detector["check"],
    samples: parseSamples(raw.samples, `${at}.samples`, fail),
  };
  return detector;
}

function parseKeys(v: unknown, at: string, fail: Fail): KeyGate | undefined {
  if (v === undefined || v === "secret-key") return v;
  if (!isJsonObject(v)) return fail(at, '"secret-key" or { "include": regex, "exclude": regex } is required');
  const gate: { include?: string; exclude?: string } = {};
  for (const k of Object.keys(v)) {
    const re = v[k];
    if (k !== "include" && k !== "exclude") fail(`${at}.${k}`, "only include and exclude are allowed");
    if (typeof re !== "string") return fail(`${at}.${k}`, "a regex source string is required");
    const p = linearPatternProblem(re);
    if (p) fail(`${at}.${k}`, `refused: ${p}`);
    gate[k as "include" | "exclude"] = re;
  }
  return gate;
}

function parseSamples(v: unknown, at: string, fail: Fail): Detector["samples"] {
  if (!isJsonObject(v)) return fail(at, 'expected { "positive": [...], "negative": [...] } with at least one positive sample');
  const list = (k: string): DetectorSample[] => {
    const arr = v[k] ?? [];
    if (!Array.isArray(arr)) return fail(`${at}.${k}`, "an array of { key?, value } is required");
    return arr.map((s, j) => {
      if (!isJsonObject(s) || typeof s.value !== "string" || (s.key !== undefined && typeof s.key !== "string")) {
        return fail(`${at}.${k}[${j}]`, 'an object { "key"?: string, "value": string } is required');
      }
      return { key: s.key as string | undefined, value: s.value };
    });
  };
  const positive = list("positive");
  if (positive.length === 0) fail(`${at}.positive`, "at least one positive sample is required");
  return { positive, negative: list("negative") };
}

/** The detector alone must report every positive sample and none of the negative ones. */
function proveSamples(d: Detector, at: string, fail: Fail): void {
  const alone = DetectorCatalogue.empty().withDetectors([d]);
  d.samples.positive.forEach((s, j) => {
    if (!alone.detect(s.key ?? "", s.value)) fail(`${at}.samples.positive[${j}]`, `detector ${d.id} does not report this sample`);
  });
  d.samples.negative.forEach((s, j) => {
    if (alone.detect(s.key ?? "", s.value)) fail(`${at}.samples.negative[${j}]`, `detector ${d.id} reports this sample`);
  });
}

function captureGroups(pattern: string, flags?: string): number {
  return (new RegExp(`${pattern}|`, flags).exec("") ?? []).length - 1;
}


function stringList(v: unknown, at: string, fail: Fail): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return fail(at, "an array of strings is required");
  return v.map((s, j) => {
    if (typeof s !== "string" || s.length < 2 || s.length > 256) return fail(`${at}[${j}]`, "a string of 2 to 256 characters is required");
    return s;
  });
}

/**
 * Where JSON.parse stopped, as " at line L, column C", from the offset V8 names; never V8's message itself, which
 * quotes the file's text (and a detectors file may hold a sample secret).
 */
function whereJsonFailed(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return /Unexpected end of JSON input/.test(message) ? " (it ends too early)" : "";
  const at = Math.min(Number(m[1]), text.length);
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return ` at line ${line}, column ${at - before.lastIndexOf("\n")}`;
}
