export { toJson } from "./json";
export { toSarif } from "./sarif";
export { toText } from "./text";
export type { TextOptions } from "./text";
