import { InputError } from "../guard/errors";
import { EndGuess } from "../guard/audit/read/end-guess";
import { JsonSplitter, DescendRule, JumpRule } from "../guard/audit/read/json-splitter";
import { Step, toPointer } from "../guard/audit/read/json-pointer";
import { descendInto, piecesOf } from "../guard/audit/locate/descend-rules";
import { checkParsedPiece, countMembers, countMemberSeparators, JsonShapeError, separatorBound } from "../guard/audit/read/json-shape";
import fc from "fast-check";
import { expectNoLeaks } from "./support/leak-check";

/**
 * Read stage: the streaming splitter cuts the same pieces whatever the chunking, and refuses bad input with a
 * one-line InputError that never quotes the document.
 */

// Planted values: only ever compared, never printed.
const SECRET = 'Zq7-"quoted"-back\\slash-<tag>&amp-é€😀-Kp4Xw9';
const SECRET_ESCAPED = "Zq7-\\\"quoted\\\"-back\\\\slash-\\u003ctag\\u003e\\u0026amp-\\u00e9€😀-Kp4Xw9"; // Go-style
const TOKEN = "tok_Hn3Vb8Qw2Lr5Xy7Tz9Mk4";

interface Cut {
  path: Step[];
  start: number;
  end: number;
  text: string;
  value: unknown;
}

/** Feeds `doc` in chunks of `size` bytes through one reused buffer that is scribbled over after each push. */
function split(doc: Buffer, sizes: number | number[], opts: { descend?: DescendRule; maxPiece?: number; jump?: JumpRule } = {}): Cut[] {
  const cuts: Cut[] = [];
  const sp = new JsonSplitter("state.json", opts.descend ?? descendInto, (path, piece) => {
    cuts.push({ path: [...path], start: piece.start, end: piece.end, text: piece.text(), value: piece.value() });
  }, opts.maxPiece ?? 1 << 20, opts.jump);
  const list = Array.isArray(sizes) ? sizes : [];
  let at = 0;
  let k = 0;
  const scratch = Buffer.alloc(Math.max(doc.length, 1));
  while (at < doc.length) {
    const size = Array.isArray(sizes) ? (list[k++] ?? doc.length) : sizes;
    const n = Math.min(size, doc.length - at);
    doc.copy(scratch, 0, at, at + n);
    sp.push(scratch.subarray(0, n));
    scratch.fill(0x7b, 0, n); // the reader reuses its buffer: the splitter must have copied what it keeps
    at += n;
  }
  sp.end();
  return cuts;
}

/** The pieces as the audit sees them (small walked containers cut whole are expanded by piecesOf). */
function normalized(cuts: Cut[]): string[] {
  const out: string[] = [];
  for (const c of cuts) piecesOf(c.path, c.value, (p, v) => out.push(`${toPointer(p)} = ${JSON.stringify(v)}`));
  return out;
}

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}

function expectSafeMessage(e: Error, ...texts: string[]): void {
  expect(e.message.includes("\n")).toBe(false);
  expect(e.message.startsWith("state.json: ")).toBe(true);
  if (texts.length) expectNoLeaks(texts, [["error message", e.message]]);
}

const STATE_OBJ = {
  version: 4,
  terraform_version: "1.9.5",
  serial: 12,
  lineage: "0d9c-lineage",
  outputs: { db_password: { value: SECRET, type: "string", sensitive: true } },
  resources: [
    {
      mode: "managed",
      type: "terraform_data",
      name: "creds",
      provider: 'provider["terraform.io/builtin/terraform"]',
      instances: [
        {
          schema_version: 0,
          attributes: { id: "1", input: { value: { client_secret: SECRET, token: TOKEN }, type: ["object", { client_secret: "string" }] } },
          sensitive_attributes: [[{ type: "get_attr", value: "input" }]],
        },
      ],
    },
    { mode: "data", type: "aws_region", name: "here", instances: [] },
  ],
  check_results: null,
};
/** Indented like Terraform writes states, with `\uXXXX` escapes and a byte order mark variant below. */
const STATE = Buffer.from(JSON.stringify(STATE_OBJ, null, 2).replace(/é/g, "\\u00e9").replace(/</g, "\\u003c"), "utf8");

const PLAN_OBJ = {
  format_version: "1.2",
  terraform_version: "1.9.5",
  variables: { db_password: { value: SECRET } },
  planned_values: {
    root_module: {
      resources: [
        { address: "aws_db_instance.db", mode: "managed", type: "aws_db_instance", name: "db", values: { password: SECRET }, sensitive_values: { password: true } },
        { address: "aws_lb_listener.l", mode: "managed", type: "aws_lb_listener", name: "l", values: { port: 443 }, sensitive_values: {} },
      ],
      child_modules: [{ address: "module.m", resources: [{ address: "module.m.null_resource.n", values: {} }] }],
    },
  },
  resource_changes: [
    // Nested elements whose first member is also "address": the one-line end guess misses here, harmlessly.
    { address: "aws_db_instance.db", change: { actions: ["create"], before: null, after: { rules: [{ address: "x" }, { address: "y" }], password: SECRET }, after_sensitive: { password: true } } },
    { address: "aws_lb_listener.l", change: { actions: ["update"], before: { token: TOKEN }, after: { token: TOKEN } } },
    { address: "random_password.p", change: { actions: ["no-op"], before: {}, after: {} } },
  ],
  output_changes: { out: { before: null, after: TOKEN, after_sensitive: true } },
  configuration: {
    provider_config: { aws: { name: "aws", expressions: { region: { constant_value: "eu-west-1" } } } },
    root_module: {
      resources: [{ address: "aws_db_instance.db", type: "aws_db_instance", expressions: { password: { constant_value: SECRET } } }],
      variables: { db_password: { sensitive: true } },
    },
  },
};
const PLAN = Buffer.from(JSON.stringify(PLAN_OBJ), "utf8");

const CDK_OBJ = {
  "//": { metadata: { version: "0.20.0", stackName: "app" } },
  terraform: { required_providers: { aws: { source: "aws", version: "5.0.0" } } },
  provider: { aws: [{ region: "eu-west-1" }, { alias: "us", region: "us-east-1" }] },
  resource: {
    aws_db_instance: { db: { password: SECRET, engine: "postgres" } },
    terraform_data: { "caf\u00e9 \"q\"": { input: TOKEN } },
  },
  variable: { pw: { type: "string", sensitive: true, default: TOKEN } },
  output: { o: { value: "${aws_db_instance.db.password}", sensitive: true } },
  locals: { l: TOKEN },
};
/** cdktf writes two-space indentation; member names escaped by hand. */
const CDK = Buffer.from(JSON.stringify(CDK_OBJ, null, 2).replace('"café \\"q\\""', '"caf\\u00e9 \\"q\\""'), "utf8");

const DOCS: Array<[string, Buffer]> = [
  ["state", STATE],
  ["one-line plan", PLAN],
  ["cdk.tf.json", CDK],
];

describe("JsonSplitter: expected pieces", () => {
  it("fixtures are valid JSON that still holds the planted escapes", () => {
    expect(JSON.parse(STATE.toString("utf8"))).toEqual(STATE_OBJ);
    expect(STATE.toString("utf8").includes("\\u00e9")).toBe(true);
    expect(JSON.parse(PLAN.toString("utf8"))).toEqual(PLAN_OBJ);
    expect(JSON.parse(CDK.toString("utf8"))).toEqual(CDK_OBJ);
    expect(CDK.toString("utf8").includes("caf\\u00e9")).toBe(true);
    expect(SECRET_ESCAPED.length).toBeGreaterThan(SECRET.length);
  });

  it("state: walks resources and instances, cuts each instance and output whole", () => {
    const cuts = split(STATE, 1); // one byte at a time: the end guess never fires, everything is walked
    expect(cuts.map((c) => toPointer(c.path))).toEqual([
      "/version",
      "/terraform_version",
      "/serial",
      "/lineage",
      "/outputs/db_password",
      "/resources/0/mode",
      "/resources/0/type",
      "/resources/0/name",
      "/resources/0/provider",
      "/resources/0/instances/0",
      "/resources/1/mode",
      "/resources/1/type",
      "/resources/1/name",
      "/check_results",
    ]);
    const byPtr = new Map(cuts.map((c) => [toPointer(c.path), c.value]));
    expect(byPtr.get("/version")).toBe(4);
    expect(byPtr.get("/check_results")).toBeNull();
    expect(byPtr.get("/outputs/db_password")).toEqual(STATE_OBJ.outputs.db_password);
    expect(byPtr.get("/resources/0/instances/0")).toEqual(STATE_OBJ.resources[0].instances[0]);
    expect(byPtr.get("/resources/0/provider")).toBe(STATE_OBJ.resources[0].provider);
  });

  it("state: offsets point at the piece's bytes in the file", () => {
    for (const size of [1, 7, STATE.length]) {
      for (const c of split(STATE, size)) {
        expect(STATE.subarray(c.start, c.end).toString("utf8")).toBe(c.text);
        expect(JSON.parse(c.text)).toEqual(c.value);
      }
    }
  });

  it("state read whole: the end guess cuts each resource whole, which piecesOf expands to the walked pieces", () => {
    const whole = split(STATE, STATE.length);
    expect(whole.some((c) => toPointer(c.path) === "/resources/0")).toBe(true);
    expect(normalized(whole)).toEqual(normalized(split(STATE, 1)));
  });

  it("one-line plan: one piece per resource, change, output change and configuration resource", () => {
    const cuts = split(PLAN, 1);
    expect(cuts.map((c) => toPointer(c.path))).toEqual([
      "/format_version",
      "/terraform_version",
      "/variables",
      "/planned_values/root_module/resources/0",
      "/planned_values/root_module/resources/1",
      "/planned_values/root_module/child_modules/0/address",
      "/planned_values/root_module/child_modules/0/resources/0",
      "/resource_changes/0",
      "/resource_changes/1",
      "/resource_changes/2",
      "/output_changes/out",
      "/configuration/provider_config",
      "/configuration/root_module/resources/0",
      "/configuration/root_module/variables",
    ]);
    const byPtr = new Map(cuts.map((c) => [toPointer(c.path), c.value]));
    expect(byPtr.get("/resource_changes/0")).toEqual(PLAN_OBJ.resource_changes[0]);
    expect(byPtr.get("/variables")).toEqual(PLAN_OBJ.variables);
    expect(byPtr.get("/configuration/root_module/resources/0")).toEqual(PLAN_OBJ.configuration.root_module.resources[0]);
  });

  it("cdk.tf.json: one piece per resource block, member names with escapes decoded", () => {
    const cuts = split(CDK, 1);
    expect(cuts.map((c) => c.path)).toEqual([
      ["//"],
      ["terraform"],
      ["provider"],
      ["resource", "aws_db_instance", "db"],
      ["resource", "terraform_data", 'café "q"'],
      ["variable"],
      ["output"],
      ["locals"],
    ]);
    expect(cuts[4].value).toEqual({ input: TOKEN });
    expect(cuts[2].value).toEqual(CDK_OBJ.provider);
  });
});

describe("JsonSplitter: chunk boundaries", () => {
  for (const [name, doc] of DOCS) {
    const reference = normalized(split(doc, 1));

    it(`${name}: same pieces for chunks of 1, 2, 3, 7, 64 bytes and whole`, () => {
      for (const size of [1, 2, 3, 7, 64, doc.length]) {
        expect(normalized(split(doc, size))).toEqual(reference);
      }
    });

    it(`${name}: same pieces for every single cut point (two chunks)`, () => {
      for (let k = 1; k < doc.length; k++) {
        const got = normalized(split(doc, [k, doc.length - k]));
        if (got.length !== reference.length || got.some((g, i) => g !== reference[i])) throw new Error(`${name}: differs when cut at byte ${k}`);
      }
    });
  }

  it("cuts that land inside strings, after backslashes, inside \\uXXXX escapes and inside UTF-8 characters", () => {
    const text = STATE.toString("latin1");
    const interesting: number[] = [];
    for (let k = 1; k < STATE.length; k++) {
      const prev = STATE[k - 1];
      if (prev === 0x5c || STATE[k] === 0x5c || (STATE[k] & 0xc0) === 0x80 || text.startsWith("\\u", k - 2) || text.startsWith("\\u", k - 4)) interesting.push(k);
    }
    // The fixture really has these seams: escaped quotes and backslashes, \u escapes, 2-, 3- and 4-byte characters.
    expect(interesting.length).toBeGreaterThan(20);
    expect(STATE.includes(Buffer.from("😀"))).toBe(true);
    const reference = normalized(split(STATE, STATE.length));
    for (const k of interesting) {
      // Three chunks: the seam at k, and a second seam one byte later.
      const got = normalized(split(STATE, [k, 1, STATE.length]));
      if (got.join("\n") !== reference.join("\n")) throw new Error(`differs when cut at byte ${k}`);
    }
    const instance = split(STATE, 3).find((c) => toPointer(c.path) === "/resources/0/instances/0")!;
    expect((instance.value as any).attributes.input.value.client_secret === SECRET).toBe(true);
  });

  it("a string made of escapes only, cut at every byte", () => {
    const doc = Buffer.from('{"a":"\\\\\\"\\\\\\u0041\\n\\\\","b":"\\\\","c":{"k\\\\":"\\""}}', "utf8");
    const expected = JSON.parse(doc.toString("utf8"));
    for (let k = 1; k < doc.length; k++) {
      const got: Record<string, unknown> = {};
      for (const c of split(doc, [k, 1, doc.length], { descend: (p) => p.length === 0 })) got[c.path[0] as string] = c.value;
      expect(got).toEqual(expected);
    }
  });
});

describe("JsonSplitter: byte order mark", () => {
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), STATE]);

  it("accepts a UTF-8 BOM; offsets still count its bytes", () => {
    const cuts = split(withBom, 4096);
    expect(normalized(cuts)).toEqual(normalized(split(STATE, 4096)));
    for (const c of cuts) expect(withBom.subarray(c.start, c.end).toString("utf8")).toBe(c.text);
    expect(cuts[0].start).toBe(STATE.indexOf("4") + 3);
  });

  // BUG: the BOM is only recognised when the first push holds all three of its bytes.
  it("accepts a BOM cut across the first chunks (chunks of 1 and 2 bytes)", () => {
    for (const size of [1, 2]) expect(normalized(split(withBom, size))).toEqual(normalized(split(STATE, 4096)));
  });
});

describe("JsonSplitter: refusals are one-line InputErrors that never quote the document", () => {
  it("empty input", () => {
    const e = thrown(() => split(Buffer.alloc(0), 1));
    expectSafeMessage(e);
    expect(e.message).toMatch(/empty/);
    const sp = new JsonSplitter("state.json", descendInto, () => undefined, 1 << 20);
    sp.push(Buffer.alloc(0));
    expectSafeMessage(thrown(() => sp.end()));
  });

  it("truncated document, at any length, whatever the chunking", () => {
    for (const doc of [STATE, PLAN, CDK]) {
      for (const cut of [1, 2, 10, Math.floor(doc.length / 3), Math.floor(doc.length / 2), doc.length - 2, doc.length - 1]) {
        for (const size of [1, 5, doc.length]) {
          const e = thrown(() => split(doc.subarray(0, cut), size));
          expectSafeMessage(e, SECRET, TOKEN, "client_secret");
        }
      }
    }
    // Truncated inside a secret string: the message names a byte offset only.
    const inSecret = STATE.indexOf("Zq7-") + 6;
    const e = thrown(() => split(STATE.subarray(0, inSecret), 64));
    expectSafeMessage(e, "Zq7");
    expect(e.message).toMatch(/truncated|ends early/);
  });

  it("trailing data after the root", () => {
    for (const tail of [" x", "{}", ' "' + TOKEN + '"', "\n,"]) {
      for (const size of [1, 1 << 16]) {
        const e = thrown(() => split(Buffer.from('{"a": 1}' + tail), size));
        expectSafeMessage(e, TOKEN);
        expect(e.message).toMatch(/after the end/);
      }
    }
  });

  it("top level that is not an object", () => {
    for (const doc of ["[1,2]", '"' + TOKEN + '"', "42", "true", "null", "-1"]) {
      const e = thrown(() => split(Buffer.from(doc), 1 << 16));
      expectSafeMessage(e, TOKEN);
      expect(e.message).toMatch(/top level is not an object/);
    }
    expectSafeMessage(thrown(() => split(Buffer.from("x{}"), 4)));
  });

  it("bad member name (invalid escape, not a string), whole or cut", () => {
    const bad = Buffer.from('{"ok": 1, "' + TOKEN + '\\x": 2}');
    for (const size of [1, 3, bad.length]) {
      const e = thrown(() => split(bad, size));
      expectSafeMessage(e, TOKEN);
      expect(e.message).toMatch(/bad member name/);
    }
    const e2 = thrown(() => split(Buffer.from("{" + TOKEN + ": 1}"), 1 << 16));
    expectSafeMessage(e2, TOKEN);
    expect(e2.message).toMatch(/member name/);
  });

  it("a structural error: missing ':' or ','", () => {
    for (const doc of ['{"a" 1}', '{"a": 1 "b": 2}', '{"resources": [1 2]}', '{"a": }']) {
      expectSafeMessage(thrown(() => split(Buffer.from(doc), 2)));
    }
  });

  it("a piece larger than maxPiece, cut or guessed, names the path but not the value", () => {
    const big = Buffer.from(JSON.stringify({ resources: [{ instances: [{ attributes: { k: TOKEN.repeat(20) } }] }] }, null, 2));
    for (const size of [1, 9, big.length]) {
      const e = thrown(() => split(big, size, { maxPiece: 64 }));
      expectSafeMessage(e, TOKEN);
      expect(e.message).toMatch(/larger than/);
      expect(e.message.includes("/resources")).toBe(true);
    }
    const str = Buffer.from(JSON.stringify({ lineage: TOKEN.repeat(10) }));
    expectSafeMessage(thrown(() => split(str, 4, { maxPiece: 32 })), TOKEN);
    // At the limit exactly: accepted.
    const exact = Buffer.from(JSON.stringify({ lineage: "x".repeat(30) }));
    expect(split(exact, 5, { maxPiece: 32 })).toHaveLength(1);
  });

  it("a piece that is not valid JSON throws from value(), without quoting it", () => {
    const doc = Buffer.from('{"resources": [{"token": "' + TOKEN + '\\q"}], "serial": tru}');
    const seen: string[] = [];
    const sp = new JsonSplitter("state.json", descendInto, (path, piece) => {
      const e = thrown(() => piece.value());
      expectSafeMessage(e, TOKEN, "tru");
      seen.push(toPointer(path));
    }, 1 << 20);
    sp.push(doc);
    sp.end();
    expect(seen).toEqual(["/resources/0/token", "/serial"]); // a one-element one-line array is walked
  });
});

describe("JsonSplitter: the jump rule", () => {
  const doc = Buffer.from(JSON.stringify({ version: 4, resources: [{ instances: [{ attributes: { k: TOKEN } }] }, { name: "keep" }], serial: 1 }, null, 2));
  const skipped = split(doc, doc.length).find((c) => toPointer(c.path) === "/resources/0")!;

  it("skips a value whose extent it knows, unread, whatever the chunking", () => {
    expect(skipped).toBeDefined();
    for (const size of [1, 2, 7, 64, doc.length]) {
      const asked: number[] = [];
      const cuts = split(doc, size, {
        jump: (start) => {
          asked.push(start);
          return start === skipped.start ? skipped.end : -1;
        },
      });
      expect(asked.includes(skipped.start)).toBe(true);
      const ptrs = normalized(cuts).map((s) => s.split(" = ")[0]);
      expect(ptrs.some((p) => p.startsWith("/resources/0"))).toBe(false);
      expect(ptrs).toContain("/resources/1/name");
      expect(ptrs).toContain("/serial");
      expect(cuts.some((c) => c.text.includes(TOKEN))).toBe(false);
    }
  });

  it("a jump to the end of the root finishes the document", () => {
    const root = Buffer.from('{"a": 1, "b": "' + TOKEN + '"}');
    const start = root.indexOf('"' + TOKEN);
    const cuts = split(root, 3, { jump: (s) => (s === start ? start + TOKEN.length + 2 : -1) });
    expect(cuts.map((c) => c.path)).toEqual([["a"]]);
  });
});

describe("EndGuess", () => {
  it("guesses the end of an indented object and array", () => {
    const text = JSON.stringify({ resources: [{ a: { b: [1, 2] }, c: "}" }, { d: [] }], x: [1, [2]] }, null, 2);
    const buf = Buffer.from(text);
    const g = new EndGuess();
    let checked = 0;
    for (let i = 0; i < buf.length; i++) {
      if (buf[i] !== 0x7b && buf[i] !== 0x5b) continue;
      if (buf[i - 1] !== 0x20 || !/\n *$/.test(text.slice(0, i))) continue; // starts its own line
      const end = g.guess(buf, i);
      expect(end).toBeGreaterThan(i);
      expect(() => JSON.parse(text.slice(i, end))).not.toThrow();
      checked++;
    }
    expect(checked).toBe(3); // the two resources and the inner [2]
    const root = g.guess(buf, 0); // the document start: no line before it, not in an array
    expect(root).toBe(-1);
  });

  it("guesses the end of one-line array elements that share a first member name", () => {
    const items = [{ address: "a", v: { w: 1 } }, { address: "b", v: [] }, { address: "c" }];
    const text = JSON.stringify({ resource_changes: items });
    const buf = Buffer.from(text);
    const g = new EndGuess();
    const first = text.indexOf("[{") + 1;
    const end = g.guess(buf, first);
    expect(JSON.parse(text.slice(first, end))).toEqual(items[0]);
    const second = end + 1;
    const end2 = g.guess(buf, second);
    expect(JSON.parse(text.slice(second, end2))).toEqual(items[1]);
    expect(g.guess(buf, end2 + 1)).toBe(-1); // the last element: nothing follows with its name
  });

  it("does not guess where neither layout applies", () => {
    const g = new EndGuess();
    expect(g.guess(Buffer.from('{"a":{"b":1}}'), 5)).toBe(-1); // a member value on one line
    expect(g.guess(Buffer.from("[[1],[2]]"), 1)).toBe(-1); // arrays in arrays
    expect(g.guess(Buffer.from("[{},{}]"), 1)).toBe(-1); // no first name
    expect(g.guess(Buffer.from('[{"' + "n".repeat(80) + '":1},{"' + "n".repeat(80) + '":2}]'), 1)).toBe(-1); // name too long
    expect(g.guess(Buffer.from("{\n  \"a\": {\n    \"b\": 1"), 9)).toBe(-1); // end not in this chunk
  });

  it("a wrong guess is rejected by JSON.parse, and the splitter still cuts the right piece", () => {
    const text = JSON.stringify([{ address: "a", rules: [{ x: 1 }, { address: "inner" }] }, { address: "b" }]);
    const buf = Buffer.from(text);
    const end = new EndGuess().guess(buf, 1);
    expect(end).toBeGreaterThan(1);
    expect(() => JSON.parse(text.slice(1, end))).toThrow();
    // In a plan, the same layout: the guess misses on element 0 and the splitter cuts it exactly.
    const whole = split(PLAN, PLAN.length);
    const rc0 = whole.find((c) => toPointer(c.path) === "/resource_changes/0")!;
    expect(rc0.value).toEqual(PLAN_OBJ.resource_changes[0]);
  });

  it("stops guessing after many more misses than hits (a quarter of the hits, plus 64)", () => {
    const buf = Buffer.from(JSON.stringify([{ a: 1 }, { a: 2 }]));
    const g = new EndGuess();
    for (let k = 0; k < 64; k++) g.confirmed(false);
    expect(g.guess(buf, 1)).toBeGreaterThan(0);
    g.confirmed(false);
    expect(g.guess(buf, 1)).toBe(-1);
    const h = new EndGuess();
    for (let k = 0; k < 40; k++) h.confirmed(true);
    for (let k = 0; k < 74; k++) h.confirmed(false);
    expect(h.guess(buf, 1)).toBeGreaterThan(0); // hits buy more misses
    h.confirmed(false);
    expect(h.guess(buf, 1)).toBe(-1);
  });

  it("a guess that finds no end counts as a miss, so hostile layouts stop the guessing", () => {
    // One-line elements whose first names all differ: the pattern ",{<first name>" never recurs.
    const hostile = Buffer.from("[" + Array.from({ length: 200 }, (_, i) => `{"k${i}":1}`).join(",") + "]");
    const good = Buffer.from(JSON.stringify([{ a: 1 }, { a: 2 }]));
    const g = new EndGuess();
    expect(g.guess(good, 1)).toBeGreaterThan(0);
    let at = 1;
    for (let k = 0; k < 65; k++) {
      expect(g.guess(hostile, at)).toBe(-1);
      at = hostile.indexOf(",{", at) + 1;
    }
    expect(g.guess(good, 1)).toBe(-1); // stopped for good
  });

  it("a splitter whose guesses keep failing still cuts the same pieces", () => {
    // Every element's first name repeats inside it, so each guess cuts too early.
    const items = Array.from({ length: 200 }, (_, i) => ({ address: `r${i}`, change: { after: [{ address: "x" }, { address: "y" }] } }));
    const doc = Buffer.from(JSON.stringify({ resource_changes: items }));
    const cuts = split(doc, doc.length);
    expect(cuts.map((c) => c.value)).toEqual(items);
  });
});

describe("json-shape: repeated member names in a cut piece", () => {
  // Texts with their member count (what JSON.parse keeps when no name repeats).
  const clean: Array<[string, string]> = [
    ["compact", '{"a":1,"b":{"c":2,"d":[{"e":3}]}}'],
    ["indented, blanks before colons", '{\n  "a" : 1,\n  "b"\n\t:\r\n {"c":2}\n}'],
    ["colons and escaped quotes inside strings", '{"arn":"arn:aws:iam::1:role/x","q":"say \\":\\" now","p":"{\\"k\\":\\"v\\"}"}'],
    ["a name ending in a backslash", '{"a\\\\":1,"b":2}'],
    ["strings that start with a colon", '{"a":":x","b":" :y",":c":1}'],
    ["empty names and containers", '{"":{},"x":[],"y":[{}]}'],
  ];

  it.each(clean)("%s: the bound covers every separator, and the piece is accepted", (_, text) => {
    const value = JSON.parse(text);
    const members = countMembers(value, "f.json", []);
    expect(countMemberSeparators(text)).toBe(members);
    expect(separatorBound(text)).toBeGreaterThanOrEqual(members);
    expect(() => checkParsedPiece(text, value, "f.json", [])).not.toThrow();
  });

  it("the bound is exact unless a string starts with a colon", () => {
    expect(separatorBound(clean[0][1])).toBe(5);
    expect(separatorBound(clean[1][1])).toBe(3);
    expect(separatorBound(clean[2][1])).toBe(3);
    expect(separatorBound(clean[4][1])).toBeGreaterThan(3);
  });

  const repeated: Array<[string, string]> = [
    ["at the top", '{"a":1,"a":2}'],
    ["nested, with blanks before the colon", '{"x":{"a" :1,\n"a"\n:2}}'],
    ["the repeat alone has a blank before its colon (so `\":` counts match the members)", '{"a":1,"a" :2}'],
    ["beside a string that starts with a colon", '{"s":":x","a":1,"a":2}'],
    ["escaped the same", '{"\\u0061":1,"a":2}'],
  ];

  it.each(repeated)("%s: refused with a one-line JsonShapeError", (_, text) => {
    const value = JSON.parse(text);
    let thrown: unknown;
    try {
      checkParsedPiece(text, value, "f.json", ["resources", 0]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(JsonShapeError);
    expect((thrown as Error).message).toMatch(/^f\.json: a member name appears twice in the object at \/resources\/0/);
    expect((thrown as Error).message).not.toContain("\n");
  });

  it("for any JSON document, however laid out, the bound never falls below the separators", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 1, 2, "\t"), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        const members = countMembers(v, "f.json", []);
        return countMemberSeparators(text) === members && separatorBound(text) >= members;
      }),
      { numRuns: 300 },
    );
  });
});
