import { GuardError, InputError } from "../../errors";
import { forEachString } from "../locate/string-leaves";
import { worthTracking } from "../detect/secret-index";
import type { AuditRun } from "./audit-run";

/**
 * Remembers `s`, found at `place`, as a secret to look for in the whole file (find-copies.ts) and to keep out
 * of identifiers; a JSON-encoded `s` (secret_string = jsonencode({password = ...})) has its members remembered too.
 * `byShape`: only a detector's pattern says it is a secret; `hint`: that detector only warns (its copies are SG111).
 */
export function trackSecret(run: AuditRun, s: string, place: { readonly address: string; readonly attribute: string }, byShape = false, hint = false): void {
  const { secrets, pool } = run;
  const origin = { address: pool.intern(place.address), attribute: pool.intern(place.attribute) };
  if (worthTracking(s)) secrets.add(s, origin, "SG103", byShape, hint);
  const c = s.charCodeAt(0);
  if ((c === 0x7b || c === 0x5b) && s.length <= 1 << 20) {
    let inner: unknown;
    try {
      inner = JSON.parse(s);
    } catch {
      return;
    }
    try {
      forEachString(inner, [], false, (x) => {
        if (worthTracking(x)) secrets.add(x, origin, "SG103", byShape, hint);
      });
    } catch (e) {
      // A JSON-encoded string nested too deep: say which file, as for any other input problem.
      if (GuardError.isGuardError(e)) throw new InputError(`${run.display}: ${e.message} (inside a JSON-encoded string)`);
      throw e;
    }
  }
}
