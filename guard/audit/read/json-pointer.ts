/** A step into a JSON document: an object member name or an array index. */
export type Step = string | number;

/** RFC 6901 pointer for a list of steps ("" for the document itself). */
export function toPointer(steps: readonly Step[]): string {
  // join() makes one flat string; `+=` would make a tree of pieces (several hundred bytes per pointer) that lives
  // as long as the finding that holds it.
  const parts: string[] = [];
  for (const s of steps) parts.push("/", typeof s === "number" ? String(s) : s.replace(/~/g, "~0").replace(/\//g, "~1"));
  return parts.join("");
}
