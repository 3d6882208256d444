import { ActionIcon, CopyButton, DataList, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { TaskInstance } from '../../api/schemas';
import { TaskStatusBadge } from '../../components/StatusBadge';
import { InfoItem } from './InfoItem';
import { LiveDuration } from './LiveDuration';
import { TaskProgress } from './TaskProgress';
import { Timestamp } from './Timestamp';

function CopyTaskId({ id }: { id: string }) {
  return (
    <CopyButton value={id} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : 'Copy task id'} withArrow>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            size="sm"
            onClick={copy}
            aria-label={copied ? 'Task id copied' : 'Copy task id'}
          >
            {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** Who, what and when for one task, in a dense description list. Every name is rendered as text. */
export function TaskHeader({ task }: { task: TaskInstance }) {
  const { cluster, tenant } = task;
  return (
    <Stack gap="xs" component="header">
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1} size="h3" style={{ overflowWrap: 'anywhere' }}>
          {task.name}
        </Title>
        <TaskStatusBadge task={task} size="lg" />
      </Group>
      <Group gap="md" wrap="wrap">
        <Group gap={4} wrap="nowrap">
          <Text size="sm" c="dimmed">
            Task ID
          </Text>
          <Text size="sm" ff="monospace" data-testid="task-id">
            {task.id}
          </Text>
          <CopyTaskId id={task.id} />
        </Group>
        <TaskProgress task={task} />
      </Group>
      <DataList
        orientation="vertical"
        size="sm"
        gap="xs"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))', columnGap: 'var(--mantine-spacing-md)' }}
      >
        <InfoItem label="Operation">{task.operation}</InfoItem>
        <InfoItem label="Type">{task.type ?? '—'}</InfoItem>
        {cluster && <InfoItem label="Cluster">{cluster.type ? `${cluster.name} (${cluster.type})` : cluster.name}</InfoItem>}
        {tenant && <InfoItem label="Tenant">{tenant.mode ? `${tenant.name} (${tenant.mode})` : tenant.name}</InfoItem>}
        <InfoItem label="Creator">{task.creator?.name ?? '—'}</InfoItem>
        <InfoItem label="Executor">{task.executor ?? '—'}</InfoItem>
        <InfoItem label="Created">
          <Timestamp iso={task.createTime} />
        </InfoItem>
        <InfoItem label="Started">
          <Timestamp iso={task.startTime} />
        </InfoItem>
        <InfoItem label="Finished">
          <Timestamp iso={task.finishTime} />
        </InfoItem>
        <InfoItem label="Duration">
          <LiveDuration start={task.startTime} finish={task.finishTime} running={task.status === 'RUNNING'} />
        </InfoItem>
      </DataList>
    </Stack>
  );
}
