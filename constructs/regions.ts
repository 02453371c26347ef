/**
 * Genesys Cloud region keys (what GENESYSCLOUD_REGION / `aws_region` take) and their domains, as the provider
 * v1.84.1 knows them. API host: https://api.<domain>; login (token) host: https://login.<domain>.
 */
export const GENESYS_REGIONS: Readonly<Record<string, string>> = {
  "us-east-1": "mypurecloud.com",
  "us-east-2": "use2.us-gov-pure.cloud",
  "us-west-2": "usw2.pure.cloud",
  "ca-central-1": "cac1.pure.cloud",
  "sa-east-1": "sae1.pure.cloud",
  "mx-central-1": "mxc1.pure.cloud",
  "eu-west-1": "mypurecloud.ie",
  "eu-west-2": "euw2.pure.cloud",
  "eu-central-1": "mypurecloud.de",
  "eu-central-2": "euc2.pure.cloud",
  "eusc-de-east-1": "edee1.eusc-pure.cloud",
  "me-central-1": "mec1.pure.cloud",
  "ap-south-1": "aps1.pure.cloud",
  "ap-southeast-1": "apse1.pure.cloud",
  "ap-southeast-2": "mypurecloud.com.au",
  "ap-northeast-1": "mypurecloud.jp",
  "ap-northeast-2": "apne2.pure.cloud",
  "ap-northeast-3": "apne3.pure.cloud",
};

/** Normalises a region key (the provider matches case-insensitively); undefined when it is not a known key. */
export function normalizeRegion(region: string): string | undefined {
  const key = region.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(GENESYS_REGIONS, key) ? key : undefined;
}

export interface RegionHosts {
  readonly region: string;
  readonly apiHost: string;
  readonly loginHost: string;
}

/** API and login hosts for a region key; undefined for an unknown key. */
export function regionHosts(region: string): RegionHosts | undefined {
  const key = normalizeRegion(region);
  if (!key) return undefined;
  const domain = GENESYS_REGIONS[key];
  return { region: key, apiHost: `api.${domain}`, loginHost: `login.${domain}` };
}

/** One-line description of the allowed region keys, for error messages. */
export function allowedRegionsText(): string {
  return Object.keys(GENESYS_REGIONS).join(", ");
}
