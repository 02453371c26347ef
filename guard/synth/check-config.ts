import { fingerprint } from "../fingerprint";
import type { ProviderFacts } from "../provider-facts";
import { isExpression, ReferenceContext, secretSourceOf } from "./references";
import { BACKEND_CREDENTIALS, LITERAL_SECRET_PATTERNS, looksLikeSecretKey, PROVIDER_CREDENTIALS } from "./secret-keys";

/** A rule hit in a Terraform JSON configuration (cdk.tf.json or a fragment of it). */
export interface ConfigFinding {
  readonly ruleId: string;
  /** JSON pointer into the configuration document. */
  readonly pointer: string;
  readonly address: string;
  readonly attribute: string;
  readonly fingerprint: string;
  readonly message: string;
  /** Construct path from cdktf's `//` metadata, when the block has it. */
  readonly constructPath?: string;
}

/** What a check needs to know about the whole stack, not just one block. */
export interface StackFacts extends ReferenceContext {
  /** The stack keeps state in an encrypted remote backend (S3 with encrypt, or HCP Terraform). */
  readonly encryptedRemoteBackend: boolean;
}

type Json = any;

const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
const ptr = (...parts: Array<string | number>) => parts.map((p) => `/${esc(String(p))}`).join("");

function constructPathOf(body: Json): string | undefined {
  return body?.["//"]?.metadata?.path;
}

/** Literal (not an expression), non-empty string. */
function isLiteral(v: unknown): v is string {
  return typeof v === "string" && v.length > 0 && !isExpression(v);
}

/** Reads the stack-wide facts (variables, locals, backend) from a configuration document. */
export function stackFactsOf(doc: Json, facts: ProviderFacts): StackFacts {
  const secretVariables = new Set<string>();
  for (const [name, v] of Object.entries<Json>(doc.variable ?? {})) {
    if (v?.sensitive === true || v?.ephemeral === true) secretVariables.add(name);
  }
  return { facts, secretVariables, locals: doc.locals ?? {}, encryptedRemoteBackend: backendIsEncryptedRemote(doc) };
}

function backendIsEncryptedRemote(doc: Json): boolean {
  const tf = doc.terraform ?? {};
  if (tf.cloud) return true;
  const b = tf.backend ?? {};
  if (b.remote) return true;
  return b.s3?.encrypt === true;
}

/** Visits every (pointer, attribute path, value) below a block, skipping cdktf's `//` metadata. */
function* leaves(value: Json, pointer: string, attr: string): Generator<[string, string, unknown, string]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* leaves(value[i], `${pointer}/${i}`, attr);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "//") continue;
      yield* leaves(v, `${pointer}/${esc(k)}`, attr ? `${attr}.${k}` : k);
    }
  } else {
    yield [pointer, attr, value, attr.split(".").pop() ?? ""];
  }
}

/** Runs every synth rule over a Terraform JSON configuration. `stack` defaults to facts read from `doc`. */
export function checkConfig(doc: Json, facts: ProviderFacts, stack: StackFacts = stackFactsOf(doc, facts)): ConfigFinding[] {
  const out: ConfigFinding[] = [];
  const seen = new Set<string>();
  const add = (f: ConfigFinding) => {
    const key = `${f.ruleId} ${f.pointer}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  };
  const literal = (pointer: string, address: string, attribute: string, value: string, what: string, constructPath?: string) =>
    add({
      ruleId: "SG002",
      pointer,
      address,
      attribute,
      fingerprint: fingerprint(value),
      message: `${what} is a literal secret (${fingerprint(value)}) in the configuration`,
      constructPath,
    });

  // Providers: credentials must come from the environment; sdk_debug logs secrets.
  for (const [name, configs] of Object.entries<Json>(doc.provider ?? {})) {
    (Array.isArray(configs) ? configs : [configs]).forEach((cfg: Json, i: number) => {
      const base = ptr("provider", name, i);
      const address = cfg?.alias ? `provider.${name}.${cfg.alias}` : `provider.${name}`;
      const creds = new Set([...(PROVIDER_CREDENTIALS[name] ?? []), ...facts.of("provider", name).sensitive]);
      for (const [pointer, attr, value, key] of leaves(cfg, base, "")) {
        const plainAttr = attr.replace(/\.\d+(?=\.|$)/g, "");
        if (isLiteral(value) && (creds.has(plainAttr) || looksLikeSecretKey(key))) {
          literal(pointer, address, plainAttr, value, `provider ${name} argument ${plainAttr}`);
        }
      }
      if (name === "genesyscloud" && (cfg?.sdk_debug === true || cfg?.sdk_debug === "true")) {
        add({
          ruleId: "SG010",
          pointer: `${base}/sdk_debug`,
          address,
          attribute: "sdk_debug",
          fingerprint: "",
          message: "genesyscloud provider has sdk_debug = true: request and response bodies, client secrets included, go to the debug log",
        });
      }
    });
  }

  checkBackend(doc, add, literal);

  // Resources, data sources and ephemeral resources (their values never reach state, but literals still sit here).
  for (const mode of ["resource", "data", "ephemeral"] as const) {
    for (const [type, blocks] of Object.entries<Json>(doc[mode] ?? {})) {
      const kind = mode === "resource" ? "resources" : mode === "data" ? "data_sources" : "ephemeral_resources";
      const typeFacts = facts.of(kind, type);
      for (const [name, body] of Object.entries<Json>(blocks ?? {})) {
        const address = `${mode === "resource" ? "" : `${mode}.`}${type}.${name}`;
        const base = ptr(mode, type, name);
        const cp = constructPathOf(body);
        if (type === "genesyscloud_oauth_client" && mode === "resource") {
          if (body.client_secret !== undefined && body.client_secret !== null) {
            add({
              ruleId: "SG007",
              pointer: `${base}/client_secret`,
              address,
              attribute: "client_secret",
              fingerprint: isLiteral(body.client_secret) ? fingerprint(body.client_secret) : "",
              message: `${address} sets client_secret: Genesys generates client secrets and the provider never sends this value`,
              constructPath: cp,
            });
          }
          if (body.directory_client_secret !== undefined && body.directory_client_secret !== null) {
            add({
              ruleId: "SG009",
              pointer: `${base}/directory_client_secret`,
              address,
              attribute: "directory_client_secret",
              fingerprint: "",
              message: `${address} sets directory_client_secret: the raw secret would be written to a (usually world-readable) file`,
              constructPath: cp,
            });
          }
          if ((body.expose_client_secret === true || body.expose_client_secret === "true") && !stack.encryptedRemoteBackend) {
            add({
              ruleId: "SG008",
              pointer: `${base}/expose_client_secret`,
              address,
              attribute: "expose_client_secret",
              fingerprint: "",
              message: `${address} keeps its client secret in state (expose_client_secret = true) but the stack has no encrypted remote backend`,
              constructPath: cp,
            });
          }
        }
        for (const [pointer, attr, value, key] of leaves(body, base, "")) {
          const plainAttr = attr.replace(/\.\d+(?=\.|$)/g, "");
          const top = plainAttr.split(".")[0];
          const schemaSecret = typeFacts.sensitive.has(plainAttr) || typeFacts.sensitive.has(top) || typeFacts.writeOnly.has(top);
          // A sensitive map (integration credential `fields`) mixes ids and secrets: gate its keys by name.
          const gated = typeFacts.sensitive.has(top) && plainAttr !== top ? looksLikeSecretKey(key) : schemaSecret;
          if (isLiteral(value) && (gated || looksLikeSecretKey(key)) && !(type === "genesyscloud_oauth_client" && top === "client_secret")) {
            literal(pointer, address, plainAttr, value, `${address} argument ${plainAttr}`, cp);
          }
        }
        if (mode === "resource") {
          for (const [attr, value] of Object.entries<Json>(body ?? {})) {
            if (value === undefined || value === null || attr === "//") continue;
            const twin = facts.writeOnlyTwin("resources", type, attr);
            if (twin) {
              add({
                ruleId: "SG011",
                pointer: `${base}/${esc(attr)}`,
                address,
                attribute: attr,
                fingerprint: isLiteral(value) ? fingerprint(value) : "",
                message: `${address} passes a secret to ${attr}, which is stored in plan and state; use the write-only ${twin} with ${twin}_version`,
                constructPath: cp,
              });
            }
          }
        }
      }
    }
  }

  // Outputs: a secret source without sensitive = true.
  for (const [name, out] of Object.entries<Json>(doc.output ?? {})) {
    if (out?.sensitive === true) continue;
    const src = secretSourceOf(out?.value, stack);
    if (src) {
      add({
        ruleId: "SG001",
        pointer: ptr("output", name, "value"),
        address: `output.${name}`,
        attribute: "value",
        fingerprint: "",
        message: `output ${name} takes its value from ${src.source} but is not marked sensitive`,
        constructPath: constructPathOf(out),
      });
    }
  }

  // Variables: a default that is a secret.
  for (const [name, v] of Object.entries<Json>(doc.variable ?? {})) {
    const secretish = v?.sensitive === true || v?.ephemeral === true || looksLikeSecretKey(name);
    if (secretish && isLiteral(v?.default)) {
      literal(ptr("variable", name, "default"), `var.${name}`, "default", v.default, `variable ${name} default`, constructPathOf(v));
    }
  }

  // Strong patterns anywhere (AWS key ids, private keys, JWTs), whatever the key.
  for (const section of ["provider", "resource", "data", "ephemeral", "variable", "locals", "output", "terraform"]) {
    for (const [pointer, attr, value] of leaves(doc[section], `/${section}`, "")) {
      if (!isLiteral(value)) continue;
      const hit = LITERAL_SECRET_PATTERNS.find((p) => p.pattern.test(value));
      if (hit) {
        const parts = pointer.split("/").slice(1);
        const address =
          section === "resource" ? parts.slice(1, 3).join(".") : section === "data" || section === "ephemeral" ? parts.slice(0, 3).join(".") : `${section}.${parts[1] ?? ""}`;
        literal(pointer, address, attr, value, `a ${hit.name} at ${attr || section}`);
      }
    }
  }
  return out;
}

function checkBackend(
  doc: Json,
  add: (f: ConfigFinding) => void,
  literal: (pointer: string, address: string, attribute: string, value: string, what: string) => void,
): void {
  const tf = doc.terraform ?? {};
  if (tf.cloud) {
    for (const k of ["token"]) if (isLiteral(tf.cloud[k])) literal(`/terraform/cloud/${k}`, "terraform.cloud", k, tf.cloud[k], `cloud backend ${k}`);
    return;
  }
  const backends = Object.entries<Json>(tf.backend ?? {});
  if (backends.length === 0 || tf.backend.local) {
    add({
      ruleId: "SG003",
      pointer: tf.backend?.local ? "/terraform/backend/local" : "/terraform",
      address: "terraform.backend",
      attribute: "",
      fingerprint: "",
      message: tf.backend?.local
        ? "the stack uses the local backend: state, secrets included, sits unencrypted and unlocked on disk"
        : "the stack has no backend, so Terraform keeps state, secrets included, in a local file",
    });
    return;
  }
  const s3 = tf.backend.s3;
  if (!s3) {
    const [type] = backends[0];
    // Services that encrypt state at rest and lock it themselves; anything else cannot be checked from config.
    if (!["remote", "gcs", "azurerm"].includes(type)) {
      add({
        ruleId: "SG012",
        pointer: `/terraform/backend/${type}`,
        address: `terraform.backend.${type}`,
        attribute: "",
        fingerprint: "",
        message: `the ${type} backend's encryption and locking cannot be checked from the configuration`,
      });
    }
    return;
  }
  const address = "terraform.backend.s3";
  if (s3.encrypt !== true && s3.encrypt !== "true") {
    add({ ruleId: "SG004", pointer: "/terraform/backend/s3/encrypt", address, attribute: "encrypt", fingerprint: "", message: "the S3 backend does not set encrypt = true" });
  }
  const locked = s3.use_lockfile === true || s3.use_lockfile === "true" || isLiteral(s3.dynamodb_table) || isExpression(s3.dynamodb_table);
  if (!locked) {
    add({ ruleId: "SG005", pointer: "/terraform/backend/s3", address, attribute: "use_lockfile", fingerprint: "", message: "the S3 backend has no state locking (use_lockfile or dynamodb_table)" });
  }
  if (!s3.kms_key_id && (s3.encrypt === true || s3.encrypt === "true")) {
    add({ ruleId: "SG006", pointer: "/terraform/backend/s3", address, attribute: "kms_key_id", fingerprint: "", message: "the S3 backend encrypts with the bucket's default key (no kms_key_id)" });
  }
  for (const k of BACKEND_CREDENTIALS) {
    if (isLiteral(s3[k])) literal(`/terraform/backend/s3/${k}`, address, k, s3[k], `S3 backend setting ${k}`);
  }
}
