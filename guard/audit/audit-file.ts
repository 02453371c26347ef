import type { FileKind } from "../finding";
import type { ProviderFacts } from "../provider-facts";
import type { SecretShapes } from "../detectors/secret-shapes";
import type { RulePack } from "../rules/rule";
import { FindingStore } from "./finding-store";
import { ByteSource, openSource, ReadLimits } from "./read/file-chunks";
import { decodedSource } from "./read/text-encoding";
import { PieceLayout } from "./locate/piece-layout";
import { PASS_ONE_STAGES } from "./detect/pass-one-stages";
import { IdentifierRedactor } from "./detect/identifier-redaction";
import type { DetectStage } from "./detect/stage";
import { AuditRun } from "./stages/audit-run";
import { readDocument } from "./stages/read-document";
import { PieceDetector } from "./stages/detect-in-pieces";
import { SynthConfiguration } from "./stages/synth-rules";
import { findCopies } from "./stages/find-copies";
import { locateFindings } from "./stages/locate-findings";

/** A secret the user already knows, searched for by value. */
export interface KnownValue {
  readonly value: string;
  /** Where it came from, e.g. "--known-env GENESYS_SECRET": printed instead of the value. */
  readonly source: string;
}

export interface FileAuditOptions extends ReadLimits {
  readonly facts: ProviderFacts;
  readonly shapes: SecretShapes;
  readonly known: readonly KnownValue[];
  /** Pass-1 stages, in order (default PASS_ONE_STAGES). */
  readonly stages?: readonly DetectStage[];
  /** Synth rule packs, run on configuration files (cdk.tf.json) as synth runs them. */
  readonly packs?: readonly RulePack[];
  /** Find each finding's line and column (and a construct's creation site), for SARIF: one more pass over the file. */
  readonly regions?: boolean;
}

export interface FileAuditResult {
  readonly kind: FileKind;
  /** One per pointer, sorted by pointer. */
  readonly findings: FindingStore;
  /** What the report says about the file besides findings (a plan redacted by HCP Terraform, an old state format). */
  readonly notes: readonly string[];
}

/**
 * Audits one file. The stages, in order (guard/audit/stages/):
 * 1. read-document.ts    pass 1: stream the file as pieces, tell its kind, take its context (versions, schemas,
 *                        variable declarations), and hand each piece to
 * 2. detect-in-pieces.ts place each string and key in Terraform's terms and judge it (detect/pass-one-stages.ts:
 *                        marks and schemas before shapes); each secret found is a finding (rank-findings.ts: one
 *                        per pointer, the strongest) and is tracked (track-secrets.ts)
 * 3. synth-rules.ts      on a cdk.tf.json, the synth rule packs on the configuration pass 1 kept
 * 4. find-copies.ts      pass 2, when anything was tracked or known values were given: scan the raw bytes for
 *                        those values and read again only the pieces that hold one: copies (SG103), known (SG110)
 * 5. locate-findings.ts only for a SARIF report (opts.regions): the line and column of each finding's value, and on
 *                        a cdk.tf.json the TypeScript line that created its construct (one more streaming pass)
 * 6. redaction           each part of an identifier built from data (addresses, keys, pointers) that holds a
 *                        tracked secret or an 8-character piece of one, or is token-shaped, becomes its
 *                        fingerprint (detect/identifier-redaction.ts), then findings are sorted by pointer
 * Findings are kept compact (compact-finding.ts) until the report is written; audit-run.ts holds what the stages share.
 */
export async function auditFile(input: string | ByteSource, display: string, opts: FileAuditOptions): Promise<FileAuditResult> {
  const run = new AuditRun(display, opts);
  // A path, or an opened source (stdin, S3, HCP); UTF-16 decoded, binary plans refused (read/text-encoding.ts).
  const source = decodedSource(typeof input === "string" ? await openSource(input, display, opts) : input);
  const layout = new PieceLayout();
  const detector = new PieceDetector(run, layout, opts.stages ?? PASS_ONE_STAGES);
  const config = opts.packs?.length ? new SynthConfiguration() : undefined;

  const { kind, spans, notes } = await readDocument(source, run, layout, config, (path, value, fileKind, redacted) => detector.detect(path, value, fileKind, redacted));
  if (kind === "synth" && config) config.runRules(run);
  for (const k of opts.known) if (k.value.length > 0) run.secrets.add(k.value, k.source, "SG110");
  if (run.secrets.size > 0) await findCopies(run, source, layout, spans);
  if (opts.regions) await locateFindings(run, source, kind, typeof input === "string" ? input : undefined);
  run.findings.redact(new IdentifierRedactor(run.secrets, opts.shapes));
  return { kind, findings: run.findings.sortByPointer(), notes };
}
