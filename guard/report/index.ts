export { jsonChunks, toJson } from "./json";
export { sarifChunks, toSarif } from "./sarif";
export { textChunks, toText } from "./text";
export type { TextOptions } from "./text";
export { sourceOf } from "./source";
export type { ReportSource } from "./source";
