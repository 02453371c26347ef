/**
 * Which engine made a stack, so that this package's build for one engine refuses, in one line, a stack of the
 * other: cdktn's synth calls methods that cdktf 0.21's elements lack and fails deep inside with a TypeError, and
 * the other way round resources would silently miss cdktn's checks. (Two copies of the same engine are fine.)
 */
import { IConstruct } from "constructs";
import { TerraformStack } from "cdktf";
import { ValidationError } from "../guard/errors";

const JSII_RTTI = Symbol.for("jsii.rtti");
const ENTRY: Record<string, string> = { cdktf: "genesys-oauth-cdktf", cdktn: "genesys-oauth-cdktf/cdktn" };

/** "cdktf" or "cdktn": the jsii type name every engine class carries (`cdktn.TerraformStack`), if it has one. */
function engineOfClass(cls: unknown): string | undefined {
  const fqn = (cls as { [JSII_RTTI]?: { fqn?: string } } | undefined)?.[JSII_RTTI]?.fqn;
  return typeof fqn === "string" && fqn.endsWith(".TerraformStack") ? fqn.slice(0, -".TerraformStack".length) : undefined;
}

/** The engine that made the stack, if known. */
export function engineOfStack(stack: TerraformStack): string | undefined {
  for (let p = Object.getPrototypeOf(stack); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const engine = engineOfClass(p.constructor);
    if (engine) return engine;
  }
  return undefined;
}

/** The engine this build of the package was compiled against. */
const ENGINE = engineOfClass(TerraformStack) ?? "cdktf";

/** Throws when `scope` sits in a stack of another engine than this build's. */
export function requireEngineOf(scope: IConstruct, owner: string): void {
  const engine = engineOfStack(TerraformStack.of(scope));
  if (engine === undefined || engine === ENGINE || !(engine in ENTRY)) return;
  throw new ValidationError(
    `${owner}: the stack is built with ${engine}, but this is the package's ${ENGINE} build: import from "${ENTRY[engine]}" instead of "${ENTRY[ENGINE]}"`,
    scope,
  );
}
