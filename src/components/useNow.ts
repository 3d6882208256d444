import { useSyncExternalStore } from 'react';

/**
 * One shared, coarse clock for live durations (header, side panel, graph nodes): a single interval for
 * every subscriber rather than one timer each, running only while something subscribes.
 */
const TICK_MS = 1_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getNow = () => now;
const noSubscription = () => () => {};

/**
 * The current time, re-read every second while `live`; when not live nothing ticks (callers only use it
 * for things still running). Subscribing refreshes the clock, and React re-reads it right after.
 */
export function useNow(live = true): number {
  return useSyncExternalStore(live ? subscribe : noSubscription, getNow, getNow);
}

/**
 * Something derived from the clock, `select(now)`, re-rendering the caller only when that changes: a
 * view that needs the time only coarsely (the timeline's axis end, in steps) reads it here and skips the
 * ticks in between. `select` must return a primitive (compared with Object.is).
 */
export function useNowSelect<T extends string | number | boolean>(live: boolean, select: (now: number) => T): T {
  const snapshot = () => select(getNow());
  return useSyncExternalStore(live ? subscribe : noSubscription, snapshot, snapshot);
}
