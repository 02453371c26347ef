/**
 * The SaaS token formats (issue 20, item 1): GitHub's and npm's CRC-32 checksum, and, per family, a positive
 * sample planted in an unmarked attribute of a REAL Terraform state and plan is reported with its own id and never
 * printed. Values are never printed: failures name the family, the id and lengths only.
 */
import * as zlib from "node:zlib";
import { base62, crc32, hasValidTokenChecksum, tokenChecksum } from "../guard/detectors/base62-crc32";
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import { ALNUM, fake, withBadChecksum, withChecksum } from "../guard/detectors/families/sample-values";
import { itWithTerraform, tempDirsRemovedAfterAll } from "./support/terraform-runner";
import { expectReportedThroughTerraform, plantedFamilies } from "./support/planted-families";

const catalogue = DetectorCatalogue.shipped();
const itTf = itWithTerraform();
const tempDir = tempDirsRemovedAfterAll();

describe("GitHub's and npm's token checksum (base62 CRC-32 of the 30 random characters)", () => {
  it("computes CRC-32 as zlib does, and base62 with 0-9A-Za-z, left-padded", () => {
    expect(crc32("123456789")).toBe(0xcbf43926); // the CRC-32/IEEE check value
    for (let seed = 1; seed <= 50; seed++) {
      const s = fake(ALNUM, 30, seed);
      expect(crc32(s)).toBe(zlib.crc32(s));
    }
    expect(base62(0, 6)).toBe("000000");
    expect(base62(61, 6)).toBe("00000z");
    expect(base62(62, 6)).toBe("000010");
    expect(base62(0xffffffff, 6)).toBe("4gfFC3"); // 2^32-1 in base62 fits six characters
  });

  it("accepts a computed-valid token body and refuses any one-character change", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = fake(ALNUM, 30, seed);
      const body = random + tokenChecksum(random);
      expect(hasValidTokenChecksum(body)).toBe(true);
      for (const at of [0, 17, 29, 30, 35]) {
        const c = body[at] === "a" ? "b" : "a";
        expect(hasValidTokenChecksum(body.slice(0, at) + c + body.slice(at + 1))).toBe(false);
      }
      expect(hasValidTokenChecksum(body.slice(0, 35))).toBe(false);
    }
  });

  it.each([
    ["gh" + "p_", "SG132", "SG300"],
    ["gh" + "s_", "SG132", "SG300"],
    ["np" + "m_", "SG137", "SG304"],
  ])("%s: a valid checksum is the error-level detector; a broken one only the warning", (prefix, verified, unverified) => {
    for (let seed = 100; seed < 110; seed++) {
      const good = catalogue.detect("value", withChecksum(prefix, seed));
      expect(good?.detector.id).toBe(verified);
      expect(good?.detector.severity).toBe("error");
      const bad = catalogue.detect("value", withBadChecksum(prefix, seed));
      expect(bad?.detector.id).toBe(unverified);
      expect(bad?.detector.severity).toBe("warning");
    }
  });
});

/** One positive sample per family file: [family, detector id, index of the sample in its record]. */
const FAMILIES: Array<[string, string, number]> = [
  ["source-hosts", "SG132", 0],
  ["package-registries", "SG137", 0],
  ["ci-services", "SG309", 0],
  ["atlassian", "SG312", 1],
  ["ai-providers", "SG320", 1],
  ["chat", "SG135", 3],
  ["webhooks", "SG332", 0],
  ["messaging", "SG336", 1],
  ["observability", "SG353", 0],
  ["commerce", "SG370", 0],
  ["payments", "SG140", 2],
];

const SAAS_IDS = /^SG3[0-9]{2}$/;

describe("the SaaS detectors' records", () => {
  it("every SG3xx detector has at least three positive and three negative samples, and names its vendor's fix", () => {
    const mine = catalogue.all().filter((d) => SAAS_IDS.test(d.id));
    expect(mine.length).toBeGreaterThanOrEqual(50);
    const short = mine.filter((d) => d.samples.positive.length < 3 || d.samples.negative.length < 3 || d.fix.length < 20).map((d) => d.id);
    expect(short).toEqual([]);
  });

  it("prefixed formats fire under a neutral key", () => {
    const neutral = new Set(["value", "tags", "content", "url"]);
    const prefixed = catalogue.all().filter((d) => SAAS_IDS.test(d.id) && d.keywords.length > 0 && d.keys === undefined);
    const missing = prefixed.filter((d) => !d.samples.positive.some((s) => neutral.has(s.key ?? "") && catalogue.detect(s.key ?? "", s.value)?.detector.id === d.id)).map((d) => d.id);
    expect(missing).toEqual([]);
  });
});

describe("SaaS tokens planted in unmarked attributes of a real state and plan", () => {
  const planted = plantedFamilies(catalogue, FAMILIES);

  itTf("each family's token is reported with its own id in the state and the plan, and is printed in no format", async () => {
    await expectReportedThroughTerraform(catalogue, tempDir("sg-saas"), "saas", planted, [
      // OpenAI's legacy keys carry base64 "OpenAI" in the middle, which the rule's explanation names.
      Buffer.from("OpenAI").toString("base64"),
    ]);
  });
});
