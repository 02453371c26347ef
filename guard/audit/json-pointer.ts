/** A step into a JSON document: an object member name or an array index. */
export type Step = string | number;

/** RFC 6901 pointer for a list of steps ("" for the document itself). */
export function toPointer(steps: readonly Step[]): string {
  let out = "";
  for (const s of steps) out += "/" + (typeof s === "number" ? String(s) : s.replace(/~/g, "~0").replace(/\//g, "~1"));
  return out;
}
