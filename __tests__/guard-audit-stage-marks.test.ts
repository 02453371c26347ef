import { ALL_MARKED, fromMirror, fromSensitiveAttributes, NOTHING_MARKED } from "../guard/audit/locate/sensitivity-marks";
import { KindEvidence } from "../guard/audit/locate/file-kind";

/** Locate stage: Terraform's sensitivity marks as path tests, and the file kind told from top-level members. */

const attr = (value: string) => ({ type: "get_attr", value });
const num = (value: number) => ({ type: "index", value: { value, type: "number" } });
const str = (value: string) => ({ type: "index", value: { value, type: "string" } });

describe("fromSensitiveAttributes (state sensitive_attributes)", () => {
  it("get_attr paths as Terraform 1.x writes them", () => {
    const m = fromSensitiveAttributes([[attr("input"), attr("client_secret")]]);
    expect(m(["input", "client_secret"])).toBe(true);
    expect(m(["input", "client_secret", "inner", 0])).toBe(true); // below a marked value
    expect(m(["input"])).toBe(false); // above it
    expect(m(["input", "client_id"])).toBe(false);
    expect(m(["client_secret"])).toBe(false);
    expect(m([])).toBe(false);
  });

  it("several paths: any one marks", () => {
    const m = fromSensitiveAttributes([[attr("password")], [attr("master"), attr("token")]]);
    expect(m(["password"])).toBe(true);
    expect(m(["master", "token"])).toBe(true);
    expect(m(["master", "user"])).toBe(false);
  });

  it("index steps: cty numbers and string keys", () => {
    const m = fromSensitiveAttributes([[attr("rules"), num(1), attr("secret")], [attr("tags"), str("api_key")]]);
    expect(m(["rules", 1, "secret"])).toBe(true);
    expect(m(["rules", 0, "secret"])).toBe(false);
    expect(m(["rules", "1", "secret"])).toBe(false); // a list index is a number, not a key
    expect(m(["tags", "api_key"])).toBe(true);
    expect(m(["tags", "name"])).toBe(false);
  });

  it("bare keys in `value` and bare steps", () => {
    const m = fromSensitiveAttributes([[{ type: "index", value: 2 }, { type: "index", value: "k" }], ["fields", "password"]]);
    expect(m([2, "k"])).toBe(true);
    expect(m([3, "k"])).toBe(false);
    expect(m(["fields", "password"])).toBe(true);
  });

  it("set elements (an index by an object) match any index", () => {
    const setIndex = { type: "index", value: { value: { name: "a", secret: "?" }, type: ["object", { name: "string" }] } };
    const m = fromSensitiveAttributes([[attr("ingress"), setIndex, attr("secret")]]);
    expect(m(["ingress", 0, "secret"])).toBe(true);
    expect(m(["ingress", 7, "secret"])).toBe(true);
    expect(m(["ingress", 7, "name"])).toBe(false);
    const m2 = fromSensitiveAttributes([[attr("block"), { type: "index" }]]); // no value at all: any index
    expect(m2(["block", 3])).toBe(true);
  });

  it("the dotted-string and {path: [...]} / {steps: [...]} variants", () => {
    const dotted = fromSensitiveAttributes(["input.client_secret"]);
    expect(dotted(["input", "client_secret"])).toBe(true);
    expect(dotted(["input", "other"])).toBe(false);
    const obj = fromSensitiveAttributes([{ path: [attr("settings"), attr("token")] }]);
    expect(obj(["settings", "token"])).toBe(true);
    expect(obj(["settings"])).toBe(false);
    const steps = fromSensitiveAttributes([{ steps: [attr("pw")] }]);
    expect(steps(["pw"])).toBe(true);
    const dottedInObj = fromSensitiveAttributes([{ path: "a.b" }]);
    expect(dottedInObj(["a", "b"])).toBe(true);
  });

  it("empty or garbage: nothing marked", () => {
    for (const raw of [undefined, null, [], {}, "input", 42, true, [null], [42], [{}], [{ path: 7 }], [{ type: "get_attr" }]]) {
      const m = fromSensitiveAttributes(raw);
      expect(m(["input"])).toBe(false);
      expect(m(["input", "client_secret"])).toBe(false);
    }
    expect(fromSensitiveAttributes([])).toBe(NOTHING_MARKED);
    expect(fromSensitiveAttributes(null)).toBe(NOTHING_MARKED);
  });

  it("an empty path marks the whole value (Terraform writes [[]] for a wholly sensitive value)", () => {
    const m = fromSensitiveAttributes([[]]);
    expect(m(["anything"])).toBe(true);
    expect(m([])).toBe(true);
  });
});

describe("fromMirror (plan *_sensitive mirrors)", () => {
  it("true marks everything", () => {
    expect(fromMirror(true)).toBe(ALL_MARKED);
    expect(fromMirror(true)(["a", 0, "b"])).toBe(true);
  });

  it("nested mirrors and arrays", () => {
    const m = fromMirror({ password: true, settings: { token: true, name: false }, rules: [false, { secret: true }], tags: {} });
    expect(m(["password"])).toBe(true);
    expect(m(["password", "x"])).toBe(true);
    expect(m(["settings", "token"])).toBe(true);
    expect(m(["settings", "name"])).toBe(false);
    expect(m(["settings"])).toBe(false);
    expect(m(["rules", 1, "secret"])).toBe(true);
    expect(m(["rules", 0])).toBe(false);
    expect(m(["rules", 0, "secret"])).toBe(false);
    expect(m(["rules", 5, "secret"])).toBe(false);
    expect(m(["tags", "k"])).toBe(false);
    expect(m(["missing", "deep", 0])).toBe(false);
  });

  it("{} and mirrors holding no true: nothing marked", () => {
    for (const mirror of [{}, [], { a: {}, b: [] }, { a: false }, undefined, null, false, "true", 1]) {
      const m = fromMirror(mirror);
      expect(m).toBe(NOTHING_MARKED);
      expect(m(["a"])).toBe(false);
    }
  });
});

describe("KindEvidence", () => {
  const kindOf = (...keys: Array<string | number>) => {
    const e = new KindEvidence();
    for (const k of keys) e.saw(k);
    return e.kind();
  };

  it("state", () => {
    expect(kindOf("version", "terraform_version", "serial", "lineage", "outputs", "resources")).toBe("state");
    expect(kindOf("version", "lineage")).toBe("state");
    expect(kindOf("version", "resources")).toBe("state");
  });

  it("plan JSON", () => {
    expect(kindOf("format_version", "terraform_version", "planned_values", "resource_changes", "configuration")).toBe("plan");
    expect(kindOf("format_version", "variables")).toBe("plan");
    expect(kindOf("format_version", "output_changes")).toBe("plan");
    expect(kindOf("format_version", "prior_state")).toBe("plan");
  });

  it("`terraform show -json` of a state is read as a state", () => {
    expect(kindOf("format_version", "terraform_version", "values")).toBe("state");
  });

  it("cdk.tf.json", () => {
    expect(kindOf("//", "terraform", "provider", "resource")).toBe("synth");
    expect(kindOf("variable")).toBe("synth");
    expect(kindOf("locals")).toBe("synth");
    expect(kindOf("module")).toBe("synth");
  });

  it("unknown", () => {
    expect(kindOf()).toBeUndefined();
    expect(kindOf("name", "items")).toBeUndefined();
    expect(kindOf("format_version")).toBeUndefined();
    expect(kindOf("version")).toBeUndefined();
    expect(kindOf("version", "resource")).toBeUndefined(); // a `version` member rules out cdk.tf.json
    expect(kindOf(0, 1)).toBeUndefined(); // array indices are not member names
  });

  it("evidence builds up as members are seen", () => {
    const e = new KindEvidence();
    e.saw("format_version");
    expect(e.kind()).toBeUndefined();
    e.saw("resource_changes");
    expect(e.kind()).toBe("plan");
  });
});
