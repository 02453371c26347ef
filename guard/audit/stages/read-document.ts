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
}

/**
 * Pass 1's reading: streams the file as pieces (one resource, change, output...: read/), tells the file kind from
 * its top-level members, takes the context pieces (versions, variable declarations, schemas' places) into
 * `layout`, keeps the configuration for the synth rules, and hands each content piece to `detect` with the kind
 * seen so far. The root `variables` of a plan wait until the whole file is read: their sensitivity is declared
 * later, in `configuration`. Refuses a file that is not Terraform JSON, or a state format it does not know.
 */
export async function readDocument(
  source: ByteSource,
  run: AuditRun,
  layout: PieceLayout,
  config: SynthConfiguration | undefined,
  detect: (path: Step[], value: unknown, fileKind: FileKind) => void,
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
      if (p.length === 1 && p[0] === "variables") {
        deferred.push({ path: p, value });
        return;
      }
      detect(p, value, kindSoFar);
    });
    if (content) spans.add(piece.start, piece.end);
  });
  const kind = evidence.kind();
  if (!kind) {
    throw new InputError(`${run.display}: JSON that is not a Terraform state, plan JSON (terraform show -json) or cdk.tf.json`);
  }
  // Format 3 is what `terraform init` still writes to .terraform/terraform.tfstate (the backend's settings).
  if (kind === "state" && layout.stateVersion !== undefined && layout.stateVersion !== 4 && layout.stateVersion !== 3) {
    throw new InputError(`${run.display}: state format version ${layout.stateVersion} is not supported (only 4, and 3 as in .terraform/terraform.tfstate)`);
  }
  for (const d of deferred) detect(d.path, d.value, kind);
  return { kind, spans };
}
