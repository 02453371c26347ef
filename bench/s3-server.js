#!/usr/bin/env node
// A real S3-compatible server (s3rver) on a free loopback port, in its own process so that the bench can time the
// CLI with spawnSync while the server keeps answering. argv: DIRECTORY BUCKET. Prints {"port": N} on stdout once
// listening; stops when its standard input closes (the bench ends), so it never outlives the bench.
"use strict";
const S3rver = require("s3rver");

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
server.run().then((addr) => {
  process.stdout.write(JSON.stringify({ port: addr.port }) + "\n");
});
process.stdin.on("end", () => server.close().then(() => process.exit(0)));
process.stdin.resume();
