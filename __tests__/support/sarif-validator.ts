// SARIF 2.1.0 validation two ways: the final OASIS JSON schema (shipped in @microsoft/sarif-multitool-linux) with
// ajv, and Microsoft's own SARIF Multitool `validate`, which also applies the spec's rules beyond the schema.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { CHILD_LIMITS } from "./child-limits";

const PKG = path.dirname(require.resolve("@microsoft/sarif-multitool-linux/package.json"));

export function sarifSchemaErrors(log: unknown): unknown[] {
  const schema = JSON.parse(fs.readFileSync(path.join(PKG, "sarif-2.1.0.json"), "utf8"));
  const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  return validate(log) ? [] : [...(validate.errors ?? [])];
}

/** Errors the SARIF Multitool reports for a SARIF file (its own SARIF output, parsed); [] when valid. */
export function multitoolErrors(file: string): Array<{ ruleId: string; message: string }> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sarif-validate-")), "validation.sarif");
  const r = spawnSync(path.join(PKG, "Sarif.Multitool"), ["validate", file, "--output", out, "--log", "ForceOverwrite"], {
    ...CHILD_LIMITS,
    stdio: "ignore",
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
  });
  if (r.error || !fs.existsSync(out)) throw new Error(`SARIF Multitool did not run (${r.error?.message ?? `exit ${r.status}`})`);
  const log = JSON.parse(fs.readFileSync(out, "utf8"));
  return (log.runs?.[0]?.results ?? [])
    .filter((res: any) => res.level === "error")
    .map((res: any) => ({ ruleId: res.ruleId, message: res.message?.text ?? res.message?.id ?? "" }));
}
