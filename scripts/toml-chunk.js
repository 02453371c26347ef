// What dist/secret-guard-toml.js holds: smol-toml, the TOML parser gitleaks rule files (--detectors FILE.toml) are
// read with. The package installs nothing at run time, so the parser ships as this chunk, like the AWS SDK's
// (scripts/aws-chunk.js): the command bundle (scripts/bundle-cli.js) and the library's tsc output
// (scripts/library-sdk-chunk.js) both `require` it in place of "smol-toml", and only when a TOML file is read.
"use strict";

const TOML_CHUNK = "secret-guard-toml.js";
const TOML_PACKAGE = "smol-toml";

module.exports = { TOML_CHUNK, TOML_PACKAGE };
