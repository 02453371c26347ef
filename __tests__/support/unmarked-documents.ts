/**
 * A state v4 and a `terraform show -json` plan holding the given resources' attributes with nothing marked: the
 * place the detector tests plant values (Lambda environment variables, tags, a local_file's content), as real
 * stacks leak them. Shapes as Terraform 1.11 writes them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli } from "./audit-cli";
import { expectNoLeaks } from "./leak-check";

/** One resource: its type, name and attributes; its provider is hashicorp/local for local_file, else hashicorp/aws. */
export interface UnmarkedResource {
  readonly type: string;
  readonly name: string;
  readonly attributes: Record<string, unknown>;
}

const providerOf = (type: string) => `registry.terraform.io/hashicorp/${type === "local_file" ? "local" : "aws"}`;

export function unmarkedState(resources: readonly UnmarkedResource[]): object {
  return {
    version: 4,
    terraform_version: "1.11.4",
    serial: 1,
    lineage: "0c9d8e7f-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
    outputs: {},
    resources: resources.map((r) => ({
      mode: "managed",
      type: r.type,
      name: r.name,
      provider: `provider["${providerOf(r.type)}"]`,
      instances: [{ schema_version: 0, attributes: r.attributes, sensitive_attributes: [] }],
    })),
    check_results: null,
  };
}

export function unmarkedPlan(resources: readonly UnmarkedResource[]): object {
  return {
    format_version: "1.2",
    terraform_version: "1.11.4",
    planned_values: {
      root_module: {
        resources: resources.map((r) => ({ address: `${r.type}.${r.name}`, mode: "managed", type: r.type, name: r.name, provider_name: providerOf(r.type), schema_version: 0, values: r.attributes, sensitive_values: {} })),
      },
    },
    resource_changes: resources.map((r) => ({
      address: `${r.type}.${r.name}`,
      mode: "managed",
      type: r.type,
      name: r.name,
      provider_name: providerOf(r.type),
      change: { actions: ["create"], before: null, after: r.attributes, after_unknown: {}, before_sensitive: false, after_sensitive: {} },
    })),
    configuration: { root_module: {} },
    timestamp: "2026-12-07T00:00:00Z",
    applyable: true,
    complete: true,
    errored: false,
  };
}

/**
 * Writes `resources` as an unmarked state and plan in `dir` (`<kind>.tfstate`, `<kind>.plan.json`), audits each,
 * checks that no `planted` value (nor a piece or encoding of one) reaches the report, and answers per document the
 * rule ids reported at each resource, by its index in `resources`.
 */
export function ruleIdsByResource(dir: string, kind: string, resources: readonly UnmarkedResource[], planted: readonly string[]): Map<number, string[]>[] {
  const indexOf = new Map(resources.map((r, i) => [`${r.type}.${r.name}`, i]));
  return (["tfstate", "plan.json"] as const).map((ext) => {
    const file = path.join(dir, `${kind}.${ext}`);
    fs.writeFileSync(file, JSON.stringify(ext === "tfstate" ? unmarkedState(resources) : unmarkedPlan(resources)));
    const out = runCli(["audit", "--format", "json", "--fail-on", "none", "--no-ignore-file", file]);
    expect(out.code).toBe(0);
    // Vendor formats carry words (`AccessKey`, `webhooks`, `https://`) the report also uses: those are not material.
    expectNoLeaks(planted, [[`${ext} report`, out.stdout], [`${ext} stderr`, out.stderr]], { skipWords: true });
    const byIndex = new Map<number, string[]>();
    for (const f of JSON.parse(out.stdout).findings as Array<{ ruleId: string; address: string }>) {
      const i = indexOf.get(f.address);
      if (i !== undefined) byIndex.set(i, [...(byIndex.get(i) ?? []), f.ruleId]);
    }
    return byIndex;
  });
}
