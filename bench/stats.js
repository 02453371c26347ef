// Medians, minima and maxima of a series' runs.
"use strict";

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** { n, wall, rss | null, cpu | null } ({median, min, max} each) of a series with at least one run. */
function summarize(series) {
  const w = series.runs.map((r) => r.wallS);
  const m = series.runs.map((r) => r.rssMB).filter((x) => x !== null);
  const c = series.runs.map((r) => r.cpuS).filter((x) => x !== null && x !== undefined);
  if (!w.length) return null;
  const agg = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  return { n: w.length, wall: agg(w), rss: m.length ? agg(m) : null, cpu: c.length === w.length ? agg(c) : null };
}

/** Least-squares line y = a + b x, with R^2. */
function linearFit(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const b = sxx ? sxy / sxx : 0;
  const a = my - b * mx;
  return { a, b, r2: syy ? (sxy * sxy) / (sxx * syy) : 1 };
}

module.exports = { median, summarize, linearFit };
