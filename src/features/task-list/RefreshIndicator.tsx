import { Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../components/formatting';
import { useNow } from '../../components/useNow';

/**
 * Says, quietly, that the list refreshes itself (and how often) while a task on the page runs, and how
 * old the rows are; nothing when it does not. Only the first part is a live region, so a screen reader
 * hears when refreshing starts, not every second of "updated 3 s ago".
 */
export function RefreshIndicator({ intervalMs, updatedAt }: { intervalMs: number | false; updatedAt: number }) {
  const { t } = useTranslation('list');
  const polling = intervalMs !== false;
  const now = useNow(polling);
  const age = Math.floor(Math.max(0, now - updatedAt) / 1000) * 1000;
  return (
    <Group gap={6} wrap="wrap" mih={20}>
      <Text role="status" aria-label={t('refresh.region')} size="sm" c="dimmed" span>
        {polling && (
          <Group gap={6} wrap="nowrap" component="span">
            <IconRefresh size={14} aria-hidden />
            {t('refresh.every', { interval: formatDuration(intervalMs) })}
          </Group>
        )}
      </Text>
      {polling && (
        <Text size="sm" c="dimmed" span style={{ fontVariantNumeric: 'tabular-nums' }}>
          {age < 1000 ? t('refresh.updatedNow') : t('refresh.updated', { age: formatDuration(age) })}
        </Text>
      )}
    </Group>
  );
}
