import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs` while `enabled` (a live duration while something runs).
 * When disabled nothing ticks and the value stays where it was: callers only read it for running things.
 */
export function useNow(intervalMs: number, enabled: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return undefined;
    // Catch up at once when ticking (re)starts, e.g. a FAILED task that has just started rolling back.
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs, enabled]);
  return now;
}
