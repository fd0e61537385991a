// The keystroke script and its statistics, exactly as benches/support/script.rs
// computes them for Waypoint (native and wasm), so every library is timed on
// the same keystrokes and summarised the same way.

/** The script's queries: one a line; blank lines and `#` comments skipped. */
export function queries(script) {
  return script.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** Every prefix as typed, then every prefix as deleted, down to nothing. */
export function keystrokes(qs) {
  const keys = [];
  for (const q of qs) {
    const chars = [...q];
    for (let i = 1; i <= chars.length; i++) keys.push(chars.slice(0, i).join(''));
    for (let i = chars.length - 1; i >= 1; i--) keys.push(chars.slice(0, i).join(''));
    keys.push('');
  }
  return keys;
}

/** Nearest-rank percentile of sorted values (the median of an even count is
 *  the mean of the middle two). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  if (p === 50) {
    const m = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 0 ? (sorted[m - 1] + sorted[m]) / 2 : sorted[m];
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

export function median(v) {
  return percentile([...v].sort((a, b) => a - b), 50);
}
