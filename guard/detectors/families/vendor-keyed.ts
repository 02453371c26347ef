/**
 * Vendors whose keys carry no prefix: a plain run of hex or letters and digits that only means "secret" when the
 * key it sits under (or a text line's name: `ALGOLIA_API_KEY=...`) names the vendor and a secret word, as the big
 * scanners read them (gitleaks' "semi-generic" rules, trufflehog's vendor-keyword prefix). Kept as DATA: one row
 * per vendor (the words that name it, the secret words accepted after them, the value's shapes), and one detector
 * generated per row (SG450-SG499), with its samples generated from the same shapes.
 *
 * Shapes are the vendors' documented formats where they publish one, else the length and alphabet the public
 * scanners' rule catalogues agree on (gitleaks config/gitleaks.toml, trufflehog pkg/detectors): facts only.
 * Precision: the key gate is anchored on its LAST word, so `*_key_id`, `*_key_name`, `*_key_arn`, `*_token_url`
 * never pass; keys naming a public key (`*_public_key`, `*_publishable_key`, search-only keys) are excluded; the
 * engine drops placeholders and low-entropy values for every detector.
 */
import type { Detector, DetectorSample } from "../detector";
import { ALNUM, BASE64, BASE64URL, DIGITS, HEX, LOWER, fake, fakeUuid } from "./sample-values";

/** One accepted form of the value: a regex source (no anchors) and a builder of synthetic samples of it. */
export interface KeyedShape {
  readonly re: string;
  readonly make: (seed: number) => string;
  /**
   * The form starts with a literal prefix (aio_, lin_api_, pat-na1-): a prefixed-format detector may claim it
   * first, so the row's own samples prefer the other forms (tests check the prefixed ones with detectAll).
   */
  readonly prefixed?: boolean;
}

/** One vendor of the table. */
export interface KeyedVendor {
  readonly id: string;
  /** Kebab-case detector name. */
  readonly name: string;
  /** Noun phrase with its article: "an Algolia API key". */
  readonly title: string;
  /** What the value is and what it grants, one sentence (the shapes are described from `shapes`). */
  readonly grants: string;
  /** Where to revoke or rotate it. */
  readonly revoke: string;
  /**
   * Words naming the vendor, as regex fragments on the normalised key (lower case, letters and digits only).
   * A short or common word is anchored (`^aio`) so it cannot match inside another word.
   */
  readonly names: readonly string[];
  /** Last words that make the key a secret's name; DEFAULT_SECRET_WORDS when omitted. */
  readonly secretWords?: readonly string[];
  /** More last words that mark a NON-secret for this vendor (`appkey` for Dropbox: its app key is public). */
  readonly notSecret?: readonly string[];
  readonly shapes: readonly KeyedShape[];
  /** How the shapes read in the explanation: "32 letters and digits". */
  readonly described: string;
  /** A broad shape (a length range, a common alphabet at a common length): reported as a warning. */
  readonly broad?: boolean;
  /** Natural key names for samples: [environment-variable style, code/config style]. */
  readonly sampleKeys: readonly [string, string];
  readonly seed: number;
}

/** Last words of a secret's key: `..._API_KEY`, `...Token`, `..._CLIENT_SECRET`, `..._PASSWORD`. */
export const DEFAULT_SECRET_WORDS = ["key", "token", "secret", "password", "passwd", "pwd", "credential", "credentials"];

/** Last words of keys that name a key meant to be public: never a secret, whatever the vendor. */
const PUBLIC_KEY_WORDS = ["public", "publishable", "pub", "searchonly", "search", "browser", "site"];

/** Whole-value regex for a row. */
function patternOf(v: KeyedVendor): string {
  return "^(?:" + v.shapes.map((s) => s.re).join("|") + ")$";
}

/** The key gate: a vendor word, up to 30 more characters, and a secret word ending the key. */
export function gateOf(v: KeyedVendor): { include: string; exclude: string } {
  const secret = (v.secretWords ?? DEFAULT_SECRET_WORDS).join("|");
  const notSecret = [`(?:${PUBLIC_KEY_WORDS.join("|")})(?:api)?key$`, ...(v.notSecret ?? []).map((w) => w + "$")];
  // An anchored word may follow Terraform's TF_VAR_ prefix (TF_VAR_lob_api_key).
  const names = v.names.map((n) => (n.startsWith("^") ? "^(?:tfvar)?" + n.slice(1) : n));
  return { include: `(?:${names.join("|")})[a-z0-9]{0,30}(?:${secret})$`, exclude: notSecret.join("|") };
}

/** Look-alikes of the wrong shape, first one the row's pattern refuses is used: hex of odd lengths, a UUID, digits. */
function wrongShape(v: KeyedVendor): string {
  const re = new RegExp(patternOf(v));
  const candidates = [fake(HEX, 33, v.seed + 7), fakeUuid(v.seed + 8), fake(HEX, 41, v.seed + 9), fake(DIGITS, 12, v.seed + 10)];
  return candidates.find((c) => !re.test(c)) ?? "not-a-token";
}

/** `KEY` + `_ID` in the key's own style: the metadata name beside the secret's. */
function metadataKey(key: string, word: string): string {
  return key === key.toUpperCase() ? `${key}_${word.toUpperCase()}` : `${key}${word[0].toUpperCase()}${word.slice(1)}`;
}

export function keyedDetector(v: KeyedVendor): Detector {
  const [envKey, codeKey] = v.sampleKeys;
  const plain = v.shapes.filter((s) => !s.prefixed);
  const shapes = plain.length > 0 ? plain : v.shapes;
  // Each sampled shape once, and at least two values under keys.
  const values = [...shapes, ...shapes].slice(0, Math.max(2, shapes.length)).map((s, i) => s.make(v.seed + i));
  const positive: DetectorSample[] = [
    ...values.map((value, i) => ({ key: i % 2 === 0 ? envKey : codeKey, value })),
    // A config file's line: its name is the key.
    { key: "content", value: `# ${v.name}\n${codeKey}: ${shapes[shapes.length - 1].make(v.seed + 5)}\n` },
  ];
  const vendorWord = envKey.split("_")[0];
  // Look-alikes of the right shape, each its own value (a value repeated from a positive would be a copy of it).
  // (Rows' seeds are 10 apart: look-alikes take seeds far from every row's.)
  const alike = (k: number) => shapes[0].make(v.seed + 5000 + k);
  const negative: DetectorSample[] = [
    // The right key, a value of another shape.
    { key: envKey, value: wrongShape(v) },
    // The right shape under names of metadata and of public keys.
    { key: metadataKey(envKey, "id"), value: alike(0) },
    { key: metadataKey(codeKey, "name"), value: alike(1) },
    { key: `${vendorWord}_PUBLIC_KEY`, value: alike(2) },
    // The right shape under a key that names no vendor: only the key makes it this vendor's.
    { key: "note", value: alike(3) },
    // Placeholders.
    { key: envKey, value: "${var." + envKey.toLowerCase() + "}" },
    { key: codeKey, value: "x".repeat(alike(0).length) },
  ];
  const minLength = Math.min(...values.map((x) => x.length));
  return {
    id: v.id,
    name: v.name,
    title: v.title,
    severity: v.broad ? "warning" : "error",
    explanation: `${capitalise(v.title)} (${v.described}) under a key naming the vendor and a secret: ${v.grants}`,
    fix: `Keep it out of the configuration (a secret store or the CI's secrets, read at run time) and ${v.revoke}.`,
    keywords: [],
    keys: gateOf(v),
    pattern: patternOf(v),
    // Short shapes (15-24 characters, hex ones above all) hold less entropy per character than long ones.
    entropy: minLength < 28 ? 2.7 : 3.0,
    samples: { positive, negative },
  };
}

function capitalise(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

// Shape builders: a character class at an exact length, and a few composite forms.
const LOWER_ALNUM = LOWER + DIGITS;
const run = (cls: string, alphabet: string, n: number, prefix = ""): KeyedShape => ({
  re: prefix + `${cls}{${n}}`,
  make: (seed) => prefix + fake(alphabet, n, seed),
  prefixed: prefix.length > 0,
});
const alnum = (n: number, prefix = "") => run("[A-Za-z0-9]", ALNUM, n, prefix);
const lowerAlnum = (n: number, prefix = "") => run("[a-z0-9]", LOWER_ALNUM, n, prefix);
// Vendors print hex in lower case; an upper-case letter in a 40-hex value is a look-alike (a scanner's false sample).
const hex = (n: number, prefix = "") => run("[0-9a-f]", HEX, n, prefix);
const urlSafe = (n: number, prefix = "") => run("[A-Za-z0-9_-]", BASE64URL, n, prefix);
const UUID_RE = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const uuid: KeyedShape = { re: UUID_RE, make: fakeUuid };

/** The table: one row per vendor. Ids are stable; add new rows at the end. */
export const KEYED_VENDORS: readonly KeyedVendor[] = [
  {
    id: "SG450", name: "adafruit-io-key", title: "an Adafruit IO key", names: ["adafruit", "^aio"],
    shapes: [urlSafe(32), alnum(28, "aio_")], described: "32 letters, digits, - and _, or aio_ and 28 letters and digits",
    grants: "reads and writes the account's feeds and dashboards.", revoke: "regenerate the key on io.adafruit.com (My Key)",
    sampleKeys: ["ADAFRUIT_IO_KEY", "adafruitToken"], seed: 45000,
  },
  {
    id: "SG451", name: "adobe-api-credential", title: "an Adobe API credential", names: ["adobe"],
    shapes: [alnum(32), alnum(32, "p8e-")], described: "32 letters and digits, or a p8e- client secret",
    grants: "calls Adobe APIs as the project's integration (with the client secret, obtains its access tokens).",
    revoke: "rotate the client secret in the Adobe Developer Console", sampleKeys: ["ADOBE_CLIENT_SECRET", "adobeApiKey"], seed: 45010,
  },
  {
    id: "SG452", name: "algolia-api-key", title: "an Algolia API key", names: ["algolia", "docsearch"],
    shapes: [alnum(32)], described: "32 letters and digits",
    grants: "an admin or write key changes and deletes the application's indices (search-only keys are public and not reported).",
    revoke: "delete or regenerate the key in the Algolia dashboard (API Keys)", sampleKeys: ["ALGOLIA_ADMIN_API_KEY", "algolia_api_key"], seed: 45020,
  },
  {
    id: "SG453", name: "asana-token", title: "an Asana token or client secret", names: ["asana"],
    shapes: [
      { re: "[0-9]{1,2}/[0-9]{16,20}(?:/[0-9]{16,20})?:[A-Za-z0-9]{32,64}", make: (s) => `2/${fake(DIGITS, 16, s)}/${fake(DIGITS, 16, s + 1)}:${fake(ALNUM, 32, s + 2)}` },
      alnum(32),
      { re: "0/[0-9a-f]{32}", make: (s) => "0/" + fake(HEX, 32, s) },
    ],
    described: "a personal access token n/<digits>/<digits>:<32+ letters and digits>, a legacy 0/<32 hex>, or a 32-character client secret",
    grants: "acts in the workspace as its user or app.", revoke: "revoke it in Asana (My Settings > Apps > Developer apps)",
    sampleKeys: ["ASANA_ACCESS_TOKEN", "asana_client_secret"], seed: 45030,
  },
  {
    id: "SG454", name: "bittrex-api-key", title: "a Bittrex API key or secret", names: ["bittrex"],
    shapes: [alnum(32)], described: "32 letters and digits", grants: "trades and, with withdrawal rights, moves the account's funds.",
    revoke: "delete the key pair under Account > API Keys", sampleKeys: ["BITTREX_API_SECRET", "bittrexApiKey"], seed: 45040,
  },
  {
    id: "SG455", name: "coinbase-api-token", title: "a Coinbase API token", names: ["coinbase"],
    shapes: [urlSafe(64)], described: "64 letters, digits, - and _", grants: "reads and, with trade or transfer scopes, moves the account's assets.",
    revoke: "revoke it in Coinbase (Settings > API)", sampleKeys: ["COINBASE_ACCESS_TOKEN", "coinbase_api_secret"], seed: 45050,
  },
  {
    id: "SG456", name: "elevenlabs-api-key", title: "an ElevenLabs API key", names: ["elevenlabs", "^xi"],
    shapes: [hex(32), hex(48, "sk_")], described: "32 hex, or sk_ and 48 hex", grants: "spends the account's character quota and reads its voices.",
    revoke: "delete the key under Profile > API Keys", sampleKeys: ["ELEVENLABS_API_KEY", "xiApiKey"], seed: 45060,
  },
  {
    id: "SG457", name: "etsy-api-key", title: "an Etsy API keystring or secret", names: ["etsy"],
    // Etsy's Open API v3 calls the app's key its "keystring".
    secretWords: [...DEFAULT_SECRET_WORDS, "keystring"],
    shapes: [lowerAlnum(24)], described: "24 letters and digits", grants: "calls the Open API as the app (with OAuth, as its shops).",
    revoke: "reset the shared secret in Etsy's developer apps", sampleKeys: ["ETSY_API_KEY", "etsy_shared_secret"], seed: 45070,
  },
  {
    id: "SG458", name: "finicity-credential", title: "a Finicity app key or partner secret", names: ["finicity"],
    shapes: [hex(32), alnum(20)], described: "a 32-hex app key or a 20-character partner secret",
    grants: "reads the customers' linked bank accounts through Mastercard Open Banking.", revoke: "rotate the partner secret in the Finicity developer portal",
    sampleKeys: ["FINICITY_APP_KEY", "finicityPartnerSecret"], seed: 45080,
  },
  {
    id: "SG459", name: "finnhub-api-key", title: "a Finnhub API key", names: ["finnhub"],
    shapes: [lowerAlnum(20)], described: "20 letters and digits", grants: "spends the account's market-data quota and plan.",
    revoke: "regenerate it in the Finnhub dashboard", sampleKeys: ["FINNHUB_API_KEY", "finnhubToken"], seed: 45090,
  },
  {
    id: "SG460", name: "flickr-api-credential", title: "a Flickr API key or secret", names: ["flickr"],
    shapes: [lowerAlnum(32), hex(16)], described: "a 32-character key or a 16-hex secret", grants: "signs API calls as the app and, with OAuth, its users.",
    revoke: "delete the app's key in Flickr's App Garden", sampleKeys: ["FLICKR_API_KEY", "flickr_secret"], seed: 45100,
  },
  {
    id: "SG461", name: "freshbooks-token", title: "a FreshBooks access token", names: ["freshbooks"],
    shapes: [lowerAlnum(64)], described: "64 letters and digits", grants: "reads and changes the business's invoices, clients and payments.",
    revoke: "revoke the app's tokens in FreshBooks (Settings > Apps)", sampleKeys: ["FRESHBOOKS_ACCESS_TOKEN", "freshbooksToken"], seed: 45110,
  },
  {
    id: "SG462", name: "gitter-token", title: "a Gitter access token", names: ["gitter"],
    shapes: [urlSafe(40)], described: "40 letters, digits, - and _", grants: "reads and posts in the user's rooms.",
    revoke: "revoke it in Gitter's developer settings", sampleKeys: ["GITTER_TOKEN", "gitterAccessToken"], seed: 45120,
  },
  {
    id: "SG463", name: "kucoin-api-credential", title: "a KuCoin API key or secret", names: ["kucoin"],
    shapes: [hex(24), uuid], described: "a 24-hex key or a UUID secret", grants: "trades and, with transfer rights, moves the account's funds.",
    revoke: "delete the API key in KuCoin (API Management)", sampleKeys: ["KUCOIN_API_KEY", "kucoin_api_secret"], seed: 45130,
  },
  {
    id: "SG464", name: "linkedin-client-secret", title: "a LinkedIn client secret", names: ["linkedin"],
    secretWords: ["secret", "clientsecret", "password"], shapes: [alnum(16)], described: "16 letters and digits",
    grants: "obtains tokens as the app and reads what its members granted.", revoke: "generate a new client secret in the LinkedIn developer portal (Auth)",
    sampleKeys: ["LINKEDIN_CLIENT_SECRET", "linkedinSecret"], seed: 45140,
  },
  {
    id: "SG466", name: "looker-client-secret", title: "a Looker API client secret", names: ["looker"],
    secretWords: ["secret", "clientsecret", "password", "token"], shapes: [alnum(24)], described: "24 letters and digits",
    grants: "logs in to the Looker API as the user the API key belongs to.", revoke: "delete the API key pair in Looker (Admin > Users > Edit Keys)",
    sampleKeys: ["LOOKERSDK_CLIENT_SECRET", "looker_client_secret"], seed: 45160,
  },
  {
    id: "SG467", name: "mattermost-token", title: "a Mattermost access token", names: ["mattermost"],
    shapes: [lowerAlnum(26)], described: "26 letters and digits", grants: "acts on the server as its user or bot.",
    revoke: "revoke it in Mattermost (Profile > Security > Personal Access Tokens, or the bot's tokens)", sampleKeys: ["MATTERMOST_TOKEN", "mattermost_access_token"], seed: 45170,
  },
  {
    id: "SG468", name: "meraki-api-key", title: "a Cisco Meraki API key", names: ["meraki"],
    shapes: [hex(40)], described: "40 hex", grants: "configures the organisation's networks and devices with the admin's rights.",
    revoke: "revoke it in the Meraki dashboard (My Profile > API access)", sampleKeys: ["MERAKI_DASHBOARD_API_KEY", "merakiApiKey"], seed: 45180,
  },
  {
    id: "SG469", name: "messagebird-api-key", title: "a MessageBird (Bird) access key", names: ["messagebird", "^bird"],
    shapes: [urlSafe(25)], described: "25 letters and digits", grants: "sends SMS and calls billed to the account.",
    revoke: "delete the access key in the Bird dashboard (Developers > Access keys)", sampleKeys: ["MESSAGEBIRD_ACCESS_KEY", "messagebirdApiKey"], seed: 45190,
  },
  {
    id: "SG470", name: "nytimes-api-key", title: "a New York Times API key", names: ["nytimes", "newyorktimes", "^nyt"],
    shapes: [{ re: "[A-Za-z0-9=_-]{32}", make: (s) => fake(BASE64URL, 32, s) }], described: "32 letters, digits, =, - and _",
    grants: "spends the app's API quota.", revoke: "regenerate it in the NYT developer portal (Apps)", sampleKeys: ["NYTIMES_API_KEY", "nytimesKey"], seed: 45200,
  },
  {
    id: "SG471", name: "private-ai-api-key", title: "a Private AI API key", names: ["privateai"],
    shapes: [alnum(32)], described: "32 letters and digits", grants: "sends text to the de-identification API billed to the account.",
    revoke: "rotate it in the Private AI customer portal", sampleKeys: ["PRIVATE_AI_API_KEY", "privateAiKey"], seed: 45210,
  },
  {
    id: "SG472", name: "rapidapi-key", title: "a RapidAPI key", names: ["rapidapi"],
    shapes: [urlSafe(50)], described: "50 letters, digits, - and _", grants: "calls every API the account subscribes to, billed to it.",
    revoke: "rotate the application key in RapidAPI (Apps > Authorization)", sampleKeys: ["RAPIDAPI_KEY", "x_rapidapi_key"], seed: 45220,
  },
  {
    id: "SG473", name: "sendbird-api-token", title: "a Sendbird API token", names: ["sendbird"],
    shapes: [hex(40), hex(24)], described: "a 40-hex application API token or a 24-hex organisation key",
    grants: "reads and changes every user and message of the application.", revoke: "revoke the token in the Sendbird dashboard (Settings > General > API tokens)",
    sampleKeys: ["SENDBIRD_API_TOKEN", "sendbirdMasterToken"], seed: 45230,
  },
  {
    id: "SG474", name: "squarespace-api-key", title: "a Squarespace API key", names: ["squarespace"],
    shapes: [uuid], described: "a UUID", grants: "reads and changes the site's orders, inventory and products within its permissions.",
    revoke: "revoke it in Squarespace (Settings > Advanced > Developer API Keys)", sampleKeys: ["SQUARESPACE_API_KEY", "squarespaceToken"], seed: 45240,
  },
  {
    id: "SG475", name: "twitch-client-secret", title: "a Twitch client secret or token", names: ["twitch"],
    shapes: [lowerAlnum(30)], described: "30 letters and digits", grants: "obtains app tokens, or acts as the user the token belongs to.",
    revoke: "generate a new secret in the Twitch developer console (or revoke the token)", sampleKeys: ["TWITCH_CLIENT_SECRET", "twitchOauthToken"], seed: 45250,
  },
  {
    id: "SG476", name: "zendesk-api-token", title: "a Zendesk API token", names: ["zendesk"],
    shapes: [urlSafe(40)], described: "40 letters and digits", grants: "with an agent's email, reads and changes every ticket and user of the account.",
    revoke: "delete the token in Zendesk Admin Center (Apps and integrations > Zendesk API)", sampleKeys: ["ZENDESK_API_TOKEN", "zendeskToken"], seed: 45260,
  },
  {
    id: "SG477", name: "codecov-token", title: "a Codecov token", names: ["codecov"],
    shapes: [uuid, alnum(32)], described: "a UUID upload token or a 32-character API token",
    grants: "uploads coverage as the repository (or, for API tokens, reads the owner's data).", revoke: "regenerate it in Codecov's repository or account settings",
    sampleKeys: ["CODECOV_TOKEN", "codecov_api_token"], seed: 45270,
  },
  {
    id: "SG478", name: "contentful-delivery-token", title: "a Contentful delivery or preview token", names: ["contentful", "^ctf"],
    shapes: [urlSafe(43)], described: "43 letters, digits, - and _", grants: "reads the space's published (or draft) content.",
    revoke: "revoke the API key in Contentful (Settings > API keys)", sampleKeys: ["CONTENTFUL_DELIVERY_TOKEN", "contentfulAccessToken"], seed: 45280,
  },
  {
    id: "SG479", name: "confluent-api-secret", title: "a Confluent Cloud API secret", names: ["confluent", "^ccloud"],
    secretWords: ["secret", "apisecret", "password"], shapes: [run("[A-Za-z0-9+/]", BASE64, 64)], described: "64 letters, digits, + and /",
    grants: "with its 16-character key, produces to and consumes from the cluster or manages the organisation.",
    revoke: "delete the API key in Confluent Cloud (API keys)", sampleKeys: ["CONFLUENT_CLOUD_API_SECRET", "confluentApiSecret"], seed: 45290,
  },
  {
    id: "SG480", name: "facebook-app-secret", title: "a Facebook app secret or access token", names: ["facebook", "^fb"],
    secretWords: ["secret", "appsecret", "clientsecret", "token", "accesstoken"],
    shapes: [
      hex(32),
      // An app access token: the app id, | (or %7C in a URL), the app secret or a token.
      { re: "[0-9]{15,16}(?:\\||%7C)[A-Za-z0-9_-]{27,40}", make: (s) => "1" + fake(DIGITS, 15, s) + "|" + fake(BASE64URL, 27, s + 1) },
      { re: "EAA[A-Za-z0-9]{90,250}", make: (s) => "EA" + "A" + fake(ALNUM, 150, s), prefixed: true },
    ],
    described: "a 32-hex app secret, an app access token <app id>|<secret>, or an EAA access token", grants: "acts as the app (or the page or user the token belongs to) on the Graph API.",
    revoke: "reset the app secret in Meta for Developers (App settings > Basic)", sampleKeys: ["FACEBOOK_APP_SECRET", "fbAccessToken"], seed: 45300,
  },
  {
    id: "SG481", name: "hubspot-api-key", title: "a HubSpot API key or private app token", names: ["hubspot"],
    shapes: [uuid, { re: "pat-(?:na|eu|ap)[0-9]-" + UUID_RE, make: (s) => "pat-na1-" + fakeUuid(s), prefixed: true }],
    described: "a legacy UUID API key, or pat-<region>- and a UUID", grants: "reads and changes the portal's CRM records within its scopes.",
    revoke: "rotate the private app's token in HubSpot (Settings > Integrations > Private apps)", sampleKeys: ["HUBSPOT_API_KEY", "hubspotAccessToken"], seed: 45310,
  },
  {
    id: "SG482", name: "intercom-access-token", title: "an Intercom access token", names: ["intercom"],
    shapes: [{ re: "[A-Za-z0-9=_-]{60}", make: (s) => fake(BASE64URL, 58, s) + "==" }], described: "60 letters, digits, =, - and _",
    grants: "reads and changes the workspace's conversations and contacts.", revoke: "regenerate it in the Intercom Developer Hub (Authentication)",
    sampleKeys: ["INTERCOM_ACCESS_TOKEN", "intercomToken"], seed: 45320,
  },
  {
    id: "SG483", name: "linear-api-credential", title: "a Linear API key or client secret", names: ["linear"],
    shapes: [hex(32), alnum(40, "lin_api_")], described: "a 32-hex OAuth client secret, or lin_api_ and 40 letters and digits",
    grants: "reads and changes the workspace's issues as the key's user or the app.", revoke: "revoke it in Linear (Settings > API)",
    sampleKeys: ["LINEAR_CLIENT_SECRET", "linearApiKey"], seed: 45330,
  },
  {
    id: "SG484", name: "plaid-secret", title: "a Plaid secret or access token", names: ["plaid"],
    secretWords: ["secret", "secretkey", "token", "accesstoken"],
    shapes: [lowerAlnum(30), { re: "access-(?:sandbox|development|production)-" + UUID_RE, make: (s) => "access-production-" + fakeUuid(s), prefixed: true }],
    described: "a 30-character secret, or access-<environment>- and a UUID", grants: "reads the linked bank accounts of every Item (with the client id).",
    revoke: "rotate the secret in the Plaid dashboard (Team Settings > Keys)", sampleKeys: ["PLAID_SECRET", "plaidAccessToken"], seed: 45340,
  },
  {
    id: "SG485", name: "twitter-api-credential", title: "an X (Twitter) API credential", names: ["twitter"],
    shapes: [
      alnum(50),
      { re: "[0-9]{15,25}-[A-Za-z0-9]{20,40}", make: (s) => "1" + fake(DIGITS, 18, s) + "-" + fake(ALNUM, 31, s + 1) },
      alnum(45),
      alnum(25),
      { re: "A{22}[A-Za-z0-9%]{80,100}", make: (s) => "A".repeat(22) + fake(ALNUM + "%", 90, s), prefixed: true },
    ],
    described: "a 25-character API key, a 50-character API secret, an access token <digits>-<letters and digits>, a 45-character access secret, or a bearer token",
    grants: "posts and reads as the app or the user the token belongs to.", revoke: "regenerate the keys and tokens in the X developer portal",
    sampleKeys: ["TWITTER_API_SECRET", "twitterAccessToken"], seed: 45350,
  },
  {
    id: "SG486", name: "kraken-api-credential", title: "a Kraken API key or private key", names: ["kraken"],
    shapes: [run("[A-Za-z0-9/=+]", BASE64, 56), { re: "[A-Za-z0-9/=+]{80,90}", make: (s) => fake(BASE64, 86, s) + "==" }],
    described: "a 56-character key or an 80-90-character base64 private key", broad: true,
    grants: "trades and, with withdrawal rights, moves the account's funds.", revoke: "delete the key in Kraken (Settings > API)",
    sampleKeys: ["KRAKEN_PRIVATE_KEY", "krakenApiKey"], seed: 45360,
  },
  {
    id: "SG487", name: "dropbox-credential", title: "a Dropbox app secret or access token", names: ["dropbox"], notSecret: ["appkey"],
    shapes: [
      lowerAlnum(15),
      { re: "sl\\.[A-Za-z0-9_=-]{130,160}", make: (s) => "sl." + fake(BASE64URL, 138, s), prefixed: true },
      { re: "[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}", make: (s) => fake(ALNUM, 11, s) + "A".repeat(10) + fake(BASE64URL, 43, s + 1) },
    ],
    described: "a 15-character app secret, an sl. short-lived token or a long-lived token (the 15-character app key is public)",
    grants: "reads and writes the files the app or user can reach.", revoke: "revoke the token (or regenerate the app secret) in the Dropbox App Console",
    sampleKeys: ["DROPBOX_APP_SECRET", "dropboxAccessToken"], seed: 45370,
  },
  {
    id: "SG488", name: "sumo-logic-access-key", title: "a Sumo Logic access key", names: ["sumologic", "^sumo"],
    secretWords: ["accesskey", "key", "secret", "token", "password"], shapes: [alnum(64)], described: "64 letters and digits",
    grants: "with its access id, queries and changes the organisation's logs, collectors and users.", revoke: "delete the access key in Sumo Logic (Preferences > Access Keys)",
    sampleKeys: ["SUMOLOGIC_ACCESS_KEY", "sumoAccessKey"], seed: 45380,
  },
  {
    id: "SG489", name: "trello-token", title: "a Trello token or API secret", names: ["trello"],
    secretWords: ["token", "secret", "apisecret", "accesstoken"],
    shapes: [hex(64), { re: "ATTA[0-9a-f]{72}", make: (s) => "AT" + "TA" + fake(HEX, 72, s), prefixed: true }],
    described: "64 hex, or ATTA and 72 hex (the 32-hex API key is public)", grants: "reads and changes every board the user can reach.",
    revoke: "revoke the token in Trello (Account > Applications) or regenerate the Power-Up's secret", sampleKeys: ["TRELLO_TOKEN", "trelloApiSecret"], seed: 45390,
  },
  {
    id: "SG490", name: "mixpanel-api-secret", title: "a Mixpanel API or service account secret", names: ["mixpanel"],
    secretWords: ["secret", "apisecret", "password"], shapes: [alnum(32)], described: "32 letters and digits (the project token is public)",
    grants: "exports and deletes the project's event data.", revoke: "rotate it in Mixpanel (Project Settings > Service Accounts, or reset the API secret)",
    sampleKeys: ["MIXPANEL_API_SECRET", "mixpanelServiceAccountSecret"], seed: 45400,
  },
  {
    id: "SG491", name: "sonar-token", title: "a SonarQube or SonarCloud token", names: ["sonar"],
    // SONAR_LOGIN is where scanners took the token before SONAR_TOKEN.
    secretWords: ["token", "login", "password", "authtoken"],
    shapes: [lowerAlnum(40), { re: "sq[upa]_[0-9a-f]{40}", make: (s) => "sq" + "u_" + fake(HEX, 40, s), prefixed: true }],
    described: "40 letters and digits (legacy), or squ_, sqp_, sqa_ and 40 hex",
    grants: "runs analyses and, for user tokens, reads the projects and changes quality settings with the user's rights.",
    revoke: "revoke it in SonarQube or SonarCloud (My Account > Security)", sampleKeys: ["SONAR_TOKEN", "sonarLogin"], seed: 45410,
  },
  {
    id: "SG492", name: "pusher-app-secret", title: "a Pusher app secret", names: ["pusher"],
    secretWords: ["secret", "appsecret"], shapes: [hex(20)], described: "20 hex (the app key is public)",
    grants: "signs channel authorisations and triggers events as the server.", revoke: "rotate the app's secret in the Pusher dashboard (App Keys)",
    sampleKeys: ["PUSHER_APP_SECRET", "pusherSecret"], seed: 45420,
  },
  {
    id: "SG493", name: "amplitude-secret-key", title: "an Amplitude secret key", names: ["amplitude"],
    secretWords: ["secret", "secretkey", "apisecret"], shapes: [hex(32)], described: "32 hex (the API key is public)",
    grants: "with the API key, exports and deletes the project's user data.", revoke: "rotate it in Amplitude (Organization settings > Projects > API keys)",
    sampleKeys: ["AMPLITUDE_SECRET_KEY", "amplitudeSecret"], seed: 45430,
  },
  {
    id: "SG494", name: "airtable-key", title: "an Airtable API key or personal access token", names: ["airtable"],
    shapes: [alnum(17), { re: "pat[A-Za-z0-9]{14}\\.[0-9a-f]{64}", make: (s) => "pa" + "t" + fake(ALNUM, 14, s) + "." + fake(HEX, 64, s + 1), prefixed: true }],
    described: "17 letters and digits (legacy keys: key and 14), or pat, 14 characters, . and 64 hex",
    grants: "reads and changes the bases the token's scopes reach.", revoke: "delete the token in Airtable (Builder hub > Personal access tokens)",
    sampleKeys: ["AIRTABLE_API_KEY", "airtableToken"], seed: 45440,
  },
  {
    id: "SG495", name: "cloudinary-api-secret", title: "a Cloudinary API secret", names: ["cloudinary"],
    secretWords: ["secret", "apisecret"], shapes: [urlSafe(27)], described: "27 letters, digits, - and _",
    grants: "uploads, changes and deletes every asset of the product environment.", revoke: "generate a new key pair in Cloudinary (Settings > API Keys) and delete the old one",
    sampleKeys: ["CLOUDINARY_API_SECRET", "cloudinarySecret"], seed: 45450,
  },
  {
    id: "SG496", name: "onelogin-client-secret", title: "a OneLogin API client secret", names: ["onelogin"],
    secretWords: ["secret", "clientsecret"], shapes: [hex(64)], described: "64 hex",
    grants: "manages the account's users, apps and roles within the credential's scope.", revoke: "delete the API credential in OneLogin (Developers > API Credentials)",
    sampleKeys: ["ONELOGIN_CLIENT_SECRET", "oneloginSecret"], seed: 45460,
  },
  {
    id: "SG497", name: "consul-nomad-token", title: "a HashiCorp Consul or Nomad ACL token or gossip key", names: ["consul", "nomad"],
    // An ACL token's SecretID is the secret (its AccessorID is not); the gossip key encrypts the cluster's traffic.
    secretWords: ["token", "secretid", "secret", "encrypt", "encryptkey", "encryptionkey", "gossipkey"],
    shapes: [uuid, { re: "[A-Za-z0-9+/]{43}=", make: (s) => fake(BASE64, 43, s) + "=" }],
    described: "a UUID secret id, or a 32-byte base64 gossip encryption key",
    grants: "acts on the cluster with the token's ACL policies (a management token: everything), or joins and reads its gossip.",
    revoke: "delete the token (consul acl token delete, nomad acl token delete) and rotate the gossip key with a keyring install/use/remove",
    sampleKeys: ["CONSUL_HTTP_TOKEN", "nomadSecretId"], seed: 45470,
  },
  {
    id: "SG498", name: "freshdesk-api-key", title: "a Freshdesk API key", names: ["freshdesk"],
    shapes: [alnum(20)], described: "20 letters and digits", grants: "reads and changes every ticket and contact the agent can reach.",
    revoke: "reset it in Freshdesk (Profile settings > View API key > Reset)", sampleKeys: ["FRESHDESK_API_KEY", "freshdeskKey"], seed: 45480,
  },
  {
    id: "SG499", name: "sentry-legacy-auth-token", title: "a Sentry auth token (legacy form)", names: ["sentry"],
    secretWords: ["token", "authtoken", "apitoken", "apikey", "key"], shapes: [hex(64)],
    described: "64 hex: user and internal-integration tokens before the sntryu_/sntrys_ prefixes",
    grants: "uploads releases and source maps and, with its scopes, reads and changes the organisation's projects.",
    revoke: "revoke it in Sentry (User Settings > Auth Tokens, or the integration's tokens)", sampleKeys: ["SENTRY_AUTH_TOKEN", "sentryToken"], seed: 45490,
  },
];

export const VENDOR_KEYED_DETECTORS: readonly Detector[] = KEYED_VENDORS.map(keyedDetector);
