// Detection targets from REAL Terraform artefacts: every section of plan JSON, every shape of state Terraform
// writes, secrets inside identifiers (for_each keys, map keys) and propagation of a found value. Many of these
// fail against today's audit on purpose: they define what it must do. Planted values are random per run and
// never printed (failures name the place and a label, not the value).
import * as fs from "node:fs";
import { runCli } from "./support/audit-cli";
import { buildCorpus, Category, Corpus, Expectation, valueAt } from "./support/terraform-artefacts";
import { itWithTerraform } from "./support/terraform-runner";
import { findLeaks } from "./support/leak-check";

const itTf = itWithTerraform();
const FORMATS = ["text", "json", "sarif"] as const;
type Format = (typeof FORMATS)[number];

interface AuditRun {
  code: number;
  stdout: string;
  stderr: string;
}

let corpus: Corpus | undefined;
/** artefact name -> format -> run */
const runs = new Map<string, Record<Format, AuditRun>>();

beforeAll(async () => {
  corpus = await buildCorpus();
  for (const [name, file] of Object.entries(corpus.files)) {
    const byFormat = {} as Record<Format, AuditRun>;
    for (const format of FORMATS) byFormat[format] = runCli(["audit", "--format", format, "--fail-on", "none", file]);
    runs.set(name, byFormat);
  }
});

afterAll(() => {
  corpus?.cleanup();
  if (corpus) expect(fs.existsSync(corpus.root)).toBe(false);
});

function must(): Corpus {
  if (!corpus) throw new Error("corpus was not built");
  return corpus;
}

function findingsOf(name: string): any[] {
  const r = runs.get(name)!.json;
  try {
    return JSON.parse(r.stdout).findings ?? [];
  } catch {
    return [];
  }
}

function matches(e: Expectation, pointer: string): boolean {
  if (e.pointer !== undefined) return pointer === e.pointer;
  const p = e.pointerPrefix!;
  if (pointer !== p && !pointer.startsWith(p + "/")) return false;
  return !(e.excludeSuffixes ?? []).some((s) => pointer.endsWith(s));
}

/** Describes what the audit said about a file, without values: exit code, file kind, number of findings. */
function auditSummary(name: string): string {
  const r = runs.get(name)!.json;
  let kind = "?";
  try {
    kind = JSON.stringify(JSON.parse(r.stdout).files?.map((f: any) => f.kind));
  } catch {
    kind = `no JSON report (stderr: ${r.stderr.split("\n")[0].slice(0, 200)})`;
  }
  return `exit ${r.code}, kinds ${kind}, ${findingsOf(name).length} findings`;
}

/** (a) every expected place has a finding. Lists all misses at once. */
function expectReported(category: Category): void {
  const c = must();
  const exps = c.expectations.filter((e) => e.category === category);
  expect(exps.length).toBeGreaterThan(0);
  const missing: string[] = [];
  for (const e of exps) {
    const found = findingsOf(e.file).some((f) => matches(e, String(f.pointer)));
    if (!found) missing.push(`  ${e.file}: ${e.pointer ?? e.pointerPrefix + "/**"} (${e.label}) [audit: ${auditSummary(e.file)}]`);
  }
  if (missing.length) throw new Error(`${category}: ${missing.length}/${exps.length} expected findings missing:\n${missing.join("\n")}`);
}

/** (b) no planted value of the category appears in any output format of any artefact's audit. */
function expectNeverPrinted(category: Category): void {
  const c = must();
  // The values planted for this category, and every value an expectation of this category looks for.
  const wanted = new Set(c.expectations.filter((e) => e.category === category).map((e) => e.plantedValue));
  const planted = c.planted.filter((p) => p.category === category || wanted.has(p.value));
  expect(planted.length).toBeGreaterThan(0);
  const leaks: string[] = [];
  for (const p of planted) {
    for (const [name, byFormat] of runs) {
      for (const format of FORMATS) {
        const r = byFormat[format];
        for (const [stream, text] of [
          ["stdout", r.stdout],
          ["stderr", r.stderr],
        ] as const) {
          // The random part of the value (its pieces and encodings): a planted URL's scheme and host are no secret.
          const leaked = findLeaks(p.core, [[`${format} ${stream}`, text]]);
          if (leaked.length) {
            let where = "";
            if (format === "json" && stream === "stdout") {
              const fields = new Set<string>();
              for (const f of findingsOf(name)) for (const [k, val] of Object.entries(f)) if (typeof val === "string" && findLeaks(p.core, val).length) fields.add(k);
              where = ` in finding fields [${[...fields].sort().join(", ")}]`;
            }
            leaks.push(`  ${p.label}: ${leaked.join("; ")} of audit ${name}${where}`);
          }
        }
      }
    }
  }
  if (leaks.length) throw new Error(`${category}: planted values printed:\n${leaks.join("\n")}`);
}

describe("secret-guard audit on a corpus of real Terraform artefacts", () => {
  itTf("corpus is sound: each expected place really holds its planted value in real Terraform output", () => {
    const c = must();
    const bad: string[] = [];
    for (const e of c.expectations) {
      const doc = JSON.parse(fs.readFileSync(c.files[e.file], "utf8"));
      const at = valueAt(doc, e.pointer ?? e.pointerPrefix!);
      const text = typeof at === "string" ? at : JSON.stringify(at ?? null);
      if (!text.includes(e.plantedValue)) bad.push(`${e.file} ${e.pointer ?? e.pointerPrefix} (${e.label})`);
    }
    expect(bad).toEqual([]);
    // Destroy plans carry values only in `before`.
    const destroy = JSON.parse(fs.readFileSync(c.files["plan-destroy"], "utf8"));
    for (const rc of destroy.resource_changes) expect(rc.change.after).toBeNull();
    // The v3 backend file is the one Terraform wrote, with the backend's settings.
    const v3 = JSON.parse(fs.readFileSync(c.files.backendState, "utf8"));
    expect(v3.version).toBe(3);
    expect(v3.backend.type).toBe("http");
  });

  const categories: [Category, string][] = [
    ["plan-variables", "plan variables.*.value of unmarked variables (-var, TF_VAR_, .tfvars)"],
    ["plan-config-defaults", "plan configuration.root_module.variables.*.default (plain and sensitive)"],
    ["plan-module-calls", "plan module_calls: module variable defaults and constant_value inputs"],
    ["plan-provider-config", "plan configuration.provider_config aws access_key/secret_key/token constant_value"],
    ["plan-checks", "plan checks[].instances[].problems[].message"],
    ["plan-resource-drift", "plan resource_drift[].change.before/after (derived from a real plan)"],
    ["plan-destroy", "destroy plan: change.before only"],
    ["plan-output-changes", "plan output_changes (unmarked and sensitive)"],
    ["plan-prior-state", "plan prior_state"],
    ["state-show-json", "terraform show -json of state (values.root_module, sensitive_values, outputs)"],
    ["state-child-modules", "nested modules in state and show -json (child_modules)"],
    ["state-count-for-each", "count and for_each instances in state"],
    ["state-backup", "terraform.tfstate.backup"],
    ["state-outputs", "state outputs, marked and unmarked"],
    ["output-json", "terraform output -json"],
    ["backend-v3-state", ".terraform/terraform.tfstate (v3, backend settings)"],
    ["identifier-for-each-key", "a secret used as a for_each key"],
    ["identifier-map-key", "a secret used as a map key inside a value"],
    ["propagation", "propagation from a pattern finding to unmarked copies under neutral keys"],
  ];

  for (const [category, title] of categories) {
    describe(`${category}: ${title}`, () => {
      itTf("is reported at each expected place", () => expectReported(category));
      itTf("is never printed (text, json, sarif; stdout and stderr)", () => expectNeverPrinted(category));
    });
  }
});
