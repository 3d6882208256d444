import { Anchor, Button, Code, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { apiErrorView, type ErrorContext, type ErrorDetail } from './apiErrorView';

export interface ErrorStateProps {
  title: string;
  message: string;
  details?: readonly ErrorDetail[];
  /** Shows a Retry button when given. */
  onRetry?: (() => void) | undefined;
  /** Disables Retry while the retry is in flight. */
  retrying?: boolean;
  /** Shows a "Back to tasks" link to the list. */
  backLink?: boolean;
  /** Label for the retry button (default "Retry"; error boundaries say "Try again"). */
  retryLabel?: string;
}

/** A failure explained in place: what happened, the facts to quote, and the ways out. */
export function ErrorState({
  title,
  message,
  details = [],
  onRetry,
  retrying = false,
  backLink = false,
  retryLabel,
}: ErrorStateProps) {
  const { t } = useTranslation('errors');
  return (
    <Paper withBorder p="lg" radius="sm" maw={720} w="100%" mx="auto" my="xl" role="alert">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon color="red" variant="light" size="lg" radius="xl" aria-hidden>
          <IconAlertTriangle size={20} />
        </ThemeIcon>
        <Stack gap="xs" miw={0} style={{ flex: 1 }}>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {message}
          </Text>
          {details.length > 0 && (
            <Stack gap={2} component="dl" m={0}>
              {details.map((d) => (
                <Group key={d.label} gap="xs" wrap="nowrap" align="baseline">
                  <Text component="dt" size="xs" c="dimmed" w={90} style={{ flexShrink: 0 }}>
                    {d.label}
                  </Text>
                  <Text component="dd" size="xs" m={0} style={{ overflowWrap: 'anywhere' }}>
                    <Code>{d.value}</Code>
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
          {(onRetry || backLink) && (
            <Group gap="sm" mt="xs">
              {onRetry && (
                <Button size="xs" leftSection={<IconRefresh size={14} />} onClick={onRetry} loading={retrying}>
                  {retryLabel ?? t('state.retry')}
                </Button>
              )}
              {backLink && (
                <Anchor component={Link} to="/" size="sm">
                  <Group gap={4} component="span">
                    <IconArrowLeft size={14} aria-hidden />
                    {t('state.backToTasks')}
                  </Group>
                </Anchor>
              )}
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** ErrorState for an error from the OCP client, worded by `apiErrorView`. */
export function ApiErrorState({
  error,
  onRetry,
  retrying,
  ...context
}: { error: unknown; onRetry?: () => void; retrying?: boolean } & ErrorContext) {
  useTranslation('errors'); // apiErrorView reads this catalog: load it (and re-render on a language change)
  const view = apiErrorView(error, context);
  return (
    <ErrorState
      title={view.title}
      message={view.message}
      details={view.details}
      onRetry={view.retry ? onRetry : undefined}
      retrying={retrying ?? false}
      backLink={view.backLink}
    />
  );
}
