import { ActionIcon, CopyButton, DataList, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TaskInstance } from '../../api/schemas';
import { TaskStatusBadge } from '../../components/StatusBadge';
import { FirstFailure } from './FirstFailure';
import { InfoItem } from './InfoItem';
import { LiveDuration } from './LiveDuration';
import { TaskProgress } from './TaskProgress';
import { Timestamp } from './Timestamp';

function CopyTaskId({ id }: { id: string }) {
  const { t } = useTranslation('detail');
  return (
    <CopyButton value={id} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('header.copied') : t('header.copy')} withArrow>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            size="sm"
            onClick={copy}
            aria-label={copied ? t('header.idCopied') : t('header.copy')}
          >
            {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

interface TaskHeaderProps {
  task: TaskInstance;
  /** The selected subtask, for stepping through failures from it. */
  selectedId?: string | null;
  onSelect?: (id: string) => void;
}

/** Who, what and when for one task, in a dense description list, and its first failure. Every name is rendered as text. */
export function TaskHeader({ task, selectedId = null, onSelect = () => {} }: TaskHeaderProps) {
  const { t } = useTranslation('detail');
  const { cluster, tenant } = task;
  const none = t('value.none');
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
            {t('header.taskId')}
          </Text>
          <Text size="sm" ff="monospace" data-testid="task-id">
            {task.id}
          </Text>
          <CopyTaskId id={task.id} />
        </Group>
        <TaskProgress task={task} />
      </Group>
      <FirstFailure task={task} selectedId={selectedId} onSelect={onSelect} />
      <DataList
        orientation="vertical"
        size="sm"
        gap="xs"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))', columnGap: 'var(--mantine-spacing-md)' }}
      >
        <InfoItem label={t('field.operation')}>{task.operation}</InfoItem>
        <InfoItem label={t('field.type')}>{task.type ?? none}</InfoItem>
        {cluster && <InfoItem label={t('field.cluster')}>{cluster.type ? `${cluster.name} (${cluster.type})` : cluster.name}</InfoItem>}
        {tenant && <InfoItem label={t('field.tenant')}>{tenant.mode ? `${tenant.name} (${tenant.mode})` : tenant.name}</InfoItem>}
        <InfoItem label={t('field.creator')}>{task.creator?.name ?? none}</InfoItem>
        <InfoItem label={t('field.executor')}>{task.executor ?? none}</InfoItem>
        <InfoItem label={t('field.created')}>
          <Timestamp iso={task.createTime} />
        </InfoItem>
        <InfoItem label={t('field.started')}>
          <Timestamp iso={task.startTime} />
        </InfoItem>
        <InfoItem label={t('field.finished')}>
          <Timestamp iso={task.finishTime} />
        </InfoItem>
        <InfoItem label={t('field.duration')}>
          <LiveDuration start={task.startTime} finish={task.finishTime} running={task.status === 'RUNNING'} />
        </InfoItem>
      </DataList>
    </Stack>
  );
}
