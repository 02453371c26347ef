#!/usr/bin/env node
// Organisation scale: `secret-guard audit s3://BUCKET/PREFIX/` over N states (1,000 of ~1 MB in the full bench)
// served by a real S3-compatible server (s3rver) on loopback, against the same files audited from local disk:
// wall time, peak memory (GNU time) and the ratio, plus a check that every state was audited and named by its URL.
// Standalone: `node bench/remote-bench.js [STATES] [BYTES]` (after npm run build) prints the result as JSON.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawn } = require("node:child_process");
const { series } = require("./measure");
const { summarize } = require("./stats");
const { writeState } = require("./generate-inputs");

const BUCKET = "org-states";
/** Distinct generated states; the N keys reuse them in turn (generating 1,000 MB would dominate the bench). */
const DISTINCT = 10;

function startServer(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, "s3-server.js"), dir, BUCKET], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.on("error", reject);
    child.stdout.on("data", (b) => {
      out += b;
      const line = out.split("\n")[0];
      if (out.includes("\n")) resolve({ child, endpoint: `http://127.0.0.1:${JSON.parse(line).port}`, stop: () => new Promise((r) => (child.on("exit", r), child.stdin.end())) });
    });
  });
}

async function upload(endpoint, keys, fileOf) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { S3Client, PutObjectCommand } = require("@aws-sdk/client-s3");
  const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" }, requestChecksumCalculation: "WHEN_REQUIRED" });
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const k = next++;
      await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: keys[k], Body: fs.readFileSync(fileOf(k)) }));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  client.destroy();
}

/** Checks the JSON report: every state audited once, named by its URL (or path), with its planted secrets found. */
function check(reportFile, names, plantedPerFile) {
  const report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
  const files = report.files.map((f) => f.path);
  const found = new Map();
  for (const f of report.findings) found.set(f.file, (found.get(f.file) || 0) + 1);
  const missing = names.filter((n) => !files.includes(n)).length;
  const short = names.filter((n, k) => (found.get(n) || 0) < plantedPerFile[k]).length;
  return { states: files.length, missing, short, findings: report.findings.length };
}

/**
 * ctx: { root, tmp, plan: { remote: { states, bytes, runs } , timeoutS }, log }. Returns
 * { states, bytesEach, totalBytes, remote: {stats, failure, check}, local: {...}, ratio }.
 */
async function remoteBench({ root, tmp, plan, log }) {
  const { states, bytes, runs } = plan.remote;
  const work = fs.mkdtempSync(path.join(tmp, "remote-"));
  const genDir = path.join(work, "gen");
  const localDir = path.join(work, "local");
  fs.mkdirSync(genDir);
  log(`remote: generating ${Math.min(DISTINCT, states)} distinct states of ${bytes} bytes`);
  const gens = [];
  for (let i = 0; i < Math.min(DISTINCT, states); i++) gens.push({ file: path.join(genDir, `s${i}.tfstate`), gen: writeState(path.join(genDir, `s${i}.tfstate`), bytes) });
  const keys = Array.from({ length: states }, (_, k) => `org/ws-${String(k).padStart(4, "0")}/terraform.tfstate`);
  const fileOf = (k) => gens[k % gens.length].file;
  const plantedPerFile = keys.map((_, k) => gens[k % gens.length].gen.planted.length);
  // The same files on local disk (hard links: same bytes, no extra space).
  for (const [k, key] of keys.entries()) {
    const p = path.join(localDir, key);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.linkSync(fileOf(k), p);
  }
  const totalBytes = keys.reduce((s, _, k) => s + fs.statSync(fileOf(k)).size, 0);

  const serverDir = path.join(work, "s3rver");
  fs.mkdirSync(serverDir);
  const server = await startServer(serverDir);
  const result = { states, bytesEach: bytes, totalBytes };
  try {
    log(`remote: uploading ${states} states to s3rver on loopback`);
    await upload(server.endpoint, keys, fileOf);
    const cli = path.join(root, "dist", "secret-guard.js");
    const report = path.join(work, "report.json");
    const env = { ...process.env, AWS_ENDPOINT_URL_S3: server.endpoint, AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "us-east-1", NO_COLOR: "1" };
    const opts = { runs, warmup: 0 };
    log(`remote: secret-guard audit s3://${BUCKET}/org/ (${states} states)`);
    const r = series({ cmd: "node", args: [cli, "audit", "--format", "json", "--output", report, `s3://${BUCKET}/org/`], cwd: work, env, okCodes: [0, 1], timeoutS: plan.timeoutS * 4 }, opts);
    result.remote = { stats: summarize(r), failure: r.failure, failedRss: r.failedRss, check: r.runs.length ? check(report, keys.map((k) => `s3://${BUCKET}/${k}`), plantedPerFile) : null };
    fs.rmSync(report, { force: true });
    log(`remote: secret-guard audit of the same ${states} files on local disk`);
    const l = series({ cmd: "node", args: [cli, "audit", "--format", "json", "--output", report, path.join(localDir, "org")], cwd: work, env, okCodes: [0, 1], timeoutS: plan.timeoutS * 4 }, opts);
    result.local = { stats: summarize(l), failure: l.failure, failedRss: l.failedRss, check: l.runs.length ? check(report, keys.map((k) => path.join(localDir, k)), plantedPerFile) : null };
    fs.rmSync(report, { force: true });
    if (result.remote.stats && result.local.stats) result.ratio = result.remote.stats.wall.median / result.local.stats.wall.median;
  } finally {
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  return result;
}

module.exports = { remoteBench };

if (require.main === module) {
  const states = Number(process.argv[2] || 1000);
  const bytes = Number(process.argv[3] || 1024 * 1024);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "genesys-remote-bench-"));
  const started = Date.now();
  const log = (s) => process.stderr.write(`[remote-bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
  remoteBench({ root: path.resolve(__dirname, ".."), tmp, plan: { remote: { states, bytes, runs: 1 }, timeoutS: 300 }, log })
    .then((r) => process.stdout.write(JSON.stringify(r, null, 2) + "\n"))
    .finally(() => fs.rmSync(tmp, { recursive: true, force: true }));
}
