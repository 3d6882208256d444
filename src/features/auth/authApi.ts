import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { send } from '../../api/client';
import type { SessionInfo } from '../../api/consoleProtocol';
import { ApiError } from '../../api/errors';

/**
 * The console's own sign-in endpoints (served by its server, not OCP): who acts towards OCP, and
 * signing in and out. The password goes to the server once and lives only in its sealed cookie.
 */
export const sessionKey = ['console', 'session'] as const;

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

async function failure(res: Response): Promise<ApiError> {
  const body = (await readJson(res)) as { error?: { message?: unknown } } | undefined;
  const message = typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${res.status}`;
  return new ApiError({ kind: 'http', status: res.status, message });
}

function asSessionInfo(value: unknown): SessionInfo {
  const v = value as Partial<SessionInfo> | undefined;
  const mode = v?.mode === 'service-account' || v?.mode === 'sign-in' ? v.mode : 'none';
  return typeof v?.user === 'string' ? { mode, user: v.user } : { mode };
}

export async function fetchSession(signal?: AbortSignal): Promise<SessionInfo> {
  const res = await send('/auth/session', { method: 'GET', signal });
  if (!res.ok) throw await failure(res);
  return asSessionInfo(await readJson(res));
}

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: sessionKey, queryFn: ({ signal }) => fetchSession(signal), staleTime: 60_000, retry: false });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

export async function signIn(username: string, password: string): Promise<SessionInfo> {
  await i18next.loadNamespaces('errors');
  const res = await send('/auth/sign-in', { method: 'POST', body: JSON.stringify({ username, password }), timeoutMs: 40_000 });
  if (!res.ok) throw await failure(res);
  return asSessionInfo(await readJson(res));
}

/** Signs in; on success forgets everything cached for whoever was here before. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => signIn(username, password),
    onSuccess: (session) => {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const res = await send('/auth/sign-out', { method: 'POST', timeoutMs: 15_000 });
      if (!res.ok) throw await failure(res);
    },
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, { mode: 'sign-in' } satisfies SessionInfo);
    },
  });
}
