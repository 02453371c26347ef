import { createHash } from "node:crypto";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, Report, RuleInfo, Severity } from "../finding";
import type { RuleBook } from "../rules/rule-book";
import { joinChunks, ReportSource, sourceOf, spliced } from "./source";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };
/** GitHub code scanning reads rule `properties["security-severity"]` (0.0-10.0) to rank alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: "8.0", warning: "5.0", info: "2.0" };

/**
 * SARIF 2.1.0 log of a report: one run, the rules that fired (plus their stable ids), results with the file as
 * artifact and the JSON pointer as logical location, and partialFingerprints for de-duplication across runs.
 */
export function toSarif(report: Report, rules?: RuleBook): string {
  return joinChunks(sarifChunks(sourceOf(report, rules)));
}

/** The SARIF log in pieces (one per result), for writing a large report as a stream. */
export function sarifChunks(report: ReportSource): Generator<string> {
  const usedIds = new Set<string>();
  for (let i = 0; i < report.findingCount; i++) usedIds.add(report.finding(i).ruleId);
  const used = [...usedIds];
  const rules: RuleInfo[] = used.map((id) => report.rules.getOrUnknown(id));
  rules.sort((a, b) => (a.id < b.id ? -1 : 1));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
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
        artifacts: report.files.map((f) => ({ location: { uri: toUri(f.path) }, properties: { kind: f.kind } })),
        results: [],
      },
    ],
  };
  const uris = new Map<string, string>();
  const uri = (p: string) => uris.get(p) ?? uris.set(p, toUri(p)).get(p)!;
  return spliced(log, "results", 3, report.findingCount, (i) => sarifResult(report.finding(i), index, uri));
}

function sarifResult(f: Finding, index: ReadonlyMap<string, number>, uri: (p: string) => string) {
  return {
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uri(f.file) },
          region: { startLine: 1, message: { text: `JSON pointer ${f.pointer || "(whole file)"}` } },
        },
        logicalLocations: [
          { name: f.attribute || f.address, fullyQualifiedName: `${f.address}${f.attribute ? "." + f.attribute : ""}`, kind: "member" },
          { fullyQualifiedName: f.pointer || "/", kind: "element", properties: { jsonPointer: f.pointer } },
        ],
      },
    ],
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
  };
}

/** A path as a URI: `file://` for absolute paths, a relative reference (forward slashes, percent-encoded) otherwise. */
function toUri(p: string): string {
  if (path.isAbsolute(p)) return pathToFileURL(p).href;
  return p.split(/[\\/]/).map(encodeURIComponent).join("/");
}
