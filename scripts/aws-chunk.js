// What dist/secret-guard-aws.js holds: the AWS SDK exports the package uses, per client package. The command bundle
// (scripts/bundle-cli.js) and the library's tsc output (scripts/library-sdk-chunk.js) both load a client package as
// `require("…/secret-guard-aws.js")[package]`. Add a name here when the guard or `rotate` starts using another
// export: the remote-audit and rotate tests, and the outside-in test from the tarball, fail on a missing one.
"use strict";

const AWS_CHUNK = "secret-guard-aws.js";

const SDK_EXPORTS = {
  // guard/audit/read/s3-source.ts
  "@aws-sdk/client-s3": ["S3Client", "GetObjectCommand", "paginateListObjectsV2"],
  // genesys-pack/commands/rotate.ts
  "@aws-sdk/client-secrets-manager": ["SecretsManagerClient", "RotateSecretCommand", "DescribeSecretCommand"],
};

/**
 * The chunk's entry: one object per client package, with only its listed exports (the rest is tree-shaken).
 * The SDK's Node-version notice (a multi-line process warning, read when a client first sends) would break the
 * commands' one-line stderr: off unless the caller set it, as guard/audit/read/s3-source.ts does for S3.
 */
function chunkEntry() {
  const pkgs = Object.entries(SDK_EXPORTS);
  const imports = pkgs.map(([p, names], k) => `import { ${names.map((n) => `${n} as ${n}_${k}`).join(", ")} } from ${JSON.stringify(p)};`);
  const entries = pkgs.map(([p, names], k) => `  ${JSON.stringify(p)}: { ${names.map((n) => `${n}: ${n}_${k}`).join(", ")} },`);
  const quiet = `process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";`;
  return `${imports.join("\n")}\n${quiet}\nexport default {\n${entries.join("\n")}\n};\n`;
}

module.exports = { AWS_CHUNK, SDK_EXPORTS, chunkEntry };
