import { Alert, Button, Group, Text } from '@mantine/core';
import { IconClockPause, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiErrorView } from './apiErrorView';
import { formatDateTime, formatDuration } from './formatting';
import { useNow } from './useNow';

/** A poll still waiting after this long says how old the data on screen is. */
export const WAITING_NOTICE_MS = 3_000;

/**
 * Data on screen that may be out of date, said quietly instead of replacing the page: a poll failed
 * (`error`), or a poll has been waiting for OCP for a while (`fetching` for over WAITING_NOTICE_MS
 * since the data arrived). Renders nothing while polling is healthy.
 */
export function StaleDataWarning({
  error,
  dataUpdatedAt,
  polling,
  fetching = false,
  onRetry,
}: {
  /** The failed poll's error (pollFailure), or null. */
  error: unknown;
  /** When the data on screen arrived (TanStack Query's `dataUpdatedAt`). */
  dataUpdatedAt: number;
  /** Polls will keep trying on their own (say "retrying"); otherwise only Retry now helps. */
  polling: boolean;
  /** A request for fresh data is in flight. */
  fetching?: boolean;
  /** Asks at once instead of waiting for the next poll or backoff. */
  onRetry: () => void;
}) {
  const { t } = useTranslation('errors');
  const waitingLive = error == null && polling && fetching;
  const now = useNow(waitingLive);
  const time = formatDateTime(new Date(dataUpdatedAt).toISOString());

  let text: string;
  if (error != null) {
    const { title } = apiErrorView(error);
    text = t(polling ? 'stale.failingRetrying' : 'stale.failing', { title, time });
  } else if (waitingLive && now - dataUpdatedAt >= WAITING_NOTICE_MS) {
    text = t('stale.waiting', { time, age: formatDuration(now - dataUpdatedAt) });
  } else {
    return null;
  }
  const Icon = error != null ? IconWifiOff : IconClockPause;
  return (
    <Alert color="yellow" variant="light" radius={0} py={6} icon={<Icon size={16} />} role="status">
      <Group gap="sm" wrap="nowrap" justify="space-between">
        <Text size="sm">{text}</Text>
        {error != null && (
          <Button size="compact-xs" variant="default" onClick={onRetry}>
            {t('stale.retryNow')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
