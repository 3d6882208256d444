/**
 * The error to show as a quiet "live updates failing" warning once data is on screen: a failed
 * refetch, or a refetch being retried after a failure. Null when polling is healthy.
 */
export function pollFailure(query: { isRefetchError: boolean; error: unknown; failureCount: number; failureReason: unknown }): unknown {
  if (query.isRefetchError) return query.error;
  return query.failureCount > 0 ? query.failureReason : null;
}
