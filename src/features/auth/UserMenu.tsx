import { Button, Group, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { setSignInRequiredHandler } from '../../api/client';
import type { SessionInfo } from '../../api/consoleProtocol';
import { sessionKey, useSession, useSignOut } from './authApi';
import { SIGN_IN_PATH, signInUrl } from './signInTarget';

/**
 * The top bar's "who is acting": the signed-in person with a Sign out button, or the service account
 * everyone acts as. Also sends the browser to the sign-in page whenever the server asks for a sign-in.
 */
export function UserMenu() {
  const { t } = useTranslation('auth');
  const { data } = useSession();
  const signOut = useSignOut();
  const [, navigate] = useLocation();
  useSignInRedirect();

  if (!data || data.mode === 'none' || !data.user) return null;
  if (data.mode === 'service-account') {
    return (
      <Text size="xs" c="dimmed" visibleFrom="sm">
        {t('user.serviceAccount', { user: data.user })}
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" visibleFrom="xs">
        {t('user.signedInAs', { user: data.user })}
      </Text>
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconLogout size={14} aria-hidden />}
        loading={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate(SIGN_IN_PATH) })}
      >
        {t('user.signOut')}
      </Button>
    </Group>
  );
}

function useSignInRedirect() {
  const queryClient = useQueryClient();
  const [location, navigate] = useLocation();
  useEffect(() => {
    setSignInRequiredHandler(() => {
      queryClient.setQueryData(sessionKey, { mode: 'sign-in' } satisfies SessionInfo);
      if (location !== SIGN_IN_PATH) navigate(signInUrl(location + window.location.search), { replace: true });
    });
    return () => setSignInRequiredHandler(undefined);
  }, [queryClient, location, navigate]);
}
