import { promises as fsp } from "node:fs";
import * as nodePath from "node:path";
import type { Finding, Report, ScannedFile } from "../finding";
import { summarize } from "../finding";
import { ProviderFacts } from "../provider-facts";
import { TOOL } from "../tool";
import { auditFile, KnownValue } from "./file-auditor";
import { AuditInputError } from "./input-error";

export interface AuditOptions {
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
 * Audits state files, plan JSON files, cdk.tf.json files and folders of them. Throws AuditInputError (exit 2)
 * for a missing path or a given file that is not one of the three kinds. Findings are sorted by file, pointer.
 */
export async function auditFiles(paths: readonly string[], options: AuditOptions = {}): Promise<Report> {
  const facts = options.facts ?? (await loadFacts(options.schemaFiles ?? []));
  const fileOptions = {
    facts,
    known: options.known ?? [],
    maxPieceBytes: options.maxPieceBytes ?? 64 * 1024 * 1024,
    chunkBytes: options.chunkBytes ?? 4 * 1024 * 1024,
  };
  const files: ScannedFile[] = [];
  const findings: Finding[] = [];
  for (const target of await expand(paths)) {
    try {
      const r = await auditFile(target.path, target.display, fileOptions);
      files.push({ path: target.display, kind: r.kind });
      appendSortedByPointer(findings, r.findings);
    } catch (e) {
      // A plan-looking *.json found inside a folder that turns out to be something else is skipped, not fatal.
      if (target.optional && e instanceof AuditInputError) continue;
      throw e;
    }
  }
  return { tool: { ...TOOL }, files, findings, summary: summarize(findings) };
}

/**
 * Sorts one file's findings by pointer and appends them. A loop, not `push(...list)`: spreading an array into
 * arguments overflows the stack past ~100,000 elements (a 1 GiB plan has 130,000 findings).
 */
export function appendSortedByPointer<T extends { readonly pointer: string }>(into: T[], more: T[]): void {
  more.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
  for (let i = 0; i < more.length; i++) into.push(more[i]);
}

async function loadFacts(schemaFiles: readonly string[]): Promise<ProviderFacts> {
  const facts = ProviderFacts.shipped();
  for (const f of schemaFiles) {
    let doc: any;
    try {
      doc = JSON.parse(await fsp.readFile(f, "utf8"));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new AuditInputError(`--schema ${f}: ${code ? `cannot read file (${code})` : "not valid JSON"}; expected the output of terraform providers schema -json`);
    }
    if (!doc || typeof doc !== "object" || typeof doc.provider_schemas !== "object") {
      throw new AuditInputError(`--schema ${f}: has no provider_schemas; expected the output of terraform providers schema -json`);
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
      throw new AuditInputError(`${p}: ${code === "ENOENT" ? "no such file or folder" : `cannot read (${code})`}`);
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
