/**
 * Which place is a SARIF result's first location, the one GitHub annotates: "value", the value in the file the
 * finding names; "source", the TypeScript line that created the construct when the finding has one (a cdktf
 * stack), the value then its related location.
 */
export const SARIF_PRIMARY = ["value", "source"] as const;
export type SarifPrimary = (typeof SARIF_PRIMARY)[number];
