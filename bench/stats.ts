// What every benchmark shares: percentiles, a timing loop with warm-up, and aligned output lines.

/** The p-th percentile (nearest rank) of a sample. */
export const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

/** "p50 / p95 ms" of a sample. */
export const p50p95 = (xs: number[]) => `${pct(xs, 50).toFixed(2)} / ${pct(xs, 95).toFixed(2)} ms`;

/** Seconds since `t0` (a performance.now() reading), one decimal. */
export const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

/** A count with thousands separators (1,048,576). */
export const fmtN = (n: number) => n.toLocaleString('en-US');

/** A printer of "label   value" lines with the labels padded to one width. */
export const lineWriter = (width: number) => (label: string, value: string) => console.log(`${label.padEnd(width)} ${value}`);

/** Runs `fn` `warmup` times unmeasured (capped at n), then n times, returning each run's milliseconds. */
export async function timeIt(n: number, fn: (i: number) => Promise<unknown>, warmup = 50): Promise<number[]> {
  for (let i = 0; i < Math.min(warmup, n); i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); await fn(i); out.push(performance.now() - t0); }
  return out;
}
