import { Group, Progress, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskInstance } from '../../api/schemas';
import { taskProgress } from './taskProgress';

/** "successful/total" with a bar segmented by status; the text carries the meaning, the bar is a glance. */
export function TaskProgress({ task }: { task: TaskInstance }) {
  const { t } = useTranslation('detail');
  const { total, text, segments } = taskProgress(task);
  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <Progress.Root size="md" w={160} aria-hidden style={{ flexShrink: 0 }}>
        {segments.map((s) => (
          <Tooltip key={s.key} label={t('progress.segment', { label: s.label, count: s.count })} withinPortal>
            <Progress.Section value={total > 0 ? (s.count / total) * 100 : 0} color={s.color} withAria={false} />
          </Tooltip>
        ))}
      </Progress.Root>
      <Text size="sm" data-testid="task-progress">
        {text}
      </Text>
    </Group>
  );
}
