/**
 * The CLI bounds both generations' growth (old space by percent, young generation at its start size) unless the
 * user tuned them through node's own options.
 */
const setFlags = jest.fn();
jest.mock("node:v8", () => ({ setFlagsFromString: (f: string) => setFlags(f) }));
import { boundHeapGrowth } from "../guard/commands/heap-growth";

beforeEach(() => setFlags.mockClear());

it("bounds the old space's growth and keeps the semi-spaces at their start size", () => {
  boundHeapGrowth([], "");
  expect(setFlags.mock.calls.map((c) => c[0])).toEqual(["--heap-growing-percent=20", "--semi-space-growth-factor=1"]);
});

it.each([
  [["--max-semi-space-size=32"], "", ["--heap-growing-percent=20"]],
  [[], "--semi_space_growth_factor=4", ["--heap-growing-percent=20"]],
  [["--heap-growing-percent=50"], "", ["--semi-space-growth-factor=1"]],
  [[], "--heap_growing_percent=50 --min-semi-space-size=8", []],
])("leaves what the user tuned alone (%j, %j)", (argv, nodeOptions, expected) => {
  boundHeapGrowth(argv, nodeOptions);
  expect(setFlags.mock.calls.map((c) => c[0])).toEqual(expected);
});
