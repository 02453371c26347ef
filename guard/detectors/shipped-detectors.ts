import type { RuleInfo } from "../finding";
import { DetectorCatalogue } from "./catalogue";

/** The shipped catalogue, built once (its regular expressions are compiled on first use). */
let shipped: DetectorCatalogue | undefined;
export function shippedDetectors(): DetectorCatalogue {
  return (shipped ??= DetectorCatalogue.shipped());
}

/** A catalogue's detectors as rules, for reports (SARIF rule metadata, text explanations). */
export function detectorRules(catalogue: DetectorCatalogue = shippedDetectors()): RuleInfo[] {
  return catalogue.all().map((d) => ({ id: d.id, name: d.name, severity: d.severity, explanation: d.explanation, fix: d.fix }));
}
