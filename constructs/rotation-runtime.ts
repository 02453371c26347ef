/**
 * The rotation function's Lambda runtime: the newest Node.js runtime Lambda supports (nodejs24.x, since November
 * 2025; nothing newer is documented), where the stack's AWS provider accepts it. hashicorp/aws 5.x validates
 * `runtime` against a fixed list that ends at nodejs22.x (5.100.0 refuses nodejs24.x at validate and plan), so a
 * stack on AWS provider 5 (@cdktf/provider-aws 20) gets nodejs22.x, and one on 6 or later (@cdktf/provider-aws 21,
 * @cdktn/provider-aws 25) gets nodejs24.x. The bundle (scripts/bundle-rotation.js) targets node22, which both run.
 */
export const NEWEST_LAMBDA_NODE_RUNTIME = "nodejs24.x";
export const NEWEST_LAMBDA_NODE_RUNTIME_ON_AWS5 = "nodejs22.x";

/** The runtime for a stack whose AWS provider is `providerVersion` (from the bindings' generator metadata). */
export function rotationRuntime(providerVersion: string | undefined): string {
  const major = Number((providerVersion ?? "").split(".")[0]);
  // Unknown version: the runtime every supported provider major accepts.
  if (!Number.isInteger(major) || major < 6) return NEWEST_LAMBDA_NODE_RUNTIME_ON_AWS5;
  return NEWEST_LAMBDA_NODE_RUNTIME;
}
