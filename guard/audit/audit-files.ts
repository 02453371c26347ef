import { InputError } from "../errors";
import { promises as fsp } from "node:fs";
import * as nodePath from "node:path";
import type { FileKind, Finding, Report, ScannedFile } from "../finding";
import type { ReportSource } from "../report/source";
import { ProviderFacts } from "../provider-facts";
import { TOOL } from "../tool";
import type { DetectorCatalogue } from "../detectors/catalogue";
import { detectorRules, shippedDetectors } from "../detectors/shipped-detectors";
import type { RulePack } from "../rules/rule";
import { AUDIT_RULES, genericRuleBook, TERRAFORM_SECRETS_PACK } from "../rules";
import { RuleBook } from "../rules/rule-book";
import { CompactFinding, expandFinding, severityOf } from "./compact-finding";
import { auditFile, KnownValue } from "./audit-file";

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
}

const SKIP_DIRS = new Set(["node_modules", ".terraform", ".git"]);

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
  readonly findings: readonly CompactFinding[];
}

/**
 * An audit as the CLI writes it: findings stay compact until the formatter asks for them one at a time.
 * Audit findings are never suppressed.
 */
export class AuditResult implements ReportSource {
  readonly tool = { ...TOOL };
  readonly summary = { error: 0, warning: 0, info: 0 };
  readonly rules: RuleBook;
  private readonly starts: number[] = [];
  private count = 0;
  private cursor = 0;

  constructor(
    readonly audited: readonly AuditedFile[],
    rules: RuleBook = genericRuleBook(),
  ) {
    this.rules = rules;
    for (const a of audited) {
      this.starts.push(this.count);
      this.count += a.findings.length;
      for (const f of a.findings) this.summary[severityOf(f, rules)]++;
    }
  }

  get files(): ScannedFile[] {
    return this.audited.map((a) => ({ path: a.path, kind: a.kind }));
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
    return { file: a.path, finding: a.findings[i - this.starts[k]] };
  }

  finding(i: number): Finding {
    const c = this.compact(i);
    return expandFinding(c.finding, c.file, this.rules);
  }

  /** Every finding in full (the library API). A loop: `push(...list)` overflows the stack past ~100,000. */
  toReport(): Report {
    const findings: Finding[] = [];
    for (let i = 0; i < this.count; i++) findings.push(this.finding(i));
    return { tool: this.tool, files: this.files, findings, summary: this.summary };
  }
}

/** Like auditFiles, with findings kept compact until written (what the CLI uses for large files). */
export async function auditFilesCompact(paths: readonly string[], options: AuditOptions = {}): Promise<AuditResult> {
  const facts = options.facts ?? (await loadFacts(options.schemaFiles ?? []));
  const detectors = options.detectors ?? shippedDetectors();
  const packs = options.packs ?? [TERRAFORM_SECRETS_PACK];
  const fileOptions = {
    facts,
    shapes: detectors,
    known: options.known ?? [],
    maxPieceBytes: options.maxPieceBytes ?? 64 * 1024 * 1024,
    chunkBytes: options.chunkBytes ?? 4 * 1024 * 1024,
  };
  const audited: AuditedFile[] = [];
  for (const target of await expand(paths)) {
    try {
      const r = await auditFile(target.path, target.display, fileOptions);
      audited.push({ path: target.display, kind: r.kind, findings: sortByPointer(r.findings) });
    } catch (e) {
      // A plan-looking *.json found inside a folder that turns out to be something else is skipped, not fatal.
      if (target.optional && e instanceof InputError) continue;
      throw e;
    }
  }
  return new AuditResult(audited, new RuleBook(...packs, AUDIT_RULES, detectorRules(detectors)));
}

/** Sorts one file's findings by pointer, in place (a sort, never a spread: 130,000 findings in a 1 GiB plan). */
function sortByPointer<T extends { readonly pointer: string }>(list: T[]): T[] {
  return list.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

async function loadFacts(schemaFiles: readonly string[]): Promise<ProviderFacts> {
  const facts = ProviderFacts.shipped();
  for (const f of schemaFiles) {
    let doc: any;
    try {
      doc = JSON.parse(await fsp.readFile(f, "utf8"));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(`--schema ${f}: ${code ? `cannot read file (${code})` : "not valid JSON"}; expected the output of terraform providers schema -json`);
    }
    if (!doc || typeof doc !== "object" || typeof doc.provider_schemas !== "object") {
      throw new InputError(`--schema ${f}: has no provider_schemas; expected the output of terraform providers schema -json`);
    }
    facts.addProviderSchemaJson(doc);
  }
  return facts;
}

interface Target {
  path: string;
  display: string;
  /** Found by looking into a folder by content sniffing: skipped when it is not a Terraform file after all. */
  optional: boolean;
}

async function expand(paths: readonly string[]): Promise<Target[]> {
  const out: Target[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await fsp.stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(`${p}: ${code === "ENOENT" ? "no such file or folder" : `cannot read (${code})`}`);
    }
    if (st.isDirectory()) await walkFolder(p, out);
    else out.push({ path: p, display: p, optional: false });
  }
  return out;
}

/** Finds *.tfstate(.backup), cdk.tf.json and plan JSON files in a folder (plan files by their first bytes). */
async function walkFolder(dir: string, out: Target[]): Promise<void> {
  const entries = (await fsp.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const full = nodePath.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walkFolder(full, out);
    } else if (e.isFile()) {
      if (/\.tfstate(\.backup)?$/.test(e.name) || e.name === "cdk.tf.json") out.push({ path: full, display: full, optional: false });
      else if (e.name.endsWith(".json") && (await looksLikePlan(full))) out.push({ path: full, display: full, optional: true });
    }
  }
}

async function looksLikePlan(file: string): Promise<boolean> {
  const fh = await fsp.open(file, "r");
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await fh.read(buf, 0, 512, 0);
    const head = buf.toString("utf8", 0, bytesRead);
    return /^\s*\{\s*"format_version"\s*:/.test(head);
  } finally {
    await fh.close();
  }
}
