import { Group, ScrollArea, Text } from '@mantine/core';
import type { SubtaskInstance } from '../../api/schemas';
import { SubtaskStatusBadge } from '../../components/StatusBadge';

/** Enough to judge the reach; a 5,000-subtask list would only slow the dialog down. */
export const PLAN_LIST_LIMIT = 200;

/** The subtasks a rollback undoes, numbered in the engine's order. */
export function RollbackPlanList({ plan }: { plan: readonly SubtaskInstance[] }) {
  const shown = plan.slice(0, PLAN_LIST_LIMIT);
  const hidden = plan.length - shown.length;
  return (
    <div>
      <ScrollArea.Autosize mah="min(50vh, 24rem)" type="auto" offsetScrollbars>
        <ol aria-label="Subtasks to undo, in order" style={{ margin: 0, paddingLeft: '2.75rem' }}>
          {shown.map((s) => (
            <li key={s.id} data-subtask-id={s.id} style={{ padding: '2px 0' }}>
              <Group gap="xs" wrap="nowrap" miw={0}>
                <span style={{ flexShrink: 0 }}>
                  <SubtaskStatusBadge status={s.status} size="sm" />
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
          and {hidden.toLocaleString('en-US')} more
        </Text>
      )}
    </div>
  );
}
