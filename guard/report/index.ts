export { jsonChunks, toJson } from "./json";
export { sarifChunks, toSarif, TRUNCATED_PROPERTY } from "./sarif";
export type { SarifOptions } from "./sarif";
export { GITHUB_SARIF_LIMITS } from "./sarif-cap";
export type { SarifLimits } from "./sarif-cap";
export { textChunks, toText } from "./text";
export type { TextOptions } from "./text";
export { sourceOf } from "./source";
export type { ReportSource } from "./source";
