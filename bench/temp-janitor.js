// Removes the bench's temp folder (generated inputs, the scratch copy with its own node_modules) when the bench
// process is gone, however it ended: the bench runs its commands with spawnSync, so a signal handler of its own
// would not run until the current command finished, and Ctrl-C or a kill would leave gigabytes in the temp dir.
// A detached watcher polls the bench's pid; once it has exited, and no process works inside the folder any more
// (a command the bench had started runs on to its end or its timeout and would write into it again), it removes
// the folder. A normal run removes it first; then there is nothing left to do.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawn } = require("node:child_process");

const POLL_MS = 500;

/** Starts the watcher for `dir`, owned by the current process. */
function watchTempFolder(dir) {
  const child = spawn(process.execPath, [__filename, String(process.pid), dir], { detached: true, stdio: "ignore" });
  child.unref();
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/** Whether any process has its working directory in `dir` (Linux /proc; elsewhere none is seen). */
function busy(dir) {
  let pids;
  try {
    pids = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return false;
  }
  return pids.some((p) => {
    try {
      const cwd = fs.readlinkSync(`/proc/${p}/cwd`);
      return cwd === dir || cwd.startsWith(dir + path.sep);
    } catch {
      return false;
    }
  });
}

if (require.main === module) {
  const [pid, dir] = [Number(process.argv[2]), fs.realpathSync(process.argv[3])];
  const timer = setInterval(() => {
    if (alive(pid) || busy(dir)) return;
    clearInterval(timer);
    fs.rmSync(dir, { recursive: true, force: true });
  }, POLL_MS);
}

module.exports = { watchTempFolder };
