import type { FileKind } from "../../finding";
import { InputError } from "../../errors";
import { ByteSource, splitFile } from "../read/file-chunks";
import type { Step } from "../read/json-pointer";
import { SpanLog } from "../read/span-log";
import { piecesOf } from "../locate/descend-rules";
import { KindEvidence } from "../locate/file-kind";
import type { PieceLayout } from "../locate/piece-layout";
import type { AuditRun } from "./audit-run";
import type { SynthConfiguration } from "./synth-rules";

/** What pass 1 learnt of the file besides its findings. */
export interface DocumentRead {
  readonly kind: FileKind;
  /** Where the pieces with content are (pass 2 jumps over those no secret can be in). */
  readonly spans: SpanLog;
  /** What the report says about the file besides findings (read-document's notes below). */
  readonly notes: readonly string[];
}

/** Said of a plan HCP Terraform redacted: the audit saw its clear values only. */
export const REDACTED_PLAN_NOTE =
  "plan redacted by HCP Terraform (json-output-redacted): its sensitive values were removed, so only its clear values were checked; audit the unredacted plan JSON (terraform show -json) to check them all";

/** Said of a state in format 1 or 2, read as Terraform upgrades it. */
export function oldStateNote(version: number): string {
  return `state format ${version} (Terraform ${version === 1 ? "before 0.7" : "0.7 to 0.10"}), read as Terraform upgrades it`;
}

/**
 * Pass 1's reading: streams the file as pieces (one resource, change, output...: read/), tells the file kind from
 * its top-level members, takes the context pieces (versions, variable declarations, schemas' places) into
 * `layout`, keeps the configuration for the synth rules, and hands each content piece to `detect` with the kind
 * seen so far. The root `variables` of a plan wait until the whole file is read: their sensitivity is declared
 * later, in `configuration`. In a plan HCP Terraform redacted, a marked value is its stand-in (a digest), not the
 * value: `detect` is told, so it skips them. Refuses a file that is not Terraform JSON, or a state format it does not know.
 */
export async function readDocument(
  source: ByteSource,
  run: AuditRun,
  layout: PieceLayout,
  config: SynthConfiguration | undefined,
  detect: (path: Step[], value: unknown, fileKind: FileKind, redacted: boolean) => void,
): Promise<DocumentRead> {
  const evidence = new KindEvidence();
  const spans = new SpanLog();
  const deferred: Array<{ path: Step[]; value: unknown }> = [];
  let kindSoFar: FileKind = "state";
  await splitFile(source, run.opts, (cut, piece) => {
    let content = false;
    config?.take(cut, piece);
    piecesOf(cut, piece.value(), (p, value) => {
      // Every piece path starts at a top-level member, whatever depth the piece was cut at.
      if (p.length >= 1) evidence.saw(p[0]);
      if (p.length === 1) evidence.sawTopValue(value);
      if (layout.takeContext(p, value)) return;
      content = true;
      kindSoFar = evidence.kind() ?? kindSoFar;
      // A module's outputs may come before its path (jq -S sorts the members): placed once the path is known.
      // A plan sorted by key (jq -S) has output_changes before plan_format_version: held until it is known whether
      // HCP Terraform redacted the plan (its marked values are then stand-ins, not values).
      if ((p.length === 1 && p[0] === "variables") || layout.waitsForModulePath(p) || (p[0] === "output_changes" && !evidence.sawVersion)) {
        deferred.push({ path: p, value });
        return;
      }
      detect(p, value, kindSoFar, evidence.redacted);
    });
    if (content) spans.add(piece.start, piece.end);
  });
  const kind = evidence.finalKind();
  if (!kind) {
    throw new InputError(`${run.display}: JSON that is not a Terraform state, plan JSON (terraform show -json) or cdk.tf.json`);
  }
  // Formats 1 to 3 are read as Terraform upgrades them (format 3 is also what `terraform init` still writes to
  // .terraform/terraform.tfstate, the backend's settings); format 0 was binary, before Terraform 0.3.
  const v = layout.stateVersion;
  if (kind === "state" && v !== undefined && !(v === 1 || v === 2 || v === 3 || v === 4)) {
    throw new InputError(`${run.display}: state format version ${Number.isFinite(v) ? v : "?"} is not supported (only 1 to 4)`);
  }
  for (const d of deferred) detect(d.path, d.value, kind, evidence.redacted);
  const notes: string[] = [];
  if (kind === "plan" && evidence.redacted) notes.push(REDACTED_PLAN_NOTE);
  if (kind === "state" && (v === 1 || v === 2)) notes.push(oldStateNote(v));
  return { kind, spans, notes };
}
