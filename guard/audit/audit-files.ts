import { GuardError, InputError } from "../errors";
import { AuditTarget, auditTargets, TargetContext } from "./read/audit-targets";
import { readBounded } from "./read/bounded-read";

/** Largest provider schema file read (the aws provider's is about 20 MB). */
const SCHEMA_LIMIT = 256 * 1024 * 1024;
import * as nodePath from "node:path";
import type { FileKind, Finding, Report, ReportSummary, ScannedFile, Severity } from "../finding";
import type { ReportSource } from "../report/source";
import { ProviderFacts } from "../provider-facts";
import { TOOL } from "../tool";
import type { DetectorCatalogue } from "../detectors/catalogue";
import { detectorRules, shippedDetectors } from "../detectors/shipped-detectors";
import type { RulePack } from "../rules/rule";
import { AUDIT_RULES, genericRuleBook, TERRAFORM_SECRETS_PACK } from "../rules";
import { RuleBook } from "../rules/rule-book";
import { CompactFinding, compactFinding, expandFinding, MessageKind, severityOf } from "./compact-finding";
import { auditFile, FileAuditOptions, KnownValue } from "./audit-file";
import { stopsAudit } from "./read/remote-error";

export interface AuditOptions {
  /** Synth rule packs also run on cdk.tf.json files (default: the generic Terraform pack). */
  readonly packs?: readonly RulePack[];
  /** The detector catalogue (default: the shipped one; add your own with `shippedDetectors().withDetectors(...)`). */
  readonly detectors?: DetectorCatalogue;
  /** `terraform providers schema -json` files to add to the shipped provider facts. */
  readonly schemaFiles?: readonly string[];
  /** Facts to use instead of shipped + schemaFiles (for tests). */
  readonly facts?: ProviderFacts;
  /** Secret values to search for (layer 4). Never printed. */
  readonly known?: readonly KnownValue[];
  /** Largest single JSON piece held in memory; default 64 MiB. */
  readonly maxPieceBytes?: number;
  /** Read size; default 4 MiB. */
  readonly chunkBytes?: number;
  /** Synthesized stacks (cdktf.out, a stack folder or its cdk.tf.json) whose current state is read from their backend. */
  readonly fromStack?: readonly string[];
  /** Environment (AWS and HCP Terraform credentials, endpoints) and standard input for `-`, s3:// and fromStack. */
  readonly context?: TargetContext;
  /** Remote states (S3, HCP Terraform) audited at once; default 4 (SECRET_GUARD_CONCURRENCY). Local files go one at a time. */
  readonly concurrency?: number;
  /** Called as each target is done (the CLI's progress line on a terminal). */
  readonly progress?: (done: number, total: number) => void;
  /** Find each finding's line and column in its file (for SARIF regions); costs one more pass over each file with findings. */
  readonly regions?: boolean;
}


/**
 * Audits state files, plan JSON files, cdk.tf.json files and folders of them. Throws InputError (exit 2)
 * for a missing path or a given file that is not one of the three kinds. Findings are sorted by file, pointer.
 */
export async function auditFiles(paths: readonly string[], options: AuditOptions = {}): Promise<Report> {
  return (await auditFilesCompact(paths, options)).toReport();
}

/** One audited file and its findings, kept compact, sorted by pointer. */
export interface AuditedFile {
  readonly path: string;
  readonly kind: FileKind;
  readonly findings: CompactFindingList;
  /** What the report says about the file besides findings (e.g. a plan HCP Terraform redacted). */
  readonly notes?: readonly string[];
}

/**
 * Findings read one at a time: an array, or the columns the audit keeps them in (see finding-store.ts), which
 * build each finding when asked.
 */
export interface CompactFindingList {
  readonly length: number;
  at(i: number): CompactFinding | undefined;
}

/** How `AuditResult.mark` judges one finding: suppressed with a reason, and/or already in a baseline. */
export interface FindingMark {
  readonly suppressionReason?: string;
  readonly baseline?: boolean;
}

/**
 * An audit as the CLI writes it: findings stay compact until the formatter asks for them one at a time.
 * Findings are unsuppressed until `mark` applies an ignore list or a baseline.
 */
export class AuditResult implements ReportSource {
  readonly tool = { ...TOOL };
  summary: ReportSummary = { error: 0, warning: 0, info: 0 };
  readonly rules: RuleBook;
  private readonly starts: number[] = [];
  private count = 0;
  private cursor = 0;
  /** Set by mark(): per finding, 0 or 1 + the index of its suppression reason in `reasons`. */
  private reasonIndex?: Uint32Array;
  private reasons: string[] = [];
  /** Set by mark() with a baseline: 1 for findings in it. */
  private inBaseline?: Uint8Array;

  constructor(
    readonly audited: readonly AuditedFile[],
    rules: RuleBook = genericRuleBook(),
  ) {
    this.rules = rules;
    const s = { error: 0, warning: 0, info: 0 };
    for (const a of audited) {
      this.starts.push(this.count);
      this.count += a.findings.length;
      for (let i = 0; i < a.findings.length; i++) s[severityOf(a.findings.at(i)!, rules)]++;
    }
    this.summary = s;
  }

  get files(): ScannedFile[] {
    return this.audited.map((a) => ({ path: a.path, kind: a.kind, ...(a.notes?.length ? { notes: a.notes } : {}) }));
  }

  get findingCount(): number {
    return this.count;
  }

  compact(i: number): { file: string; finding: CompactFinding } {
    // Formatters read in order: keep the file cursor, search only when they jump back.
    let k = this.cursor;
    if (k >= this.starts.length || this.starts[k] > i) k = 0;
    while (k + 1 < this.starts.length && this.starts[k + 1] <= i) k++;
    this.cursor = k;
    const a = this.audited[k];
    return { file: a.path, finding: a.findings.at(i - this.starts[k])! };
  }

  finding(i: number): Finding {
    const c = this.compact(i);
    const f = expandFinding(c.finding, c.file, this.rules);
    if (!this.reasonIndex && !this.inBaseline) return f;
    const r = this.reasonIndex?.[i] ?? 0;
    return {
      ...f,
      ...(r ? { suppressed: true, suppressionReason: this.reasons[r - 1] } : {}),
      ...(this.inBaseline ? { baseline: this.inBaseline[i] === 1 } : {}),
    };
  }

  /**
   * Marks findings suppressed (an ignore list) or already in a baseline (`withBaseline`), then recounts the
   * summary: unsuppressed findings not in the baseline per severity, plus `suppressed` (when any) and `baseline`
   * (when a baseline was given). A bit per finding and one copy of each distinct reason: bounded memory.
   */
  mark(judge: (f: Finding) => FindingMark | undefined, withBaseline: boolean): void {
    const reasonIndex = new Uint32Array(this.count);
    const inBaseline = withBaseline ? new Uint8Array(this.count) : undefined;
    const known = new Map<string, number>();
    const reasons: string[] = [];
    const s = { error: 0, warning: 0, info: 0, suppressed: 0, baseline: 0 };
    for (let i = 0; i < this.count; i++) {
      const c = this.compact(i);
      const f = expandFinding(c.finding, c.file, this.rules);
      const m = judge(f);
      if (m?.suppressionReason) {
        let k = known.get(m.suppressionReason);
        if (k === undefined) known.set(m.suppressionReason, (k = reasons.push(m.suppressionReason)));
        reasonIndex[i] = k;
      }
      if (inBaseline && m?.baseline) inBaseline[i] = 1;
      if (reasonIndex[i]) s.suppressed++;
      else if (inBaseline?.[i]) s.baseline++;
      else s[f.severity as Severity]++;
    }
    this.reasonIndex = reasons.length ? reasonIndex : undefined;
    this.reasons = reasons;
    this.inBaseline = inBaseline;
    this.summary = {
      error: s.error,
      warning: s.warning,
      info: s.info,
      ...(s.suppressed ? { suppressed: s.suppressed } : {}),
      ...(withBaseline ? { baseline: s.baseline } : {}),
    };
  }

  /** Every finding in full (the library API). A loop: `push(...list)` overflows the stack past ~100,000. */
  toReport(): Report {
    const findings: Finding[] = [];
    for (let i = 0; i < this.count; i++) findings.push(this.finding(i));
    return { tool: this.tool, files: this.files, findings, summary: this.summary };
  }
}

/** The options the audit's stages get per file, with the defaults every audit uses (64 MiB pieces, 4 MiB chunks). */
export function fileAuditOptions(o: {
  packs: readonly RulePack[];
  facts: ProviderFacts;
  detectors: DetectorCatalogue;
  known?: readonly KnownValue[];
  maxPieceBytes?: number;
  chunkBytes?: number;
  regions?: boolean;
}): FileAuditOptions {
  return {
    packs: o.packs,
    facts: o.facts,
    shapes: o.detectors,
    known: o.known ?? [],
    maxPieceBytes: o.maxPieceBytes ?? 64 * 1024 * 1024,
    chunkBytes: o.chunkBytes ?? 4 * 1024 * 1024,
    regions: o.regions === true,
  };
}

/** The rule book an audit's report names its findings by: the packs, the audit's own rules, the detectors'. */
export function auditRuleBook(packs: readonly RulePack[], detectors: DetectorCatalogue): RuleBook {
  return new RuleBook(...packs, AUDIT_RULES, detectorRules(detectors));
}

/** Like auditFiles, with findings kept compact until written (what the CLI uses for large files). */
export async function auditFilesCompact(paths: readonly string[], options: AuditOptions = {}): Promise<AuditResult> {
  const facts = options.facts ?? (await loadFacts(options.schemaFiles ?? []));
  const detectors = options.detectors ?? shippedDetectors();
  const packs = options.packs ?? [TERRAFORM_SECRETS_PACK];
  const fileOptions = fileAuditOptions({ packs, facts, detectors, known: options.known, maxPieceBytes: options.maxPieceBytes, chunkBytes: options.chunkBytes, regions: options.regions });
  const context: TargetContext = options.context ?? { env: process.env };
  const { closeRemote } = await import("./read/remote-targets");
  try {
    const targets = await auditTargets(paths, context);
    if (options.fromStack?.length) {
      const { stackTargets } = await import("./read/stack-backends");
      const seen = new Set(targets.map((t) => t.path));
      for (const dir of options.fromStack) for (const t of await stackTargets(dir, context)) if (!seen.has(t.path)) seen.add(t.path), targets.push(t);
    }
    const audited = await auditAll(targets, fileOptions, options.concurrency ?? 4, options.progress);
    return new AuditResult(audited, auditRuleBook(packs, detectors));
  } finally {
    closeRemote(context);
  }
}

/**
 * Audits every target, in order in the result. Remote targets (S3, HCP Terraform, stdin) run up to `concurrency`
 * at a time, so the network wait of one overlaps the parsing of another (each holds at most 8 MiB of its object,
 * see remote-source.ts); a local file runs alone, as a 1 GiB plan needs the memory budget for itself.
 */
async function auditAll(targets: readonly AuditTarget[], fileOptions: FileAuditOptions, concurrency: number, progress?: (done: number, total: number) => void): Promise<AuditedFile[]> {
  const results: AuditedFile[] = new Array(targets.length);
  const running = new Set<Promise<void>>();
  let failure: unknown;
  let done = 0;
  const one = async (k: number) => {
    const target = targets[k];
    try {
      const source = target.open ? await target.open(fileOptions) : target.path;
      // Lines are for files in the checkout: a remote state or standard input is not read a third time for them.
      const r = await auditFile(source, target.display, target.open && fileOptions.regions ? { ...fileOptions, regions: false } : fileOptions);
      results[k] = { path: target.display, kind: r.kind, findings: r.findings, ...(r.notes.length ? { notes: r.notes } : {}) };
    } catch (e) {
      // One file that cannot be read never stops the audit of a folder, and never passes silently either.
      if (target.inFolder && GuardError.isGuardError(e) && e.kind === "input" && !stopsAudit(e)) {
        results[k] = { path: target.display, kind: "unknown", findings: [unreadableFinding(e.message, target.display)] };
      } else throw e;
    }
    progress?.(++done, targets.length);
  };
  for (let k = 0; k < targets.length && failure === undefined; k++) {
    const remote = targets[k].open !== undefined;
    const limit = remote ? Math.max(1, concurrency) : 1;
    while (running.size >= limit || (!remote && running.size > 0)) await Promise.race(running);
    if (failure !== undefined) break;
    const p: Promise<void> = one(k).then(
      () => void running.delete(p),
      (e) => {
        running.delete(p);
        failure ??= e;
      },
    );
    running.add(p);
  }
  await Promise.all(running);
  if (failure !== undefined) throw failure;
  return results;
}

export async function loadFacts(schemaFiles: readonly string[]): Promise<ProviderFacts> {
  const facts = ProviderFacts.shipped();
  for (const f of schemaFiles) {
    let doc: any;
    // Bounded while reading (a device or a huge file is refused), never echoing content.
    const text = (await readBounded(f, `--schema ${f}`, SCHEMA_LIMIT)).toString("utf8");
    try {
      doc = JSON.parse(text);
    } catch {
      throw new InputError(`--schema ${f}: not valid JSON; expected the output of terraform providers schema -json`);
    }
    if (!doc || typeof doc !== "object" || typeof doc.provider_schemas !== "object") {
      throw new InputError(`--schema ${f}: has no provider_schemas; expected the output of terraform providers schema -json`);
    }
    facts.addProviderSchemaJson(doc);
  }
  return facts;
}

/** SG106 for a file found in a folder that looks like Terraform but cannot be audited. */
function unreadableFinding(message: string, display: string): CompactFinding {
  const why = message.startsWith(display + ": ") ? message.slice(display.length + 2) : message;
  return compactFinding("SG106", "", "", "", false, "", MessageKind.Unreadable, why);
}
