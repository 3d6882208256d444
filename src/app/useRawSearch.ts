import { useRouter } from 'wouter';

/**
 * The URL's query string as the address bar has it ("?a=1", or "" when there is none).
 * Not wouter's useSearch(): that one runs decodeURI over the query, so parsing it again with
 * URLSearchParams would decode twice ("%2541" would come back as "A" instead of "%41").
 */
export function useRawSearch(): string {
  const router = useRouter();
  // The memory location used in tests gives the query without its "?"; the browser's has it.
  const raw = router.searchHook(router);
  return raw === '' || raw.startsWith('?') ? raw : `?${raw}`;
}
