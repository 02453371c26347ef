import { shippedDetectors } from "../guard/detectors/shipped-detectors";
import { BASE32, fake } from "../guard/detectors/families/sample-values";
import { ProviderFacts } from "../guard/provider-facts";
import type { BlockFacts } from "../guard/provider-facts";
import { MessageKind } from "../guard/audit/compact-finding";
import type { Place } from "../guard/audit/locate/place";
import type { Region } from "../guard/audit/locate/piece-layout";
import { ALL_MARKED, CtyStep, fromSensitiveAttributes, MarkTest, NOTHING_MARKED } from "../guard/audit/locate/sensitivity-marks";
import type { StageInput, Verdict } from "../guard/audit/detect/stage";
import { configurationLiteralStage } from "../guard/audit/detect/configuration-literal-stage";
import { writeOnlyStage } from "../guard/audit/detect/write-only-stage";
import { terraformMarksStage } from "../guard/audit/detect/terraform-marks-stage";
import { providerSchemaStage } from "../guard/audit/detect/provider-schema-stage";
import { catalogueStage } from "../guard/audit/detect/catalogue-stage";
import { PASS_ONE_STAGES } from "../guard/audit/detect/pass-one-stages";
import { findingPriority } from "../guard/audit/detect/finding-priority";

/** Detect stage: each pass-one stage's verdict on hand-built places, their order, and finding priorities. */

const shapes = shippedDetectors();
// Planted values: compared, never printed.
const PW = "Vb7#kLq2Zm9pRx4t";
const KEY_ID = "AKIA" + fake(BASE32, 16, 4242);

function region(over: Partial<Region> = {}): Region {
  return { steps: ["attributes"], address: "aws_db_instance.db", marks: NOTHING_MARKED, ...over };
}

function placeOf(r: Region | undefined, cty: CtyStep[]): Place {
  let attribute = "";
  for (const s of cty) attribute += typeof s === "number" ? `[${s}]` : attribute ? `.${s}` : s;
  const names = cty.filter((s): s is string => typeof s === "string");
  return { region: r, regionIndex: r ? 0 : -1, address: r ? r.address : "document", attribute, cty, names, key: names[names.length - 1] ?? "" };
}

function facts(sensitive: string[] = [], writeOnly: string[] = []): BlockFacts {
  return { sensitive: new Set(sensitive), writeOnly: new Set(writeOnly) };
}

function input(value: string, r: Region | undefined, cty: CtyStep[], f?: BlockFacts, over: Partial<StageInput> = {}): StageInput {
  return { value, place: placeOf(r, cty), facts: f, fileKind: "state", terraformVersion: "1.9.5", shapes, sibling: () => undefined, ...over };
}

/** What the audit does: the first stage with a verdict wins. */
function firstVerdict(i: StageInput): Verdict | undefined {
  for (const s of PASS_ONE_STAGES) {
    const v = s.judge(i);
    if (v) return v;
  }
  return undefined;
}

describe("configuration literal stage (SG104)", () => {
  const lit = region({ literal: "schema", steps: [], address: "aws_db_instance.db" });

  it("a literal at a schema-sensitive argument", () => {
    const v = configurationLiteralStage.judge(input(PW, lit, ["password"], facts(["password"])))!;
    expect(v.ruleId).toBe("SG104");
    expect(v.kind).toBe(MessageKind.Literal);
    expect(v.marked).toBe(false);
    expect(v.follow === PW).toBe(true);
  });

  it("a literal at a write-only argument, or below a sensitive block", () => {
    expect(configurationLiteralStage.judge(input(PW, lit, ["password_wo"], facts([], ["password_wo"])))?.ruleId).toBe("SG104");
    const oidc = facts(["default_action.authenticate_oidc.client_secret"]);
    expect(configurationLiteralStage.judge(input(PW, lit, ["default_action", 0, "authenticate_oidc", 0, "client_secret"], oidc))?.ruleId).toBe("SG104");
  });

  it("not for interpolations, plain arguments, plain members of a sensitive map, or outside literal regions", () => {
    expect(configurationLiteralStage.judge(input("${var.db_password}", lit, ["password"], facts(["password"])))).toBeUndefined();
    expect(configurationLiteralStage.judge(input("pre-${random_password.p.result}", lit, ["password"], facts(["password"])))).toBeUndefined();
    expect(configurationLiteralStage.judge(input(PW, lit, ["engine"], facts(["password"])))).toBeUndefined();
    expect(configurationLiteralStage.judge(input(PW, lit, ["password"], undefined))).toBeUndefined(); // no schema facts
    expect(configurationLiteralStage.judge(input("some-client-id", lit, ["fields", "clientId"], facts(["fields"])))).toBeUndefined();
    expect(configurationLiteralStage.judge(input(PW, lit, ["fields", "clientSecret"], facts(["fields"])))?.ruleId).toBe("SG104");
    expect(configurationLiteralStage.judge(input(PW, region(), ["password"], facts(["password"])))).toBeUndefined(); // a state region
    expect(configurationLiteralStage.judge(input(PW, undefined, ["password"], facts(["password"])))).toBeUndefined();
  });

  it("every literal of a region marked `all` (the default of a sensitive variable)", () => {
    const all = region({ literal: "all", steps: ["pw", "default"], address: "var.pw" });
    expect(configurationLiteralStage.judge(input(PW, all, []))?.ruleId).toBe("SG104");
    expect(configurationLiteralStage.judge(input(PW, all, ["nested", 0]))?.ruleId).toBe("SG104");
    expect(configurationLiteralStage.judge(input("${var.other}", all, []))).toBeUndefined();
  });
});

describe("write-only stage (SG105)", () => {
  it("a value stored in a write-only attribute", () => {
    const v = writeOnlyStage.judge(input(PW, region(), ["password_wo"], facts(["password_wo"], ["password_wo"]), { fileKind: "plan" }))!;
    expect(v.ruleId).toBe("SG105");
    expect(v.kind).toBe(MessageKind.WriteOnly);
    expect(v.detail).toBe("plan");
    expect(v.marked).toBe(false);
    expect(v.follow === PW).toBe(true);
    const marked = writeOnlyStage.judge(input(PW, region({ marks: ALL_MARKED }), ["password_wo"], facts([], ["password_wo"])))!;
    expect(marked.marked).toBe(true);
  });

  it("nothing for other attributes, without facts, in configuration, or outside regions", () => {
    expect(writeOnlyStage.judge(input(PW, region(), ["password"], facts(["password"], ["password_wo"])))).toBeUndefined();
    expect(writeOnlyStage.judge(input(PW, region(), ["password_wo"], undefined))).toBeUndefined();
    expect(writeOnlyStage.judge(input(PW, region({ literal: "schema" }), ["password_wo"], facts([], ["password_wo"])))).toBeUndefined();
    expect(writeOnlyStage.judge(input(PW, undefined, ["password_wo"], facts([], ["password_wo"])))).toBeUndefined();
  });
});

describe("Terraform's marks stage (SG101)", () => {
  const marks: MarkTest = fromSensitiveAttributes([[{ type: "get_attr", value: "input" }, { type: "get_attr", value: "client_secret" }]]);

  it("a marked place is reported and followed", () => {
    const v = terraformMarksStage.judge(input(PW, region({ marks }), ["input", "client_secret"]))!;
    expect(v.ruleId).toBe("SG101");
    expect(v.marked).toBe(true);
    expect(v.kind).toBe(MessageKind.Marked);
    expect(v.detail).toBe("state");
    expect(v.follow === PW).toBe(true);
  });

  it("an unmarked place, a configuration region or no region: nothing", () => {
    expect(terraformMarksStage.judge(input(PW, region({ marks }), ["input", "client_id"]))).toBeUndefined();
    expect(terraformMarksStage.judge(input(PW, region({ marks: ALL_MARKED, literal: "schema" }), ["x"]))).toBeUndefined();
    expect(terraformMarksStage.judge(input(PW, undefined, ["input", "client_secret"]))).toBeUndefined();
  });

  it("a plain member of a sensitive map (integration credential fields.clientId) is reported but not followed", () => {
    const cred = region({ address: "genesyscloud_integration_credential.c", marks: fromSensitiveAttributes([[{ type: "get_attr", value: "fields" }]]) });
    const f = ProviderFacts.shipped().of("resources", "genesyscloud_integration_credential");
    expect(f.sensitive.has("fields")).toBe(true);
    const id = terraformMarksStage.judge(input("a1b2c3d4-client-id", cred, ["fields", "clientId"], f))!;
    expect(id.ruleId).toBe("SG101");
    expect(id.marked).toBe(true);
    expect(id.follow).toBeUndefined();
    const secret = terraformMarksStage.judge(input(PW, cred, ["fields", "clientSecret"], f))!;
    expect(secret.ruleId).toBe("SG101");
    expect(secret.follow === PW).toBe(true);
    const whole = terraformMarksStage.judge(input(PW, cred, ["fields"], f))!; // the map itself (a string value)
    expect(whole.follow === PW).toBe(true);
  });
});

describe("provider schema stage (SG102)", () => {
  it("a schema-sensitive attribute Terraform did not mark", () => {
    const v = providerSchemaStage.judge(input(PW, region(), ["password"], facts(["password"])))!;
    expect(v.ruleId).toBe("SG102");
    expect(v.kind).toBe(MessageKind.Schema);
    expect(v.marked).toBe(false);
    expect(v.follow === PW).toBe(true);
    const nested = providerSchemaStage.judge(input(PW, region(), ["default_action", 0, "authenticate_oidc", 0, "client_secret"], facts(["default_action.authenticate_oidc.client_secret"])));
    expect(nested?.ruleId).toBe("SG102");
  });

  it("the detail explains by Terraform version", () => {
    const detail = (terraformVersion: string | undefined) => providerSchemaStage.judge(input(PW, region(), ["password"], facts(["password"]), { terraformVersion }))!.detail;
    expect(detail(undefined)).toMatch(/without provider sensitivity marks/);
    expect(detail("1.5.7")).toMatch(/1\.5\.7, before 1\.8/);
    expect(detail("0.14.11")).toMatch(/before 1\.8/);
    expect(detail("1.8.0")).toMatch(/edited by hand/);
    expect(detail("1.10.2")).toMatch(/edited by hand/);
  });

  it("nothing for plain members of a sensitive map, other attributes, configuration, no facts", () => {
    expect(providerSchemaStage.judge(input("a-client-id-1", region(), ["fields", "clientId"], facts(["fields"])))).toBeUndefined();
    expect(providerSchemaStage.judge(input(PW, region(), ["fields", "password"], facts(["fields"])))?.ruleId).toBe("SG102");
    expect(providerSchemaStage.judge(input(PW, region(), ["engine"], facts(["password"])))).toBeUndefined();
    expect(providerSchemaStage.judge(input(PW, region({ literal: "schema" }), ["password"], facts(["password"])))).toBeUndefined();
    expect(providerSchemaStage.judge(input(PW, region(), ["password"], undefined))).toBeUndefined();
    expect(providerSchemaStage.judge(input(PW, undefined, ["password"], facts(["password"])))).toBeUndefined();
  });
});

describe("detector catalogue stage", () => {
  it("reports the detector's id and follows only the secret part", () => {
    const alone = catalogueStage.judge(input(KEY_ID, region(), ["access_key"]))!;
    expect(alone.ruleId).toBe("SG121");
    expect(alone.kind).toBe(MessageKind.Pattern);
    expect(alone.marked).toBe(false);
    expect(alone.detail).toBe("an AWS access key id");
    expect(alone.follow === KEY_ID).toBe(true);
    const inText = catalogueStage.judge(input("export AWS_ACCESS_KEY_ID=" + KEY_ID + "\n", region(), ["user_data"]))!;
    expect(inText.ruleId).toBe("SG121");
    expect(inText.follow === KEY_ID).toBe(true);
  });

  it("nothing for short or ordinary values", () => {
    expect(catalogueStage.judge(input("AKIA123", region(), ["access_key"]))).toBeUndefined();
    expect(catalogueStage.judge(input("eu-west-1 production", region(), ["region"]))).toBeUndefined();
  });
});

describe("PASS_ONE_STAGES", () => {
  it("runs in the documented order", () => {
    expect(PASS_ONE_STAGES).toEqual([configurationLiteralStage, writeOnlyStage, terraformMarksStage, providerSchemaStage, catalogueStage]);
  });

  it("the first verdict wins", () => {
    // Write-only before marks: a marked write-only value is SG105 (marked).
    const wo = firstVerdict(input(PW, region({ marks: ALL_MARKED }), ["password_wo"], facts(["password_wo"], ["password_wo"])))!;
    expect([wo.ruleId, wo.marked]).toEqual(["SG105", true]);
    // Marks before schema.
    expect(firstVerdict(input(PW, region({ marks: ALL_MARKED }), ["password"], facts(["password"])))?.ruleId).toBe("SG101");
    // Schema before shapes, even for a key-shaped value.
    expect(firstVerdict(input(KEY_ID, region(), ["password"], facts(["password"])))?.ruleId).toBe("SG102");
    // A configuration literal before shapes.
    expect(firstVerdict(input(KEY_ID, region({ literal: "schema" }), ["password"], facts(["password"])))?.ruleId).toBe("SG104");
    // A configuration literal elsewhere falls through to shapes.
    expect(firstVerdict(input(KEY_ID, region({ literal: "schema" }), ["access_key"], facts(["password"])))?.ruleId).toBe("SG121");
    // Nothing marked, no schema: shapes only.
    expect(firstVerdict(input(KEY_ID, region(), ["note"]))?.ruleId).toBe("SG121");
    expect(firstVerdict(input("just a description", region(), ["note"]))).toBeUndefined();
  });
});

describe("findingPriority", () => {
  it("SG110 > SG101 > SG105 > SG104 > SG102 > SG103 > pattern > SG125", () => {
    const order = ["SG110", "SG101", "SG105", "SG104", "SG102", "SG103", "SG121", "SG125"];
    for (let i = 1; i < order.length; i++) expect(findingPriority(order[i - 1])).toBeGreaterThan(findingPriority(order[i]));
    expect(findingPriority("SG121")).toBe(findingPriority("SG999"));
  });
});
