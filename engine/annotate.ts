import { IConstruct } from "constructs";
import { AnnotationMetadataEntryType } from "cdktf";

export type AnnotationLevel = "error" | "warning" | "info";

const TYPES: Record<AnnotationLevel, string> = {
  error: AnnotationMetadataEntryType.ERROR,
  warning: AnnotationMetadataEntryType.WARN,
  info: AnnotationMetadataEntryType.INFO,
};

/**
 * Adds a cdktf annotation without a stack trace: these messages are about configuration, and the CLI would
 * otherwise print a trace into this library after each one.
 */
export function annotate(scope: IConstruct, level: AnnotationLevel, message: string): void {
  scope.node.addMetadata(TYPES[level], message, { stackTrace: false });
}
