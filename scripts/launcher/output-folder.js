// The synth output folder, handled so that a slip can never delete anything else: a folder is replaced only when
// it is one a synth made (cdktf's manifest.json in it) and is neither the project, the current folder, a folder
// holding either, `/` nor the home folder. A new folder may be created anywhere. Synth writes beside it and swaps
// the result in, so the last good output stays whole until the new one is complete.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { UsageError } = require("./args");
const { withLock } = require("../file-lock");

/** The real path of `p`, resolving symlinks of the part that exists (so a link to `/` counts as `/`). */
function realPath(p) {
  const missing = [];
  let cur = path.resolve(p);
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...missing.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return path.resolve(p);
      missing.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** Whether `inner` is `outer` or inside it. */
function within(inner, outer) {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** Whether `dir` holds a cdktf synth's output: a manifest.json with cdktf's `version` and `stacks`. */
function isSynthOutput(dir) {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    return typeof m === "object" && m !== null && typeof m.version === "string" && typeof m.stacks === "object" && m.stacks !== null;
  } catch {
    return false;
  }
}

/**
 * Checks the output folder `value` (as given, `flag` names where it came from) before anything is written.
 * Returns its absolute path. Throws UsageError (one line) when the folder may not be used.
 */
function checkOutputFolder(value, flag, { project, cwd = process.cwd(), home = os.homedir() }) {
  if (typeof value !== "string") throw new UsageError(`${flag} must be a folder name (a string); got ${value === null ? "null" : typeof value}`);
  if (value.trim() === "") throw new UsageError(`${flag} needs a folder name (got an empty value)`);
  // The shell expands ~ only at the start of a word: `--output=~/x` would make a folder named ~ in the project.
  if (value === "~" || value.startsWith("~/")) throw new UsageError(`${flag} ${JSON.stringify(value)} is refused: ~ is not expanded here; write the path out, e.g. $HOME/${value.slice(2) || "out"}`);
  const dir = path.resolve(cwd, value);
  const real = realPath(dir);
  const refuse = (why) => {
    throw new UsageError(`${flag} ${JSON.stringify(value)} is refused: ${why}; name a new folder or an earlier synth's output, e.g. cdktf.out`);
  };
  if (real === path.parse(real).root) refuse("it is the root folder");
  for (const [what, p] of [["the project", project], ["the current folder", cwd]]) {
    const r = realPath(p);
    if (real === r) refuse(`it is ${what}`);
    if (within(r, real)) refuse(`it holds ${what}`);
  }
  if (home && real === realPath(home)) refuse("it is the home folder");
  let stat;
  try {
    stat = fs.statSync(real);
  } catch {
    return dir; // new: created by synth
  }
  if (!stat.isDirectory()) refuse("it is a file, not a folder");
  if (fs.readdirSync(real).length > 0 && !isSynthOutput(real)) refuse("it holds files that are not a cdktf synth output (no cdktf manifest.json)");
  // A symlink to an earlier output: the folder it points at is replaced, the link stays.
  return real;
}

/** A fresh folder beside `dir` for a synth to write into; ones an interrupted synth left behind are removed first. */
function besideFolder(dir, kind) {
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  const prefix = `.${path.basename(dir)}.`;
  for (const name of fs.readdirSync(parent)) {
    // mkdtemp's names: the prefix, next- or old-, six characters; older than a minute, so not a synth running now.
    if (!name.startsWith(prefix) || !/^(next|old)-[A-Za-z0-9]{6}$/.test(name.slice(prefix.length))) continue;
    const p = path.join(parent, name);
    try {
      if (Date.now() - fs.statSync(p).mtimeMs > 60_000) fs.rmSync(p, { recursive: true, force: true });
    } catch (e) {
      if (e.code !== "ENOENT") throw e; // another synth just moved it
    }
  }
  const made = fs.mkdtempSync(path.join(parent, `${prefix}${kind}-`));
  // mkdtemp makes it 0700; an output folder gets the usual mode.
  fs.chmodSync(made, 0o777 & ~process.umask());
  return made;
}

/** What Terraform keeps in a stack's folder between runs (cdktf's own synth keeps them too): providers, lock file. */
const TERRAFORM_KEEPS = [".terraform", ".terraform.lock.hcl"];

/** Moves Terraform's own files from each stack folder of the old output into the same stack's folder of the new. */
function keepTerraformFiles(oldDir, newDir) {
  const stacks = path.join(oldDir, "stacks");
  if (!fs.existsSync(stacks)) return;
  for (const stack of fs.readdirSync(stacks)) {
    const to = path.join(newDir, "stacks", stack);
    if (!fs.existsSync(to)) continue;
    for (const name of TERRAFORM_KEEPS) {
      const from = path.join(stacks, stack, name);
      if (fs.existsSync(from) && !fs.existsSync(path.join(to, name))) fs.renameSync(from, path.join(to, name));
    }
  }
}

/** Runs `fn` holding a lock beside `dir`, so two synths into one folder swap one after the other. */
function withSwapLock(dir, fn) {
  return withLock(path.join(path.dirname(dir), `.${path.basename(dir)}.lock`), fn);
}

/**
 * Puts the finished synth output `next` in place of `dir`: the old folder (a synth output, checked again now) is
 * moved aside, the new one renamed in, the old one removed.
 */
function swapIn(next, dir) {
  withSwapLock(dir, () => {
    if (!fs.existsSync(dir)) {
      fs.renameSync(next, dir);
      return;
    }
    if (fs.readdirSync(dir).length > 0 && !isSynthOutput(dir)) throw new UsageError(`${dir} changed while synth ran and is no longer a synth output; the new output is left in ${next}`);
    keepTerraformFiles(dir, next);
    const old = besideFolder(dir, "old");
    fs.renameSync(dir, path.join(old, "out"));
    fs.renameSync(next, dir);
    fs.rmSync(old, { recursive: true, force: true });
  });
}

/** Removes an output that no longer matches the config (a failed synth), only when it is a synth output. */
function removeStale(dir) {
  if (fs.existsSync(dir) && isSynthOutput(dir)) fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { checkOutputFolder, besideFolder, swapIn, removeStale, isSynthOutput };
