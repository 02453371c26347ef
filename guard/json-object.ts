/** A parsed JSON object (not null, not an array): what a document's or a request's members are read from. */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
