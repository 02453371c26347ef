// A key-gated detector (a vendor's secret without a prefix, judged under its vendor's key name) fires when the
// key name and the value sit in one line of text: a file's content, a config map entry, a .env or YAML line, a
// source snippet. Failure messages name detector ids and forms only, never a value.
import { DetectorCatalogue } from "../guard/detectors/catalogue";
import type { Detector } from "../guard/detectors/detector";
import { lineAssignment, textAssignments } from "../guard/detectors/text-assignments";

const catalogue = DetectorCatalogue.shipped();

/** The ways people write `name` and `value` on one line. */
const FORMS: ReadonlyArray<readonly [string, (name: string, value: string) => string | undefined]> = [
  ["env", (n, v) => `${n}=${v}`],
  ["export", (n, v) => `export ${n}="${v}"`],
  ["yaml", (n, v) => `${n}: ${v}`],
  ["yaml list item", (n, v) => `  - ${n}: '${v}'`],
  ["go", (n, v) => `${n} := "${v}"`],
  ["json in text", (n, v) => `  "${n}": "${v}",`],
  ["js const", (n, v) => `const ${n} = '${v}';`],
  ["java field", (n, v) => `private static final String ${n} = "${v}";`],
  ["comment after", (n, v) => `${n} = ${v}  # rotated monthly`],
  // `twilio token - '...'`: words of the name separated by blanks (three words at most).
  ["note", (n, v) => {
    const words = n.replace(/([a-z])([A-Z])/g, "$1 $2").split(/[_\-. ]+/);
    return words.length <= 3 ? `${words.join(" ").toLowerCase()} - '${v}'` : undefined;
  }],
];

/** Vendor-gated detectors (an include pattern on the key) and their positive samples of one line under a vendor key. */
const gated: ReadonlyArray<{ detector: Detector; key: string; value: string }> = catalogue
  .all()
  .filter((d) => d.keywords.length === 0 && typeof d.keys === "object" && d.keys.include !== undefined && !d.gitleaks)
  .flatMap((d) =>
    d.samples.positive
      // Token-like values only (a JSON document or a connection string under its key is another matter).
      .filter((s) => s.key && /^[^\s"'{}`;]+$/.test(s.value) && catalogue.detectAll(s.key, s.value).some((h) => h.detector === d))
      .slice(0, 2)
      .map((s) => ({ detector: d, key: s.key as string, value: s.value })),
  );

const fires = (key: string, value: string, d: Detector) => catalogue.detectAll(key, value).some((h) => h.detector.id === d.id);

test("there are vendor-gated detectors to check (the suite is not vacuous)", () => {
  expect(new Set(gated.map((g) => g.detector.id)).size).toBeGreaterThanOrEqual(15);
});

describe.each(FORMS.map(([name, form]) => [name, form] as const))("a vendor key name and its value in a %s line", (_name, form) => {
  test("fires the vendor's detector as the whole value under a neutral key", () => {
    const missed = gated.filter(({ detector, key, value }) => {
      const line = form(key, value);
      return line !== undefined && !fires("setting", line, detector);
    });
    expect(missed.map((g) => `${g.detector.id} under ${g.key}`)).toEqual([]);
  });

  test("fires it as one line of a file", () => {
    const missed = gated.filter(({ detector, key, value }) => {
      const line = form(key, value);
      return line !== undefined && !fires("content", `# generated\n${line}\nmode = production\n`, detector);
    });
    expect(missed.map((g) => `${g.detector.id} under ${g.key}`)).toEqual([]);
  });
});

test("the same value under a neutral name in a line does not fire the vendor's detector", () => {
  const fired = gated.filter(({ detector, value }) => fires("setting", `setting_value = "${value}"`, detector) || fires("content", `note: ${value}\n`, detector));
  expect(fired.map((g) => g.detector.id)).toEqual([]);
});

describe("textAssignments / lineAssignment", () => {
  const parsed = (line: string) => {
    const a = lineAssignment(line);
    return a && { name: a.name, value: a.value };
  };

  test.each([
    ["HEROKU_API_KEY=abc123def456", "HEROKU_API_KEY", "abc123def456"],
    ["export CLOUDFLARE_API_TOKEN='abc123def456'", "CLOUDFLARE_API_TOKEN", "abc123def456"],
    ["heroku_token: abc123def456", "heroku_token", "abc123def456"],
    ["token := \"abc123def456\"", "token", "abc123def456"],
    ["  \"oktaApiToken\": \"abc123def456\",", "oktaApiToken", "abc123def456"],
    ["var OktaApiToken = \"abc123def456\";", "OktaApiToken", "abc123def456"],
    ["twilio token - 'abc123def456'", "twilio token", "abc123def456"],
    ["telegram bot: 123:abc", "telegram bot", "123:abc"],
    ["$db_password = 'abc123def456';", "db_password", "abc123def456"],
    ["password: abc123def456  # set by ops", "password", "abc123def456"],
    ["- api_key: abc123def456", "api_key", "abc123def456"],
    ["'key' => 'abc123def456',", "key", "abc123def456"],
  ])("%s", (line, name, value) => {
    expect(parsed(line)).toEqual({ name, value });
  });

  test.each([
    ["arn:aws:iam::123456789012:role/app"],
    ["https://example.com/path"],
    ["just some words without a separator"],
    ["this is a long sentence of many words: with a colon"],
    ["= value with no name"],
    ["x".repeat(5000) + "=y"],
  ])("no assignment a key gate could misread in %s", (line) => {
    const a = parsed(line);
    // A URL's scheme or an ARN's first part may parse as a name; it names no vendor, so no gate passes.
    expect(a === undefined || /^(?:arn|https)$/.test(a.name)).toBe(true);
  });

  test("multi-line text yields each line's assignment", () => {
    const names = [...textAssignments("# c\nA=1\nexport B: 2\n  - C = '3'\nplain line\n")].map((a) => a.name);
    expect(names).toEqual(["A", "B", "C"]);
  });
});
