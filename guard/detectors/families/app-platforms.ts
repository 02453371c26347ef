/**
 * Application platforms: Heroku, Netlify, Vercel, PlanetScale, Render, Fly.io, Railway, Supabase. Formats from
 * the vendors' docs and changelogs: Heroku "API tokens now start with HRKU-" (legacy keys are UUIDs); Netlify
 * personal access tokens (nfp_); Vercel "new token formats" (vcp_ personal, vci_ integration, vca_ app access,
 * vcr_ app refresh, vck_ API keys; legacy tokens are 24 characters); PlanetScale service tokens and passwords
 * (pscale_tkn_, pscale_pw_, pscale_oauth_); Render API keys (rnd_); Fly.io tokens (fo1_, fm1a_/fm1r_/fm2_
 * macaroons, "FlyV1 " headers); Railway tokens (UUIDs); Supabase access tokens (sbp_) and secret API keys
 * (sb_secret_; sb_publishable_ keys are public).
 */
import type { Detector } from "../detector";
import { MADE_UP_RUN } from "../text-shapes";
import { ALNUM, BASE64, BASE64URL, HEX, LOWER, DIGITS, fake, fakeUuid } from "./sample-values";

const herokuToken = (seed: number) => "HRKU-" + "AA" + fake(BASE64URL, 58, seed);

export const HEROKU_API_KEY: Detector = {
  id: "SG223",
  name: "heroku-api-key",
  title: "a Heroku API key",
  severity: "error",
  explanation: "A Heroku API token in the current format (HRKU- and 60 characters): acts as the user on every app they can reach.",
  fix: "Use short-lived authorizations (heroku authorizations:create --expires-in) kept in the CI's secret store; revoke it (heroku authorizations:revoke) or regenerate the API key in Account settings.",
  keywords: ["HRKU-"],
  pattern: "(?<![A-Za-z0-9_-])HRKU-[A-Za-z0-9_-]{60}(?![A-Za-z0-9_-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: herokuToken(2301) },
      { key: "HEROKU_API_KEY", value: herokuToken(2302) },
      { key: "content", value: "machine api.heroku.com\n  login ci@example.com\n  password " + herokuToken(2303) + "\n" },
    ],
    negative: [
      { key: "value", value: "HRKU-" + fake(BASE64URL, 30, 2304) },
      { key: "value", value: "HRKU-" + "A".repeat(60) },
      { key: "note", value: "Heroku tokens now start with HRKU- followed by sixty characters" },
    ],
  },
};

export const HEROKU_API_KEY_BY_KEY: Detector = {
  id: "SG224",
  name: "heroku-api-key-under-key",
  title: "a Heroku API key",
  severity: "error",
  explanation: "A UUID under a Heroku key name (HEROKU_API_KEY): a legacy Heroku API key, which acts as the user on every app they can reach.",
  fix: "Use short-lived authorizations kept in the CI's secret store; regenerate the API key in Account settings.",
  keywords: [],
  keys: { include: "heroku[a-z0-9]{0,20}(?:apikey|key|token|authtoken|password)$" },
  pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "HEROKU_API_KEY", value: fakeUuid(2305) },
      { key: "content", value: "HEROKU_EMAIL=ci@example.com\nHEROKU_API_KEY=" + fakeUuid(2306) + "\n" },
      { key: "heroku_token", value: fakeUuid(2307) },
    ],
    negative: [
      { key: "HEROKU_APP_ID", value: fakeUuid(2308) },
      { key: "HEROKU_API_KEY", value: "00000000-0000-0000-0000-000000000000" },
      { key: "value", value: fakeUuid(2309) },
    ],
  },
};

export const NETLIFY_TOKEN: Detector = {
  id: "SG225",
  name: "netlify-token",
  title: "a Netlify access token",
  severity: "error",
  explanation: "A Netlify personal access token (nfp_ and 36 characters): deploys and changes every site the user can reach.",
  fix: "Keep the token in the CI's secret store (NETLIFY_AUTH_TOKEN) with an expiry; delete it under User settings > Applications > Personal access tokens.",
  keywords: ["nfp_"],
  pattern: "(?<![A-Za-z0-9_])nfp_[A-Za-z0-9_]{36}(?![A-Za-z0-9_])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "nf" + "p_" + fake(ALNUM, 36, 2310) },
      { key: "NETLIFY_AUTH_TOKEN", value: "nf" + "p_" + fake(ALNUM, 36, 2311) },
      { key: "content", value: "[build.environment]\n  TOKEN = \"" + "nf" + "p_" + fake(ALNUM, 36, 2312) + "\"\n" },
    ],
    negative: [
      { key: "value", value: "nf" + "p_" + fake(ALNUM, 20, 2313) },
      { key: "value", value: "nf" + "p_" + "x".repeat(36) },
      { key: "value", value: "conf" + "p_" + fake(ALNUM, 36, 2314) },
    ],
  },
};

export const NETLIFY_TOKEN_BY_KEY: Detector = {
  id: "SG226",
  name: "netlify-token-under-key",
  title: "a Netlify access token",
  severity: "error",
  explanation: "A legacy Netlify access token (43 base64url or 64 hex characters) under a Netlify key name: deploys and changes every site the user can reach.",
  fix: "Keep the token in the CI's secret store with an expiry; delete it under User settings > Applications > Personal access tokens.",
  keywords: [],
  keys: { include: "netlify[a-z0-9]{0,20}(?:authtoken|token|apikey|key|pat)$" },
  pattern: "^(?:[A-Za-z0-9_-]{43}|[0-9a-f]{64})$",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "NETLIFY_AUTH_TOKEN", value: fake(BASE64URL, 43, 2315) },
      { key: "netlify_token", value: fake(HEX, 64, 2316) },
      { key: "content", value: "NETLIFY_SITE_ID=" + fakeUuid(2317) + "\nNETLIFY_AUTH_TOKEN=" + fake(BASE64URL, 43, 2318) + "\n" },
    ],
    negative: [
      { key: "NETLIFY_SITE_ID", value: fake(BASE64URL, 43, 2319) },
      { key: "NETLIFY_AUTH_TOKEN", value: "0".repeat(64) },
      { key: "NETLIFY_AUTH_TOKEN", value: "${{ secrets.NETLIFY_AUTH_TOKEN }}" },
    ],
  },
};

const vercelToken = (prefix: string, seed: number) => prefix + fake(BASE64URL, 50, seed) + fake(ALNUM, 6, seed + 1);

export const VERCEL_TOKEN: Detector = {
  id: "SG227",
  name: "vercel-token",
  title: "a Vercel token",
  severity: "error",
  explanation: "A Vercel personal, integration, app access or app refresh token or API key (vcp_, vci_, vca_, vcr_, vck_): deploys, reads environment variables and changes projects of its scope.",
  fix: "Keep the token in the CI's secret store with an expiry and a team scope (or use OIDC); delete it under Account Settings > Tokens.",
  keywords: ["vcp_", "vci_", "vca_", "vcr_", "vck_"],
  pattern: "(?<![A-Za-z0-9_])vc[pikar]_[A-Za-z0-9_-]{40,100}(?![A-Za-z0-9_-])",
  check: "mixed-classes",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: vercelToken("vc" + "p_", 2320) },
      { key: "VERCEL_TOKEN", value: vercelToken("vc" + "k_", 2322) },
      { key: "content", value: "VERCEL_ORG_ID=team_" + fake(ALNUM, 24, 2324) + "\nVERCEL_TOKEN=" + vercelToken("vc" + "i_", 2325) + "\n" },
    ],
    negative: [
      { key: "value", value: "vc" + "p_" + fake(ALNUM, 20, 2327) },
      { key: "value", value: "vc" + "p_" + "x".repeat(56) },
      { key: "value", value: "vc" + "a_" + fake(LOWER, 50, 2328) },
    ],
  },
};

export const VERCEL_TOKEN_BY_KEY: Detector = {
  id: "SG228",
  name: "vercel-token-under-key",
  title: "a Vercel token",
  severity: "error",
  explanation: "A legacy 24-character Vercel access token under a Vercel key name: deploys, reads environment variables and changes projects of its scope.",
  fix: "Keep the token in the CI's secret store with an expiry and a team scope (or use OIDC); delete it under Account Settings > Tokens.",
  keywords: [],
  keys: { include: "vercel[a-z0-9]{0,20}(?:token|apitoken|apikey|key)$" },
  pattern: "^[A-Za-z0-9]{24}$",
  check: "mixed-classes",
  samples: {
    positive: [
      { key: "VERCEL_TOKEN", value: fake(ALNUM, 24, 2330) },
      { key: "content", value: "VERCEL_TOKEN=" + fake(ALNUM, 24, 2331) + "\n" },
      { key: "vercel_api_token", value: fake(ALNUM, 24, 2332) },
    ],
    negative: [
      { key: "VERCEL_ORG_ID", value: fake(ALNUM, 24, 2333) },
      { key: "VERCEL_TOKEN", value: "${{ secrets.VERCEL_TOKEN }}" },
      { key: "VERCEL_TOKEN", value: fake(HEX, 24, 2334) },
    ],
  },
};

export const PLANETSCALE_TOKEN: Detector = {
  id: "SG229",
  name: "planetscale-token",
  title: "a PlanetScale token or password",
  severity: "error",
  explanation: "A PlanetScale service token, OAuth token or database password (pscale_tkn_, pscale_oauth_, pscale_pw_): manages the organization's databases, or connects to a branch as its role.",
  fix: "Keep it in the CI's secret store; delete the service token (Settings > Service tokens) or the password (the branch's Passwords page) and create a new one.",
  keywords: ["pscale_"],
  pattern: "(?<![A-Za-z0-9_])pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_=.-]{32,64}(?![A-Za-z0-9_=.-])",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "pscale" + "_tkn_" + fake(BASE64URL, 43, 2340) },
      { key: "DATABASE_URL", value: "mysql://fakeuser:" + "pscale" + "_pw_" + fake(BASE64URL, 43, 2341) + "@aws.connect.psdb.cloud/app?sslaccept=strict" },
      { key: "content", value: "PLANETSCALE_SERVICE_TOKEN=" + "pscale" + "_oauth_" + fake(BASE64URL, 43, 2342) + "\n" },
    ],
    negative: [
      { key: "value", value: "pscale" + "_tkn_" + fake(BASE64URL, 16, 2343) },
      { key: "value", value: "pscale" + "_pw_" + "x".repeat(43) },
      { key: "value", value: "pscale" + "_org_" + fake(BASE64URL, 43, 2344) },
    ],
  },
};

export const RENDER_API_KEY: Detector = {
  id: "SG230",
  name: "render-api-key",
  title: "a Render API key",
  severity: "error",
  explanation: "A Render API key (rnd_ and about 32 characters): manages every service and database in the user's workspaces.",
  fix: "Keep the key in the CI's secret store; revoke it under Account Settings > API Keys and create a new one.",
  keywords: ["rnd_"],
  pattern: "(?<![A-Za-z0-9_])rnd_[A-Za-z0-9]{28,40}(?![A-Za-z0-9_])",
  check: "mixed-classes",
  entropy: 3.5,
  samples: {
    positive: [
      { key: "value", value: "rn" + "d_" + fake(ALNUM, 32, 2345) },
      { key: "RENDER_API_KEY", value: "rn" + "d_" + fake(ALNUM, 32, 2346) },
      { key: "content", value: "curl -H 'Authorization: Bearer " + "rn" + "d_" + fake(ALNUM, 32, 2347) + "' https://api.render.com/v1/services" },
    ],
    negative: [
      { key: "value", value: "rn" + "d_" + fake(LOWER + DIGITS, 32, 2348) },
      { key: "value", value: "rn" + "d_" + fake(ALNUM, 12, 2349) },
      { key: "value", value: "rn" + "d_seed_" + fake(ALNUM, 32, 2350) },
    ],
  },
};

const flyMacaroon = (seed: number) => "fm" + "2_" + fake(BASE64, 320, seed);

export const FLYIO_TOKEN: Detector = {
  id: "SG231",
  name: "flyio-token",
  title: "a Fly.io token",
  severity: "error",
  explanation: "A Fly.io access or deploy token (fo1_, or fm1a_/fm1r_/fm2_ macaroons, often after FlyV1 ): deploys and manages the organization's apps within its scope.",
  fix: "Use a deploy token limited to one app with an expiry (fly tokens create deploy); revoke it (fly tokens revoke) and create a new one.",
  keywords: ["fo1_", "FlyV1 ", "fm1a_", "fm1r_", "fm2_"],
  pattern: "(?<![A-Za-z0-9_])(?:fo1_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])|(?:FlyV1 )?fm(?:1[ar]|2)_[A-Za-z0-9+/=,_-]{100,8192})",
  entropy: 4.0,
  // A hand-written example holds the alphabet in order; a real macaroon never does.
  allow: [MADE_UP_RUN],
  samples: {
    positive: [
      { key: "value", value: "fo" + "1_" + fake(BASE64URL, 43, 2351) },
      { key: "FLY_API_TOKEN", value: "FlyV1 " + flyMacaroon(2352) + "," + flyMacaroon(2353) },
      { key: "content", value: "FLY_API_TOKEN=" + flyMacaroon(2354) + "\n" },
    ],
    negative: [
      { key: "value", value: "fo" + "1_" + fake(BASE64URL, 20, 2355) },
      { key: "value", value: "FlyV1 " + "fm" + "2_" + "A".repeat(200) },
      { key: "value", value: "fm" + "2_" + fake(BASE64, 40, 2356) },
      { key: "value", value: "FlyV2 " + "fm" + "2_" + fake(BASE64, 40, 2357) + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890" },
    ],
  },
};

export const RAILWAY_TOKEN: Detector = {
  id: "SG232",
  name: "railway-token",
  title: "a Railway token",
  severity: "error",
  explanation: "A UUID under a Railway token name (RAILWAY_TOKEN project tokens, RAILWAY_API_TOKEN account or team tokens): deploys to, or manages, the projects it reaches.",
  fix: "Keep the token in the CI's secret store; delete it in the project's Settings > Tokens (or Account > Tokens) and create a new one.",
  keywords: [],
  keys: { include: "railway[a-z0-9]{0,20}(?:token|apitoken|apikey|key)$" },
  pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "RAILWAY_TOKEN", value: fakeUuid(2360) },
      { key: "RAILWAY_API_TOKEN", value: fakeUuid(2361) },
      { key: "content", value: "RAILWAY_TOKEN=" + fakeUuid(2362) + "\n" },
    ],
    negative: [
      { key: "RAILWAY_PROJECT_ID", value: fakeUuid(2363) },
      { key: "RAILWAY_TOKEN", value: "00000000-0000-0000-0000-000000000000" },
      { key: "value", value: fakeUuid(2364) },
    ],
  },
};

export const SUPABASE_KEY: Detector = {
  id: "SG233",
  name: "supabase-key",
  title: "a Supabase access token or secret key",
  severity: "error",
  explanation: "A Supabase personal access token (sbp_ and 40 characters) or secret API key (sb_secret_): manages the organization's projects, or reads and writes a project's data past row-level security.",
  fix: "Keep it in the CI's or server's secret store; revoke the access token (Account > Access Tokens) or delete the secret key (Project Settings > API Keys) and create a new one.",
  keywords: ["sbp_", "sb_secret_"],
  pattern: "(?<![A-Za-z0-9_])(?:sbp_[a-z0-9]{40}|sb_secret_[A-Za-z0-9_-]{20,80})(?![A-Za-z0-9_-])",
  entropy: 3.0,
  samples: {
    positive: [
      { key: "value", value: "sb" + "p_" + fake(HEX, 40, 2365) },
      { key: "SUPABASE_ACCESS_TOKEN", value: "sb" + "p_" + fake(HEX, 40, 2366) },
      { key: "content", value: "SUPABASE_URL=https://fake.supabase.co\nSUPABASE_SECRET_KEY=" + "sb_" + "secret_" + fake(BASE64URL, 31, 2367) + "\n" },
    ],
    negative: [
      { key: "value", value: "sb_" + "publishable_" + fake(BASE64URL, 31, 2368) },
      { key: "value", value: "sb" + "p_" + "0".repeat(40) },
      { key: "value", value: "sb" + "p_" + fake(HEX, 20, 2369) },
    ],
  },
};
