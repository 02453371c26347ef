// The rotation function's Lambda runtime per AWS provider major, with known values (Lambda's newest Node.js runtime
// is nodejs24.x; hashicorp/aws 5.100.0 refuses it and knows nodejs22.x at most). Runs on both engines: cdktf's
// bindings here are AWS provider 5, CDK Terrain's (jest.cdktn.config.js) AWS provider 6.
import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { RotationFunction } from "../constructs/rotated-client-secret";
import { rotationRuntime } from "../constructs/rotation-runtime";

test("AWS provider 5.x gets nodejs22.x; 6.x and later get nodejs24.x", () => {
  expect(rotationRuntime("5.100.0")).toBe("nodejs22.x");
  expect(rotationRuntime("5.0.0")).toBe("nodejs22.x");
  expect(rotationRuntime("6.66.0")).toBe("nodejs24.x");
  expect(rotationRuntime("7.1.0")).toBe("nodejs24.x");
  expect(rotationRuntime(undefined)).toBe("nodejs22.x");
  expect(rotationRuntime("not a version")).toBe("nodejs22.x");
});

test("the synthesized function's runtime follows the engine's AWS bindings", () => {
  const stack = new TerraformStack(Testing.app(), "rotation-runtime");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  RotationFunction.of(stack, { genesysRegion: "eu-west-1", adminSecret: "genesys/rotation-admin" });
  const doc = JSON.parse(Testing.synth(stack));
  const [fn] = Object.values<{ runtime: string }>(doc.resource.aws_lambda_function);
  expect(fn.runtime).toBe(process.env.GENESYS_OAUTH_ENGINE === "cdktn" ? "nodejs24.x" : "nodejs22.x");
});
