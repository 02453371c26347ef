// Precision: placeholders never fire, documented example values are recognised as such, enum values are not
// secrets, and copies are whole tokens of values worth following. Samples are synthetic, assembled at run time.
import { createHash } from "node:crypto";
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import { fake, ALNUM, BASE64 } from "../guard/detectors/families/sample-values";
import { documentedExample, PublicExamples } from "../guard/detectors/public-examples";
import { isPlaceholder } from "../guard/detectors/text-shapes";
import { isEnumLike } from "../guard/rules/enum-values";
import { copyWorthy, occursAsToken, SecretIndex } from "../guard/audit/detect/secret-index";

const catalogue = DetectorCatalogue.shipped();
const X = (n: number, c = "x") => c.repeat(n);

describe("isPlaceholder", () => {
  const yes: Array<[string, string]> = [
    ["x run", X(24)],
    ["x run after a token prefix", "gh" + "p_" + X(36)],
    ["X run after an AWS prefix", "AK" + "IA" + X(16, "X")],
    ["your-token", "your-token"],
    ["YOUR_API_KEY", "YOUR_API_KEY"],
    ["camelCase placeholder after a prefix", "gh" + "p_yourTokenHere"],
    ["words after a vendor prefix", "sk_" + "live_your_secret_key_here"],
    ["angle brackets", "<token>"],
    ["interpolation", "${var.api_token}"],
    ["template", "{{ token }}"],
    ["changeme", "changeme"],
    ["REPLACE_ME", "REPLACE_ME"],
    ["TODO", "TODO"],
    ["dummy", "dummy"],
    ["mask", "****"],
    ["mask inside a token", "sk_" + "live_****************1234"],
    ["sequence", "1234567890abcdef"],
    ["descending sequence", "9876543210"],
    ["repeated characters with digits", "aaaa1111bbbb"],
    ["uuid mask", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"],
  ];
  const no: Array<[string, string]> = [
    ["random alphanumeric", fake(ALNUM, 32, 11)],
    ["random base64", fake(BASE64, 40, 12)],
    ["token with a prefix", "gh" + "p_" + fake(ALNUM, 36, 13)],
    ["password with symbols", "Zq9#xK2$mP4!vL7&nR8*wQ3"],
    ["value containing ${ at the end", fake(ALNUM, 24, 14) + "${x}"],
    ["passphrase with digits", "correct-horse-42-battery"],
    // Documents that happen to be wrapped or to hold a mask are judged, not dismissed (a literal in configuration).
    ["a JSON array of credentials", JSON.stringify([{ user: "svc", password: fake(ALNUM, 20, 15) }])],
    ["an XML document", "<config><password>" + fake(ALNUM, 20, 16) + "</password></config>"],
    ["text with a *** banner", "# *** generated ***\ndb_password = " + fake(ALNUM, 20, 17) + "\n"],
  ];
  it.each(yes)("%s is a placeholder", (_what, v) => expect(isPlaceholder(v)).toBe(true));
  it.each(no)("%s is not a placeholder", (_what, v) => expect(isPlaceholder(v)).toBe(false));
});

describe("placeholders never fire, with any detector", () => {
  const forms = [
    "gh" + "p_" + X(36),
    "AK" + "IA" + X(16, "X"),
    "xo" + "xb-your-token",
    "sk_" + "live_your_secret_key_here",
    "sk_" + "live_" + X(24),
    "<your-api-token>",
    "${var.token}",
    "{{ token }}",
    "changeme",
    "REPLACE_ME",
    "1234567890abcdef1234567890abcdef",
    "postgres://app:****@db.internal:5432/app",
    "password = REPLACE_ME\n",
  ];
  it.each(forms.map((v) => [v.length, v] as const))("a placeholder of length %d fires nothing under any key", (_n, v) => {
    for (const key of ["", "token", "password", "api_key", "client_secret", "value"]) expect(catalogue.detect(key, v)?.detector.id ?? "none").toBe("none");
  });
  it("the same formats with random bodies still fire", () => {
    expect(catalogue.detect("note", "gh" + "p_" + fake(ALNUM, 36, 21))).toBeDefined();
    expect(catalogue.detect("note", "AK" + "IA" + fake("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 22))).toBeDefined();
  });
});

describe("documented example values", () => {
  const awsKeyId = "AK" + "IA" + "IOSFODNN7" + "EXA" + "MPLE";
  const awsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXA" + "MPLE" + "KEY";
  it("AWS's documented example pair is known, by digest and by its marker", () => {
    expect(documentedExample(awsKeyId)).toMatch(/AWS/);
    expect(documentedExample(awsSecret)).toMatch(/AWS/);
  });
  it("a token-like value marked EXAMPLE is an example; a domain name or a random value is not", () => {
    expect(documentedExample("AK" + "IA" + fake("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 9, 31) + "EXA" + "MPLE")).toBeDefined();
    expect(documentedExample("sk_" + "test_example_" + fake(ALNUM, 12, 32))).toBeDefined();
    expect(documentedExample("db.example.com")).toBeUndefined();
    expect(documentedExample("admin@example.org")).toBeUndefined();
    expect(documentedExample(fake(ALNUM, 40, 33))).toBeUndefined();
    expect(documentedExample("a long document with EXAMPLE in it and spaces")).toBeUndefined();
  });
  it("the catalogue matches whole values by digest only (prefix and length narrow the lookup)", () => {
    const value = "acme_" + fake(ALNUM, 27, 34);
    const digest = createHash("sha256").update(value).digest("hex");
    const c = new PublicExamples({ markers: [], words: [], values: [{ vendor: "Acme", what: "the Acme docs key", source: "https://acme.invalid/docs", prefix: value.slice(0, 4), length: value.length, sha256: digest }] });
    expect(c.describe(value)).toBe("the Acme docs key (Acme)");
    expect(c.describe(value.slice(0, -1) + (value.endsWith("a") ? "b" : "a"))).toBeUndefined();
    expect(c.describe(value + "x")).toBeUndefined();
  });
  it("the shipped catalogue is well-formed: digests, prefixes, lengths, sources", () => {
    const data = require("../guard/detectors/public-examples.json");
    expect(data.values.length).toBeGreaterThan(3);
    for (const v of data.values) {
      expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(v.prefix).toHaveLength(4);
      expect(v.length).toBeGreaterThan(v.prefix.length);
      expect(v.source).toMatch(/^https:\/\//);
      expect(v.what.length).toBeGreaterThan(10);
    }
  });
});

describe("enum-like values are not secrets", () => {
  it.each(["SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "RSA_2048", "AES256", "ECC_NIST_P256", "ECC_SECG_P256K1", "HMAC_512", "aws:kms", "SHA256"])("%s", (v) =>
    expect(isEnumLike(v)).toBe(true),
  );
  it("random upper-case tokens and passwords are not enum values", () => {
    for (const v of [fake("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 20, 41), "AK" + "IA" + fake("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 16, 42), fake(ALNUM, 24, 43), "Zq9#xK2$mP4!"]) {
      expect(isEnumLike(v)).toBe(false);
    }
  });
});

describe("copies: whole tokens of values worth following", () => {
  it("short names, placeholders and low-entropy values are not copy-worthy; random values are", () => {
    for (const v of ["cc-testapi", "prod_db", "changeme", "aaaaaaaaaaaa", "1234567890abcdef"]) expect(copyWorthy(v)).toBe(false);
    for (const v of [fake(ALNUM, 12, 51), fake(ALNUM, 32, 52), "s3cr3t!!", "correct-horse-battery-staple"]) expect(copyWorthy(v)).toBe(true);
  });
  it("a copy stands as a whole token: quoted, in a URL, after = or a space; not inside a name", () => {
    const v = fake(ALNUM, 24, 53);
    for (const s of [`"${v}"`, `postgres://app:${v}@db/x`, `PW=${v}\n`, `Bearer ${v}`, v, `line\\n${v}`]) expect(occursAsToken(s, v)).toBe(true);
    for (const s of [`app-${v}-logs`, `${v}_role`, `x${v}`, `${v}9`]) expect(occursAsToken(s, v)).toBe(false);
    // A second occurrence that stands whole counts.
    expect(occursAsToken(`app-${v}-logs and "${v}"`, v)).toBe(true);
  });
  it("the index reports copies only as whole tokens of copy-worthy values; known values anywhere", () => {
    const index = new SecretIndex();
    const strong = fake(ALNUM, 24, 54);
    index.add("cc-testapi", { address: "x.y", attribute: "name" }, "SG103");
    index.add(strong, { address: "x.y", attribute: "secret" }, "SG103");
    const known = fake(ALNUM, 20, 55);
    index.add(known, "--known-env K", "SG110");
    const all = [0, 1, 2];
    expect(index.matchIn("bucket-cc-testapi-logs", all, true)).toBeUndefined();
    expect(index.matchIn("cc-testapi", all, true)).toBeUndefined();
    expect(index.matchIn(`name-${strong}`, all, true)).toBeUndefined();
    expect(index.matchIn(`key=${strong};`, all, true)).toBe(1);
    expect(index.matchIn(`prefix${known}suffix`, all, true)).toBe(2);
    // Redaction (copies = false) still sees every value, pieces of names included.
    expect(index.matchIn("bucket-cc-testapi-logs", all)).toBe(0);
    expect(index.findIn(`name-${strong}`, true)).toBeUndefined();
    expect(index.findIn(`name-${strong}`)).toBe(1);
  });
});
