/**
 * The shipped catalogue, in priority order: precise token formats first (they name the vendor), then
 * connection strings and text assignments, then key-gated shapes, and the generic entropy hint last.
 */
import type { Detector } from "../detector";
import { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_SESSION_TOKEN_BY_KEY } from "./aws";
import { BASIC_AUTH_CREDENTIALS, DOCKER_REGISTRY_AUTH } from "./basic-auth";
import { SLACK_TOKEN, SLACK_WEBHOOK_URL } from "./chat";
import { AZURE_SAS_TOKEN, AZURE_STORAGE_ACCOUNT_KEY, DATADOG_API_KEY, GOOGLE_API_KEY } from "./cloud";
import { JDBC_PASSWORD, PASSWORD_ASSIGNMENT, PASSWORD_IN_URL } from "./connection-strings";
import { HIGH_ENTROPY_SECRET_HINT } from "./generic";
import { GENESYS_CLIENT_SECRET } from "./genesys";
import { JSON_WEB_TOKEN } from "./jwt";
import { MAILGUN_API_KEY, SENDGRID_API_KEY, TWILIO_CREDENTIAL } from "./messaging";
import { NPM_TOKEN, NPMRC_AUTH, PYPI_TOKEN } from "./package-registries";
import { STRIPE_SECRET_KEY, STRIPE_TEST_KEY, WEBHOOK_SIGNING_SECRET } from "./payments";
import { PRIVATE_KEY } from "./private-keys";
import { GIT_REMOTE_TOKEN, GITHUB_TOKEN, GITLAB_TOKEN } from "./source-hosts";
import { VAULT_TOKEN } from "./vault";

export const SHIPPED_DETECTORS: readonly Detector[] = [
  // Precise formats: a match stands on its own.
  PRIVATE_KEY,
  JSON_WEB_TOKEN,
  AWS_ACCESS_KEY_ID,
  AWS_SESSION_TOKEN,
  GITHUB_TOKEN,
  GITLAB_TOKEN,
  SLACK_TOKEN,
  SLACK_WEBHOOK_URL,
  NPM_TOKEN,
  PYPI_TOKEN,
  STRIPE_SECRET_KEY,
  STRIPE_TEST_KEY,
  WEBHOOK_SIGNING_SECRET,
  SENDGRID_API_KEY,
  MAILGUN_API_KEY,
  VAULT_TOKEN,
  GOOGLE_API_KEY,
  AZURE_STORAGE_ACCOUNT_KEY,
  AZURE_SAS_TOKEN,
  // Credentials inside connection strings and config text.
  GIT_REMOTE_TOKEN,
  PASSWORD_IN_URL,
  JDBC_PASSWORD,
  NPMRC_AUTH,
  PASSWORD_ASSIGNMENT,
  // Shapes that only mean "secret" under the right key.
  GENESYS_CLIENT_SECRET,
  AWS_SECRET_ACCESS_KEY,
  AWS_SESSION_TOKEN_BY_KEY,
  TWILIO_CREDENTIAL,
  DATADOG_API_KEY,
  DOCKER_REGISTRY_AUTH,
  BASIC_AUTH_CREDENTIALS,
  // The hint.
  HIGH_ENTROPY_SECRET_HINT,
];
