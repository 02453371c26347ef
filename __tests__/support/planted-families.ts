/**
 * One token per detector family, planted through real Terraform (a for_each of terraform_data, values through the
 * environment, never argv) into a state and a plan JSON, then audited in every format: each is reported with its
 * own detector's id, and no output holds a planted value. Shared by the family tests.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { DetectorCatalogue } from "../../guard/detectors/catalogue";
import { runCli } from "./audit-cli";
import { expectNoLeaks } from "./leak-check";
import { terraformOk } from "./terraform-runner";

/** A family's name, the detector to plant a sample of, and which positive sample. */
export type FamilySample = readonly [family: string, id: string, index: number];

export interface PlantedToken {
  readonly family: string;
  readonly id: string;
  readonly key: string;
  readonly value: string;
  /** The part the detector calls the secret (checked for leaks too). */
  readonly secret: string;
}

/** Each family's sample, checked first to be reported with its own id by the catalogue alone. */
export function plantedFamilies(catalogue: DetectorCatalogue, families: readonly FamilySample[]): PlantedToken[] {
  return families.map(([family, id, index]) => {
    const d = catalogue.byId(id);
    if (!d) throw new Error(`no detector ${id}`);
    const s = d.samples.positive[index];
    const key = s.key ?? "value";
    const hit = catalogue.detect(key, s.value);
    if (hit?.detector.id !== id) throw new Error(`${family}: sample ${index} of ${id} is not reported with its own id`);
    return { family, id, key, value: s.value, secret: hit.secret };
  });
}

/**
 * Plants the tokens in `dir` (resource `terraform_data.<name>`, one instance per family) and audits the state and
 * the plan. `publicParts`: words of the values the reports may print anyway (the detectors' keywords, which the
 * rules' help names; the family names are the for_each keys).
 */
export async function expectReportedThroughTerraform(catalogue: DetectorCatalogue, dir: string, name: string, planted: readonly PlantedToken[], publicParts: readonly string[] = []): Promise<void> {
  fs.writeFileSync(
    path.join(dir, "main.tf"),
    ['variable "planted" {\n  type = map(map(string))\n}', `resource "terraform_data" "${name}" {\n  for_each = var.planted\n  input    = each.value\n}`].join("\n"),
  );
  const env = { TF_VAR_planted: JSON.stringify(Object.fromEntries(planted.map((p) => [p.family, { [p.key]: p.value }]))) };
  await terraformOk(dir, ["init", "-input=false"], env);
  await terraformOk(dir, ["plan", "-input=false", "-out", `${name}.tfplan`], env);
  const show = await terraformOk(dir, ["show", "-json", `${name}.tfplan`], env);
  fs.writeFileSync(path.join(dir, "plan.json"), show.stdout);
  await terraformOk(dir, ["apply", "-input=false", "-auto-approve", `${name}.tfplan`], env);

  const keywords = [...planted.flatMap((p) => catalogue.byId(p.id)?.keywords ?? []), ...publicParts];
  for (const file of ["terraform.tfstate", "plan.json"]) {
    const target = path.join(dir, file);
    const json = runCli(["audit", "--format", "json", "--fail-on", "none", target]);
    const findings = (JSON.parse(json.stdout).findings ?? []) as Array<{ ruleId: string; address: string; pointer: string }>;
    const missing = planted
      .filter((p) => !findings.some((f) => f.ruleId === p.id && (f.address.includes(`"${p.family}"`) || f.pointer.includes(`/${p.family}/`))))
      .map((p) => `${p.family} (${p.id})`);
    expect({ file, missing }).toEqual({ file, missing: [] });
    for (const format of ["text", "json", "sarif"]) {
      const r = runCli(["audit", "--format", format, "--fail-on", "none", target]);
      expect(r.code).toBe(0);
      expectNoLeaks(planted.flatMap((p) => [p.value, p.secret]), [[`${format} audit of ${file} stdout`, r.stdout], [`${format} audit of ${file} stderr`, r.stderr]], { skipWords: true, publicParts: keywords });
    }
  }
}
