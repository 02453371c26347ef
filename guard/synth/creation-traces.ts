import * as path from "node:path";
import { IConstruct, Node } from "constructs";
import type { SourcePlace } from "../finding";
import { framePlace, isLibraryFrame } from "../audit/locate/creation-site";
import { originalPlace } from "./source-map";

/**
 * Where the app created each Terraform element, so a finding can point at the TypeScript line that introduced it.
 *
 * cdktf means to record this: every TerraformElement adds a "stacktrace" metadata entry and writes its trace into
 * cdk.tf.json (`"//".metadata.stackTrace`) unless the App is made with `stackTraces: false`. Since constructs
 * 10.4 no trace is captured unless asked for (`addMetadata(..., { stackTrace: true })`), so cdktf 0.21 writes
 * none. `recordCreationTraces()` asks for them again, but keeps them out of cdk.tf.json: a trace holds line
 * numbers, and every edit of the app would change every element of the synthesized stack. The call stack is
 * captured (cheaply, unformatted) for every element; the guard reads it only for the constructs it reports
 * (`creationTraceOf`), maps it through the app bundle's source map, and writes it into cdk.tf.json for those
 * alone (`publishCreationTrace`), where `secret-guard audit` reads it back.
 *
 * Call it before the app creates its constructs. It is a no-op for elements of an App made with
 * `stackTraces: false` (Testing.app does so) and idempotent.
 */
export function recordCreationTraces(): void {
  const proto = Node.prototype as unknown as Record<PropertyKey, unknown> & { addMetadata: Node["addMetadata"] };
  if (proto[INSTALLED]) return;
  const original = proto.addMetadata;
  const addMetadata = function (this: Node, type: string, data: unknown, options?: Parameters<Node["addMetadata"]>[2]): void {
    original.call(this, type, data, options);
    if (type === "stacktrace" && !options?.stackTrace && !this.tryGetContext(DISABLE_STACK_TRACE)) {
      const holder: { stack?: string } = {};
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 40;
      Error.captureStackTrace(holder, addMetadata);
      Error.stackTraceLimit = limit;
      capturedTraces().set(this, holder);
    }
  };
  proto.addMetadata = addMetadata;
  proto[INSTALLED] = true;
}

/** cdktf's context key for `App({ stackTraces: false })`. */
const DISABLE_STACK_TRACE = "@cdktf/disable_stack_trace_in_metadata";
const INSTALLED = Symbol.for("secret-guard/creation-traces");
/**
 * The stacks captured, one map for every copy of this module loaded (an importer may load the guard twice): it
 * lives on the patched prototype with the patch, which only the first copy installs.
 */
const CAPTURED = Symbol.for("secret-guard/creation-traces/captured");
function capturedTraces(): WeakMap<Node, { stack?: string }> {
  const proto = Node.prototype as unknown as Record<PropertyKey, unknown>;
  return (proto[CAPTURED] ??= new WeakMap<Node, { stack?: string }>()) as WeakMap<Node, { stack?: string }>;
}

/** Frames of an app's call stack kept: the app's own, not cdktf's, constructs', the bindings' or Node's. */
const MAX_FRAMES = 8;

/**
 * The app frames that created `c` (innermost first), "name (file:line:column)" with the file relative to the
 * working folder (the project, where cdktf runs the app) and mapped to TypeScript through a source map; []
 * when nothing was recorded.
 */
export function creationTraceOf(c: IConstruct, root: string = process.cwd()): string[] {
  const stack = capturedTraces().get(c.node)?.stack;
  if (!stack) return [];
  const out: string[] = [];
  for (const line of stack.split("\n").slice(1)) {
    const frame = line.replace(/^\s*at\s+/, "");
    const place = framePlace(frame);
    if (!place || place.file.startsWith("node:") || !path.isAbsolute(place.file)) continue;
    const original = originalPlace(place) ?? place;
    if (isLibraryFrame(original.file)) continue;
    const name = frame.endsWith(")") ? frame.slice(0, frame.lastIndexOf("(")).trim() : "";
    const file = path.relative(root, original.file).split(path.sep).join("/");
    out.push(`${name ? name + " " : ""}(${file}:${original.line}:${original.column})`);
    if (out.length >= MAX_FRAMES) break;
  }
  return out;
}

/** The first app frame of creationTraceOf as a place. */
export function createdAtOf(c: IConstruct): SourcePlace | undefined {
  const first = creationTraceOf(c)[0];
  return first ? framePlace(first) : undefined;
}

/**
 * Writes the creation trace of `c` into its "stacktrace" metadata entry, which cdktf writes into cdk.tf.json as
 * `"//".metadata.stackTrace`: for the constructs the guard reports, so `secret-guard audit` of the stack finds it.
 */
export function publishCreationTrace(c: IConstruct): void {
  const trace = creationTraceOf(c);
  if (trace.length === 0) return;
  const entry = c.node.metadata.find((e) => e.type === "stacktrace") as { trace?: string[] } | undefined;
  if (entry && !entry.trace?.length) entry.trace = trace;
}
