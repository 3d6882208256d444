type Tracked<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

/**
 * Records `promise`'s outcome on it the way React's `use()` reads one (`status`, `value`, `reason`),
 * so a component reading an already-settled promise renders at once instead of suspending: React
 * shows the fallback for that tick and then holds the reveal for up to 300 ms (its Suspense throttle).
 * Also keeps a rejection from being reported as unhandled; it surfaces where `use()` reads it.
 */
export function trackPromise<T>(promise: Promise<T>): Promise<T> {
  const tracked: Tracked<T> = promise;
  tracked.status = 'pending';
  promise.then(
    (value) => {
      tracked.status = 'fulfilled';
      tracked.value = value;
    },
    (reason: unknown) => {
      tracked.status = 'rejected';
      tracked.reason = reason;
    },
  );
  return promise;
}
