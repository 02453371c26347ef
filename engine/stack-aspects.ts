/**
 * Aspects that work when an importer loads two copies of the engine (say `cdktf` aliased to cdktn beside the
 * providers' `cdktn`, or this package's cdktf build inside a cdktn app). Each copy keeps its aspects under a
 * private `Symbol("cdktf-aspects")`, so an aspect added through another copy's `Aspects` never runs. Here the
 * aspect is added through the copy that owns the stack.
 */
import { IConstruct } from "constructs";
import { Aspects, IAspect, TerraformStack } from "cdktf";

type AspectsApi = { of(scope: IConstruct): { add(aspect: IAspect): void } };

/** True when `stack` was made by this package's copy of the engine. */
function isOwnEngineStack(stack: TerraformStack): boolean {
  return Object.prototype.isPrototypeOf.call(TerraformStack.prototype, stack);
}

/** The `Aspects` of the engine copy that defined the stack's TerraformStack class, if it is loaded through `require`. */
function aspectsOfStackEngine(stack: TerraformStack): AspectsApi | undefined {
  if (isOwnEngineStack(stack)) return Aspects;
  const classes = new Set<unknown>();
  for (let p = Object.getPrototypeOf(stack); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) classes.add(p.constructor);
  // Node's module cache: the copy whose exports hold one of the stack's classes as `TerraformStack`.
  const cache = typeof require === "function" ? require.cache : {};
  for (const m of Object.values(cache)) {
    const e = m?.exports as { TerraformStack?: unknown; Aspects?: AspectsApi } | undefined;
    if (e && typeof e === "object" && classes.has(e.TerraformStack) && typeof e.Aspects?.of === "function") return e.Aspects;
  }
  return undefined;
}

/**
 * Adds an aspect to a stack through the engine copy that owns it. When that copy cannot be found (a bundle that
 * does not use `require`), the aspect runs on the stack node just before the stack synthesizes, which is where
 * the stack's own aspects run.
 */
export function addStackAspect(stack: TerraformStack, aspect: IAspect): void {
  const aspects = aspectsOfStackEngine(stack);
  if (aspects) {
    aspects.of(stack).add(aspect);
    return;
  }
  const original = stack.synthesizer as unknown as { synthesize(session: unknown): void };
  const wrapper = Object.create(original) as { synthesize(session: unknown): void };
  wrapper.synthesize = (session: unknown) => {
    aspect.visit(stack);
    original.synthesize(session);
  };
  (stack as { synthesizer: unknown }).synthesizer = wrapper;
}
