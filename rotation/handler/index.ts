/**
 * The rotation function's entry point (Lambda, Node.js 22 or later): `index.handler`. Bundled by scripts/bundle-rotation.js
 * with the AWS SDK it was tested with, zipped deterministically, and deployed by RotatedClientSecret.
 */
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { DEFAULT_POLICY } from "../../genesys-pack/doctor/http";
import { rotate, RotationEvent } from "./rotate";
import { readSettings } from "./settings";

let cached: { key: string; sm: SecretsManagerClient } | undefined;

/** One JSON line per event: step, secret name, version id, client id, outcome. No value ever goes in. */
function log(fields: Record<string, string | number | boolean>): void {
  console.log(JSON.stringify({ source: "genesys-oauth-rotation", ...fields }));
}

export async function handler(event: RotationEvent): Promise<void> {
  try {
    const settings = readSettings(process.env);
    const key = `${settings.secretsManagerEndpoint ?? ""}|${process.env.AWS_REGION ?? ""}`;
    if (!cached || cached.key !== key) {
      cached = { key, sm: new SecretsManagerClient({ endpoint: settings.secretsManagerEndpoint, maxAttempts: 3 }) };
    }
    const policy = { ...DEFAULT_POLICY, timeoutMs: settings.httpTimeoutMs, maxWaitMs: 20_000 };
    await rotate(event, { settings, sm: cached.sm, policy, log });
  } catch (e) {
    // Messages are built to hold no value (hosts, statuses, ids); the SDK's own errors are named by class only.
    const err = e as Error;
    const ours = ["RotationError", "GenesysAnswerError", "HttpFailure", "SettingsError"].includes(err?.name);
    const message = ours ? err.message : `${err?.name ?? "Error"} from ${(e as { $metadata?: unknown }).$metadata ? "Secrets Manager" : "the function"}`;
    log({ step: String(event?.Step ?? ""), outcome: "failed", error: message });
    const out = new Error(message);
    out.name = ours ? err.name : "RotationFailed";
    throw out;
  }
}
