/** A construct-id-safe slug of a display name ("Reporting API" -> "reporting-api"); "" when nothing is left. */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
