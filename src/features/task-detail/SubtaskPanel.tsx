import { CloseButton, DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { SubtaskInstance, TaskInstance } from '../../api/schemas';
import { formatDuration } from '../../components/formatting';
import { SubtaskStatusBadge } from '../../components/StatusBadge';
import { InfoItem } from './InfoItem';
import { LiveDuration } from './LiveDuration';
import { SubtaskLinks } from './SubtaskLinks';
import { Timestamp } from './Timestamp';

export interface SubtaskPanelProps {
  task: TaskInstance;
  subtaskId: string | null;
  onSelect: (id: string) => void;
  onClose: () => void;
  /** The subtask's log ("Why it failed" first), shown under the heading; composed by the page (features do not import each other). */
  renderLog?: (subtask: SubtaskInstance) => ReactNode;
}

function PanelFrame({ labelledBy, onClose, children }: { labelledBy: string; onClose: () => void; children: ReactNode }) {
  // Non-modal: Escape inside the panel closes it, the graph beside it stays usable.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) onClose();
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
  const s = subtask;
  return (
    <DataList size="sm" gap={6} labelWidth="7.5rem">
      <InfoItem label="ID">
        <Text span inherit ff="monospace">
          {s.id}
        </Text>
      </InfoItem>
      <InfoItem label="Name">{s.name}</InfoItem>
      <InfoItem label="Description">{s.description}</InfoItem>
      <InfoItem label="Status">
        <SubtaskStatusBadge status={s.status} size="sm" />
      </InfoItem>
      <InfoItem label="Operation">{s.operation}</InfoItem>
      <InfoItem label="Series ID">{s.seriesId ?? '—'}</InfoItem>
      <InfoItem label="Node type">{s.nodeType ?? '—'}</InfoItem>
      <InfoItem label="Executor">{s.executor ?? '—'}</InfoItem>
      <InfoItem label="Runs">{s.runTime}</InfoItem>
      <InfoItem label="Timeout">
        {s.timeout === undefined ? '—' : <span title={`${s.timeout} s`}>{formatDuration(s.timeout * 1000)}</span>}
      </InfoItem>
      <InfoItem label="Parallel index">{s.parallelIdx < 0 ? 'not parallel' : s.parallelIdx}</InfoItem>
      <InfoItem label="Prohibits rollback">{s.prohibitRollback ? 'Yes' : 'No'}</InfoItem>
      <InfoItem label="Created">
        <Timestamp iso={s.createTime} />
      </InfoItem>
      <InfoItem label="Started">
        <Timestamp iso={s.startTime} />
      </InfoItem>
      <InfoItem label="Finished">
        <Timestamp iso={s.finishTime} />
      </InfoItem>
      <InfoItem label="Duration">
        <LiveDuration start={s.startTime} finish={s.finishTime} running={s.status === 'RUNNING' || s.status === 'CANCELING'} />
      </InfoItem>
    </DataList>
  );
}

/** Every field of the selected subtask, with its neighbours as links. Renders nothing when none is selected. */
export function SubtaskPanel({ task, subtaskId, onSelect, onClose, renderLog }: SubtaskPanelProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // When a neighbour link is followed, the clicked button disappears: move focus to the new heading, not to <body>.
  const followedLink = useRef(false);
  const byId = useMemo(() => new Map(task.subtasks.map((s) => [s.id, s])), [task.subtasks]);

  useEffect(() => {
    if (!followedLink.current) return;
    followedLink.current = false;
    headingRef.current?.focus();
  }, [subtaskId]);

  if (subtaskId === null) return null;
  const subtask = byId.get(subtaskId);
  const close = <CloseButton aria-label="Close subtask details" onClick={onClose} style={{ flexShrink: 0 }} />;

  if (!subtask) {
    return (
      <PanelFrame labelledBy={headingId} onClose={onClose}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h5" id={headingId}>
            Subtask {subtaskId} is not part of this task
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
  return (
    <PanelFrame labelledBy={headingId} onClose={onClose}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" mb="xs">
        <Title order={2} size="h4" id={headingId} ref={headingRef} tabIndex={-1} style={{ overflowWrap: 'anywhere' }}>
          {subtask.name}
        </Title>
        {close}
      </Group>
      <Stack gap="md" style={{ overflowY: 'auto', minHeight: 0 }}>
        {renderLog?.(subtask)}
        <SubtaskFields subtask={subtask} />
        <SubtaskLinks key={`up-${subtask.id}`} label="Upstreams" ids={subtask.upstreams} byId={byId} onSelect={follow} />
        <SubtaskLinks key={`down-${subtask.id}`} label="Downstreams" ids={subtask.downstreams} byId={byId} onSelect={follow} />
      </Stack>
    </PanelFrame>
  );
}
