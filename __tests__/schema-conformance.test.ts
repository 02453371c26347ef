// genesyscloud and random cannot be installed here, so their blocks in the synthesized stack are checked
// against the providers' schemas instead: required attributes present, no unknown attributes, types right.
import * as fs from "node:fs";
import * as path from "node:path";
import { Testing } from "cdktf";
import { parseConfig } from "../app/config";
import { buildApp } from "../app/build-app";
import { fleetConfig } from "./support/fleet";

const ROOT = path.resolve(__dirname, "..");
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", f), "utf8"));
const GENESYS = load("genesyscloud-1.84.1.schema.json").provider_schemas["registry.terraform.io/mypurecloud/genesyscloud"];
const RANDOM = load("random-3.7.2.schema.json").provider_schemas["registry.terraform.io/hashicorp/random"];

type Block = { attributes?: Record<string, any>; block_types?: Record<string, { nesting_mode: string; block: Block; min_items?: number; max_items?: number }> };

/** Returns every way `value` breaks `block` (empty when it conforms). Expressions "${...}" match any type. */
export function conformance(block: Block, value: any, where: string): string[] {
  const problems: string[] = [];
  const attrs = block.attributes ?? {};
  const blocks = block.block_types ?? {};
  for (const [k, v] of Object.entries<any>(value ?? {})) {
    if (["//", "lifecycle", "provider", "depends_on", "count", "for_each"].includes(k)) continue;
    if (attrs[k]) {
      const a = attrs[k];
      if (a.computed && !a.optional && !a.required) problems.push(`${where}.${k} is computed only`);
      problems.push(...typeProblems(a.type, v, `${where}.${k}`));
    } else if (blocks[k]) {
      const list = Array.isArray(v) ? v : [v];
      list.forEach((item, i) => problems.push(...conformance(blocks[k].block, item, `${where}.${k}[${i}]`)));
    } else {
      problems.push(`${where}.${k} is not in the schema`);
    }
  }
  for (const [k, a] of Object.entries<any>(attrs)) if (a.required && value?.[k] === undefined) problems.push(`${where}.${k} is required`);
  return problems;
}

function typeProblems(type: any, v: any, where: string): string[] {
  if (typeof v === "string" && v.includes("${")) return [];
  if (type === "string") return typeof v === "string" ? [] : [`${where} should be a string`];
  if (type === "number") return typeof v === "number" ? [] : [`${where} should be a number`];
  if (type === "bool") return typeof v === "boolean" ? [] : [`${where} should be a bool`];
  if (Array.isArray(type) && (type[0] === "set" || type[0] === "list")) {
    return Array.isArray(v) ? v.flatMap((x, i) => typeProblems(type[1], x, `${where}[${i}]`)) : [`${where} should be a ${type[0]}`];
  }
  if (Array.isArray(type) && type[0] === "map") {
    return v && typeof v === "object" && !Array.isArray(v) ? Object.entries(v).flatMap(([k, x]) => typeProblems(type[1], x, `${where}.${k}`)) : [`${where} should be a map`];
  }
  return [`${where}: unknown schema type ${JSON.stringify(type)}`];
}

function fleetDoc(): any {
  const c = fleetConfig(1, 6);
  c.environments[0].generatedSecrets = [
    { name: "api", integrationCredential: { name: "API", type: "basicAuth", principal: "svc" }, secretsManager: { name: "a/b" }, sensitiveOutput: true },
    { name: "eph", ephemeral: true, secretsManager: { name: "a/c" } },
  ];
  c.environments[0].clients.push({ name: "Web", grantType: "CODE", scopes: ["users:readonly"], redirectUris: ["https://app.example.com/cb"], state: "inactive" });
  const [s] = buildApp(Testing.app(), parseConfig(c, "f.json"), {});
  return JSON.parse(Testing.synth(s));
}

describe("synthesized genesyscloud and random blocks follow the provider schemas", () => {
  const doc = fleetDoc();

  test.each([
    ["resource", "genesyscloud_oauth_client", GENESYS.resource_schemas],
    ["resource", "genesyscloud_integration_credential", GENESYS.resource_schemas],
    ["data", "genesyscloud_auth_role", GENESYS.data_source_schemas],
    ["resource", "random_password", RANDOM.resource_schemas],
    ["ephemeral", "random_password", RANDOM.ephemeral_resource_schemas],
  ])("%s %s", (section, type, schemas) => {
    const blocks = Object.entries<any>(doc[section]?.[type] ?? {});
    expect(blocks.length).toBeGreaterThan(0);
    for (const [name, body] of blocks) expect(conformance(schemas[type].block, body, `${section}.${type}.${name}`)).toEqual([]);
  });

  test("provider blocks: genesyscloud with no arguments at all, random empty", () => {
    for (const cfg of doc.provider.genesyscloud) expect(conformance(GENESYS.provider.block, cfg, "provider.genesyscloud")).toEqual([]);
    expect(Object.keys(doc.provider.genesyscloud[0]).filter((k) => k !== "//")).toEqual([]);
  });

  test("the check itself catches the tutorial's attribute names and wrong types", () => {
    const tutorial = { name: "x", grant_types: ["client_credentials"], scope: ["a"], redirect_uris: [], access_token_validity_seconds: "86400" };
    const problems = conformance(GENESYS.resource_schemas.genesyscloud_oauth_client.block, tutorial, "c");
    expect(problems).toEqual(
      expect.arrayContaining([
        "c.grant_types is not in the schema",
        "c.scope is not in the schema",
        "c.redirect_uris is not in the schema",
        "c.access_token_validity_seconds should be a number",
        "c.authorized_grant_type is required",
      ]),
    );
    expect(conformance(GENESYS.resource_schemas.genesyscloud_oauth_client.block, { name: "x", authorized_grant_type: "CODE", client_id: "y" }, "c")).toEqual([
      "c.client_id is computed only",
    ]);
  });
});
