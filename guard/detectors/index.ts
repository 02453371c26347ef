/** The detector catalogue's public surface, for synth, audit and diff. */
export { DetectorCatalogue } from "./catalogue";
export type { CheckName, Detector, DetectorHit, DetectorSample, DetectorSeverity, KeyGate } from "./detector";
export type { GitleaksAllowlist, GitleaksRuleSearch } from "./gitleaks-search";
export { isSecretKeyName } from "./key-names";
export { DetectorFileError, loadDetectorFile, parseDetectorDocument } from "./load-detectors";
export { linearPatternProblem } from "./linear-pattern";
