import { PieceLayout, PieceView } from "../guard/audit/locate/piece-layout";
import { descendInto, piecesOf } from "../guard/audit/locate/descend-rules";
import { ALL_MARKED, NOTHING_MARKED } from "../guard/audit/locate/sensitivity-marks";
import { locate } from "../guard/audit/locate/place";
import type { Step } from "../guard/audit/read/json-pointer";

/** Locate stage: the regions and addresses of each kind of piece, and how the descend rules cut a file. */

const PW = "Vb7#kLq2Zm9pRx4t";

/** Feeds a state resource's context pieces (mode, type, name...) the way the splitter cuts them. */
function stateResource(layout: PieceLayout, index: number, r: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(r)) expect(layout.takeContext(["resources", index, k], v)).toBe(true);
}

const summary = (v: PieceView) => v.regions.map((r) => ({ steps: r.steps, address: r.address }));

describe("PieceLayout: state", () => {
  it("instances with a numeric and a string index_key, schema from the resource, marks from sensitive_attributes", () => {
    const layout = new PieceLayout();
    stateResource(layout, 0, { mode: "managed", type: "aws_db_instance", name: "db" });
    const n = layout.view(["resources", 0, "instances", 1], { index_key: 1, attributes: {}, sensitive_attributes: [[{ type: "get_attr", value: "password" }]] });
    expect(summary(n)).toEqual([{ steps: ["attributes"], address: "aws_db_instance.db[1]" }]);
    expect(n.fallbackAddress).toBe("aws_db_instance.db[1]");
    expect(n.dynamicWrappers).toBe(true);
    expect(n.regions[0].schema).toEqual({ kind: "resources", type: "aws_db_instance" });
    expect(n.regions[0].marks(["password"])).toBe(true);
    expect(n.regions[0].marks(["engine"])).toBe(false);
    expect(n.regions[0].literal).toBeUndefined();

    stateResource(layout, 1, { module: "module.app", mode: "data", type: "aws_secretsmanager_secret_version", name: "s" });
    const s = layout.view(["resources", 1, "instances", 0], { index_key: 'eu "west"', attributes: {} });
    expect(s.regions[0].address).toBe('module.app.data.aws_secretsmanager_secret_version.s["eu \\"west\\""]');
    expect(s.regions[0].schema).toEqual({ kind: "data_sources", type: "aws_secretsmanager_secret_version" });
    expect(s.regions[0].marks).toBe(NOTHING_MARKED);

    const plain = layout.view(["resources", 1, "instances", 0], { attributes: {} });
    expect(plain.regions[0].address).toBe("module.app.data.aws_secretsmanager_secret_version.s");
  });

  it("an instance whose resource context was not seen gets a placeholder address, no schema", () => {
    const v = new PieceLayout().view(["resources", 3, "instances", 0], { attributes: {} });
    expect(v.regions[0].address).toBe("?.?");
    expect(v.regions[0].schema).toBeUndefined();
  });

  it("state outputs: sensitive or not", () => {
    const layout = new PieceLayout();
    const o = layout.view(["outputs", "db_url"], { value: PW, type: "string", sensitive: true });
    expect(summary(o)).toEqual([{ steps: ["value"], address: "output.db_url" }]);
    expect(o.regions[0].marks).toBe(ALL_MARKED);
    expect(layout.view(["outputs", "name"], { value: "x" }).regions[0].marks).toBe(NOTHING_MARKED);
  });

  it("context pieces: version, terraform_version, resource members", () => {
    const layout = new PieceLayout();
    expect(layout.takeContext(["version"], 4)).toBe(false);
    expect(layout.takeContext(["terraform_version"], "1.5.7")).toBe(false);
    expect(layout.stateVersion).toBe(4);
    expect(layout.terraformVersion).toBe("1.5.7");
    expect(layout.isContextPiece(["version"])).toBe(true);
    expect(layout.isContextPiece(["resources", 0, "type"])).toBe(true);
    expect(layout.isContextPiece(["resources", 0, "instances", 0])).toBe(false);
    expect(layout.isContextPiece(["configuration", "root_module", "variables"])).toBe(true);
    expect(layout.takeContext(["resources", 0, "instances", 0], {})).toBe(false);
  });
});

describe("PieceLayout: plan JSON and show -json", () => {
  it("resource_changes: before and after regions with their mirrors", () => {
    const v = new PieceLayout().view(["resource_changes", 0], {
      address: "aws_db_instance.db",
      mode: "managed",
      type: "aws_db_instance",
      change: { before: { password: "x" }, after: { password: PW }, before_sensitive: {}, after_sensitive: { password: true } },
    });
    expect(summary(v)).toEqual([
      { steps: ["change", "before"], address: "aws_db_instance.db" },
      { steps: ["change", "after"], address: "aws_db_instance.db" },
    ]);
    expect(v.regions[0].marks(["password"])).toBe(false);
    expect(v.regions[1].marks(["password"])).toBe(true);
    expect(v.regions[1].schema).toEqual({ kind: "resources", type: "aws_db_instance" });
    const drift = new PieceLayout().view(["resource_drift", 2], { address: "data.x.y", mode: "data", type: "x", change: {} });
    expect(drift.regions.map((r) => r.schema?.kind)).toEqual(["data_sources", "data_sources"]);
  });

  it("output_changes", () => {
    const v = new PieceLayout().view(["output_changes", "token"], { before: null, after: PW, before_sensitive: false, after_sensitive: true });
    expect(summary(v)).toEqual([
      { steps: ["before"], address: "output.token" },
      { steps: ["after"], address: "output.token" },
    ]);
    expect(v.regions[0].marks([])).toBe(false);
    expect(v.regions[1].marks([])).toBe(true);
  });

  it("planned_values / values / prior_state: module resources and outputs", () => {
    const layout = new PieceLayout();
    const r = layout.view(["planned_values", "root_module", "child_modules", 0, "resources", 2], { address: "module.m.random_password.p", type: "random_password", values: {}, sensitive_values: { result: true } });
    expect(summary(r)).toEqual([{ steps: ["values"], address: "module.m.random_password.p" }]);
    expect(r.regions[0].marks(["result"])).toBe(true);
    const outs = layout.view(["values", "outputs"], { a: { value: "1", sensitive: true }, b: { value: "2" } });
    expect(summary(outs)).toEqual([
      { steps: ["a", "value"], address: "output.a" },
      { steps: ["b", "value"], address: "output.b" },
    ]);
    expect(outs.regions.map((x) => x.marks([]))).toEqual([true, false]);
    const prior = layout.view(["prior_state", "values", "root_module", "resources", 0], { address: "x.y", values: {} });
    expect(prior.regions[0].address).toBe("x.y");
  });

  it("variables: sensitive names come from the configuration (seen later in the file)", () => {
    const layout = new PieceLayout();
    const vars = { db_password: { value: PW }, region: { value: "eu-west-1" } };
    const before = layout.view(["variables"], vars);
    expect(before.regions.every((r) => r.marks === NOTHING_MARKED)).toBe(true);
    expect(layout.takeContext(["configuration", "root_module", "variables"], { db_password: { sensitive: true }, region: { default: "eu-west-1" } })).toBe(false);
    expect([...layout.sensitiveVariables]).toEqual(["db_password"]);
    const after = layout.view(["variables"], vars);
    expect(summary(after)).toEqual([
      { steps: ["db_password", "value"], address: "var.db_password" },
      { steps: ["region", "value"], address: "var.region" },
    ]);
    expect(after.regions.map((r) => r.marks([]))).toEqual([true, false]);
  });

  it("configuration resources: literal regions through constant_value wrappers", () => {
    const v = new PieceLayout().view(["configuration", "root_module", "resources", 0], { address: "aws_db_instance.db", mode: "managed", type: "aws_db_instance", expressions: { password: { constant_value: PW } } });
    expect(summary(v)).toEqual([{ steps: ["expressions"], address: "aws_db_instance.db" }]);
    expect(v.fallbackAddress).toBe("configuration aws_db_instance.db");
    expect(v.regions[0].literal).toBe("schema");
    expect(v.regions[0].constantValueWrappers).toBe(true);
    expect(v.regions[0].schema).toEqual({ kind: "resources", type: "aws_db_instance" });
    const place = locate(v, ["expressions", "password", "constant_value"], []);
    expect(place.cty).toEqual(["password"]);
    expect(place.attribute).toBe("password");
    expect(place.key).toBe("password");
  });

  it("provider_config: one region per provider, schema kind provider", () => {
    const v = new PieceLayout().view(["configuration", "provider_config"], {
      genesyscloud: { name: "genesyscloud", expressions: { oauthclient_secret: { constant_value: PW } } },
      "aws.us": { name: "aws", alias: "us", expressions: {} },
    });
    expect(summary(v)).toEqual([
      { steps: ["genesyscloud", "expressions"], address: "provider.genesyscloud" },
      { steps: ["aws.us", "expressions"], address: "provider.aws.us" },
    ]);
    expect(v.regions.map((r) => r.schema)).toEqual([
      { kind: "provider", type: "genesyscloud" },
      { kind: "provider", type: "aws" },
    ]);
    expect(v.regions.every((r) => r.literal === "schema" && r.constantValueWrappers === true)).toBe(true);
  });
});

describe("PieceLayout: cdk.tf.json", () => {
  const layout = new PieceLayout();

  it("resource and data blocks", () => {
    const r = layout.view(["resource", "aws_db_instance", "db"], { password: PW });
    expect(summary(r)).toEqual([{ steps: [], address: "aws_db_instance.db" }]);
    expect(r.regions[0].literal).toBe("schema");
    expect(r.regions[0].schema).toEqual({ kind: "resources", type: "aws_db_instance" });
    const d = layout.view(["data", "aws_secretsmanager_secret_version", "s"], {});
    expect(d.regions[0].address).toBe("data.aws_secretsmanager_secret_version.s");
    expect(d.regions[0].schema).toEqual({ kind: "data_sources", type: "aws_secretsmanager_secret_version" });
  });

  it("providers: objects and lists, aliases in the address", () => {
    const v = layout.view(["provider"], { aws: [{ region: "eu-west-1" }, { alias: "us", region: "us-east-1" }], genesyscloud: { oauthclient_secret: PW } });
    expect(summary(v)).toEqual([
      { steps: ["aws", 0], address: "provider.aws" },
      { steps: ["aws", 1], address: "provider.aws.us" },
      { steps: ["genesyscloud"], address: "provider.genesyscloud" },
    ]);
    expect(v.regions.every((r) => r.literal === "schema" && r.schema?.kind === "provider")).toBe(true);
  });

  it("variables: only the default of a sensitive variable is a literal region", () => {
    const v = layout.view(["variable"], { pw: { type: "string", sensitive: true, default: PW }, name: { default: "x" }, nodefault: { sensitive: true } });
    expect(summary(v)).toEqual([{ steps: ["pw", "default"], address: "var.pw" }]);
    expect(v.regions[0].literal).toBe("all");
  });

  it("outputs and locals", () => {
    const o = layout.view(["output"], { a: { value: "${x}", sensitive: true } });
    expect(summary(o)).toEqual([{ steps: ["a", "value"], address: "output.a" }]);
    expect(o.regions[0].literal).toBeUndefined();
    const l = layout.view(["locals"], { k: PW, j: 1 });
    expect(summary(l)).toEqual([
      { steps: ["k"], address: "local.k" },
      { steps: ["j"], address: "local.j" },
    ]);
  });

  it("anything else: no region, a label from the path", () => {
    const t = layout.view(["terraform"], { backend: {} });
    expect(t.regions).toEqual([]);
    expect(t.fallbackAddress).toBe("terraform");
    expect(layout.view(["resources", 0, "x", 1], {}).fallbackAddress).toBe("resources.x");
    expect(new PieceLayout().view([], {}).fallbackAddress).toBe("document");
  });
});

describe("descendInto / piecesOf", () => {
  it("walks the bulk containers of each file kind", () => {
    const walk: Step[][] = [
      ["resources"], ["resources", 0], ["resources", 0, "instances"],
      ["outputs"], ["values"], ["values", "root_module"], ["values", "root_module", "resources"], ["values", "root_module", "child_modules"],
      ["values", "root_module", "child_modules", 0], ["values", "root_module", "child_modules", 0, "resources"],
      ["planned_values"], ["prior_state"], ["prior_state", "values"], ["prior_state", "values", "root_module"],
      ["resource_changes"], ["resource_drift"], ["output_changes"],
      ["configuration"], ["configuration", "root_module"], ["configuration", "root_module", "resources"],
      ["resource"], ["resource", "aws_db_instance"], ["data"], ["data", "x"],
    ];
    for (const p of walk) expect([p, descendInto(p)]).toEqual([p, true]);
    const whole: Step[][] = [
      ["variables"], ["provider"], ["variable"], ["terraform"], ["//"],
      ["resources", 0, "instances", 0], ["resources", 0, "name"], ["resources", "x"],
      ["outputs", "o"], ["resource_changes", 0], ["output_changes", "o"],
      ["values", "root_module", "resources", 0], ["values", "outputs"], ["values", "root_module", "child_modules", 0, "address"],
      ["configuration", "provider_config"], ["configuration", "root_module", "variables"], ["configuration", "root_module", "resources", 0],
      ["resource", "aws_db_instance", "db"], ["prior_state", "format_version"],
    ];
    for (const p of whole) expect([p, descendInto(p)]).toEqual([p, false]);
  });

  it("piecesOf emits what the splitter would cut", () => {
    const got: Array<[Step[], unknown]> = [];
    const emit = (p: Step[], v: unknown) => got.push([p, v]);
    const inst = { attributes: { password: PW } };
    piecesOf(["resources", 0], { mode: "managed", type: "t", instances: [inst, inst] }, emit);
    expect(got).toEqual([
      [["resources", 0, "mode"], "managed"],
      [["resources", 0, "type"], "t"],
      [["resources", 0, "instances", 0], inst],
      [["resources", 0, "instances", 1], inst],
    ]);
    got.length = 0;
    piecesOf(["outputs", "o"], { value: 1 }, emit);
    piecesOf(["resources"], [], emit);
    piecesOf(["resource", "t"], null, emit);
    piecesOf(["resource"], { t: { n: { a: 1 } } }, emit);
    expect(got).toEqual([
      [["outputs", "o"], { value: 1 }],
      [["resource", "t"], null],
      [["resource", "t", "n"], { a: 1 }],
    ]);
  });
});
