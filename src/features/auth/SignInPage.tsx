import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { isApiError } from '../../api/errors';
import { apiErrorView } from '../../components/apiErrorView';
import { useSession, useSignIn } from './authApi';
import { safeNext } from './signInTarget';

/**
 * `/sign-in`: per-user sign-in with an OCP account. The server checks the account against OCP and
 * keeps the credentials in its sealed cookie; this page never stores them.
 */
export function SignInPage() {
  const { t } = useTranslation('auth');
  useTranslation('errors');
  const [, navigate] = useLocation();
  const next = safeNext(useSearch());
  const session = useSession();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<'username' | 'password' | null>(null);

  useEffect(() => {
    document.title = t('signIn.documentTitle');
  }, [t]);
  // Nothing to do here when the console does not use sign-in, or someone is already signed in.
  const done = session.data !== undefined && (session.data.mode !== 'sign-in' || session.data.user !== undefined);
  useEffect(() => {
    if (done) navigate(next, { replace: true });
  }, [done, next, navigate]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (signIn.isPending) return;
    if (!username.trim()) return setMissing('username');
    if (!password) return setMissing('password');
    setMissing(null);
    signIn.mutate({ username: username.trim(), password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <Stack align="center" py="xl" px="md">
      <Paper withBorder radius="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Title order={1} size="h3">
              {t('signIn.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('signIn.intro')}
            </Text>
            {signIn.error && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert">
                {signInErrorText(signIn.error, t)}
              </Alert>
            )}
            <TextInput
              label={t('signIn.username')}
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              error={missing === 'username' ? t('signIn.usernameMissing') : undefined}
              required
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={missing === 'password' ? t('signIn.passwordMissing') : undefined}
              required
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

function signInErrorText(error: unknown, t: (key: string) => string): string {
  if (isApiError(error) && error.kind === 'http' && !error.fault) {
    if (error.status === 401) return t('signIn.refused');
    if (error.status === 403) return t('signIn.noTaskViewer');
  }
  const view = apiErrorView(error);
  return `${view.title}. ${view.message}`;
}
