// Cuts the AWS part out of a synthesized stack so real Terraform can init/validate/plan it offline:
// genesyscloud and random cannot be installed here, so their blocks go, and every reference to them is
// replaced by one variable that stands for the secret being handed over.
export const HANDOFF_VARIABLE = "handoff_secret";

const FOREIGN = /^(genesyscloud_|random_)/;
const FOREIGN_REF = /\$\{(?:data\.|ephemeral\.)?(?:genesyscloud_|random_)[a-z0-9_]+\.[A-Za-z0-9_-]+(?:\.[a-z0-9_]+)?\}/g;

export function awsPart(doc: any, opts: { ephemeral: boolean }): any {
  const out = JSON.parse(JSON.stringify(doc));
  for (const section of ["resource", "data", "ephemeral"]) {
    for (const type of Object.keys(out[section] ?? {})) if (FOREIGN.test(type)) delete out[section][type];
    if (out[section] && Object.keys(out[section]).length === 0) delete out[section];
  }
  for (const name of Object.keys(out.provider ?? {})) if (name !== "aws") delete out.provider[name];
  for (const name of Object.keys(out.terraform?.required_providers ?? {})) if (name !== "aws") delete out.terraform.required_providers[name];
  delete out.import;
  for (const [name, o] of Object.entries<any>(out.output ?? {})) if (typeof o.value === "string" && FOREIGN_REF.test(o.value)) delete out.output[name];
  FOREIGN_REF.lastIndex = 0;
  out.variable = {
    ...(out.variable ?? {}),
    [HANDOFF_VARIABLE]: { type: "string", sensitive: true, ...(opts.ephemeral ? { ephemeral: true } : {}) },
  };
  const text = JSON.stringify(out).replace(FOREIGN_REF, `\${var.${HANDOFF_VARIABLE}}`);
  return JSON.parse(text);
}

/** Provider settings that let the AWS provider plan without credentials or network. */
export function offlineAwsProvider(doc: any): void {
  for (const cfg of doc.provider?.aws ?? []) {
    Object.assign(cfg, {
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      skip_region_validation: true,
    });
    delete cfg.allowed_account_ids;
    delete cfg.profile;
  }
}
