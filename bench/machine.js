// What the numbers were measured on: CPU, cores, memory, tool versions, date, load.
"use strict";
const os = require("node:os");
const { execFileSync } = require("node:child_process");

function version(cmd, args, pick = (s) => s.split("\n")[0].trim()) {
  try {
    return pick(execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, CHECKPOINT_DISABLE: "1" } }));
  } catch {
    return "not found";
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0] ? cpus[0].model.trim() : "unknown",
    cores: cpus.length,
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    npm: version("npm", ["--version"]),
    terraform: version("terraform", ["version"]),
    date: new Date().toISOString(),
    loadAtStart: os.loadavg(),
  };
}

module.exports = { machine };
