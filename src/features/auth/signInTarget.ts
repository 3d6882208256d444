/** `/sign-in?next=…`: where to go after signing in. */
export const SIGN_IN_PATH = '/sign-in';

export function signInUrl(next: string): string {
  return next && next !== '/' ? `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}` : SIGN_IN_PATH;
}

/**
 * The `next` parameter, only when it is a path inside the console: never another origin
 * (`//evil.example`, `https://…`, `/\evil`), never the sign-in page itself.
 */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  if (next === SIGN_IN_PATH || next.startsWith(`${SIGN_IN_PATH}?`)) return '/';
  return next;
}
