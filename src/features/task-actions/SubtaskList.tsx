import { Group, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance } from '../../api/schemas';
import { SubtaskDisplayBadge } from '../../components/StatusBadge';
import { subtaskDisplayStatus } from '../../components/subtaskStatus';

/** Enough to judge the reach; a 5,000-subtask list would only slow the dialog down. */
export const LIST_LIMIT = 200;

/** Subtasks an operation touches, numbered in the order given, each with its status and id. */
export function SubtaskList({ subtasks, label }: { subtasks: readonly SubtaskInstance[]; label: string }) {
  const { t } = useTranslation('actions');
  const shown = subtasks.slice(0, LIST_LIMIT);
  const hidden = subtasks.length - shown.length;
  return (
    <div>
      <ScrollArea.Autosize mah="min(40vh, 20rem)" type="auto" offsetScrollbars>
        <ol aria-label={label} style={{ margin: 0, paddingLeft: '2.75rem' }}>
          {shown.map((s) => (
            <li key={s.id} data-subtask-id={s.id} style={{ padding: '2px 0' }}>
              <Group gap="xs" wrap="nowrap" miw={0}>
                <span style={{ flexShrink: 0 }}>
                  <SubtaskDisplayBadge status={subtaskDisplayStatus(s)} size="sm" />
                </span>
                <Text size="sm" truncate="end" title={s.name} miw={0}>
                  {s.name}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
                  #{s.id}
                </Text>
              </Group>
            </li>
          ))}
        </ol>
      </ScrollArea.Autosize>
      {hidden > 0 && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('effect.andMore', { count: hidden })}
        </Text>
      )}
    </div>
  );
}
