import { encodingsOf, expectNoLeaks, findLeaks, markdownEscape } from "./support/leak-check";
import { ALNUM, fake } from "../guard/detectors/families/sample-values";

/** The shared leak check finds pieces and encodings of a planted value, and never repeats the value. */
describe("support/leak-check", () => {
  const secret = fake(ALNUM, 24, 5) + "/+=&" + fake(ALNUM, 16, 6);
  const other = fake(ALNUM, 40, 7);

  it.each([
    ["the whole value", (v: string) => `x ${v} y`],
    ["an 8-character piece", (v: string) => `key["${v.slice(10, 18)}"]`],
    ["a 40-character prefix", (v: string) => v.slice(0, 40)],
    ["JSON escaping", (v: string) => JSON.stringify({ v: `"${v}"` })],
    ["URL encoding", (v: string) => `https://h/?q=${encodeURIComponent(v)}`],
    ["markdown escaping", (v: string) => `| ${markdownEscape(v)} |`],
    ["base64", (v: string) => Buffer.from(v).toString("base64")],
    ["base64url", (v: string) => Buffer.from(v).toString("base64url")],
    ["base64 of a prefix", (v: string) => Buffer.from(v.slice(0, 30)).toString("base64")],
  ])("finds %s", (_name, write) => {
    const leaks = findLeaks([other, secret], [["report", write(secret)]]);
    expect(leaks.length).toBeGreaterThan(0);
    expect(leaks[0]).toMatch(/^planted value #1 \(length 44\): a [a-z0-9 ]+ piece \(offset \d+\) is in report at offset \d+$/);
    // The message holds no piece of the value.
    expect(findLeaks(secret, leaks.join("\n"))).toEqual([]);
    expect(() => expectNoLeaks(secret, write(secret))).toThrow(/planted value #0/);
  });

  it("passes output without the value, a 7-character piece or a fingerprint", () => {
    expect(findLeaks(secret, [["stdout", `found ${secret.slice(3, 10)} sha256:0123456789ab`], ["stderr", other]])).toEqual([]);
    expect(encodingsOf(secret).map(([name]) => name)).toEqual(["raw", "json", "json twice", "url", "markdown", "base64", "base64url"]);
  });

  it("with skipWords, format words of a structured value are not looked for; its material still is", () => {
    const url = "https://hooks.example.com/services/" + fake(ALNUM, 24, 9);
    expect(findLeaks(url, "see https://hooks.example.com/docs", { skipWords: true })).toEqual([]);
    expect(findLeaks(url, "see https://hooks.example.com/docs").length).toBeGreaterThan(0);
    expect(findLeaks(url, `k["${url.slice(-12)}"]`, { skipWords: true }).length).toBeGreaterThan(0);
  });

  it("refuses an empty planted value (a check on it could not fail)", () => {
    expect(() => findLeaks([""], "anything")).toThrow(/empty/);
  });
});
