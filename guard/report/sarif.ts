import { createHash } from "node:crypto";
import type { SarifPrimary } from "./sarif-primary";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, Report, RuleInfo, Severity } from "../finding";
import { SEVERITY_RANK } from "../finding";
import type { RuleBook } from "../rules/rule-book";
import { GITHUB_SARIF_LIMITS, planSarifCap, SarifLimits } from "./sarif-cap";
import { joinChunks, nested, ReportSource, sourceOf, spliced } from "./source";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };
/** GitHub code scanning reads rule `properties["security-severity"]` (0.0-10.0) to rank alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: "8.0", warning: "5.0", info: "2.0" };

/**
 * SARIF 2.1.0 log of a report: one run, the rules that fired (plus their stable ids), results with the file as
 * artifact and the JSON pointer as logical location, and partialFingerprints for de-duplication across runs.
 */
export function toSarif(report: Report, rules?: RuleBook, options?: SarifOptions): string {
  return joinChunks(sarifChunks(sourceOf(report, rules), options));
}

export interface SarifOptions {
  /** Default: GitHub code scanning's (25,000 results, 10 MB gzipped). */
  readonly limits?: SarifLimits;
  /** Called (before the first piece) when the log had to leave results out. */
  readonly onCap?: (shown: number, total: number, reason: string) => void;
  /** The first location of a result (sarif-primary.ts); default "value". */
  readonly primary?: SarifPrimary;
}


/** The property of a capped run that says how many results it shows. */
export const TRUNCATED_PROPERTY = "secret-guard/truncated";

/**
 * The SARIF log in pieces (one per result), for writing a large report as a stream. Within GitHub code scanning's
 * limits: past them it keeps the most severe results (see planSarifCap), says so in the run's properties and in a
 * warning notification of invocations[0], and calls `onCap`.
 */
export function* sarifChunks(report: ReportSource, options: SarifOptions = {}): Generator<string> {
  const usedIds = new Set<string>();
  const rank = new Uint8Array(report.findingCount);
  for (let i = 0; i < report.findingCount; i++) {
    const f = report.finding(i);
    usedIds.add(f.ruleId);
    rank[i] = (2 - SEVERITY_RANK[f.severity]) + (f.suppressed ? 3 : 0);
  }
  const used = [...usedIds];
  const rules: RuleInfo[] = used.map((id) => report.rules.getOrUnknown(id));
  rules.sort((a, b) => (a.id < b.id ? -1 : 1));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log: any = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.name },
              fullDescription: { text: r.explanation },
              help: { text: r.fix ? `${r.explanation} Fix: ${r.fix}` : r.explanation },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { "security-severity": SECURITY_SEVERITY[r.severity], tags: ["security", "secrets"] },
            })),
          },
        },
        artifacts: report.files.map((f) => ({ location: { uri: toUri(f.path) }, properties: { kind: f.kind, ...(f.notes?.length ? { notes: f.notes } : {}) } })),
        // Regions count columns in UTF-16 code units (SARIF's default, said explicitly for readers that assume bytes).
        columnKind: "utf16CodeUnits",
        results: [],
      },
    ],
  };
  const uris = new Map<string, string>();
  const uri = (p: string) => uris.get(p) ?? uris.set(p, toUri(p)).get(p)!;
  const result = (i: number) => sarifResult(report.finding(i), index, uri, options.primary ?? "value");
  const cap = planSarifCap(report.findingCount, (i) => rank[i], (i) => nested(result(i), 4), JSON.stringify(log, null, 2), options.limits ?? GITHUB_SARIF_LIMITS);
  if (!cap) {
    yield* spliced(log, "results", 3, report.findingCount, result);
    return;
  }
  const note = `SARIF capped at ${cap.shown} of ${cap.total} results (${cap.reason}); the most severe are kept, and the JSON report is complete`;
  const run = log.runs[0];
  log.runs[0] = {
    tool: run.tool,
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: [{ level: "warning", message: { text: note } }] }],
    artifacts: run.artifacts,
    columnKind: run.columnKind,
    results: [],
    properties: { [TRUNCATED_PROPERTY]: { shown: cap.shown, total: cap.total, reason: cap.reason } },
  };
  const shown = new Uint32Array(cap.shown);
  for (let i = 0, k = 0; i < report.findingCount; i++) if (cap.keep[i]) shown[k++] = i;
  options.onCap?.(cap.shown, cap.total, cap.reason);
  yield* spliced(log, "results", 3, cap.shown, (k) => result(shown[k]));
}

function sarifResult(f: Finding, index: ReadonlyMap<string, number>, uri: (p: string) => string, primary: SarifPrimary) {
  const valueLocation = {
    physicalLocation: {
      artifactLocation: { uri: uri(f.file) },
      // The value's own span when the audit located it (a file in the checkout); else the file's first line.
      region: { ...(f.region ?? { startLine: 1 }), message: { text: `JSON pointer ${f.pointer || "(whole file)"}` } },
    },
    logicalLocations: [
      { name: f.attribute || f.address, fullyQualifiedName: `${f.address}${f.attribute ? "." + f.attribute : ""}`, kind: "member" },
      { fullyQualifiedName: f.pointer || "/", kind: "element", properties: { jsonPointer: f.pointer } },
    ],
  };
  const site = f.createdAt;
  const sourceLocation = site && { physicalLocation: { artifactLocation: { uri: uri(site.file) }, region: { startLine: site.line, startColumn: site.column } } };
  // GitHub shows a related location only through a link to its id in the message, "[text](id)"; literal brackets
  // (an address's index) are escaped then, as SARIF asks of a message with links.
  const text = (link: string) => `${escapeLinkText(f.message)} ([${escapeLinkText(link)}](1))`;
  if (site && sourceLocation && primary === "source") {
    const where = f.region ? `${f.file}:${f.region.startLine}` : f.file;
    return {
      ...head(f, index, text(`the value in ${where}`)),
      locations: [{ ...sourceLocation, message: { text: "the construct that wrote the value is created here" } }],
      relatedLocations: [{ id: 1, ...valueLocation, message: { text: "the value" } }],
      ...tail(f),
    };
  }
  return {
    ...head(f, index, site ? text(`created at ${site.file}:${site.line}`) : f.message),
    locations: [valueLocation],
    // The TypeScript line that created the construct (cdktf's recorded stack trace).
    ...(sourceLocation ? { relatedLocations: [{ id: 1, ...sourceLocation, message: { text: "the construct that wrote this value is created here" } }] } : {}),
    ...tail(f),
  };
}

function head(f: Finding, index: ReadonlyMap<string, number>, text: string) {
  return { ruleId: f.ruleId, ruleIndex: index.get(f.ruleId), level: LEVEL[f.severity], message: { text } };
}

function tail(f: Finding) {
  return {
    partialFingerprints: {
      "secretGuardPlace/v1": createHash("sha256").update(`${f.ruleId}\0${f.file}\0${f.pointer}`).digest("hex").slice(0, 32),
      ...(f.fingerprint ? { "secretGuardValue/v1": f.fingerprint } : {}),
    },
    properties: {
      pointer: f.pointer,
      address: f.address,
      attribute: f.attribute,
      markedSensitive: f.markedSensitive,
      fingerprint: f.fingerprint,
    },
    ...(f.suppressed ? { suppressions: [{ kind: "external", justification: f.suppressionReason ?? "" }] } : {}),
    ...(f.baseline !== undefined ? { baselineState: f.baseline ? "unchanged" : "new" } : {}),
  };
}

/** A path inside a message link's text: brackets escaped. */
function escapeLinkText(p: string): string {
  return p.replace(/[[\]]/g, (b) => "\\" + b);
}

/** A path as a URI: `file://` for absolute paths, a relative reference (forward slashes, percent-encoded) otherwise. */
function toUri(p: string): string {
  // A remote state (s3://bucket/key, an HCP Terraform workspace address) keeps its scheme and host: an absolute URI.
  const remote = /^(s3|https?):\/\/([^/]*)(\/.*)?$/i.exec(p);
  if (remote) return `${remote[1]}://${remote[2]}${(remote[3] ?? "").split("/").map((s) => encodeURIComponent(s).replace(/%3A/gi, ":").replace(/%40/g, "@")).join("/")}`;
  if (path.isAbsolute(p)) return pathToFileURL(p).href;
  return p.split(/[\\/]/).map(encodeURIComponent).join("/");
}
