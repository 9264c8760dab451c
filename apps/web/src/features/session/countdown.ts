import { useEffect, useState } from 'react';

/** `4:05` for 245 000 ms; never negative. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** How often to look at the clock while the deadline is still far off. */
const SLOW_TICK_MS = 15_000;

/**
 * Milliseconds left until `deadline` (epoch ms), re-read every second once fewer than `secondsWithin`
 * ms are left and only now and then before, so a far-off deadline costs next to no renders.
 */
export function useTimeLeft(deadline: number, secondsWithin: number): number {
  const [now, setNow] = useState(() => Date.now());
  const left = deadline - now;
  useEffect(() => {
    const delay = left <= secondsWithin ? 1000 : Math.min(SLOW_TICK_MS, left - secondsWithin);
    const timer = window.setTimeout(() => setNow(Date.now()), Math.max(delay, 250));
    return () => window.clearTimeout(timer);
  }, [left, secondsWithin]);
  return left;
}
