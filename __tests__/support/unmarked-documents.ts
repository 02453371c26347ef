/**
 * A state v4 and a `terraform show -json` plan holding the given resources' attributes with nothing marked: the
 * place the detector tests plant values (Lambda environment variables, tags, a local_file's content), as real
 * stacks leak them. Shapes as Terraform 1.11 writes them.
 */

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
