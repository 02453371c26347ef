/**
 * "Did you mean ...?" for a mistyped option or command: the known word nearest to what was typed, by optimal string
 * alignment distance (Levenshtein plus swapping two neighbouring letters, so `fromat` is one edit from `format`).
 */

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`, no substring edited twice. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The known word closest to `typed`, or undefined when none is close: at most one edit per three letters of the
 * longer word (at least one), so short words only match near-misses. A typed word that starts exactly one known
 * word (3 letters or more: `out` for `output`) matches that word. Ties go to the first word in `known`.
 */
export function closestWord(typed: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const word of known) {
    const distance = editDistance(typed, word);
    const allowed = Math.max(1, Math.floor(Math.max(typed.length, word.length) / 3));
    if (distance <= allowed && distance < bestDistance) {
      best = word;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return best;
  const starting = typed.length >= 3 ? known.filter((w) => w.startsWith(typed)) : [];
  return starting.length === 1 ? starting[0] : undefined;
}
