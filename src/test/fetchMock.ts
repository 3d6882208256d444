import { vi } from 'vitest';

/** OCP's success envelope around `data`, as the real server sends it. */
export function okEnvelope(data: unknown, traceId = 'trace-ok') {
  return { data, duration: 3, server: 'test', status: 200, successful: true, timestamp: '2024-05-01T10:00:00.000+08:00', traceId };
}

/** OCP's failure envelope. */
export function errorEnvelope(status: number, message: string, code?: number, traceId = 'trace-err') {
  return {
    duration: 1,
    error: code === undefined ? { message } : { code, message },
    server: 'test',
    status,
    successful: false,
    timestamp: '2024-05-01T10:00:00.000+08:00',
    traceId,
  };
}

/** The URL a `fetch` call asked for, whichever form its first argument took. */
export function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/**
 * Spies on `fetch` and answers with `reply(url)` → [httpStatus, body]. Returns the spy; `requestedUrls`
 * lists every URL asked for, as `URL`s, for asserting the query string.
 */
export function mockFetch(reply: (url: URL) => [number, unknown]) {
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
    const [status, body] = reply(new URL(requestUrl(input), 'http://localhost'));
    return Promise.resolve(jsonResponse(body, status));
  });
  const requestedUrls = () => spy.mock.calls.map(([input]) => new URL(requestUrl(input), 'http://localhost'));
  return { spy, requestedUrls };
}
