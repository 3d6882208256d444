import { Anchor, Badge, CloseButton, DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance, TaskInstance } from '../../api/schemas';
import { formatDuration } from '../../components/formatting';
import { SubtaskDisplayBadge } from '../../components/StatusBadge';
import { failuresInOrder, subtaskDisplayStatus } from '../../components/subtaskStatus';
import { FailureNav } from './FailureNav';
import { InfoItem } from './InfoItem';
import { LiveDuration } from './LiveDuration';
import { SubtaskLinks } from './SubtaskLinks';
import { Timestamp } from './Timestamp';

export interface SubtaskPanelProps {
  task: TaskInstance;
  subtaskId: string | null;
  onSelect: (id: string) => void;
  onClose: () => void;
  /** The subtask's operations (Retry, Set to successful, Stop), composed by the page. */
  actions?: ReactNode;
  /** The subtask's log ("Why it failed" first), shown under the heading; composed by the page (features do not import each other). */
  renderLog?: (subtask: SubtaskInstance) => ReactNode;
}

function PanelFrame({ labelledBy, onClose, children }: { labelledBy: string; onClose: () => void; children: ReactNode }) {
  // Non-modal: Escape inside the panel closes it, the graph beside it stays usable.
  const onKeyDown = (e: KeyboardEvent) => {
    // A dialog opened from the panel is portalled out of it, but its keys still bubble here through
    // React: only an Escape pressed in the panel itself is the panel's.
    if (e.key === 'Escape' && !e.defaultPrevented && e.currentTarget.contains(e.target as Node)) onClose();
  };
  return (
    <Paper
      component="section"
      aria-labelledby={labelledBy}
      p="md"
      onKeyDown={onKeyDown}
      style={{ display: 'flex', flexDirection: 'column', maxHeight: '100%', minHeight: 0 }}
    >
      {children}
    </Paper>
  );
}

function SubtaskFields({ subtask }: { subtask: SubtaskInstance }) {
  const { t } = useTranslation('detail');
  const s = subtask;
  const none = t('value.none');
  const display = subtaskDisplayStatus(s);
  return (
    <DataList size="sm" gap={6} labelWidth="7.5rem">
      <InfoItem label={t('field.id')}>
        <Text span inherit ff="monospace">
          {s.id}
        </Text>
      </InfoItem>
      {/* The name is the heading; the description only when it says something else (OCP usually repeats the name). */}
      {s.description !== s.name && <InfoItem label={t('field.description')}>{s.description}</InfoItem>}
      <InfoItem label={t('field.status')}>
        <Group gap={6} wrap="wrap" data-status={s.status}>
          <SubtaskDisplayBadge status={display} size="sm" />
          {display !== s.status && (
            <Text span size="xs" c="dimmed" ff="monospace">
              {s.status}
            </Text>
          )}
        </Group>
      </InfoItem>
      <InfoItem label={t('field.operation')}>{s.operation}</InfoItem>
      <InfoItem label={t('field.seriesId')}>{s.seriesId ?? none}</InfoItem>
      <InfoItem label={t('field.nodeType')}>{s.nodeType ?? none}</InfoItem>
      <InfoItem label={t('field.executor')}>{s.executor ?? none}</InfoItem>
      <InfoItem label={t('field.runs')}>{s.runTime}</InfoItem>
      <InfoItem label={t('field.timeout')}>
        {s.timeout === undefined ? (
          none
        ) : (
          <span title={t('value.timeoutTitle', { seconds: s.timeout })}>{formatDuration(s.timeout * 1000)}</span>
        )}
      </InfoItem>
      <InfoItem label={t('field.parallelIdx')}>{s.parallelIdx < 0 ? t('value.notParallel') : s.parallelIdx}</InfoItem>
      <InfoItem label={t('field.prohibitsRollback')}>{s.prohibitRollback ? t('value.yes') : t('value.no')}</InfoItem>
      <InfoItem label={t('field.created')}>
        <Timestamp iso={s.createTime} />
      </InfoItem>
      <InfoItem label={t('field.started')}>
        <Timestamp iso={s.startTime} />
      </InfoItem>
      <InfoItem label={t('field.finished')}>
        <Timestamp iso={s.finishTime} />
      </InfoItem>
      <InfoItem label={t('field.duration')}>
        <LiveDuration start={s.startTime} finish={s.finishTime} running={s.status === 'RUNNING' || s.status === 'CANCELING'} />
      </InfoItem>
    </DataList>
  );
}

/** For a failed subtask: whether it is the first failure, and a way through the others. */
function FailurePlace({ task, subtask, onSelect }: { task: TaskInstance; subtask: SubtaskInstance; onSelect: (id: string) => void }) {
  const { t } = useTranslation('detail');
  const failures = useMemo(() => failuresInOrder(task.subtasks), [task.subtasks]);
  const first = failures[0];
  if (subtask.status !== 'FAILED' || !first) return null;
  return (
    <Group gap="xs" wrap="wrap" justify="space-between">
      {first.id === subtask.id ? (
        <Badge color="red" variant="filled" size="sm" leftSection={<IconFlag size={12} aria-hidden />}>
          {t('failure.first')}
        </Badge>
      ) : (
        <Text size="xs">
          <Anchor component="button" type="button" size="xs" onClick={() => onSelect(first.id)}>
            {t('failure.notFirst', { name: first.name })}
          </Anchor>
        </Text>
      )}
      <FailureNav failures={failures} selectedId={subtask.id} onSelect={onSelect} />
    </Group>
  );
}

/** The selected subtask: what it is, where it stands, what can be done with it. Renders nothing when none is selected. */
export function SubtaskPanel({ task, subtaskId, onSelect, onClose, actions, renderLog }: SubtaskPanelProps) {
  const { t } = useTranslation('detail');
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // When a link is followed, the clicked button may disappear: move focus to the new heading, not to <body>.
  const followedLink = useRef(false);
  const byId = useMemo(() => new Map(task.subtasks.map((s) => [s.id, s])), [task.subtasks]);

  useEffect(() => {
    if (!followedLink.current) return;
    followedLink.current = false;
    headingRef.current?.focus();
  }, [subtaskId]);

  if (subtaskId === null) return null;
  const subtask = byId.get(subtaskId);
  const close = <CloseButton aria-label={t('panel.close')} onClick={onClose} style={{ flexShrink: 0 }} />;

  if (!subtask) {
    return (
      <PanelFrame labelledBy={headingId} onClose={onClose}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h5" id={headingId}>
            {t('panel.notInTask', { id: subtaskId })}
          </Title>
          {close}
        </Group>
      </PanelFrame>
    );
  }

  const follow = (id: string) => {
    followedLink.current = true;
    onSelect(id);
  };
  const display = subtaskDisplayStatus(subtask);
  return (
    <PanelFrame labelledBy={headingId} onClose={onClose}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" mb="xs">
        <Title order={2} size="h4" id={headingId} ref={headingRef} tabIndex={-1} style={{ overflowWrap: 'anywhere' }}>
          {subtask.name}
        </Title>
        {close}
      </Group>
      <Stack gap="md" style={{ overflowY: 'auto', minHeight: 0 }}>
        <FailurePlace task={task} subtask={subtask} onSelect={follow} />
        {renderLog?.(subtask)}
        {actions}
        {display === 'ROLLED_BACK' && <Text size="sm">{t('panel.rolledBackNote')}</Text>}
        {display === 'ROLLBACK_SKIPPED' && <Text size="sm">{t('panel.rollbackSkippedNote')}</Text>}
        <SubtaskFields subtask={subtask} />
        <SubtaskLinks key={`up-${subtask.id}`} label={t('panel.upstreams')} ids={subtask.upstreams} byId={byId} onSelect={follow} />
        <SubtaskLinks key={`down-${subtask.id}`} label={t('panel.downstreams')} ids={subtask.downstreams} byId={byId} onSelect={follow} />
      </Stack>
    </PanelFrame>
  );
}
