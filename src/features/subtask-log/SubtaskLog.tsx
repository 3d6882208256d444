import { Button, Group, Modal, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance } from '../../api/schemas';
import { isLogLive, useSubtaskLog } from '../../api/subtaskLog';
import { apiErrorView } from '../../components/apiErrorView';
import { whyItFailed } from './logModel';
import { SubtaskLogViewer } from './SubtaskLogViewer';
import { useLogModel } from './useLogModel';
import { useLogUrl } from './useLogUrl';
import { WhyItFailed } from './WhyItFailed';

export interface SubtaskLogProps {
  taskId: string;
  subtask: SubtaskInstance;
}

/**
 * The subtask's log where the operator looks: "Why it failed" first for a failed subtask, then the
 * log (polled while it runs), with a wide view for reading. Run, line and the wide view live in the URL.
 */
export function SubtaskLog({ taskId, subtask }: SubtaskLogProps) {
  const { t } = useTranslation('log');
  const query = useSubtaskLog(taskId, subtask);
  const model = useLogModel(query.data);
  const url = useLogUrl();
  const [reveal, setReveal] = useState(0);
  const live = isLogLive(subtask.status);

  // Another subtask: the run and line in the URL were the previous one's.
  const shown = useRef(subtask.id);
  const { reset, wide, setWide } = url;
  useEffect(() => {
    if (shown.current === subtask.id) return;
    shown.current = subtask.id;
    reset();
  }, [subtask.id, reset]);

  const reason = useMemo(() => (model && subtask.status === 'FAILED' ? whyItFailed(model) : undefined), [model, subtask.status]);
  const reasonLine = reason?.line ?? reason?.run.start ?? 0;

  let body;
  if (model === undefined) {
    body = query.isError ? (
      <Stack gap={4} role="alert">
        <Text size="sm" c="red.8">
          {t('error', { message: apiErrorView(query.error).message })}
        </Text>
        <Button size="compact-xs" variant="light" w="fit-content" onClick={() => void query.refetch()} loading={query.isFetching}>
          {t('retry')}
        </Button>
      </Stack>
    ) : (
      <Skeleton h={120} aria-label={t('loading')} />
    );
  } else if (model.runs.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        {t('empty')}
      </Text>
    );
  } else {
    const viewer = (height: string, onWide?: () => void) => (
      <SubtaskLogViewer subtaskId={subtask.id} model={model} live={live} url={url} reveal={reveal} height={height} onWide={onWide} />
    );
    body = (
      <>
        {viewer('18rem', () => setWide(true))}
        <Modal opened={wide} onClose={() => setWide(false)} title={t('wideTitle', { name: subtask.name })} size="calc(100vw - 3rem)">
          {viewer('calc(100vh - 15rem)')}
        </Modal>
      </>
    );
  }

  return (
    <Stack gap="xs">
      {reason && (
        <WhyItFailed
          reason={reason}
          href={url.hrefOf(reason.run.index, reasonLine)}
          onShow={() => {
            url.show(reason.run.index, reasonLine);
            setReveal((n) => n + 1);
          }}
        />
      )}
      <Group justify="space-between">
        <Title order={3} size="h6">
          {t('title')}
        </Title>
        {live && (
          <Text size="xs" c="var(--ocp-focus)">
            {t('live')}
          </Text>
        )}
      </Group>
      {body}
    </Stack>
  );
}
