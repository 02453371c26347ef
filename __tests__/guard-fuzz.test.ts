/**
 * Fuzzing the audit and the diff with fast-check: small valid state, plan and cdk.tf.json documents with a planted
 * secret, mutated (truncated, member names duplicated, control characters and random bytes inserted, nested deep,
 * values swapped for other types). Whatever comes in, the CLI must end with 0, 1 or 2, say one line on stderr
 * when it refuses (2), and never print the planted value. Runs in-process through main() with captured output.
 * Fixed seed; on failure only the seed and the counterexample path are printed, never the generated input.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { capture, secretGuard } from "./support/day2";
import { findLeaks } from "./support/leak-check";

const SEED = 20_251_129;
const RUNS = 200;
/** Recognised by the detector catalogue under any name, so even a value whose marks are mutated away is redacted. */
const PLANT = "ghp_" + "Q7wE9rT1yU3iO5pA7sD9fG1hJ3kL5zX7cV9b";
const PLANT_ENV = "SG_FUZZ_PLANTED";

function stateDoc(): unknown {
  return {
    version: 4,
    terraform_version: "1.9.8",
    serial: 3,
    lineage: "6d1c4c6a-0000-4000-8000-000000000001",
    outputs: { token: { value: PLANT, type: "string", sensitive: true } },
    resources: [
      {
        mode: "managed",
        type: "aws_secretsmanager_secret_version",
        name: "v",
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [
          {
            schema_version: 0,
            attributes: { id: "arn:aws:secretsmanager:us-east-1:123456789012:secret:app", secret_string: PLANT, tags: { Name: "app" } },
            sensitive_attributes: [[{ type: "get_attr", value: "secret_string" }]],
          },
        ],
      },
    ],
  };
}

function planDoc(): unknown {
  const client = { name: PLANT, authorized_grant_type: "CLIENT-CREDENTIALS", scopes: ["users:readonly", PLANT], roles: [{ role_id: PLANT, division_id: "*" }] };
  return {
    format_version: "1.2",
    terraform_version: "1.9.8",
    planned_values: { root_module: { resources: [{ address: "genesyscloud_oauth_client.api", mode: "managed", type: "genesyscloud_oauth_client", name: "api", values: client, sensitive_values: true }] } },
    resource_changes: [
      {
        address: "genesyscloud_oauth_client.api",
        mode: "managed",
        type: "genesyscloud_oauth_client",
        name: "api",
        change: { actions: ["create"], before: null, after: client, after_unknown: {}, after_sensitive: true },
      },
    ],
    configuration: { root_module: { resources: [{ address: "genesyscloud_oauth_client.api", mode: "managed", type: "genesyscloud_oauth_client", name: "api", expressions: { name: { constant_value: PLANT } } }] } },
  };
}

function synthDoc(): unknown {
  return {
    terraform: { backend: { s3: { bucket: "b", key: "k", region: "us-east-1", encrypt: true, use_lockfile: true } } },
    resource: {
      genesyscloud_oauth_client: { api: { name: "Ops-Client", authorized_grant_type: "CLIENT-CREDENTIALS", scopes: [PLANT], roles: [{ role_id: PLANT }] } },
      aws_secretsmanager_secret_version: { v: { secret_id: "arn:aws:secretsmanager:us-east-1:123456789012:secret:app", secret_string: PLANT } },
    },
  };
}

const SEEDS = [
  { name: "terraform.tfstate", text: JSON.stringify(stateDoc(), null, 2) },
  { name: "plan.json", text: JSON.stringify(planDoc()) },
  { name: "cdk.tf.json", text: JSON.stringify(synthDoc(), null, 2) },
];

type Mutation = (text: string) => Buffer;
const CONTROLS = ["\n::error::x", "\u001b]8;;https://e.example\u0007", "\u0000", "\u007f", "\u0085", "\u2028", "\u202e", "\u2066", "\r"];
const VALUES = ["0", "-1e999", "NaN", "true", "null", '""', "[]", "{}", '[{"a":[]}]', '{"value":1,"type":"string"}', "\"\\ud800\""];

/** Positions where a member name starts (`"name":`), to duplicate or replace members. */
function memberStarts(text: string): number[] {
  const out: number[] = [];
  const re = /[{,]\s*"([a-z_]+)"\s*:/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index + 1);
  return out;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 999 }).map((f) => (t: string) => Buffer.from(t).subarray(0, Math.floor((t.length * f) / 1000))), weight: 1 },
  { arbitrary: fc.constant((t: string) => Buffer.from(t)), weight: 2 },
  { arbitrary: fc.nat().map((k) => (t: string) => {
    // Duplicate a member: `"name": <its text up to the next comma>` inserted again in the same object.
    const starts = memberStarts(t);
    if (starts.length === 0) return Buffer.from(t);
    const at = starts[k % starts.length];
    const end = t.indexOf(",", at);
    const member = t.slice(at, end < 0 ? at : end).trim();
    return Buffer.from(t.slice(0, at) + member + "," + t.slice(at));
  }), weight: 1 },
  fc.tuple(fc.nat(), fc.constantFrom(...CONTROLS), fc.boolean()).map(([k, c, inString]) => (t: string) => {
    // A control character inside a string (raw or JSON-escaped) or between tokens.
    const quotes = [...t.matchAll(/"/g)].map((m) => m.index!);
    const at = inString && quotes.length > 0 ? quotes[k % quotes.length] + 1 : k % (t.length + 1);
    const ins = inString && k % 2 === 0 ? JSON.stringify(c).slice(1, -1) : c;
    return Buffer.from(t.slice(0, at) + ins + t.slice(at));
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6000 }), fc.boolean()).map(([k, depth, obj]) => (t: string) => {
    // Wrap a value (after a member's colon) in `depth` arrays or objects.
    const starts = memberStarts(t);
    if (starts.length === 0) return Buffer.from(t);
    const colon = t.indexOf(":", starts[k % starts.length]) + 1;
    const open = obj ? '{"a":'.repeat(depth) : "[".repeat(depth);
    const close = obj ? "}".repeat(depth) : "]".repeat(depth);
    const rest = t.slice(colon);
    const m = /^\s*("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)/.exec(rest);
    if (!m) return Buffer.from(t.slice(0, colon) + open + "null" + close + rest);
    return Buffer.from(t.slice(0, colon) + open + m[0] + close + rest.slice(m[0].length));
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...VALUES)).map(([k, v]) => (t: string) => {
    // Swap a value for another type.
    const starts = memberStarts(t);
    if (starts.length === 0) return Buffer.from(t);
    const colon = t.indexOf(":", starts[k % starts.length]) + 1;
    const rest = t.slice(colon);
    const m = /^\s*("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)/.exec(rest);
    return m ? Buffer.from(t.slice(0, colon) + v + rest.slice(m[0].length)) : Buffer.from(t.slice(0, colon) + v + "," + rest);
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([k, bytes]) => (t: string) => {
    const b = Buffer.from(t);
    const at = k % (b.length + 1);
    return Buffer.concat([b.subarray(0, at), Buffer.from(bytes), b.subarray(at)]);
  }),
  { arbitrary: fc.constant((t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")])), weight: 1 },
);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sg-fuzz-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("mutated Terraform JSON: audit and diff end with 0, 1 or 2, one line when refusing, never the planted value", async () => {
  // eslint-disable-next-line no-console
  console.log(`guard-fuzz seed ${SEED}`);
  let i = 0;
  const env = { ...process.env, [PLANT_ENV]: PLANT, NO_COLOR: "1" };
  const property = fc.asyncProperty(
    fc.nat({ max: SEEDS.length - 1 }),
    fc.array(mutation, { minLength: 1, maxLength: 3 }),
    fc.constantFrom("text", "json", "sarif"),
    async (which, mutations, format) => {
      const seed = SEEDS[which];
      let bytes: Buffer = Buffer.from(seed.text);
      for (const m of mutations) bytes = m(bytes.toString("utf8"));
      const sub = path.join(dir, String(i++));
      fs.mkdirSync(sub);
      const mutated = path.join(sub, seed.name);
      fs.writeFileSync(mutated, bytes);
      const original = path.join(sub, `original-${seed.name}`);
      fs.writeFileSync(original, seed.text);
      const report = path.join(sub, "report.out");
      const runs = [
        ["audit", "--format", format, "--known-env", PLANT_ENV, mutated],
        ["audit", "--format", format, "--output", report, mutated],
        ["diff", original, mutated, "--format", format === "text" ? "markdown" : "json"],
      ];
      for (const argv of runs) {
        const r = await capture((io) => secretGuard(argv, io), { env });
        const files = fs.existsSync(report) ? fs.readFileSync(report, "utf8") : "";
        const where = `${argv[0]} of a mutated ${seed.name}`;
        if (![0, 1, 2].includes(r.code)) throw new Error(`${where}: exit ${r.code}`);
        if (r.code === 2 && r.stderr.split("\n").filter(Boolean).length !== 1) throw new Error(`${where}: exit 2 without exactly one line on stderr`);
        if (r.code !== 2 && r.stderr !== "") throw new Error(`${where}: stderr on exit ${r.code}`);
        if (/internal error/.test(r.stderr)) throw new Error(`${where}: internal error`);
        const leaked = findLeaks(PLANT, [["stdout", r.stdout], ["stderr", r.stderr], ["report file", files]]);
        if (leaked.length) throw new Error(`${where}: the planted value was printed: ${leaked.join("; ")}`);
      }
      fs.rmSync(sub, { recursive: true, force: true });
    },
  );
  const out = await fc.check(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
  // Only the seed, the path to the counterexample and our own message (which never holds the planted value).
  const message = out.failed ? `fuzz failed with seed ${out.seed} at path ${out.counterexamplePath}: ${String((out.errorInstance as Error)?.message ?? "").split(PLANT).join("<planted>")}` : "";
  expect(message).toBe("");
});
