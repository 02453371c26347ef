/**
 * Vendor token formats written independently of the detector catalogue's own samples, as a second opinion: each
 * entry makes a token from the vendor's documented shape (prefix, length, alphabet, checksum) and look-alikes that a
 * careful scanner keeps quiet on. Values are assembled at run time from a seeded generator, never pasted.
 */
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
const ALNUM = UPPER + LOWER + DIGITS;
const BASE62 = DIGITS + UPPER + LOWER;
const HEX = "0123456789abcdef";
const B64URL = ALNUM + "-_";
const B64 = ALNUM + "+/";

/** A deterministic generator (splitmix-style) so failures reproduce. */
export function makeRandom(seed: number): (alphabet: string, n: number) => string {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (alphabet, n) => {
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(text: string): number {
  let c = 0xffffffff;
  for (const b of Buffer.from(text, "utf8")) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** GitHub's and npm's checksum: the CRC32 of the random part in base62, six characters, zero-padded. */
export function base62Crc32(text: string): string {
  let n = crc32(text);
  let out = "";
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(6, "0");
}

/** Where a value is planted: a neutral tag, a Lambda environment variable under its usual name, a config file's line. */
export type Placement = { kind: "tag" } | { kind: "env"; name: string } | { kind: "file"; name: string };

export interface VendorFormat {
  readonly family: string;
  readonly make: (r: ReturnType<typeof makeRandom>) => string;
  readonly placement: Placement;
  /** Values of the same look that are not this vendor's secret: they must not be reported at all. */
  readonly lookAlikes: (r: ReturnType<typeof makeRandom>) => readonly string[];
}

const uuid = (r: ReturnType<typeof makeRandom>) => `${r(HEX, 8)}-${r(HEX, 4)}-4${r(HEX, 3)}-a${r(HEX, 3)}-${r(HEX, 12)}`;
const tag: Placement = { kind: "tag" };
const env = (name: string): Placement => ({ kind: "env", name });
const file = (name: string): Placement => ({ kind: "file", name });

export const VENDOR_FORMATS: readonly VendorFormat[] = [
  {
    family: "github classic token",
    make: (r) => {
      const body = r(ALNUM, 30);
      return "gh" + "p_" + body + base62Crc32(body);
    },
    placement: tag,
    lookAlikes: (r) => ["gh" + "p_" + "x".repeat(36), "gh" + "p_" + r(ALNUM, 12), "ghp-" + r(ALNUM, 36)],
  },
  {
    family: "github fine-grained token",
    make: (r) => "github" + "_pat_" + r(ALNUM, 22) + "_" + r(ALNUM, 59),
    placement: env("GITHUB_TOKEN"),
    lookAlikes: () => ["github" + "_pat_" + "<your-token>", "github" + "_pat_" + "tokens_are_fine_grained"],
  },
  {
    family: "npm token",
    make: (r) => {
      const body = r(ALNUM, 30);
      return "np" + "m_" + body + base62Crc32(body);
    },
    placement: file("NPM_TOKEN"),
    lookAlikes: (r) => ["np" + "m_" + "0".repeat(36), "np" + "m_" + r(LOWER, 8)],
  },
  {
    family: "gitlab personal token",
    make: (r) => "gl" + "pat-" + r(B64URL.replace("-", ""), 20),
    placement: tag,
    lookAlikes: () => ["gl" + "pat-" + "xxxxxxxxxxxxxxxxxxxx", "gl" + "pat-" + "your-token-here"],
  },
  {
    family: "hcp terraform token",
    make: (r) => r(ALNUM, 14) + ".atlas" + "v1." + r(ALNUM, 67),
    placement: env("TFE_TOKEN"),
    lookAlikes: (r) => [r(ALNUM, 14) + ".atlas" + "v1." + "x".repeat(67), "atlas" + "v1"],
  },
  {
    family: "vault service token",
    make: (r) => "hv" + "s." + r(ALNUM, 24),
    placement: env("VAULT_TOKEN"),
    lookAlikes: () => ["hv" + "s." + "xxxxxxxxxxxxxxxxxxxxxxxx", "hv" + "s.<token>"],
  },
  {
    family: "vault batch token",
    make: (r) => "hv" + "b." + r(B64URL, 138),
    placement: tag,
    lookAlikes: () => ["hv" + "b." + "a".repeat(138)],
  },
  {
    family: "azure entra client secret",
    make: (r) => r(ALNUM, 3) + r(DIGITS, 1) + "Q" + "~" + r(ALNUM + "_~.-", 34),
    placement: env("AZURE_CLIENT_SECRET"),
    lookAlikes: () => ["abc1" + "Q" + "~" + "x".repeat(34)],
  },
  {
    family: "azure storage connection string",
    make: (r) => `DefaultEndpointsProtocol=https;AccountName=${r(LOWER, 12)};AccountKey=${r(B64, 86)}==;EndpointSuffix=core.windows.net`,
    placement: tag,
    lookAlikes: (r) => [`DefaultEndpointsProtocol=https;AccountName=${r(LOWER, 12)};EndpointSuffix=core.windows.net`],
  },
  {
    family: "azure service bus connection string",
    make: (r) => `Endpoint=sb://${r(LOWER, 10)}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${r(B64, 43)}=`,
    placement: tag,
    lookAlikes: (r) => [`Endpoint=sb://${r(LOWER, 10)}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey`],
  },
  {
    family: "azure app configuration connection string",
    make: (r) => `Endpoint=https://${r(LOWER, 10)}.azconfig.io;Id=${r(ALNUM, 4)}-l0-s0:${r(ALNUM, 20)};Secret=${r(B64, 43)}=`,
    placement: tag,
    lookAlikes: (r) => [`Endpoint=https://${r(LOWER, 10)}.azconfig.io`],
  },
  {
    family: "azure signalr connection string",
    make: (r) => `Endpoint=https://${r(LOWER, 10)}.service.signalr.net;AccessKey=${r(B64, 43)}=;Version=1.0;`,
    placement: env("AZURE_SIGNALR_CONNECTION_STRING"),
    lookAlikes: (r) => [`Endpoint=https://${r(LOWER, 10)}.service.signalr.net;Version=1.0;`],
  },
  {
    family: "azure sas token",
    make: (r) => `https://${r(LOWER, 10)}.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2027-01-01T00:00:00Z&spr=https&sig=${encodeURIComponent(r(B64, 43) + "=")}`,
    placement: tag,
    lookAlikes: (r) => [`https://${r(LOWER, 10)}.blob.core.windows.net/c/file.txt`],
  },
  {
    family: "openai project key",
    make: (r) => "sk-" + "proj-" + r(B64URL, 74) + "T3Blbk" + "FJ" + r(B64URL, 74),
    placement: env("OPENAI_API_KEY"),
    lookAlikes: () => ["sk-" + "proj-" + "...", "sk-" + "proj-your-key-here"],
  },
  {
    family: "openai legacy key",
    make: (r) => "sk-" + r(ALNUM, 20) + "T3Blbk" + "FJ" + r(ALNUM, 20),
    placement: tag,
    lookAlikes: (r) => ["sk-" + r(ALNUM, 4)],
  },
  {
    family: "anthropic api key",
    make: (r) => "sk-" + "ant-api03-" + r(B64URL, 93) + "AA",
    placement: env("ANTHROPIC_API_KEY"),
    lookAlikes: () => ["sk-" + "ant-api03-" + "x".repeat(95)],
  },
  {
    family: "slack bot token",
    make: (r) => "xo" + "xb-" + r(DIGITS, 12) + "-" + r(DIGITS, 13) + "-" + r(ALNUM, 24),
    placement: tag,
    lookAlikes: () => ["xo" + "xb-" + "xxxxxxxxxx-xxxxxxxxxx"],
  },
  {
    family: "slack app token",
    make: (r) => "xa" + "pp-1-A" + r(UPPER + DIGITS, 10) + "-" + r(DIGITS, 13) + "-" + r(HEX, 64),
    placement: env("SLACK_APP_TOKEN"),
    lookAlikes: () => ["xa" + "pp-" + "your-app-token"],
  },
  {
    family: "discord webhook",
    make: (r) => "https://discord.com/api/" + "webhooks/" + r(DIGITS, 18) + "/" + r(B64URL, 68),
    placement: tag,
    lookAlikes: () => ["https://discord.com/api/" + "webhooks/{webhook.id}/{webhook.token}"],
  },
  {
    family: "teams incoming webhook",
    make: (r) => `https://${r(LOWER, 8)}.webhook.office.com/webhookb2/${uuid(r)}@${uuid(r)}/IncomingWebhook/${r(HEX, 32)}/${uuid(r)}`,
    placement: tag,
    lookAlikes: () => ["https://example.webhook.office.com/"],
  },
  {
    family: "telegram bot token",
    make: (r) => r(DIGITS, 10) + ":AA" + r(B64URL, 33),
    placement: env("TELEGRAM_BOT_TOKEN"),
    lookAlikes: () => ["12:30", "1234567890:" + "<token>"],
  },
  {
    family: "sendgrid key",
    make: (r) => "S" + "G." + r(B64URL, 22) + "." + r(B64URL, 43),
    placement: tag,
    lookAlikes: () => ["S" + "G." + "xxxx.yyyy"],
  },
  {
    family: "mailgun key",
    make: (r) => "ke" + "y-" + r(HEX, 32),
    placement: env("MAILGUN_API_KEY"),
    lookAlikes: () => ["ke" + "y-" + "0".repeat(32)],
  },
  {
    family: "mailchimp key",
    make: (r) => r(HEX, 32) + "-us" + r("123456789", 2),
    placement: env("MAILCHIMP_API_KEY"),
    lookAlikes: () => ["-us12"],
  },
  {
    family: "twilio auth token",
    make: (r) => r(HEX, 32),
    placement: env("TWILIO_AUTH_TOKEN"),
    lookAlikes: () => ["0".repeat(32)],
  },
  {
    family: "new relic user key",
    make: (r) => "NR" + "AK-" + r(UPPER + DIGITS, 27),
    placement: tag,
    lookAlikes: () => ["NR" + "AK-" + "X".repeat(27)],
  },
  {
    family: "new relic insert key",
    make: (r) => "NR" + "II-" + r(B64URL, 32),
    placement: env("NEW_RELIC_INSERT_KEY"),
    lookAlikes: () => ["NR" + "II-"],
  },
  {
    family: "sentry user token",
    make: (r) => "sntr" + "yu_" + r(HEX, 64),
    placement: tag,
    lookAlikes: () => ["sntr" + "yu_" + "0".repeat(64)],
  },
  {
    family: "sentry org token",
    make: (r) =>
      "sntr" + "ys_" + Buffer.from(JSON.stringify({ iat: 1700000000.1, url: "https://sentry.io", region_url: "https://us.sentry.io", org: r(LOWER, 8) })).toString("base64").replace(/=+$/, "") + "_" + r(B64, 43),
    placement: env("SENTRY_AUTH_TOKEN"),
    lookAlikes: () => ["sntr" + "ys_" + "<token>"],
  },
  {
    family: "heroku platform key",
    make: (r) => "HR" + "KU-" + "AA" + r(B64URL, 58),
    placement: env("HEROKU_API_KEY"),
    lookAlikes: () => ["HR" + "KU-" + "x".repeat(60)],
  },
  {
    family: "shopify access token",
    make: (r) => "shp" + "at_" + r(HEX, 32),
    placement: tag,
    lookAlikes: () => ["shp" + "at_" + "x".repeat(32)],
  },
  {
    family: "shopify shared secret",
    make: (r) => "shp" + "ss_" + r(HEX, 32),
    placement: tag,
    lookAlikes: () => ["shp" + "ss_" + "0".repeat(32)],
  },
  {
    family: "grafana service account token",
    make: (r) => "gl" + "sa_" + r(ALNUM, 32) + "_" + r(HEX, 8),
    placement: env("GRAFANA_AUTH"),
    lookAlikes: () => ["gl" + "sa_" + "xxxxxxxx"],
  },
  {
    family: "databricks token",
    make: (r) => "da" + "pi" + r(HEX, 32),
    placement: env("DATABRICKS_TOKEN"),
    lookAlikes: () => ["da" + "pi" + "0".repeat(32), "dapiversion"],
  },
  {
    family: "square access token",
    make: (r) => "EA" + "AA" + r(B64URL, 60),
    placement: env("SQUARE_ACCESS_TOKEN"),
    lookAlikes: () => ["EA" + "AA" + "x".repeat(60)],
  },
  {
    family: "square oauth secret",
    make: (r) => "sq0" + "csp-" + r(B64URL, 43),
    placement: tag,
    lookAlikes: () => ["sq0" + "csp-" + "xxxxxxxx"],
  },
  {
    family: "digitalocean token",
    make: (r) => "do" + "p_v1_" + r(HEX, 64),
    placement: tag,
    lookAlikes: () => ["do" + "p_v1_" + "0".repeat(64)],
  },
  {
    family: "alibaba access key",
    make: (r) => "LT" + "AI" + r(ALNUM, 20),
    placement: env("ALIBABA_CLOUD_ACCESS_KEY_ID"),
    lookAlikes: () => ["LT" + "AI" + "X".repeat(20)],
  },
  {
    family: "doppler token",
    make: (r) => "dp" + ".st." + r(ALNUM, 43),
    placement: env("DOPPLER_TOKEN"),
    lookAlikes: () => ["dp" + ".st." + "x".repeat(43)],
  },
  {
    family: "planetscale token",
    make: (r) => "pscale" + "_tkn_" + r(B64URL, 43),
    placement: tag,
    lookAlikes: () => ["pscale" + "_tkn_" + "<token>"],
  },
  {
    family: "pulumi token",
    make: (r) => "pu" + "l-" + r(HEX, 40),
    placement: env("PULUMI_ACCESS_TOKEN"),
    lookAlikes: () => ["pu" + "l-" + "0".repeat(40)],
  },
  {
    family: "tailscale auth key",
    make: (r) => "tskey" + "-auth-" + r(ALNUM, 16) + "-" + r(ALNUM, 32),
    placement: tag,
    lookAlikes: () => ["tskey" + "-auth-" + "XXXX"],
  },
  {
    family: "docker hub token",
    make: (r) => "dckr" + "_pat_" + r(B64URL, 27),
    placement: tag,
    lookAlikes: () => ["dckr" + "_pat_" + "x".repeat(27)],
  },
  {
    family: "pypi token",
    make: (r) => "py" + "pi-AgEIcHlwaS5vcmc" + r(B64URL, 70),
    placement: file("TWINE_PASSWORD"),
    lookAlikes: () => ["py" + "pi-" + "your-token"],
  },
  {
    family: "circleci token",
    make: (r) => "CCI" + "PAT_" + r(ALNUM, 22) + "_" + r(HEX, 40),
    placement: tag,
    lookAlikes: () => ["CCI" + "PAT_" + "x".repeat(22)],
  },
  {
    family: "atlassian api token",
    make: (r) => "ATA" + "TT3" + r(B64URL, 183) + "=" + r(HEX.toUpperCase(), 8),
    placement: env("JIRA_API_TOKEN"),
    lookAlikes: () => ["ATA" + "TT3" + "x".repeat(20)],
  },
  {
    family: "cloudflare origin ca key",
    make: (r) => "v1" + ".0-" + r(HEX, 24) + "-" + r(HEX, 146),
    placement: env("CLOUDFLARE_API_KEY"),
    lookAlikes: () => ["v1.0-" + "x".repeat(20)],
  },
  {
    family: "cloudflare api token",
    make: (r) => r(B64URL, 40),
    placement: env("CLOUDFLARE_API_TOKEN"),
    lookAlikes: () => ["x".repeat(40)],
  },
  {
    family: "datadog api key",
    make: (r) => r(HEX, 32),
    placement: env("DD_API_KEY"),
    lookAlikes: () => ["0".repeat(32)],
  },
  {
    family: "okta api token",
    make: (r) => "00" + r(B64URL, 40),
    placement: env("OKTA_API_TOKEN"),
    lookAlikes: () => ["00" + "x".repeat(40)],
  },
  {
    family: "linode token",
    make: (r) => r(HEX, 64),
    placement: env("LINODE_TOKEN"),
    lookAlikes: () => ["f".repeat(64)],
  },
  {
    family: "snyk token",
    make: (r) => uuid(r),
    placement: env("SNYK_TOKEN"),
    lookAlikes: () => ["00000000-0000-0000-0000-000000000000"],
  },
  {
    family: "launchdarkly sdk key",
    make: (r) => "sd" + "k-" + uuid(r),
    placement: tag,
    lookAlikes: () => ["sd" + "k-" + "00000000-0000-0000-0000-000000000000"],
  },
  {
    family: "hugging face token",
    make: (r) => "h" + "f_" + r(UPPER + LOWER, 34),
    placement: tag,
    lookAlikes: () => ["h" + "f_" + "x".repeat(34)],
  },
  {
    family: "stripe live key",
    make: (r) => "s" + "k_live_" + r(ALNUM, 99),
    placement: env("STRIPE_SECRET_KEY"),
    lookAlikes: () => ["s" + "k_live_" + "x".repeat(24)],
  },
  {
    family: "google oauth client secret",
    make: (r) => "GOC" + "SPX-" + r(B64URL, 28),
    placement: tag,
    lookAlikes: () => ["GOC" + "SPX-" + "x".repeat(28)],
  },
  {
    family: "aws access key pair",
    make: (r) => "AK" + "IA" + r(UPPER.replace(/[018]/g, "") + "234567", 16),
    placement: env("AWS_ACCESS_KEY_ID"),
    lookAlikes: () => ["AK" + "IA" + "X".repeat(16)],
  },
];
