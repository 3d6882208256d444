import { Group } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInstance } from '../../api/schemas';
import { ActionLauncher } from './ActionLauncher';
import { SUBTASK_ACTION_KINDS, subtaskActionSpec } from './actionSpecs';

/** Retry, Set to successful (or Skip rollback step) and Stop for one subtask, as OCP's console offers them. */
export function SubtaskActions({ task, subtaskId }: { task: TaskInstance; subtaskId: string }) {
  const { t } = useTranslation('actions');
  const specs = useMemo(() => SUBTASK_ACTION_KINDS.map((kind) => subtaskActionSpec(kind, subtaskId)), [subtaskId]);
  return (
    <Group gap="xs" role="group" aria-label={t('subtaskActions')}>
      {specs.map((spec) => (
        <ActionLauncher key={spec.action.kind} task={task} spec={spec} variant="default" size="xs" />
      ))}
    </Group>
  );
}
