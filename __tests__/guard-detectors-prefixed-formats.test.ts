/**
 * More vendors' prefixed token formats (issue 20, SG400-SG449): each is found under a neutral key, its public
 * counterpart (a publishable or public key, a client id) is never an error, test-mode keys are warnings, random
 * base64 and hex (user_data, digests) wake none of them, and a token planted in an unmarked attribute of a REAL
 * state and plan is reported with its own id and printed in no format. Failures name ids, families and lengths
 * only, never a value.
 */
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import { ALNUM, BASE64, BASE64URL, DIGITS, HEX, b64url, fake, fakeUuid } from "../guard/detectors/families/sample-values";
import { itWithTerraform, tempDirsRemovedAfterAll } from "./support/terraform-runner";
import { expectReportedThroughTerraform, plantedFamilies } from "./support/planted-families";

const catalogue = DetectorCatalogue.shipped();
const itTf = itWithTerraform();
const tempDir = tempDirsRemovedAfterAll();

const PREFIXED_IDS = /^SG4[0-4][0-9]$/;
const prefixed = catalogue.all().filter((d) => PREFIXED_IDS.test(d.id));

/** What fired, by id and severity only (never the secret). */
function fired(key: string, value: string): string {
  const hit = catalogue.detect(key, value);
  return hit ? `${hit.detector.id}:${hit.detector.severity}` : "none";
}

describe("the prefixed formats' records", () => {
  it("every SG400-SG449 detector has samples, keywords that start its pattern, and a vendor's fix", () => {
    expect(prefixed.length).toBeGreaterThanOrEqual(45);
    const bad = prefixed
      .filter((d) => d.samples.positive.length < 3 || d.samples.negative.length < 3 || d.fix.length < 20 || d.keywords.length === 0 || d.keys !== undefined)
      .map((d) => d.id);
    expect(bad).toEqual([]);
  });

  it("each fires under a neutral key, not only under its vendor's key name", () => {
    const neutral = new Set(["value", "content"]);
    const missing = prefixed
      .filter((d) => !d.samples.positive.some((s) => neutral.has(s.key ?? "") && catalogue.detect(s.key ?? "", s.value)?.detector.id === d.id))
      .map((d) => d.id);
    expect(missing).toEqual([]);
  });

  it("a prefix that is also an ordinary word (secret_, API-, live_, test_, sandbox_) makes a warning, never an error", () => {
    // Short keywords (pat, sl., ico-, aio_...) are kept honest by a fixed length and alphabet around them; what
    // could still be an ordinary word is a warning.
    const commonWords = prefixed.filter((d) => d.keywords.some((k) => ["secret_", "API-", "live_", "test_", "sandbox_"].includes(k))).map((d) => `${d.id}:${d.severity}`);
    expect(commonWords.sort()).toEqual(["SG405:warning", "SG424:warning", "SG443:warning", "SG445:warning"]);
  });
});

describe("public counterparts and test-mode keys", () => {
  it.each([
    ["a Mapbox public token (pk.)", "p" + "k." + b64url(JSON.stringify({ u: "acme", a: fake(ALNUM, 24, 7001) })) + "." + fake(BASE64URL, 22, 7002)],
    ["a Flutterwave public key", "FLW" + "PUBK-" + fake(HEX, 32, 7003) + "-X"],
    ["a Flutterwave test public key", "FLW" + "PUBK_TEST-" + fake(HEX, 32, 7004) + "-X"],
    ["a Lob publishable key", "li" + "ve_pub_" + fake(HEX, 31, 7005)],
    ["a 42 intranet client id", "u-s4t2" + "ud-" + fake(HEX, 64, 7006)],
    ["a Shippo token of placeholder letters", "shippo" + "_live_" + "a".repeat(40)],
  ])("%s is no error", (_what, value) => {
    for (const key of ["value", "content", "token"]) expect(fired(key, value)).not.toMatch(/:error$/);
  });

  it.each([
    ["an EasyPost", "EZ" + "TK" + fake(ALNUM, 54, 7011)],
    ["a Flutterwave", "FLW" + "SECK_TEST-" + fake("abcdefgh" + DIGITS, 32, 7012) + "-X"],
    ["a Shippo", "shippo" + "_test_" + fake(HEX, 40, 7013)],
    ["a Duffel", "duffel" + "_test_" + fake(BASE64URL, 43, 7014)],
    ["a Plaid sandbox", "access" + "-sandbox-" + fakeUuid(7015)],
  ])("%s test-mode key is a warning", (_vendor, value) => {
    expect(fired("value", value)).toBe("SG444:warning");
  });

  it("the live forms of the same vendors are errors", () => {
    expect(fired("value", "EZ" + "AK" + fake(ALNUM, 54, 7021))).toBe("SG438:error");
    expect(fired("value", "shippo" + "_live_" + fake(HEX, 40, 7022))).toBe("SG440:error");
    expect(fired("value", "duffel" + "_live_" + fake(BASE64URL, 43, 7023))).toBe("SG441:error");
    expect(fired("value", "access" + "-production-" + fakeUuid(7024))).toBe("SG442:error");
  });
});

describe("random material wakes none of the prefixed formats", () => {
  it("base64 blobs (user_data, certificates, zero-padded binaries) and hex digests", () => {
    const woke = new Map<string, number>();
    for (let seed = 1; seed <= 400; seed++) {
      const zeros = seed % 3 === 0 ? "A".repeat(32) : "";
      for (const [key, value] of [
        ["user_data", zeros + fake(BASE64, 2000, 7100 + seed)],
        ["note", fake(HEX, 3000, 9100 + seed)],
        ["content", fake(BASE64URL, 1500, 11100 + seed)],
      ] as const) {
        const hit = catalogue.detect(key, value);
        if (hit && PREFIXED_IDS.test(hit.detector.id)) woke.set(hit.detector.id, (woke.get(hit.detector.id) ?? 0) + 1);
      }
    }
    expect(Object.fromEntries(woke)).toEqual({});
  });
});

/** One positive sample per new family file: [family, detector id, index of the sample in its record]. */
const FAMILIES: Array<[string, string, number]> = [
  ["password-managers", "SG401", 0],
  ["file-encryption", "SG402", 0],
  ["business-apps", "SG404", 0],
  ["developer-services", "SG430", 0],
  ["data-services", "SG434", 0],
  ["shipping-and-payments", "SG438", 0],
  ["social-media", "SG446", 0],
];

describe("prefixed tokens planted in unmarked attributes of a real state and plan", () => {
  const planted = plantedFamilies(catalogue, FAMILIES);

  itTf("each family's token is reported with its own id in the state and the plan, and is printed in no format", async () => {
    await expectReportedThroughTerraform(catalogue, tempDir("sg-prefixed"), "prefixed", planted);
  });
});
