/**
 * How many leading attribute names form a path in the set (`fields`, `default_action.authenticate_oidc.client_secret`);
 * 0 when none does.
 */
export function prefixIn(set: ReadonlySet<string>, names: readonly string[]): number {
  if (set.size === 0 || names.length === 0) return 0;
  // Most strings sit under a first name no path starts with: answered without building a path.
  if (!firstNamesOf(set).has(names[0])) return 0;
  let p = "";
  for (let i = 0; i < names.length; i++) {
    p = p ? `${p}.${names[i]}` : names[i];
    if (set.has(p)) return i + 1;
  }
  return 0;
}

/** The first names of the paths in a set (`default_action` of `default_action.authenticate_oidc.client_secret`). */
const firstNames = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
function firstNamesOf(set: ReadonlySet<string>): ReadonlySet<string> {
  let first = firstNames.get(set);
  if (!first) {
    first = new Set([...set].map((p) => p.split(".")[0]));
    firstNames.set(set, first);
  }
  return first;
}
