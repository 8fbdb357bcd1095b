/** Timing helpers: every reported figure is a median over several runs. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Timed<T> {
  /** Median milliseconds. */
  ms: number;
  runs: number[];
  result: T;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; the median wall time in ms. */
export function timeSync<T>(fn: () => T, runs: number, warmup = 1): Timed<T> {
  let result!: T;
  for (let i = 0; i < warmup; i++) result = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), runs: times, result };
}

export const round = (x: number, digits = 2): number => {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
