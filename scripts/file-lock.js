// A lock file held by one process at a time (created exclusively, holding the holder's pid): the build
// (scripts/build.js) and the synth output swap (scripts/launcher/output-folder.js) take turns through it. A lock whose
// process is gone is taken over.
"use strict";
const fs = require("node:fs");

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function holderAlive(pid) {
  try {
    return pid > 0 && process.kill(pid, 0);
  } catch (e) {
    return e.code === "EPERM";
  }
}

/** Takes the lock `file`, waiting while another live process holds it (`onWait(pid)` once). Returns the release. */
function acquireLock(file, { onWait } = {}) {
  let said = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(file, { force: true });
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
    }
    let holder = 0;
    try {
      holder = Number(fs.readFileSync(file, "utf8") || 0);
    } catch (e) {
      if (e.code === "ENOENT") continue; // released meanwhile
      throw e;
    }
    if (!holderAlive(holder)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (!said && onWait) onWait(holder);
    said = true;
    sleep(50);
  }
}

/** Runs `fn` holding the lock `file`. */
function withLock(file, fn, options) {
  const release = acquireLock(file, options);
  try {
    return fn();
  } finally {
    release();
  }
}

module.exports = { acquireLock, withLock };
