// The targets and whether each is met (`npm run synth` as typed first), from the measured results. A target that could not be measured says so.
"use strict";

const MB = 1e6;
/** Issue 20: the dense state's peak, with room under the 256 MB bound for the machine's load. */
const DENSE_TARGET_MB = 230;
const s2 = (v) => `${v.toFixed(2)} s`;
const tp = (bytes, t) => +(bytes / MB / t.stats.wall.median).toPrecision(3);
const find = (synth, key) => synth.commands.find((c) => c.key === key);

// What limits each target when it is missed, as understood from profiles (node --cpu-prof) on this machine.
const LIMITS = {
  userWarm: "npm's own start-up before it runs the script, the launcher's check that the build is up to date, and the app itself (the bare-app figure below)",
  app: "Node's own start-up (about 0.13 s here) and compiling the 1 MB bundle of cdktf and the providers' classes, which `cdktf synth` skips after its first run (scripts/app.js loads the bundle through V8's code cache); the figure moves with the machine's load",
  cdktf:
    "the cdktf CLI's own start-up: before it runs the app it loads about 1.2 s of bundled JavaScript (TypeScript, prettier, the ink/yoga terminal UI) and runs `terraform version` four times; the app itself is the bare-app figure above",
  secretlint:
    "secretlint runs its regular expressions over the text and stops; the audit parses every piece to read Terraform's own marks and the provider schemas, then makes a second pass to follow each secret to its copies, and reports 30-60x more findings",
  floor:
    "the floor only parses the file; the audit parses every piece too (about a fifth of its time in a profile of the 100 MiB state), and on top judges every string and key (marks, schemas, the catalogue through one keyword automaton), collects garbage (a young generation held small for the dense state's memory bound), then makes a second pass over the bytes to follow each secret to its copies and re-reads the pieces that hold one; at 10 MiB process start and loading the catalogue add a fixed cost. Reaching the floor would need detection without parsing most pieces, which the marks and schemas do not allow today",
  dense:
    "every secret is followed through the whole file: about 90 MB live at the end (the secret values 25 MB, the findings' pointers and addresses 26 MB, the window table of the secret index 18 MB, the rest in columns), on top of Node's own 40 MB and the old space's collection slack; the young generation stays at its start size (guard/commands/heap-growth.ts)",
  memory: "the findings themselves: every finding is held until the report is written (one per place, all sorted)",
};

/** "1.03x: 2.10 s current vs 2.04 s baseline (medians of 7, interleaved); CPU 1.01x", or why there is no ratio. */
function abText(x, runs) {
  if (!x.verdict) return `failed: ${x.baseline.failure ? `baseline ${x.baseline.failure}` : `current ${x.current.failure}`}`;
  const v = x.verdict;
  const paired = v.pairedRatio !== null && v.pairedRatio !== undefined;
  return `${(paired ? v.pairedRatio : v.ratio).toFixed(2)}x${paired ? ` (median of ${runs} paired rounds; ratio of medians ${v.ratio.toFixed(2)}x)` : ""}: ${s2(x.current.stats.wall.median)} current vs ${s2(x.baseline.stats.wall.median)} baseline (medians of ${runs}, interleaved)${v.cpuRatio !== null ? `; CPU ${v.cpuRatio.toFixed(2)}x` : ""}`;
}

/** The issue-8 targets: audit (per input) and synth within 10% of the baseline build, as ratios of medians. */
function baselineTargets(add, ab) {
  const within = `within ${Math.round((ab.maxRatio - 1) * 100)}% of the baseline (${ab.rev})`;
  if (ab.notMeasured) {
    add(`audit ${within}`, `not measured: ${ab.notMeasured}`, null);
    add(`synth ${within}`, `not measured: ${ab.notMeasured}`, null);
    return;
  }
  for (const r of ab.audit) {
    const f = r.findings;
    const same = f.baseline === null || f.current === null ? "" : f.baseline === f.current ? `; same findings (${f.current})` : `; findings ${f.current} current vs ${f.baseline} baseline`;
    add(`audit ${within}, ${r.label}`, abText(r, ab.ab.auditRuns) + (r.verdict ? same : ""), r.verdict ? r.verdict.met : false);
  }
  const sy = ab.synth;
  if (sy.check) add(`synth ${within}`, `failed: ${sy.check}`, false);
  else add(`synth ${within}`, abText(sy, ab.ab.synthRuns) + (sy.verdict ? `; the app command cdktf.json runs (\`${sy.commands.current}\` vs \`${sy.commands.baseline}\`), the baseline's config` : ""), sy.verdict ? sy.verdict.met : false);
}

/** The issue-19 targets of `npm run synth` as typed: no build work on an unchanged tree, and ≥ 4x the template's ts-node way. */
function userTargets(add, user, synth) {
  const noWork = "`npm run synth` on an unchanged tree (and after a config edit) does no build work";
  const fast = "`npm run synth` (warm) ≥ 4x faster than the template's `npx ts-node main.ts`";
  if (!user || user.notMeasured) {
    const why = `not measured: ${user ? user.notMeasured : "not run"}`;
    add(noWork, why, false);
    add(fast, why, false);
    return;
  }
  const warm = user.commands.find((c) => c.key === "user-warm");
  const config = user.commands.find((c) => c.key === "user-config");
  const c = user.checks;
  if (!warm || !warm.stats || !config || !config.stats) add(noWork, `failed: ${(warm && warm.failure) || (config && config.failure) || "the cold synth failed"}`, false);
  else {
    const upToDate = c.dryRunBeforeWarm === "up to date";
    add(noWork, `\`scripts/build.js app --dry-run\` before: ${c.dryRunBeforeWarm || "no answer"}; dist/ ${c.distUnchanged ? "unchanged" : "**rewritten**"} over ${warm.stats.n} warm and ${config.stats.n} config-edit runs`, upToDate && c.distUnchanged === true);
  }
  const tpl = find(synth, "template-tsnode");
  if (!tpl) add(fast, "not measured (template skipped in this mode)", null);
  else if (!tpl.stats || !warm || !warm.stats) add(fast, `failed: ${tpl.failure || (warm && warm.failure) || "the cold synth failed"}`, false);
  else {
    const r = tpl.stats.wall.median / warm.stats.wall.median;
    add(fast, `${r.toFixed(1)}x (${s2(tpl.stats.wall.median)} vs ${s2(warm.stats.wall.median)}, medians)`, r >= 4, "userWarm");
  }
}

function targets(synth, audit, robustness, remote, baseline, user) {
  const out = [];
  const add = (target, measured, met, limit) => out.push({ target, measured, met, limitedBy: met === false ? LIMITS[limit] : undefined });
  userTargets(add, user, synth);

  const app = find(synth, "app");
  add("bare app `node dist/app.js` ≤ 0.35 s", app.stats ? `${s2(app.stats.wall.median)} median` : `failed: ${app.failure}`, app.stats ? app.stats.wall.median <= 0.35 : false, "app");
  const cli = find(synth, "cdktf");
  add("`cdktf synth` ≤ 2 s", cli.stats ? `${s2(cli.stats.wall.median)} median` : `failed: ${cli.failure}`, cli.stats ? cli.stats.wall.median <= 2 : false, "cdktf");
  const tpl = find(synth, "template-cdktf");
  const same = find(synth, "cdktf-same");
  if (!tpl || !same) add("`cdktf synth` ≥ 4x faster than the template (ts-node, root imports)", "not measured (template skipped in this mode)", null);
  else if (!tpl.stats || !same.stats) add("`cdktf synth` ≥ 4x faster than the template (ts-node, root imports)", `failed: ${tpl.failure || same.failure}`, false);
  else {
    const r = tpl.stats.wall.median / same.stats.wall.median;
    add("`cdktf synth` ≥ 4x faster than the template (ts-node, root imports), same stack", `${r.toFixed(1)}x (${s2(tpl.stats.wall.median)} vs ${s2(same.stats.wall.median)})`, r >= 4);
  }

  // Audit: per size and kind, worst case shown.
  const rows = audit.rows;
  const vsSl = [], vsFloor = [], misses = [], mem = [];
  for (const r of rows) {
    const a = r.tools.audit, sl = r.tools.secretlint, fl = r.tools.floor;
    const name = `${r.size} ${r.kind}`;
    if (!a.stats) {
      vsSl.push({ name, text: `audit failed: ${a.failure}`, met: false });
      vsFloor.push({ name, text: `audit failed`, met: false });
      misses.push({ name, text: "audit failed", met: false });
      mem.push({ name, text: `audit failed${a.failedRss ? ` at ${a.failedRss.toFixed(0)} MB` : ""}`, met: false });
      continue;
    }
    if (sl.stats && sl.counts) {
      const ratio = sl.stats.wall.median / a.stats.wall.median;
      const more = a.counts.total > sl.counts.total;
      vsSl.push({ name, text: `${ratio.toFixed(2)}x, ${a.counts.total} vs ${sl.counts.total} findings`, met: ratio >= 2 && more, ratio });
    } else vsSl.push({ name, text: `secretlint failed (${sl.failure}); audit ran`, met: true, ratio: Infinity });
    if (fl.stats) {
      const share = fl.stats.wall.median / a.stats.wall.median;
      vsFloor.push({ name, text: `${(share * 100).toFixed(0)}% (${tp(r.bytes, a)} vs ${tp(r.bytes, fl)} MB/s)`, met: share >= 0.5, ratio: share });
    } else vsFloor.push({ name, text: `floor failed (${fl.failure}); audit read it at ${tp(r.bytes, a)} MB/s`, met: null, ratio: Infinity });
    const c = a.counts;
    misses.push({ name, text: `${c.found}/${c.expected}${c.unexpected ? `, ${c.unexpected} unexpected` : ""}`, met: c.found === c.expected && c.unexpected === 0 });
    const peak = a.stats.rss ? a.stats.rss.max : null;
    mem.push({ name, text: peak === null ? "no GNU time" : `${peak.toFixed(0)} MB`, met: peak === null ? null : peak < 256, ratio: peak });
  }
  const worst = (list, by) => {
    const measured = list.filter((x) => x.ratio !== undefined && isFinite(x.ratio));
    const w = measured.length ? measured.reduce((a, b) => (by(a) <= by(b) ? a : b)) : list[0];
    const notMet = list.filter((x) => x.met === false);
    const met = list.some((x) => x.met === false) ? false : list.every((x) => x.met === null) ? null : true;
    const rest = notMet.length ? `; not met at ${notMet.length} of ${list.length} inputs (${notMet.map((x) => x.name).join(", ")})` : "";
    return { measured: w ? `worst ${w.name}: ${w.text}${rest}` : "not measured", met };
  };
  if (rows.length) {
    let w = worst(vsSl, (x) => x.ratio);
    add("audit ≥ 2x faster than secretlint, with more findings (every size)", w.measured, w.met, "secretlint");
    w = worst(vsFloor, (x) => x.ratio);
    add("audit ≥ half the JSON.parse floor's throughput (every size)", w.measured, w.met, "floor");
    // The detection issue's target: at 100 MiB, at least the floor's own throughput.
    const at100 = vsFloor.filter((x) => /^100 MiB /.test(x.name));
    if (at100.length) {
      const w100 = worst(at100.map((x) => ({ ...x, met: x.ratio === undefined || !isFinite(x.ratio) ? x.met : x.ratio >= 1 })), (x) => x.ratio);
      add("audit ≥ 1.0x the JSON.parse floor's throughput at 100 MiB, same findings", w100.measured, w100.met, "floor");
    }
    // Four times the detectors (synthetic prefixed ones added with --detectors): still at the floor, same findings.
    const scaled = rows.filter((r) => r.tools.audit4x);
    if (scaled.length) {
      const list = scaled.map((r) => {
        const x = r.tools.audit4x, fl = r.tools.floor, a = r.tools.audit;
        const name = `${r.size} ${r.kind}`;
        if (!x.stats) return { name, text: `audit failed: ${x.failure}`, met: false };
        const same = a.counts && x.counts && a.counts.total === x.counts.total ? "" : `, findings ${x.counts ? x.counts.total : "?"} vs ${a.counts ? a.counts.total : "?"} with the shipped catalogue`;
        if (!fl.stats) return { name, text: `floor failed; audit read it at ${tp(r.bytes, x)} MB/s${same}`, met: null, ratio: Infinity };
        const share = fl.stats.wall.median / x.stats.wall.median;
        const vsShipped = a.stats ? `; ${(x.stats.wall.median / a.stats.wall.median).toFixed(2)}x the shipped catalogue's time` : "";
        return { name, text: `${(share * 100).toFixed(0)}% (${tp(r.bytes, x)} vs ${tp(r.bytes, fl)} MB/s)${vsShipped}${same}`, met: share >= 1 && !same, ratio: share };
      });
      const w4 = worst(list, (x) => x.ratio);
      add(`audit with four times the detectors (${audit.scale.total}) ≥ 1.0x the JSON.parse floor's throughput at ${scaled[0].size}, same findings`, w4.measured, w4.met, "floor");
    }
    w = worst(mem, (x) => -x.ratio);
    add("audit peak memory < 256 MB (every size)", w.measured, w.met, "memory");
    const allFound = misses.every((x) => x.met);
    add("audit finds every planted secret, nothing unexpected (every size)", misses.map((x) => `${x.name}: ${x.text}`).join("; "), allFound);
  }
  if (robustness) {
    const d = robustness.dense;
    const full = robustness.scale === 1;
    const label = `audit of a ${Math.round(d.bytes / 2 ** 20)} MiB state where every resource holds its own secret (${d.resources} secrets): peak memory ≤ ${DENSE_TARGET_MB} MB (the bound is 256 MB)`;
    const sarif = d.sarif?.stats;
    if (!d.stats) add(label, `failed: ${d.failure}`, false, "dense");
    else if (d.sarif && !sarif) add(label, `SARIF run failed: ${d.sarif.failure}`, false, "dense");
    else {
      const rss = d.stats.rss && (!sarif || sarif.rss) ? Math.max(d.stats.rss.median, sarif ? sarif.rss.median : 0) : null;
      const text = `${d.stats.rss ? d.stats.rss.median.toFixed(0) + " MB" : "no memory figure"} (JSON report)${sarif && sarif.rss ? `, ${sarif.rss.median.toFixed(0)} MB (SARIF)` : ""}, ${s2(d.stats.wall.median)}, ${d.findings} findings`;
      add(label, text, full && rss !== null ? rss <= DENSE_TARGET_MB : null, "dense");
    }
    const w = robustness.worst;
    const failed = robustness.hostile.filter((h) => !h.stats);
    add(
      "hostile inputs (robustness section): every one completes, worst case ≤ 30 s",
      failed.length ? `${failed.length} failed: ${failed.map((h) => h.name).join("; ")}` : w ? `worst: ${w.name}, ${s2(w.stats.wall.median)}, ${w.stats.rss ? w.stats.rss.median.toFixed(0) + " MB" : ""}` : "none measured",
      failed.length ? false : w ? w.stats.wall.median <= 30 : null,
    );
  }
  // Organisation scale: a prefix of N states in S3 (s3rver on loopback), one run.
  if (remote) {
    const r = remote.remote;
    const label = `audit of ${remote.states} states under an S3 prefix: peak memory < 256 MB, every state audited`;
    if (!r || !r.stats) add(label, `failed: ${r ? r.failure : "not run"}`, false);
    else {
      const c = r.check;
      const rss = r.stats.rss ? r.stats.rss.max : null;
      const ok = c && c.states === remote.states && c.missing === 0 && c.short === 0 && (rss === null || rss < 256);
      add(label, `${c ? c.states : "?"} states in ${r.stats.wall.median.toFixed(1)} s, ${rss === null ? "memory not measured" : `${Math.round(rss)} MB`}${remote.ratio ? `, ${remote.ratio.toFixed(2)}x the local-disk time` : ""}`, !!ok);
    }
  }
  if (baseline) baselineTargets(add, baseline);
  return out;
}

module.exports = { targets };
