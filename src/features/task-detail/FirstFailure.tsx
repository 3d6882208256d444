import { Anchor, Badge, Group, Text } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInstance } from '../../api/schemas';
import { formatDateTime } from '../../components/formatting';
import { failuresInOrder } from '../../components/subtaskStatus';
import { FailureNav } from './FailureNav';

interface FirstFailureProps {
  task: TaskInstance;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The header's answer to "where did it go wrong": the subtask that failed first, and a way through the others. */
export function FirstFailure({ task, selectedId, onSelect }: FirstFailureProps) {
  const { t } = useTranslation('detail');
  const failures = useMemo(() => failuresInOrder(task.subtasks), [task.subtasks]);
  const first = failures[0];
  if (!first) return null;
  return (
    <Group gap="xs" wrap="wrap" data-testid="first-failure">
      <Badge color="red" variant="filled" size="sm" leftSection={<IconFlag size={12} aria-hidden />}>
        {t('failure.first')}
      </Badge>
      <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onSelect(first.id)} style={{ overflowWrap: 'anywhere' }}>
        {first.name}{' '}
        <Text span size="xs" c="dimmed" ff="monospace">
          #{first.id}
        </Text>
      </Anchor>
      {first.finishTime && (
        <Text size="xs" c="dimmed">
          {t('failure.failedAt', { time: formatDateTime(first.finishTime) })}
        </Text>
      )}
      <FailureNav failures={failures} selectedId={selectedId} onSelect={onSelect} />
    </Group>
  );
}
