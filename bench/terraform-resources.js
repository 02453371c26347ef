// Realistic Terraform resources for the audit inputs: the three providers the project uses, lots of clean AWS
// resources (ARNs, ids, tags, UUIDs, etags, digests), and secrets planted at known attribute paths.
// resource(i) is deterministic: the same index always gives the same resource, so the plan writer can emit
// one resource in several sections (planned_values, resource_changes, prior_state) without keeping it.
"use strict";

/** Resources per cycle; each cycle has 4 secret-bearing resources and the rest are clean AWS resources. */
const CYCLE = 50;
const AWS = 'provider["registry.terraform.io/hashicorp/aws"]';
const GENESYS = 'provider["registry.terraform.io/mypurecloud/genesyscloud"]';
const RANDOM = 'provider["registry.terraform.io/hashicorp/random"]';
const ACCOUNT = "123456789012";

/** mulberry32: a small seeded PRNG, so every run writes the same files. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const B64URL = B62 + "-_";
const B64 = B62 + "+/";
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const HEX = "0123456789abcdef";

function chars(rand, n, alphabet) {
  let s = "";
  for (let k = 0; k < n; k++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}
const uuid = (r) => `${chars(r, 8, HEX)}-${chars(r, 4, HEX)}-4${chars(r, 3, HEX)}-a${chars(r, 3, HEX)}-${chars(r, 12, HEX)}`;
const tags = (i, extra) => ({ Name: `svc-${i}`, Owner: "platform", CostCenter: `cc-${i % 97}`, Environment: ["prod", "staging", "dev"][i % 3], ...extra });

/** A 64-character random_password result; the same for every resource of cycle `c`. */
function cyclePassword(c) {
  return chars(prng(c * 7919 + 1), 64, B62);
}
/** The Genesys client secret of cycle `c`: 43 characters of base64url. */
function cycleClientSecret(c) {
  return chars(prng(c * 7919 + 2), 43, B64URL);
}

/**
 * Resource i: { type, name, provider, attributes, sensitive: [attribute names Terraform marks],
 * planted: [attribute paths (arrays) holding a secret value, marked or not], alsoMarked: [paths of values that are
 * not secrets but sit inside an attribute Terraform marks, so an audit rightly reports them] }.
 */
function resource(i) {
  const c = Math.floor(i / CYCLE);
  const slot = i % CYCLE;
  const r = prng(i * 31 + 17);
  const id = uuid(r);
  switch (slot) {
    case 0:
      return {
        type: "genesyscloud_oauth_client", name: `client_${c}`, provider: GENESYS,
        attributes: {
          access_token_validity_seconds: 3600, authorized_grant_type: "CLIENT-CREDENTIALS",
          client_secret: cycleClientSecret(c), description: `OAuth client ${c}. Managed by Terraform.`,
          directory_client_secret: null, expose_client_secret: true, id,
          integration_credential_id: null, integration_credential_name: null, name: `Integration ${c}`,
          registered_redirect_uris: [], roles: [{ division_id: uuid(r), role_id: uuid(r) }], scopes: [], state: "active",
        },
        sensitive: ["client_secret"], planted: [["client_secret"]],
      };
    case 1:
      return {
        type: "random_password", name: `password_${c}`, provider: RANDOM,
        attributes: {
          bcrypt_hash: "$2a$10$" + chars(r, 53, B62 + "./"), id: "none", keepers: null, length: 64, lower: true,
          min_lower: 0, min_numeric: 0, min_special: 0, min_upper: 0, number: true, numeric: true,
          override_special: null, result: cyclePassword(c), special: false, upper: true,
        },
        sensitive: ["bcrypt_hash", "result"], planted: [["bcrypt_hash"], ["result"]],
      };
    case 2:
      return {
        type: "genesyscloud_integration_credential", name: `credential_${c}`, provider: GENESYS,
        attributes: { credential_type_name: "basicAuth", fields: { password: cyclePassword(c), userName: `svc-${c}` }, id, name: `Credential ${c}` },
        sensitive: ["fields"], planted: [["fields", "password"]], alsoMarked: [["fields", "userName"]],
      };
    case 3: {
      const arn = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:genesys/client-${c}-${chars(r, 6, B62)}`;
      return {
        type: "aws_secretsmanager_secret_version", name: `client_${c}`, provider: AWS,
        attributes: {
          arn, has_secret_string_wo: null, id: `${arn}|${id}`, secret_binary: "", secret_id: arn,
          secret_string: JSON.stringify({ client_id: uuid(r), client_secret: cycleClientSecret(c) }),
          secret_string_wo: null, secret_string_wo_version: null, version_id: id, version_stages: ["AWSCURRENT"],
        },
        sensitive: ["secret_string"], planted: [["secret_string"]],
      };
    }
    default:
      return cleanAws(i, c, slot, r, id);
  }
}

/** Clean AWS resources; a few carry an unmarked secret (a copy in a tag, keys in a Lambda environment). */
function cleanAws(i, c, slot, r, id) {
  const kind = slot % 6;
  if (kind === 0) {
    // S3 bucket; every 10th cycle someone copied the generated password into a tag.
    const copy = slot === 6 && c % 10 === 0;
    return {
      type: "aws_s3_bucket", name: `bucket_${i}`, provider: AWS,
      attributes: {
        arn: `arn:aws:s3:::bucket-${i}`, bucket: `bucket-${i}`, bucket_domain_name: `bucket-${i}.s3.amazonaws.com`,
        bucket_regional_domain_name: `bucket-${i}.s3.us-east-1.amazonaws.com`, force_destroy: false,
        hosted_zone_id: "Z3AQBSTGFYJSTF", id: `bucket-${i}`, object_lock_enabled: false, region: "us-east-1",
        tags: tags(i, copy ? { DbPassword: cyclePassword(c) } : {}), tags_all: tags(i, {}),
      },
      sensitive: [], planted: copy ? [["tags", "DbPassword"]] : [],
    };
  }
  if (kind === 1) {
    // Lambda function; every 20th cycle leaks AWS keys, a Genesys secret and a password in a URL.
    const leak = slot === 7 && c % 20 === 0;
    const vars = { LOG_LEVEL: "info", TABLE: `table-${i}`, QUEUE_URL: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/q-${i}` };
    if (leak) {
      const lr = prng(c * 7919 + 3);
      Object.assign(vars, {
        AWS_ACCESS_KEY_ID: "AKIA" + chars(lr, 16, B32),
        AWS_SECRET_ACCESS_KEY: chars(lr, 40, B64),
        GENESYS_CLIENT_SECRET: chars(lr, 43, B64URL),
        DATABASE_URL: `postgres://app:${chars(lr, 20, B62)}@db-${c}.internal:5432/app`,
      });
    }
    return {
      type: "aws_lambda_function", name: `fn_${i}`, provider: AWS,
      attributes: {
        architectures: ["arm64"], arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:fn-${i}`,
        environment: [{ variables: vars }], function_name: `fn-${i}`, handler: "index.handler", id: `fn-${i}`,
        invoke_arn: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:${ACCOUNT}:function:fn-${i}/invocations`,
        last_modified: "2025-11-20T10:15:30.000+0000", memory_size: 256, qualified_arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:fn-${i}:$LATEST`,
        role: `arn:aws:iam::${ACCOUNT}:role/fn-${i}`, runtime: "nodejs20.x", source_code_hash: chars(r, 43, B64) + "=",
        source_code_size: 1024 + i, tags: tags(i, {}), timeout: 30, version: "$LATEST",
      },
      sensitive: [],
      planted: leak ? ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "GENESYS_CLIENT_SECRET", "DATABASE_URL"].map((k) => ["environment", "0", "variables", k]) : [],
    };
  }
  if (kind === 2) {
    return {
      type: "aws_iam_role", name: `role_${i}`, provider: AWS,
      attributes: {
        arn: `arn:aws:iam::${ACCOUNT}:role/role-${i}`,
        assume_role_policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" } }] }),
        create_date: "2025-11-20T10:15:30Z", id: `role-${i}`, managed_policy_arns: [`arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole`],
        max_session_duration: 3600, name: `role-${i}`, path: "/", tags: tags(i, {}), unique_id: "AROA" + chars(r, 17, B32),
      },
      sensitive: [], planted: [],
    };
  }
  if (kind === 3) {
    return {
      type: "aws_s3_object", name: `object_${i}`, provider: AWS,
      attributes: {
        arn: `arn:aws:s3:::bucket-${i}/key/${i}.json`, bucket: `bucket-${i}`, key: `key/${i}.json`, etag: chars(r, 32, HEX),
        checksum_sha256: chars(r, 43, B64) + "=", id: `key/${i}.json`, kms_key_id: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${uuid(r)}`,
        source_hash: chars(r, 64, HEX), version_id: chars(r, 32, B62), tags: tags(i, {}),
      },
      sensitive: [], planted: [],
    };
  }
  if (kind === 4) {
    return {
      type: "aws_security_group", name: `sg_${i}`, provider: AWS,
      attributes: {
        arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/sg-${chars(r, 17, HEX)}`, description: "Managed by Terraform",
        egress: [{ cidr_blocks: ["0.0.0.0/0"], description: "", from_port: 0, ipv6_cidr_blocks: [], prefix_list_ids: [], protocol: "-1", security_groups: [], self: false, to_port: 0 }],
        id: `sg-${chars(r, 17, HEX)}`, ingress: [{ cidr_blocks: ["10.0.0.0/8"], description: "https", from_port: 443, ipv6_cidr_blocks: [], prefix_list_ids: [], protocol: "tcp", security_groups: [], self: false, to_port: 443 }],
        name: `sg-${i}`, owner_id: ACCOUNT, tags: tags(i, {}), vpc_id: `vpc-${chars(r, 17, HEX)}`,
      },
      sensitive: [], planted: [],
    };
  }
  return {
    type: "aws_sqs_queue", name: `queue_${i}`, provider: AWS,
    attributes: {
      arn: `arn:aws:sqs:us-east-1:${ACCOUNT}:q-${i}`, content_based_deduplication: false, delay_seconds: 0, fifo_queue: false,
      id: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/q-${i}`, kms_master_key_id: `alias/q-${i}`, message_retention_seconds: 345600,
      name: `q-${i}`, policy: "", tags: tags(i, { RequestId: id }), url: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/q-${i}`, visibility_timeout_seconds: 30,
    },
    sensitive: [], planted: [],
  };
}

module.exports = { resource, CYCLE };
