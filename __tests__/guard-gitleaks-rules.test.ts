/**
 * Rules in the gitleaks format (`--detectors FILE.toml`): a team's own rules, written here in gitleaks' TOML, find
 * their secrets in a real Terraform state and pass over the look-alikes; RE2 is translated to JavaScript where it
 * safely can be; and every file the guard cannot use is one line naming the file and the rule, exit 2.
 * Samples are synthetic (fake()), assembled at run time; assertions report pointers and lengths, never a value.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import { ALNUM, fake, HEX } from "../guard/detectors/families/sample-values";
import { DetectorFileError, loadDetectorFile } from "../guard/detectors/load-detectors";
import { translateRe2 } from "../guard/detectors/re2-pattern";
import { runCli } from "./support/audit-cli";
import { expectNoLeaks } from "./support/leak-check";
import { itWithTerraform, tempDirsRemovedAfterAll, terraformOk } from "./support/terraform-runner";

const tempDir = tempDirsRemovedAfterAll();
const itTf = itWithTerraform();

/** A gitleaks.toml as a team keeps one: three rules of their own services, allowlists at both levels. */
const RULES = String.raw`
title = "acme platform secrets"

[extend]
useDefault = true

[allowlist]
description = "documentation placeholders, everywhere"
stopwords = ["example"]

[[rules]]
id = "acme-deploy-token"
description = "Acme deploy token"
regex = '''\b(acmd_[[:alnum:]]{32})(?:['"\s;]|\z)'''
keywords = ["acmd_"]
tags = ["acme", "deploy"]

[[rules]]
id = "orbit-api-key"
description = "Orbit API key next to an orbit setting"
regex = '''(?i)orbit[\w.-]{0,20}[\s'"]{0,3}[=:][\s'"]{0,5}([a-f0-9]{40})\b'''
secretGroup = 1
entropy = 3.0
keywords = ["orbit"]
  [[rules.allowlists]]
  description = "the sandbox's key is public"
  regexTarget = "match"
  regexes = ['''(?i)orbit_sandbox''']

[[rules]]
id = "nimbus-webhook"
description = "Nimbus incoming webhook signature"
regex = '''https://hooks\.nimbus\.example/in/[[:alnum:]]{8}/(?P<sig>[[:alnum:]]{24})'''
keywords = ["hooks.nimbus"]
  [rules.allowlist]
  paths = ['''fixtures/''']
  stopwords = ["0000"]
`;

const hook = (a: string, b: string) => "https://hooks.nimbus.example/in/" + a + "/" + b;

/** Values that must be found, by the rule that must find them. */
const TRUE: Record<string, { rule: string; value: string }> = {
  acme_alone: { rule: "acme-deploy-token", value: "acmd_" + fake(ALNUM, 32, 101) },
  acme_in_command: { rule: "acme-deploy-token", value: "run deploy --token 'acmd_" + fake(ALNUM, 32, 103) + "' --wait" },
  acme_in_script: { rule: "acme-deploy-token", value: '#!/bin/sh\nexport ACME="acmd_' + fake(ALNUM, 32, 104) + '"\n' },
  orbit_setting: { rule: "orbit-api-key", value: "orbit.api_key = " + fake(HEX, 40, 201) },
  orbit_upper: { rule: "orbit-api-key", value: "ORBIT_TOKEN: '" + fake(HEX, 40, 202) + "'" },
  orbit_dash: { rule: "orbit-api-key", value: "Orbit-Key=" + fake(HEX, 40, 203) },
  hook_alone: { rule: "nimbus-webhook", value: hook(fake(ALNUM, 8, 301), fake(ALNUM, 24, 302)) },
  hook_in_text: { rule: "nimbus-webhook", value: "notify via " + hook(fake(ALNUM, 8, 303), fake(ALNUM, 24, 304)) + " on failure" },
  hook_with_query: { rule: "nimbus-webhook", value: hook(fake(ALNUM, 8, 305), fake(ALNUM, 24, 306)) + "?retry=2" },
};

/** Look-alikes no rule may report. */
const FALSE: Record<string, string> = {
  acme_short: "acmd_" + fake(ALNUM, 31, 111),
  acme_long: "acmd_" + fake(ALNUM, 36, 112),
  acme_upper_prefix: "ACMD_" + fake(ALNUM, 32, 113),
  acme_placeholder: "acmd_example" + fake(ALNUM, 25, 114), // the file's stopword
  orbit_low_entropy: "orbit.api_key = " + "ab".repeat(20), // 1 bit per character, under the rule's 3.0
  orbit_sandbox: "orbit_sandbox_key = " + fake(HEX, 40, 211), // the rule's allowlist, on the whole match
  orbit_39: "orbit.key = " + fake(HEX, 39, 212) + " ",
  hook_zeros: hook(fake(ALNUM, 8, 311), "0000" + fake(ALNUM, 20, 312)), // the rule's stopword
  hook_short: hook(fake(ALNUM, 8, 313), fake(ALNUM, 23, 314)),
  hook_other_host: "https://hooks.nimbuz.example/in/" + fake(ALNUM, 8, 315) + "/" + fake(ALNUM, 24, 316),
};

function write(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

/** The single stderr line of a refused run, checked for shape: exit 2, one line, no stack trace. */
function refusal(args: string[]): string {
  const r = runCli(["audit", ...args]);
  expect(r.code).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return lines[0];
}

describe("gitleaks rules on a real Terraform state", () => {
  itTf("find every true sample under its own rule and none of the look-alikes", async () => {
    const dir = tempDir("sg-gitleaks-");
    const names = [...Object.keys(TRUE), ...Object.keys(FALSE)];
    // Plain (unmarked) variables in terraform_data's input: the classic place a token sits in clear.
    const tf = [
      ...names.map((n) => `variable "${n}" {\n  type = string\n}`),
      `resource "terraform_data" "app" {\n  input = {\n${names.map((n) => `    ${n} = var.${n}`).join("\n")}\n  }\n}`,
    ].join("\n");
    write(dir, "main.tf", tf);
    const env: Record<string, string> = {};
    for (const [n, t] of Object.entries(TRUE)) env[`TF_VAR_${n}`] = t.value;
    for (const [n, v] of Object.entries(FALSE)) env[`TF_VAR_${n}`] = v;
    await terraformOk(dir, ["init", "-input=false", "-no-color"]);
    await terraformOk(dir, ["apply", "-auto-approve", "-input=false", "-no-color"], env);
    const rules = write(dir, "gitleaks.toml", RULES);

    const r = runCli(["audit", "-f", "json", "--detectors", rules, path.join(dir, "terraform.tfstate")]);
    expectNoLeaks([...Object.values(TRUE).map((t) => t.value), ...Object.values(FALSE)], [["stdout", r.stdout], ["stderr", r.stderr]]);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout).findings as Array<{ ruleId: string; pointer: string }>).filter((f) => f.pointer.includes("/input/"));
    const byName = new Map(findings.map((f) => [f.pointer.split("/").pop()!, f.ruleId]));
    const missed = Object.entries(TRUE).filter(([n, t]) => byName.get(n) !== t.rule).map(([n, t]) => `${n}: expected ${t.rule}, got ${byName.get(n) ?? "nothing"}`);
    expect(missed).toEqual([]);
    const falseHits = Object.keys(FALSE).filter((n) => byName.has(n)).map((n) => `${n}: ${byName.get(n)}`);
    expect(falseHits).toEqual([]);
  });
});

describe("gitleaks rules as detectors", () => {
  it("keep the shipped catalogue and add one detector per rule", () => {
    const dir = tempDir("sg-gitleaks-");
    const extra = loadDetectorFile(write(dir, "gitleaks.toml", RULES));
    expect(extra.map((d) => d.id)).toEqual(["acme-deploy-token", "orbit-api-key", "nimbus-webhook"]);
    const catalogue = DetectorCatalogue.shipped().withDetectors(extra);
    // The secret is the rule's group (named or numbered), not the whole match.
    const hit = catalogue.detect("note", TRUE.hook_in_text.value);
    expect(hit?.detector.id).toBe("nimbus-webhook");
    expect(hit?.secret.length).toBe(24);
    expect(catalogue.detect("note", TRUE.orbit_setting.value)?.secret.length).toBe(40);
  });

  it("read a gitleaks file under another name only as JSON, saying how to have it read as TOML", () => {
    const dir = tempDir("sg-gitleaks-");
    expect(() => loadDetectorFile(write(dir, "gitleaks.rules", RULES))).toThrow(/not JSON; a gitleaks TOML file is read as one when its name ends in \.toml/);
  });
});

describe("RE2 to JavaScript", () => {
  const cases: Array<[string, string, string[], string[]]> = [
    ["(?i) spells letters in both cases", "(?i)tok_[a-c]{2}", ["TOK_Ab", "tok_cc"], ["tok_dd", "tak_ab"]],
    ["(?i:...) applies to its group only", "(?i:key)_[A-Z]{2}", ["KEY_AB", "key_AB"], ["key_ab"]],
    ["(?-i:...) turns it off inside (?i)", "(?i)a(?-i:B)c", ["aBc", "ABC"], ["abc"]],
    ["POSIX classes", "^[[:xdigit:]]{4}[[:punct:]]$", ["a0F9!", "0000~"], ["g000!", "0000a"]],
    ["\\z is the end of the text", "end\\z", ["the end"], ["the end\n", "endless"]],
    ["\\A is the start of the text", "\\Astart", ["start here"], ["a start"]],
    ["(?P<name>...) is a named group", "(?P<tok>x{2})y", ["xxy"], ["xy"]],
    [". does not match \\n only, as in RE2", "a.b", ["a\rb", "a b"], ["a\nb"]],
    ["(?s) makes . match \\n", "(?s)a.b", ["a\nb"], ["ab"]],
    ["(?m) makes ^ and $ line anchors", "(?m)^k=v$", ["x\nk=v\ny"], ["x k=v"]],
    ["\\s is RE2's five spaces", "a\\sb", ["a\tb", "a b"], ["a\u00a0b", "a\u000bb"]],
    ["octal and hex escapes", "\\101\\x{42}\\x43", ["ABC"], ["abc"]],
    ["\\Q...\\E quotes", "\\Qa.b\\E", ["a.b"], ["axb"]],
    ["a ] first in a class is literal", "[]a]{2}", ["]a", "a]"], ["bb"]],
    // Unbounded repeats are read as at most 256, so the gate can judge them: a token is shorter than that.
    ["+ and * repeat, bounded", "^acmd_[a-z]+-[0-9]*$", ["acmd_" + "q".repeat(256) + "-", "acmd_ab-12"], ["acmd_-1", "acmd_" + "q".repeat(257) + "-"]],
    ["{n,} repeats at least n times, bounded", "^k{3,}$", ["kkk", "k".repeat(256)], ["kk", "k".repeat(257)]],
  ];
  it.each(cases)("%s", (_name, re2, yes, no) => {
    const t = translateRe2(re2);
    if (t.problem !== undefined) throw new Error(`refused: ${t.problem}`);
    const re = new RegExp(t.pattern);
    expect(yes.filter((s) => !re.test(s))).toEqual([]);
    expect(no.filter((s) => re.test(s))).toEqual([]);
  });

  const refused: Array<[string, string, RegExp]> = [
    ["Unicode classes", "\\p{Greek}{3}", /Unicode class/],
    ["the ungreedy flag", "(?U)a{1,3}", /ungreedy/],
    ["lookarounds (not RE2)", "a(?=b)", /lookaround/],
    ["backreferences (not RE2)", "(a)\\1", /backreference/],
    ["negated POSIX classes", "[[:^alpha:]]", /negated POSIX/],
    ["\\C", "a\\Cb", /any byte/],
    ["repeats past RE2's limit", "a{1,1001}", /1000/],
  ];
  it.each(refused)("refuses %s", (_name, re2, why) => {
    const t = translateRe2(re2);
    expect(t.problem).toMatch(why);
  });
});

describe("a gitleaks file the guard cannot use is one line, exit 2", () => {
  const rule = (fields: string) => `[[rules]]\nid = "acme-deploy-token"\nkeywords = ["acmd_"]\n${fields}\n`;
  // A marker inside each rejected regex: the error must not repeat the file's text.
  const MARK = "zq" + "9mark";
  const bad: Array<[string, string, RegExp]> = [
    ["bad TOML", `title = "x"\n\n[[rules]\nid = "a"\n`, /gitleaks\.toml:3:\d+: not valid TOML/],
    ["no regex", rule(""), /rule acme-deploy-token: regex: a non-empty string is required/],
    ["a path that is not a string", rule(`regex = '''acmd_[a-z]{8}'''\npath = 3`), /rule acme-deploy-token: path: a string is required/],
    ["an id that is not plain text", `[[rules]]\nid = "${MARK} x"\nregex = '''a{2}'''\n`, /rules\[0\]: id: letters, digits/],
    ["a reserved id", `[[rules]]\nid = "SG101"\nregex = '''a{2}'''\n`, /rule SG101: id: ids starting with SG are reserved/],
    ["a duplicate id", rule(`regex = '''acmd_[a-z]{8}'''`) + rule(`regex = '''acmd_[a-z]{9}'''`), /rule acme-deploy-token: the id is used by an earlier rule/],
    ["an unknown field", rule(`regex = '''acmd_[a-z]{8}'''\nseverity = "high"`), /rule acme-deploy-token: unknown field severity; allowed: id, description/],
    ["a secretGroup past the groups", rule(`regex = '''acmd_([a-z]{8})'''\nsecretGroup = 2`), /rule acme-deploy-token: secretGroup: an integer from 0 to 1/],
    ["extending another file", `[extend]\npath = "base.toml"\n`, /extend: path: extending another file is not supported/],
    ["disabling shipped rules", `[extend]\nuseDefault = true\ndisabledRules = ["generic-api-key"]\n`, /extend: disabledRules: the shipped detectors cannot be turned off/],
    ["a bad condition", rule(`regex = '''acmd_[a-z]{8}'''\n[[rules.allowlists]]\ncondition = "XOR"\nstopwords = ["x"]`), /rule acme-deploy-token: allowlists\[0\]: condition: OR or AND/],
  ];
  it.each(bad)("%s", (_name, text, message) => {
    const dir = tempDir("sg-gitleaks-");
    const rules = write(dir, "gitleaks.toml", text);
    const state = write(dir, "terraform.tfstate", JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 1, lineage: "l", outputs: {}, resources: [] }));
    const line = refusal(["--detectors", rules, state]);
    expect(line).toMatch(message);
    expect(line).toContain(rules);
    expect(line).not.toContain(MARK);
    // The library gives the same line as a DetectorFileError.
    expect(() => loadDetectorFile(rules)).toThrow(DetectorFileError);
  });
});

describe("a gitleaks rule the guard cannot run is named on one warning line and left out; the rest applies", () => {
  const MARK = "zq" + "9mark";
  const unusable = (id: string, fields: string) => `[[rules]]\nid = "${id}"\nkeywords = ["acmd_"]\n${fields}\n`;
  // Each entry: the rule the guard cannot run, and what its warning line says.
  const cases: Array<[string, string, RegExp]> = [
    ["nested-repeats", unusable("nested-repeats", `regex = '''${MARK}(?:acmd_[a-z]{1,8}){1,50}'''`), /rule nested-repeats: not used: regex: refused by the linear-time gate: nested quantifier/],
    ["backtracking", unusable("backtracking", `regex = '''${MARK}[a-z]{0,900}[a-z0-9]{0,900}[a-z]{0,900}!'''`), /rule backtracking: not used: regex: refused by the linear-time gate: may backtrack too much/],
    ["not-compiling", unusable("not-compiling", `regex = '''${MARK}(acmd_'''`), /rule not-compiling: not used: regex: cannot be translated from Go's RE2: it has an unbalanced '\('/],
    ["unicode-class", unusable("unicode-class", `regex = '''${MARK}\\p{Greek}{8}'''`), /rule unicode-class: not used: regex: cannot be translated from Go's RE2: it uses a Unicode class/],
    ["by-path", unusable("by-path", `regex = '''acmd_[a-z]{8}'''\npath = '''${MARK}\\.env$'''`), /rule by-path: not used: path: the rule selects files by their path/],
    ["path-only", `[[rules]]\nid = "path-only"\npath = '''${MARK}\\.p12$'''\n`, /rule path-only: not used: path: the rule selects files by their path/],
  ];

  itTf("audits with the rules it can run, names each other one once, and never echoes the file", async () => {
    const dir = tempDir("sg-gitleaks-");
    // The team's usable rules (one allowlist regex among them the gate refuses), then the unusable rules.
    const refusedAllowlistRegex = `  regexes = ['''${MARK}(?:a{1,9}){1,9}''', '''(?i)orbit_sandbox''']`;
    const text = RULES.replace(`  regexes = ['''(?i)orbit_sandbox''']`, refusedAllowlistRegex) + cases.map(([, t]) => t).join("\n");
    expect(text).toContain(refusedAllowlistRegex);
    const rules = write(dir, "gitleaks.toml", text);
    write(dir, "main.tf", `variable "token" {\n  type = string\n}\nvariable "sandbox" {\n  type = string\n}\nresource "terraform_data" "app" {\n  input = { token = var.token, sandbox = var.sandbox }\n}\n`);
    const token = TRUE.acme_alone.value;
    await terraformOk(dir, ["init", "-input=false", "-no-color"]);
    await terraformOk(dir, ["apply", "-auto-approve", "-input=false", "-no-color"], { TF_VAR_token: token, TF_VAR_sandbox: FALSE.orbit_sandbox });

    const r = runCli(["audit", "-f", "json", "--detectors", rules, path.join(dir, "terraform.tfstate")]);
    expectNoLeaks([token, FALSE.orbit_sandbox], [["stdout", r.stdout], ["stderr", r.stderr]]);
    expect(r.code).toBe(1);
    const byName = new Map((JSON.parse(r.stdout).findings as Array<{ ruleId: string; pointer: string }>).map((f) => [f.pointer.split("/").pop()!, f.ruleId]));
    expect(byName.get("token")).toBe("acme-deploy-token");
    // The allowlist regex that can run still dismisses the sandbox key.
    expect(byName.get("sandbox")).toBeUndefined();
    expect(r.stderr).not.toContain(MARK);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const lines = r.stderr.trimEnd().split("\n");
    for (const [name, , line] of cases) {
      const said = lines.filter((l) => line.test(l));
      expect([name, said.length]).toEqual([name, 1]);
      expect(said[0].startsWith(`secret-guard: warning: ${rules}: `)).toBe(true);
    }
    const allowlistLine = /rule orbit-api-key: allowlists\[0\]: not used: regexes\[0\]: refused by the linear-time gate: nested quantifier.*the allowlist dismisses less without it$/;
    expect(lines.filter((l) => allowlistLine.test(l))).toHaveLength(1);
    expect(lines).toHaveLength(cases.length + 1);
  });

  it("the library refuses such a rule unless asked to name it and go on", () => {
    const dir = tempDir("sg-gitleaks-");
    for (const [name, text, line] of cases) {
      const rules = write(dir, `${name}.toml`, text);
      expect(() => loadDetectorFile(rules)).toThrow(DetectorFileError);
      const seen: string[] = [];
      expect(loadDetectorFile(rules, (l) => seen.push(l))).toEqual([]);
      expect([name, seen.length]).toEqual([name, 1]);
      expect(seen[0]).toMatch(line);
      expect(seen[0]).not.toContain(MARK);
    }
  });
});

describe("rules written the way gitleaks writes them pass the gate", () => {
  // gitleaks' semi-generic shape (a vendor word, a short gap, an operator, quotes, the token), a fixed-count
  // group in a webhook's ids, and a global allowlist of repeated characters: linear in practice, all loaded.
  const SHAPES = String.raw`
[allowlist]
regexes = ['''^(?i:a+|b+|c+|d+|e+|f+|x+|\*+|\.+)$''']

[[rules]]
id = "acme-keyed"
regex = '''(?i)[\w.-]{0,50}?(?:acme|acmecorp)(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}([a-z0-9]{32})(?:[\x60'"\s;]|\\[nr]|$)'''
keywords = ["acme"]

[[rules]]
id = "acme-hook"
regex = '''https://hooks\.acme\.example/[a-z0-9]{8}-([a-z0-9]{4}-){3}[a-z0-9]{12}/[a-z0-9]{32}'''
keywords = ["hooks.acme"]
`;
  it("loads them, and they find what they describe", () => {
    const dir = tempDir("sg-gitleaks-");
    const seen: string[] = [];
    const extra = loadDetectorFile(write(dir, "gitleaks.toml", SHAPES), (l) => seen.push(l));
    expect(seen).toEqual([]);
    expect(extra.map((d) => d.id)).toEqual(["acme-keyed", "acme-hook"]);
    const catalogue = DetectorCatalogue.empty().withDetectors(extra);
    const key = fake(HEX, 32, 401);
    expect(catalogue.detect("note", `ACME_API_KEY = "${key}"`)?.detector.id).toBe("acme-keyed");
    expect(catalogue.detect("note", `acme_api_key: ${key.slice(0, 31)}`)).toBeUndefined();
    const id = [8, 4, 4, 4, 12].map((n, k) => fake(HEX, n, 410 + k)).join("-");
    expect(catalogue.detect("note", `https://hooks.acme.example/${id}/${fake(HEX, 32, 420)}`)?.detector.id).toBe("acme-hook");
    // The global allowlist (repeated characters) dismisses a placeholder of the keyed rule.
    expect(catalogue.detect("note", `acme_key = "${"a".repeat(32)}"`)).toBeUndefined();
  });

  it("a keyword in any case lets a rule run; a value without one never runs it", () => {
    const dir = tempDir("sg-gitleaks-");
    const catalogue = DetectorCatalogue.empty().withDetectors(loadDetectorFile(write(dir, "gitleaks.toml", SHAPES)));
    const key = fake(HEX, 32, 430);
    for (const name of ["acme_key", "ACME_KEY", "AcMe_Key"]) expect([name, catalogue.detect("note", `${name}=${key}`)?.detector.id]).toEqual([name, "acme-keyed"]);
    // The same line under a name without the keyword: the rule's regex would match ("acme" is in the value), but
    // its keyword must be in the value, and here it is not.
    expect(catalogue.detect("note", `other_key=${key}`)).toBeUndefined();
  });
});
