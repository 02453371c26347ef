import { compactFinding, isMarked } from "../compact-finding";
import { ByteSource, scanFile, splitFile } from "../read/file-chunks";
import type { SpanLog } from "../read/span-log";
import { piecesOf } from "../locate/descend-rules";
import { PieceLayout } from "../locate/piece-layout";
import { followSecrets } from "../detect/propagation";
import { SecretHits } from "../detect/secret-hits";
import type { TrackedSecret } from "../detect/secret-index";
import type { AuditRun } from "./audit-run";
import { copyMayReplace, keepStronger } from "./rank-findings";

/**
 * Pass 2: finds where the secrets tracked so far (and the user's known values) occur in the raw bytes, then reads
 * again only the pieces that hold one (and the context pieces, to place them) and reports each copy (SG103) or
 * known value (SG110) where copyMayReplace lets it. `layout` and `spans` are pass 1's.
 */
export async function findCopies(run: AuditRun, source: ByteSource, layout: PieceLayout, spans: SpanLog): Promise<void> {
  const { secrets, findings, pool } = run;
  const hits = new SecretHits();
  await scanFile(source, secrets, hits);
  const everywhere = secrets.everywhere;
  const pass2 = new PieceLayout();
  for (const v of layout.sensitiveVariables) pass2.sensitiveVariables.add(v);
  pass2.terraformVersion = layout.terraformVersion;
  for (const [i, prefix] of layout.legacyModules) pass2.legacyModules.set(i, prefix); // a path may follow its outputs
  // A piece no secret can be in (no hit in its bytes, none looked for everywhere) is jumped over unread.
  const jump = (start: number) => {
    const end = spans.endOf(start);
    return end >= 0 && everywhere.length === 0 && !hits.anyIn(start, end) ? end : -1;
  };
  const canReport = (pointer: string, secret: TrackedSecret) => copyMayReplace(findings, secrets, pointer, secret);
  await splitFile(source, run.opts, (cut, piece) => {
    const hit = hits.secretsIn(piece.start, piece.end);
    const candidates = everywhere.length === 0 ? hit : [...everywhere, ...hit];
    if (candidates.length === 0 && !pass2.isContextPiece(cut)) return;
    piecesOf(cut, piece.value(), (p, value) => {
      if (pass2.isContextPiece(p)) pass2.takeContext(p, value);
      else if (candidates.length > 0) {
        followSecrets(pass2, p, value, secrets, candidates, canReport, (c) => {
          const old = findings.indexOf(c.pointer);
          if (old >= 0 && c.origin === "") return; // the value's own place: its first finding stands
          keepStronger(findings, compactFinding(secrets.ruleId(c.secret), c.pointer, pool.intern(c.address), pool.intern(c.attribute), old >= 0 && isMarked(findings.at(old)), secrets.value(c.secret), c.kind, c.origin));
        });
      }
    });
  }, jump);
}
