/** Timing helpers: every reported figure is a median over several runs. */
export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Timed<T> {
  /** Median milliseconds (wall). */
  ms: number;
  runs: number[];
  /** The process's CPU time (user + system, all its threads) per run, ms: less sensitive to other load. */
  cpuMs: number;
  cpuRuns: number[];
  result: T;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; the median wall time in ms. */
export function timeSync<T>(fn: () => T, runs: number, warmup = 1): Timed<T> {
  let result!: T;
  for (let i = 0; i < warmup; i++) result = fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(times), runs: times, cpuMs: median(cpu), cpuRuns: cpu, result };
}

export const round = (x: number, digits = 2): number => {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Quantile by linear interpolation (q in [0, 1]). */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo]! + (s[hi]! - s[lo]!) * (at - lo);
}

/** How a figure spreads over its runs: min, quartiles, max. */
export interface Spread {
  n: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
}

export function spread(xs: readonly number[], digits = 2): Spread {
  return {
    n: xs.length,
    min: round(Math.min(...xs), digits),
    p25: round(quantile(xs, 0.25), digits),
    median: round(median(xs), digits),
    p75: round(quantile(xs, 0.75), digits),
    max: round(Math.max(...xs), digits),
  };
}
