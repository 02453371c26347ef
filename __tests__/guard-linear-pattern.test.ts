/**
 * The linear-time gate's estimate (guard/detectors/linear-pattern.ts): patterns written the usual way pass, the
 * shapes that really backtrack are still refused. Each accepted case is one a reading of the estimate allows
 * (a literal after a run, an alternation's sum, a fixed-count group); each refused one shows that reading does
 * not reach further than it should.
 */
import { linearPatternProblem } from "../guard/detectors/linear-pattern";

const accepted: Array<[string, string, string]> = [
  ["a lazy run before a vendor word, then an operator and the token", String.raw`[\w.-]{0,50}?(?:acme)(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}([a-z0-9]{32})(?:[\x60'"\s;]|\\[nr]|$)`, "i"],
  ["a run before a group of vendor words", String.raw`[\w.-]{0,50}?(?:acme|acmecorp|acme-cloud)[\w.-]{0,20}[=:]([a-f0-9]{40})`, ""],
  ["a fixed count of a group holding a quantifier", "[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}", ""],
  ["an alternation of repeated letters", "^(?:a{1,256}|b{1,256}|c{1,256}|d{1,256}|e{1,256}|f{1,256}|g{1,256}|h{1,256}|x{1,256}|\\*{1,256})$", "i"],
  ["an optional separator before words it cannot start", String.raw`acme[_.-]?(?:(?:api|oauth)[_.-]?)?(?:key|token)[\s=:]{1,3}[a-f0-9]{32}`, "i"],
];

const refused: Array<[string, string, RegExp]> = [
  ["three overlapping runs", "[a-z]{0,900}[a-z0-9]{0,900}[a-z]{0,900}!", /may backtrack too much/],
  ["a variable count of a group holding a quantifier", "(?:acmd_[a-z]{1,8}){1,50}", /nested quantifier/],
  ["a fixed count of an ambiguous group, written out", "(?:a{1,9}){9}!", /may backtrack too much/],
  ["a literal that overlaps itself does not thin out the places", "\\w{0,200}aa\\w{0,200}aa\\w{0,200}aa!", /may backtrack too much/],
  ["one letter after a run is no literal", "\\w{0,300}a\\w{0,300}a\\w{0,300}!", /may backtrack too much/],
  ["an alternative that can start anywhere keeps every place", "[a-z]{0,400}(?:key|[a-z]{1,3})[a-z]{0,400}[a-z]{0,400}!", /may backtrack too much/],
  ["a group repeated more times than it is written out", "(?:[a-z]{1,2}-){17}", /nested quantifier/],
];

describe("the linear-time gate", () => {
  it.each(accepted)("accepts %s", (_name, pattern, flags) => {
    expect(linearPatternProblem(pattern, flags)).toBeUndefined();
  });
  it.each(refused)("refuses %s", (_name, pattern, why) => {
    expect(linearPatternProblem(pattern)).toMatch(why);
  });
});

describe("the gate's blind spots, closed", () => {
  // Each was accepted by an earlier reading of the estimate and takes seconds on a few hundred characters in V8.
  const Rn = "[a\u0100]{0,150}";
  const Ln = [..."abcdefghijklmnop"].map((c) => `[${c}\u0100]`).join("");
  const cases: Array<[string, string, RegExp]> = [
    ["a nested group's own ways, repeated", "(?:(?:a{0,30}){2}|z){3}!", /may backtrack too much/],
    ["alternatives holding ambiguous runs, three times", "(?:(?:a{0,30}a{0,30}|q)|z)".repeat(3) + "!", /may backtrack too much/],
    ["classes that share only a character outside Latin-1", [Rn, Ln, Rn, Ln, Rn, Ln, Rn].join("") + "!", /may backtrack too much/],
    ["runs of a character the probes did not know", "x[^\\n]{0,256}\u0105[^\\n]{0,256}\u0105[^\\n]{0,256}\u0105[^\\n]{0,256}!", /may backtrack too much/],
    ["[^] closes at once in JavaScript", "[^]?(?:a{1,9}){1,9}![^]]", /nested quantifier/],
    ["\\p{...} without the u flag is p repeated", "(?:\\p{1,}){1,16384}!", /without the u flag/],
    ["\\x without two hex digits is x", "(?:\\x{1,}){1,16}!", /two hex digits/],
    ["fixed counts nested until the written-out pattern is huge", "(?:(?:(?:(?:(?:ab|c){16}){16}){16}){16}){16}", /more than 512 atoms/],
  ];
  it.each(cases)("refuses %s", (_name, pattern, why) => {
    expect(linearPatternProblem(pattern)).toMatch(why);
  });
  it("still accepts a property class with the u flag, counted as matching anything", () => {
    expect(linearPatternProblem("tok_\\p{L}{8}", "u")).toBeUndefined();
    expect(linearPatternProblem("\\p{L}{0,300}\\p{L}{0,300}\\p{L}{0,300}!", "u")).toMatch(/may backtrack too much/);
  });
});
