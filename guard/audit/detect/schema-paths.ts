/**
 * How many leading attribute names form a path in the set (`fields`, `default_action.authenticate_oidc.client_secret`);
 * 0 when none does.
 */
export function prefixIn(set: ReadonlySet<string>, names: readonly string[]): number {
  if (set.size === 0) return 0;
  let p = "";
  for (let i = 0; i < names.length; i++) {
    p = p ? `${p}.${names[i]}` : names[i];
    if (set.has(p)) return i + 1;
  }
  return 0;
}

/** The attribute names of a value path (list indices left out). */
export function namesOf(cty: ReadonlyArray<string | number>): string[] {
  return cty.filter((x): x is string => typeof x === "string");
}
