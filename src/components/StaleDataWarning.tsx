import { Alert, Button, Group, Text } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { apiErrorView } from './apiErrorView';
import { formatDateTime } from './formatting';

/**
 * A poll failed after data was shown: keep the data on screen and say so quietly,
 * instead of replacing the page with an error.
 */
export function StaleDataWarning({
  error,
  dataUpdatedAt,
  polling,
  onRetry,
}: {
  error: unknown;
  /** When the data on screen arrived (TanStack Query's `dataUpdatedAt`). */
  dataUpdatedAt: number;
  /** Polls will keep trying on their own (say "retrying"); otherwise only Retry now helps. */
  polling: boolean;
  /** Asks at once instead of waiting for the next poll or backoff. */
  onRetry: () => void;
}) {
  const view = apiErrorView(error);
  const shownAt = formatDateTime(new Date(dataUpdatedAt).toISOString());
  return (
    <Alert color="yellow" variant="light" radius={0} py={6} icon={<IconWifiOff size={16} />} role="status">
      <Group gap="sm" wrap="nowrap" justify="space-between">
        <Text size="sm">
          Live updates failing: {view.title}. Showing the state from {shownAt}{polling ? '; retrying' : ''}.
        </Text>
        <Button size="compact-xs" variant="default" onClick={onRetry}>
          Retry now
        </Button>
      </Group>
    </Alert>
  );
}
