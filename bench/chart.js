// The chart, as hand-written SVG: time and peak memory against input size, for the audit sizes (log-log)
// and the fleet sizes (linear). No chart library.
"use strict";

const COLORS = { audit: "#1f6feb", secretlint: "#d1242f", floor: "#6e7781", fleet: "#1a7f37" };
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const fmt = (v) => (v >= 1000 ? `${+(v / 1000).toPrecision(3)}k` : v >= 1 ? `${+v.toPrecision(3)}` : `${+v.toPrecision(2)}`);

/** Tick values: 1-2-5 steps on a log axis, "nice" steps on a linear one. */
function ticks(min, max, log) {
  const out = [];
  if (log) {
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++)
      for (const m of [1, 2, 5]) {
        const v = m * 10 ** e;
        if (v >= min * 0.999 && v <= max * 1.001) out.push(v);
      }
    return out;
  }
  const raw = (max - min) / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw);
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(+v.toPrecision(12));
  return out;
}

/** One panel: axes, ticks, grid, series as polylines with dots, optional horizontal target lines. */
function panel(o) {
  const pad = { l: 58, r: 12, t: 28, b: 56 };
  const pts = o.series.flatMap((s) => s.points).concat((o.hlines || []).map((h) => [null, h.y]));
  const xs = pts.map((p) => p[0]).filter((v) => v !== null);
  const ys = pts.map((p) => p[1]);
  if (!xs.length) return `<g transform="translate(${o.x},${o.y})"><text x="10" y="20" font-size="13">${esc(o.title)}: no data</text></g>`;
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (o.xLog) [x0, x1] = [x0 / 1.5, x1 * 1.5];
  else [x0, x1] = [0, x1 * 1.05];
  if (o.yLog) [y0, y1] = [y0 / 1.6, y1 * 1.6];
  else [y0, y1] = [0, y1 * 1.1 || 1];
  const W = o.w - pad.l - pad.r, H = o.h - pad.t - pad.b;
  const sx = (v) => pad.l + (o.xLog ? Math.log(v / x0) / Math.log(x1 / x0) : (v - x0) / (x1 - x0)) * W;
  const sy = (v) => pad.t + H - (o.yLog ? Math.log(v / y0) / Math.log(y1 / y0) : (v - y0) / (y1 - y0)) * H;
  const g = [`<g transform="translate(${o.x},${o.y})">`, `<text x="${pad.l}" y="16" font-size="13" font-weight="bold">${esc(o.title)}</text>`];
  g.push(`<rect x="${pad.l}" y="${pad.t}" width="${W}" height="${H}" fill="none" stroke="#999"/>`);
  for (const v of ticks(x0, x1, o.xLog)) {
    const X = sx(v).toFixed(1);
    g.push(`<line x1="${X}" y1="${pad.t}" x2="${X}" y2="${pad.t + H}" stroke="#eee"/><text x="${X}" y="${pad.t + H + 14}" font-size="10" text-anchor="middle">${fmt(v)}</text>`);
  }
  for (const v of ticks(y0, y1, o.yLog)) {
    const Y = sy(v).toFixed(1);
    g.push(`<line x1="${pad.l}" y1="${Y}" x2="${pad.l + W}" y2="${Y}" stroke="#eee"/><text x="${pad.l - 4}" y="${Y}" font-size="10" text-anchor="end" dominant-baseline="middle">${fmt(v)}</text>`);
  }
  g.push(`<text x="${pad.l + W / 2}" y="${o.h - 6}" font-size="11" text-anchor="middle">${esc(o.xLabel)}</text>`);
  g.push(`<text transform="translate(14,${pad.t + H / 2}) rotate(-90)" font-size="11" text-anchor="middle">${esc(o.yLabel)}</text>`);
  for (const h of o.hlines || []) {
    const Y = sy(h.y).toFixed(1);
    g.push(`<line x1="${pad.l}" y1="${Y}" x2="${pad.l + W}" y2="${Y}" stroke="#bf8700" stroke-dasharray="6 3"/><text x="${pad.l + W - 4}" y="${Number(Y) - 4}" font-size="10" text-anchor="end" fill="#bf8700">${esc(h.label)}</text>`);
  }
  const shown = o.series.filter((s) => s.points.length);
  if (shown.length) g.push(`<rect x="${pad.l + 4}" y="${pad.t + 4}" width="190" height="${shown.length * 13 + 4}" fill="#fff" fill-opacity="0.85" stroke="#ddd"/>`);
  shown.forEach((s, k) => {
    const d = s.points.map((p) => `${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join(" ");
    g.push(`<polyline points="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ' stroke-dasharray="5 3"' : ""}/>`);
    for (const p of s.points) g.push(`<circle cx="${sx(p[0]).toFixed(1)}" cy="${sy(p[1]).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const LY = pad.t + 12 + k * 13;
    g.push(`<line x1="${pad.l + 8}" y1="${LY}" x2="${pad.l + 26}" y2="${LY}" stroke="${s.color}" stroke-width="2"${s.dash ? ' stroke-dasharray="5 3"' : ""}/><text x="${pad.l + 30}" y="${LY + 3}" font-size="10">${esc(s.name)}</text>`);
  });
  if (o.note) g.push(`<text x="${pad.l}" y="${o.h - 22}" font-size="9" fill="#d1242f">${esc(o.note)}</text>`);
  g.push("</g>");
  return g.join("\n");
}

/** Series of the audit results: one per tool and file kind, failed sizes left out. */
function auditSeries(rows, pick) {
  const out = [];
  for (const tool of ["audit", "secretlint", "floor"])
    for (const kind of ["state", "plan"]) {
      const name = { audit: "secret-guard audit", secretlint: "secretlint", floor: "JSON.parse floor" }[tool] + ` (${kind})`;
      const points = rows.filter((r) => r.kind === kind && r.tools[tool].stats).map((r) => [r.bytes / 1e6, pick(r.tools[tool].stats)]).filter((p) => p[1] !== null);
      out.push({ name, color: COLORS[tool], dash: kind === "plan", points });
    }
  return out;
}

/** "no point: ..." for the tool/size pairs whose runs failed (the report has the error). */
function failureNote(rows) {
  const failed = new Map();
  for (const r of rows)
    for (const [k, t] of Object.entries(r.tools))
      if (!t.stats) failed.set(`${k} ${r.size}`, [...(failed.get(`${k} ${r.size}`) || []), r.kind]);
  return failed.size ? `no point (run failed): ${[...failed].map(([k, kinds]) => `${k} ${kinds.join("+")}`).join(", ")}` : "";
}

function chart(synth, audit) {
  const W = 1000, H = 760;
  const rows = audit.rows;
  const fleet = synth.fleet.filter((f) => f.stats);
  const parts = [
    panel({ x: 0, y: 30, w: W / 2, h: 360, title: "Audit: wall time (median)", xLabel: "input size (MB, log)", yLabel: "seconds (log)", xLog: true, yLog: true, series: auditSeries(rows, (s) => s.wall.median), note: failureNote(rows) }),
    panel({ x: W / 2, y: 30, w: W / 2, h: 360, title: "Audit: peak RSS (median)", xLabel: "input size (MB, log)", yLabel: "MB (log)", xLog: true, yLog: true, series: auditSeries(rows, (s) => (s.rss ? s.rss.median : null)), hlines: [{ y: 256, label: "256 MB target" }], note: failureNote(rows) }),
    panel({ x: 0, y: 400, w: W / 2, h: 360, title: "Synth fleet (node dist/app.js): wall time", xLabel: "OAuth clients (20 per environment)", yLabel: "seconds", series: [{ name: "median", color: COLORS.fleet, points: fleet.map((f) => [f.clients, f.stats.wall.median]) }] }),
    panel({ x: W / 2, y: 400, w: W / 2, h: 360, title: "Synth fleet: peak RSS", xLabel: "OAuth clients (20 per environment)", yLabel: "MB", series: [{ name: "median", color: COLORS.fleet, points: fleet.filter((f) => f.stats.rss).map((f) => [f.clients, f.stats.rss.median]) }] }),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="20" font-size="15" text-anchor="middle" font-weight="bold">npm run bench: time and peak memory against input size</text>`,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}

module.exports = { chart };
