import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubtaskStatus, TaskOperation, TaskStatus } from '../api/schemas';
import { SUBTASK_STATUS_META, TASK_STATUS_META, taskDisplayStatus, type StatusMeta } from './status';
import { subtaskDisplayMeta, type SubtaskDisplayStatus } from './subtaskStatus';

function MetaBadge({ meta, size = 'md' }: { meta: StatusMeta; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const Icon = meta.icon;
  return (
    <Badge
      size={size}
      variant="light"
      color={meta.color}
      leftSection={<Icon size={14} aria-hidden />}
      style={{ color: meta.color, backgroundColor: meta.tint, border: `1px solid ${meta.color}` }}
    >
      {t(meta.labelKey)}
    </Badge>
  );
}

/** A task's status as an operator should read it ("Rolled back", never a plain "Successful" after a rollback). */
export function TaskStatusBadge({ task, size }: { task: { status: TaskStatus; operation: TaskOperation }; size?: 'sm' | 'md' | 'lg' }) {
  const display = taskDisplayStatus(task);
  return <MetaBadge meta={TASK_STATUS_META[display]} size={size ?? 'md'} />;
}

export function SubtaskStatusBadge({ status, size }: { status: SubtaskStatus; size?: 'sm' | 'md' | 'lg' }) {
  return <MetaBadge meta={SUBTASK_STATUS_META[status]} size={size ?? 'md'} />;
}

/** A subtask as an operator should read it: "Rolled back" rather than "Pending" for what a rollback undid. */
export function SubtaskDisplayBadge({ status, size }: { status: SubtaskDisplayStatus; size?: 'sm' | 'md' | 'lg' }) {
  useTranslation('detail'); // the derived labels live there: load them before reading
  return <MetaBadge meta={subtaskDisplayMeta(status)} size={size ?? 'md'} />;
}
