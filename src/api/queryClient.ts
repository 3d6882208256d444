import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './errors';

const MAX_RETRIES = 3;

/** No retry on 4xx or schema errors (asking again gives the same answer); backoff on network errors and 5xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error)) return error.isRetryable && failureCount < MAX_RETRIES;
  return false;
}

export function retryDelay(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 8_000);
}

/** The console's one query policy. Tests build their own with the same function. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 5_000,
        refetchOnWindowFocus: true,
      },
      // A mutation is never retried automatically: a rollback must be sent once.
      mutations: { retry: false },
    },
  });
}
