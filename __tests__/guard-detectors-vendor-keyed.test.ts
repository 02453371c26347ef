/**
 * Vendors whose keys have no prefix (guard/detectors/families/vendor-keyed.ts): recognised only by the key's name
 * and the value's shape. Checked three ways: the table's own rules (every shape, the key gate's precision), and a
 * second opinion written here from the vendors' formats, planted where states and plans carry them (a Lambda
 * environment variable, a config file's line), reported at their place in a state and a plan, look-alikes quiet,
 * and no value in any report. Values are generated at run time; failures name the vendor, never a value.
 */
import * as fs from "node:fs";
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import { KEYED_VENDORS, gateOf } from "../guard/detectors/families/vendor-keyed";
import { normaliseKey } from "../guard/detectors/key-names";
import { tempDir } from "./support/audit-cli";
import { makeRandom } from "./support/vendor-formats";
import { ruleIdsByResource } from "./support/unmarked-documents";

const catalogue = DetectorCatalogue.shipped();
const ids = (key: string, value: string) => catalogue.detectAll(key, value).map((h) => h.detector.id);

describe("the vendor-keyed table", () => {
  it("generates one detector per row, ids SG450-SG499, each once", () => {
    const rowIds = KEYED_VENDORS.map((v) => v.id);
    expect(new Set(rowIds).size).toBe(rowIds.length);
    for (const id of rowIds) expect(id).toMatch(/^SG4[5-9][0-9]$/);
    for (const id of rowIds) expect(catalogue.byId(id)?.keys).toBeDefined();
  });

  it("recognises every shape of every row under the row's key, prefixed forms included", () => {
    const missed: string[] = [];
    for (const v of KEYED_VENDORS)
      v.shapes.forEach((s, i) => {
        for (const key of v.sampleKeys) if (!ids(key, s.make(v.seed + 100 + i)).includes(v.id)) missed.push(`${v.name} shape ${i} under ${key}`);
      });
    expect(missed).toEqual([]);
  });

  it("passes secret names and refuses metadata and public-key names, in every naming style", () => {
    const wrong: string[] = [];
    for (const v of KEYED_VENDORS) {
      const gate = gateOf(v);
      const passes = (k: string) => new RegExp(gate.include).test(normaliseKey(k)) && !new RegExp(gate.exclude).test(normaliseKey(k));
      for (const k of v.sampleKeys) if (!passes(k)) wrong.push(`${v.name}: ${k} refused`);
      const [envKey] = v.sampleKeys;
      for (const suffix of ["_ID", "_NAME", "_ARN", "_URL", "_VERSION"]) if (passes(envKey + suffix)) wrong.push(`${v.name}: ${suffix} passed`);
      const vendor = envKey.split("_")[0];
      for (const k of [`${vendor}_PUBLIC_KEY`, `${vendor}_PUBLISHABLE_KEY`, `${vendor.toLowerCase()}PublicKey`]) if (passes(k)) wrong.push(`${v.name}: ${k} passed`);
    }
    expect(wrong).toEqual([]);
  });

  it("reads an anchored vendor word after TF_VAR_, never inside another word", () => {
    const r = makeRandom(4501);
    const nytKey = r("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
    expect(ids("TF_VAR_nyt_api_key", nytKey)).toContain("SG470");
    expect(ids("nyt_secret_key", nytKey)).toContain("SG470");
    // "synth", "anytime" hold "nyt" only inside a word; "consumo" holds "sumo".
    for (const key of ["synthetic_api_key", "anytime_access_key", "company_nyt_key"]) expect(ids(key, nytKey)).not.toContain("SG470");
    const sumo = r("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 64);
    expect(ids("SUMO_ACCESS_KEY", sumo)).toContain("SG488");
    expect(ids("TF_VAR_sumo_access_key", sumo)).toContain("SG488");
    expect(ids("consumo_access_key", sumo)).not.toContain("SG488");
  });

  it("keeps search-only and app keys that vendors publish out of the secrets", () => {
    const r = makeRandom(4502);
    expect(ids("ALGOLIA_SEARCH_API_KEY", r("0123456789abcdef", 32))).not.toContain("SG452");
    expect(ids("ALGOLIA_SEARCH_ONLY_KEY", r("0123456789abcdef", 32))).not.toContain("SG452");
    expect(ids("DROPBOX_APP_KEY", r("abcdefghijklmnopqrstuvwxyz0123456789", 15))).toEqual([]);
    expect(ids("PUSHER_APP_KEY", r("0123456789abcdef", 20))).toEqual([]);
  });
});

// A second opinion: formats written here from the vendors' documentation and the scanners' rule catalogues.
const HEX = "0123456789abcdef";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + LOWER_ALNUM;
type Rand = ReturnType<typeof makeRandom>;
const uuid = (r: Rand) => `${r(HEX, 8)}-${r(HEX, 4)}-4${r(HEX, 3)}-b${r(HEX, 3)}-${r(HEX, 12)}`;

interface Case {
  readonly id: string;
  readonly name: string;
  readonly make: (r: Rand) => string;
}

const CASES: readonly Case[] = [
  { id: "SG452", name: "ALGOLIA_ADMIN_API_KEY", make: (r) => r(HEX, 32) },
  { id: "SG450", name: "ADAFRUIT_IO_KEY", make: (r) => r(ALNUM + "-_", 32) },
  { id: "SG476", name: "ZENDESK_API_TOKEN", make: (r) => r(ALNUM, 40) },
  { id: "SG475", name: "TWITCH_CLIENT_SECRET", make: (r) => r(LOWER_ALNUM, 30) },
  { id: "SG468", name: "MERAKI_DASHBOARD_API_KEY", make: (r) => r(HEX, 40) },
  { id: "SG463", name: "KUCOIN_API_SECRET", make: uuid },
  { id: "SG474", name: "SQUARESPACE_API_KEY", make: uuid },
  { id: "SG457", name: "ETSY_KEYSTRING", make: (r) => r(LOWER_ALNUM, 24) },
  { id: "SG466", name: "LOOKERSDK_CLIENT_SECRET", make: (r) => r(ALNUM, 24) },
  { id: "SG488", name: "SUMOLOGIC_ACCESS_KEY", make: (r) => r(ALNUM, 64) },
  { id: "SG470", name: "TF_VAR_nyt_api_key", make: (r) => r(ALNUM, 32) },
  { id: "SG484", name: "PLAID_SECRET", make: (r) => r(LOWER_ALNUM, 30) },
  { id: "SG487", name: "DROPBOX_APP_SECRET", make: (r) => r(LOWER_ALNUM, 15) },
  { id: "SG479", name: "CONFLUENT_CLOUD_API_SECRET", make: (r) => r(ALNUM + "+/", 64) },
  { id: "SG456", name: "XI_API_KEY", make: (r) => r(HEX, 32) },
  { id: "SG461", name: "FRESHBOOKS_TOKEN", make: (r) => r(LOWER_ALNUM, 64) },
  { id: "SG497", name: "CONSUL_HTTP_TOKEN", make: uuid },
  { id: "SG497", name: "NOMAD_TOKEN", make: uuid },
  { id: "SG491", name: "SONAR_TOKEN", make: (r) => r(HEX, 40) },
  { id: "SG499", name: "SENTRY_AUTH_TOKEN", make: (r) => r(HEX, 64) },
];

/** Right shapes under names that are not the secret, wrong shapes under the secret's name: nothing to report. */
const LOOK_ALIKES: ReadonlyArray<{ readonly label: string; readonly name: string; readonly make: (r: Rand) => string }> = [
  { label: "algolia app id", name: "ALGOLIA_APP_ID", make: (r) => r("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10) },
  { label: "algolia search-only key", name: "ALGOLIA_SEARCH_API_KEY", make: (r) => r(HEX, 32) },
  { label: "meraki key id", name: "MERAKI_API_KEY_ID", make: (r) => r(HEX, 40) },
  { label: "kucoin key name", name: "KUCOIN_API_KEY_NAME", make: uuid },
  { label: "sumo access id", name: "SUMOLOGIC_ACCESS_ID", make: (r) => "su" + r(ALNUM, 12) },
  { label: "dropbox app key", name: "DROPBOX_APP_KEY", make: (r) => r(LOWER_ALNUM, 15) },
  { label: "lob publishable key", name: "LOB_PUBLISHABLE_KEY", make: (r) => "live_pub_" + r(HEX, 31) },
  { label: "zendesk token, wrong length", name: "ZENDESK_API_TOKEN", make: (r) => r(HEX, 33) },
  { label: "twitch secret, placeholder", name: "TWITCH_CLIENT_SECRET", make: () => "<your-twitch-client-secret>" },
  { label: "etsy key, interpolation", name: "ETSY_API_KEY", make: () => "${var.etsy_api_key}" },
  { label: "consul accessor id", name: "CONSUL_ACL_TOKEN_ACCESSOR_ID", make: uuid },
  { label: "nomad accessor id", name: "NOMAD_ACCESSOR_ID", make: uuid },
  { label: "sentry dsn public key", name: "SENTRY_PUBLIC_KEY", make: (r) => r(HEX, 32) },
];

interface Planted {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly file: boolean;
}

function resourceFor(p: Planted, i: number): { type: string; name: string; attributes: Record<string, unknown> } {
  return p.file
    ? { type: "local_file", name: `c${i}`, attributes: { filename: `./conf-${i}.env`, content: `# settings\n${p.name}=${p.value}\nREGION=eu-west-1\n` } }
    : { type: "aws_lambda_function", name: `f${i}`, attributes: { function_name: `fn-${i}`, environment: [{ variables: { [p.name]: p.value, LOG_LEVEL: "info" } }] } };
}


describe("vendor keys without a prefix, planted in a state and a plan", () => {
  const dir = tempDir("sg-keyed-");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const r = makeRandom(20261207);
  const both = <T extends { name: string; make: (r: Rand) => string }>(list: readonly T[], label: (t: T) => string): Planted[] =>
    list.flatMap((c) => [false, true].map((file) => ({ label: `${label(c)} in ${file ? "a file line" : "a Lambda variable"}`, name: c.name, value: c.make(r), file })));
  const positives = both(CASES, (c) => `${c.name} (${c.id})`);
  const expected = CASES.flatMap((c) => [c.id, c.id]);
  const negatives = both(LOOK_ALIKES, (l) => l.label);

  /** Audits `planted` as a state and as a plan; per document, the rule ids reported at each planted resource. */
  const audit = (kind: string, planted: readonly Planted[]) => ruleIdsByResource(dir, kind, planted.map(resourceFor), planted.map((p) => p.value));

  it("reports each vendor's key with its own rule, in a Lambda variable and in a file line", () => {
    for (const found of audit("positives", positives)) {
      const wrong = positives.flatMap((p, i) => ((found.get(i) ?? []).includes(expected[i]) ? [] : [`${p.label}: ${(found.get(i) ?? ["nothing"]).join(",")}`]));
      expect(wrong).toEqual([]);
    }
  });

  it("keeps quiet on ids, public keys, wrong shapes and placeholders under the vendors' names", () => {
    for (const found of audit("negatives", negatives)) {
      const fired = negatives.flatMap((p, i) => (found.has(i) ? [`${p.label}: ${found.get(i)!.join(",")}`] : []));
      expect(fired).toEqual([]);
    }
  });
});
