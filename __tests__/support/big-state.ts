import * as fs from "node:fs";

/**
 * Writes an indented v4 state of about `targetBytes` with many aws_secretsmanager_secret_version resources
 * (schema-sensitive `secret_string`, marked by Terraform) every `secretEvery`-th resource and look-alike noise
 * (aws_s3_object with etags, ARNs, digests) in between, streaming to disk so the test itself stays small in
 * memory. Every 1000th resource also copies its secret into an unmarked tag.
 * Returns how many resources it wrote.
 */
export function writeBigState(file: string, targetBytes: number, secretFor: (i: number) => string, secretEvery = 1): number {
  const fd = fs.openSync(file, "w");
  const w = (s: string) => fs.writeSync(fd, s);
  w(`{\n  "version": 4,\n  "terraform_version": "1.11.4",\n  "serial": 7,\n  "lineage": "0f5d3a2e-1111-2222-3333-444455556666",\n  "outputs": {},\n  "resources": [\n`);
  let written = 0;
  let i = 0;
  for (; written < targetBytes; i++) {
    const r = resourceFor(i, secretFor(i), secretEvery);
    const text = (i === 0 ? "" : ",\n") + JSON.stringify(r, null, 2).replace(/^/gm, "    ");
    w(text);
    written += text.length;
  }
  w(`\n  ],\n  "check_results": null\n}\n`);
  fs.closeSync(fd);
  return i;
}

/** Resource i of the generated files: a secret version every `secretEvery`-th, an S3 object otherwise. */
function resourceFor(i: number, secret: string, secretEvery: number): any {
  const tag = i % 1000 === 0 ? secret : `tag-${i}`;
  return i % secretEvery !== 0 ? noise(i) : {
    mode: "managed",
    type: "aws_secretsmanager_secret_version",
    name: `v${i}`,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [
      {
        schema_version: 0,
        attributes: {
          arn: `arn:aws:secretsmanager:us-east-1:123456789012:secret:app/${i}-AbCdEf`,
          id: `arn:aws:secretsmanager:us-east-1:123456789012:secret:app/${i}-AbCdEf|d6e1b4c2-3f0a-4b7e-9c1d-${String(i).padStart(12, "0")}`,
          secret_binary: "",
          secret_id: `arn:aws:secretsmanager:us-east-1:123456789012:secret:app/${i}-AbCdEf`,
          secret_string: JSON.stringify({ password: secret, username: "app" }),
          version_id: `d6e1b4c2-3f0a-4b7e-9c1d-${String(i).padStart(12, "0")}`,
          version_stages: ["AWSCURRENT"],
          description: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          tags: { Name: tag, etag: "9b2cf535f27731c974343645a3985328" },
        },
        sensitive_attributes: [[{ type: "get_attr", value: "secret_string" }]],
        private: "eyJzY2hlbWFfdmVyc2lvbiI6IjAifQ==",
      },
    ],
  };
}

/**
 * Writes one-line plan JSON (as `terraform show -json` does) of about `targetBytes` with the same resources as
 * writeBigState, each in planned_values and in resource_changes (with Terraform's sensitive marks), streaming.
 * Returns how many resources it wrote.
 */
export function writeBigPlan(file: string, targetBytes: number, secretFor: (i: number) => string, secretEvery = 1): number {
  const fd = fs.openSync(file, "w");
  const w = (s: string) => fs.writeSync(fd, s);
  const secrets = new Map<number, string>(); // the same secret in both sections
  const entry = (i: number, section: "planned" | "change"): string => {
    let secret = secrets.get(i);
    if (secret === undefined) secrets.set(i, (secret = secretFor(i)));
    const r = resourceFor(i, secret, secretEvery);
    const values = r.instances[0].attributes;
    const marks = r.type === "aws_secretsmanager_secret_version" ? { secret_string: true, tags: {}, version_stages: [false] } : { tags: {} };
    const head = { address: `${r.type}.${r.name}`, mode: "managed", type: r.type, name: r.name, provider_name: "registry.terraform.io/hashicorp/aws" };
    return JSON.stringify(
      section === "planned"
        ? { ...head, schema_version: 0, values, sensitive_values: marks }
        : { ...head, change: { actions: ["create"], before: null, after: values, after_unknown: {}, before_sensitive: false, after_sensitive: marks } },
    );
  };
  w(`{"format_version":"1.2","terraform_version":"1.11.4","planned_values":{"root_module":{"resources":[`);
  let written = 0;
  let n = 0;
  for (; written < targetBytes / 2; n++) {
    const text = (n === 0 ? "" : ",") + entry(n, "planned");
    w(text);
    written += text.length;
  }
  w(`]}},"resource_changes":[`);
  for (let i = 0; i < n; i++) w((i === 0 ? "" : ",") + entry(i, "change"));
  w(`],"configuration":{"root_module":{}}}\n`);
  fs.closeSync(fd);
  return n;
}

function noise(i: number): object {
  return {
    mode: "managed",
    type: "aws_s3_object",
    name: `o${i}`,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [
      {
        schema_version: 0,
        attributes: {
          arn: `arn:aws:s3:::bucket-${i}/key/${i}.json`,
          bucket: `bucket-${i}`,
          key: `key/${i}.json`,
          etag: "9b2cf535f27731c974343645a3985328",
          checksum_sha256: "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=",
          content_base64: "aGVsbG8gd29ybGQ=",
          source_hash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          version_id: "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo",
          kms_key_id: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          image: "registry.example.com/app@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          tags: { Name: `object-${i}`, Owner: "platform" },
          id: `d6e1b4c2-3f0a-4b7e-9c1d-${String(i).padStart(12, "0")}`,
        },
        sensitive_attributes: [],
      },
    ],
  };
}
