// The build's steps, as data: what each runs, what it needs first, and what its output depends on. scripts/build.js
// runs a step only when one of its inputs changed since the build dist/ holds.
//
// Inputs are either declared (files and source folders, re-listed on every check so a new file counts) or
// recorded by the step itself: a bundle writes the files esbuild actually read (its metafile) to
// <stage>/.inputs/<id>.json, so an edit to a module a bundle does not import does not rebuild that bundle.
"use strict";

/** The TypeScript sources tsconfig.json compiles (its `include`), as folders walked for *.ts and single files. */
const TS_SOURCES = {
  files: ["index.ts", "main.ts", "tsconfig.json"],
  dirs: ["constructs", "guard", "genesys-pack", "engine", "rotation", "app", ".gen"],
};
/** What every step depends on: the installed packages (their versions), where steps write, and the build itself. */
const TOOLCHAIN = ["package-lock.json", "scripts/build-output.js", "scripts/build.js", "scripts/build-steps.js", "scripts/file-lock.js"];

const STEPS = [
  {
    id: "validator",
    title: "generating the config validator",
    script: "scripts/build-config-validator.js",
    needs: [],
    inputs: { files: ["schemas/genesys-oauth.config.schema.json", "node_modules/ajv/package.json"] },
  },
  {
    id: "tsc",
    title: "compiling TypeScript (tsc)",
    script: "scripts/build-tsc.js",
    needs: ["validator"],
    inputs: { files: [...TS_SOURCES.files, "scripts/portable-typings.js", "scripts/library-sdk-chunk.js", "scripts/aws-chunk.js", "scripts/toml-chunk.js"], dirs: TS_SOURCES.dirs },
  },
  {
    id: "cdktn",
    title: "building the CDK Terrain library (dist/cdktn)",
    script: "scripts/build-cdktn.js",
    needs: ["validator"],
    inputs: { files: [...TS_SOURCES.files, "scripts/engine-swap.js", "scripts/portable-typings.js", "scripts/library-sdk-chunk.js", "scripts/aws-chunk.js", "scripts/toml-chunk.js"], dirs: TS_SOURCES.dirs },
  },
  {
    id: "rotation",
    title: "bundling the rotation function",
    script: "scripts/bundle-rotation.js",
    needs: ["validator"],
    inputs: { files: ["scripts/zip.js"], recorded: true },
  },
  {
    id: "app",
    title: "bundling the app (cdktf)",
    script: "scripts/bundle-app.js",
    args: ["cdktf"],
    needs: ["tsc", "rotation"],
    inputs: { files: ["scripts/engine-swap.js"], recorded: true },
  },
  {
    id: "app-cdktn",
    title: "bundling the app (CDK Terrain)",
    script: "scripts/bundle-app.js",
    args: ["cdktn"],
    needs: ["tsc", "rotation"],
    inputs: { files: ["scripts/engine-swap.js"], recorded: true },
  },
  {
    id: "cli",
    title: "bundling the secret-guard command and its AWS SDK and TOML chunks",
    script: "scripts/bundle-cli.js",
    needs: ["validator"],
    inputs: { files: ["scripts/aws-chunk.js", "scripts/toml-chunk.js"], recorded: true },
  },
];

/** What each command needs built (scripts/cdktf.js, scripts/secret-guard.js); `all` is `npm run build`. */
const TARGETS = {
  all: STEPS.map((s) => s.id),
  app: ["app"],
  "app-cdktn": ["app-cdktn"],
  cli: ["cli"],
};

module.exports = { STEPS, TARGETS, TOOLCHAIN };
