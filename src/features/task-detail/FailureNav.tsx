import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance } from '../../api/schemas';

interface FailureNavProps {
  /** FAILED subtasks in the order they failed (failuresInOrder). */
  failures: readonly SubtaskInstance[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * "Failure 2 of 5" with Previous / Next failure, stepping through the failed subtasks in the order they
 * failed. From a selection that is not a failure, Next goes to the first failure and Previous to the last.
 */
export function FailureNav({ failures, selectedId, onSelect }: FailureNavProps) {
  const { t } = useTranslation('detail');
  if (failures.length < 2) return null;
  const at = failures.findIndex((s) => s.id === selectedId);
  const n = failures.length;
  const previous = failures[at < 0 ? n - 1 : (at - 1 + n) % n] as SubtaskInstance;
  const next = failures[at < 0 ? 0 : (at + 1) % n] as SubtaskInstance;
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('failure.navLabel')}>
      <Tooltip label={t('failure.previous')} withArrow>
        <ActionIcon variant="default" size="sm" aria-label={t('failure.previous')} onClick={() => onSelect(previous.id)}>
          <IconChevronLeft size={14} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} aria-live="polite">
        {at < 0 ? t('failure.count', { count: n }) : t('failure.position', { index: at + 1, count: n })}
      </Text>
      <Tooltip label={t('failure.next')} withArrow>
        <ActionIcon variant="default" size="sm" aria-label={t('failure.next')} onClick={() => onSelect(next.id)}>
          <IconChevronRight size={14} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
