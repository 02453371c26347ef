import type { Step } from "../read/json-pointer";
import { toPointer } from "../read/json-pointer";
import { forEachString } from "../locate/string-leaves";
import { locate } from "../locate/place";
import type { PieceLayout } from "../locate/piece-layout";
import { MessageKind } from "../compact-finding";
import type { SecretIndex, TrackedSecret } from "./secret-index";

/** What propagation reports for one place: the secret found there and where the place is. */
export interface CopyFound {
  readonly pointer: string;
  readonly address: string;
  readonly attribute: string;
  readonly secret: TrackedSecret;
  readonly kind: MessageKind;
  /** Where the secret came from, for the message; "" when that is this very place (a message never names itself). */
  readonly origin: string;
}

/**
 * Pass 2: every value pass 1 found (marked, schema-sensitive, literal or recognised by shape) and every known
 * value is looked for in each string of a piece that the byte scan says may hold one, escaped forms included.
 * `canReport` says whether a finding of this secret may take a place (nothing stronger is overwritten).
 */
export function followSecrets(
  layout: PieceLayout,
  path: Step[],
  value: unknown,
  secrets: SecretIndex,
  candidates: readonly TrackedSecret[],
  canReport: (pointer: string, secret: TrackedSecret) => boolean,
  report: (found: CopyFound) => void,
): void {
  const view = layout.view(path, value);
  forEachString(value, [], view.dynamicWrappers, (s, steps, wrappers) => {
    if (s.length < 8) return;
    // A few candidates (the usual piece): compare them; many: look the string's windows up instead (linear).
    // Copies are whole tokens of values worth following (secret-index.ts copyWorthy), never pieces of names.
    const secret = candidates.length === 0 ? undefined : candidates.length <= 8 ? secrets.matchIn(s, candidates, true) : secrets.findIn(s, true);
    if (secret === undefined) return;
    const pointer = toPointer([...path, ...steps]);
    if (!canReport(pointer, secret)) return;
    const place = locate(view, steps, wrappers);
    const origin = secrets.origin(secret);
    const self = origin === (place.attribute ? `${place.address} ${place.attribute}` : place.address);
    report({ pointer, address: place.address, attribute: place.attribute, secret, kind: secrets.ruleId(secret) === "SG110" ? MessageKind.Known : MessageKind.Copy, origin: self ? "" : origin });
  });
}
