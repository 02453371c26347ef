import { promises as fsp } from "node:fs";
import { InputError } from "../errors";
import type { Finding } from "../finding";
import { normalizeFile } from "./ignore-file";

/** A baseline is a JSON report; past this size it is refused rather than parsed. */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/**
 * The findings of an earlier JSON report (`secret-guard audit --format json`), kept only as a set of identity keys:
 * (ruleId, fingerprint, file, pointer), and (ruleId, fingerprint) when the fingerprint is not empty, so a moved
 * file or a renumbered resource keeps its finding in the baseline.
 */
export class Baseline {
  private readonly keys = new Set<string>();

  constructor(readonly file: string) {}

  get size(): number {
    return this.keys.size;
  }

  add(f: Pick<Finding, "ruleId" | "fingerprint" | "file" | "pointer">): void {
    this.keys.add(placeKey(f));
    if (f.fingerprint) this.keys.add(valueKey(f));
  }

  has(f: Pick<Finding, "ruleId" | "fingerprint" | "file" | "pointer">): boolean {
    return this.keys.has(placeKey(f)) || (f.fingerprint !== "" && this.keys.has(valueKey(f)));
  }
}

function placeKey(f: Pick<Finding, "ruleId" | "fingerprint" | "file" | "pointer">): string {
  return `p\0${f.ruleId}\0${f.fingerprint}\0${normalizeFile(f.file)}\0${f.pointer}`;
}

function valueKey(f: Pick<Finding, "ruleId" | "fingerprint">): string {
  return `v\0${f.ruleId}\0${f.fingerprint}`;
}

/** Reads a baseline report. Every problem is a one-line InputError naming the file (and the field). */
export async function loadBaseline(file: string): Promise<Baseline> {
  const where = `--baseline ${file}`;
  let text: string;
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) throw new InputError(`${where}: not a regular file; expected a report written by secret-guard audit --format json`);
    if (st.size > MAX_BASELINE_BYTES) {
      throw new InputError(`${where}: larger than ${MAX_BASELINE_BYTES >> 20} MiB, refused; a baseline is a report written by secret-guard audit --format json`);
    }
    text = await fsp.readFile(file, "utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${where}: cannot read file (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new InputError(`${where}: not valid JSON; expected a report written by secret-guard audit --format json`);
  }
  text = "";
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new InputError(`${where}: not a JSON object; expected a report written by secret-guard audit --format json`);
  if (Array.isArray(doc.runs)) throw new InputError(`${where}: is a SARIF log; the baseline must be a report written by secret-guard audit --format json`);
  if (!Array.isArray(doc.findings)) throw new InputError(`${where}: has no findings array; expected a report written by secret-guard audit --format json`);
  const baseline = new Baseline(file);
  const findings: unknown[] = doc.findings;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Record<string, unknown>;
    if (!f || typeof f !== "object") throw new InputError(`${where}: findings[${i}] is not an object`);
    for (const field of ["ruleId", "fingerprint", "file", "pointer"]) {
      if (typeof f[field] !== "string") throw new InputError(`${where}: findings[${i}].${field} is missing or not a string`);
    }
    if (f.fingerprint !== "" && !/^sha256:[0-9a-f]{12}$/.test(f.fingerprint as string)) {
      throw new InputError(`${where}: findings[${i}].fingerprint is not sha256: followed by 12 hex digits`);
    }
    baseline.add(f as unknown as Finding);
  }
  return baseline;
}
