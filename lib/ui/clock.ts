/** One shared minute clock for "5 minutes ago" labels, so they stay true on a page left open. */
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

/** The time now: read at each render, and the component rendered again every minute. */
export function useNow(): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const tick = () => setTick((n) => n + 1);
    listeners.add(tick);
    timer ??= setInterval(() => {
      for (const l of listeners) l();
    }, 60_000);
    return () => {
      listeners.delete(tick);
      if (!listeners.size && timer !== undefined) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  }, []);
  return Date.now();
}
