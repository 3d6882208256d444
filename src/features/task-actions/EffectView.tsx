import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActionEffect, ForwardEffect, RollbackEffect, RollbackSkipEffect, StopEffect } from './effects';
import { SubtaskList } from './SubtaskList';

/** What the operation will do, in words and lists, before anything is sent. */
export function EffectView({ effect }: { effect: ActionEffect }) {
  switch (effect.kind) {
    case 'rollback':
      return <RollbackView effect={effect} />;
    case 'rollbackSkip':
      return <RollbackSkipView effect={effect} />;
    case 'stopSubtask':
      return <StopView effect={effect} />;
    default:
      return <ForwardView effect={effect} />;
  }
}

function RollbackView({ effect }: { effect: RollbackEffect }) {
  const { t } = useTranslation('actions');
  const n = effect.plan.length;
  return (
    <Stack gap="sm" role="note">
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm" role="note">
        {n === 0
          ? t('effect.rollback.nothing')
          : t('effect.rollback.reach', {
              count: n,
              steps: effect.waves.length > 1 ? t('effect.rollback.steps', { count: effect.waves.length }) : '',
            })}
      </Alert>
      {n > 0 && <SubtaskList subtasks={effect.plan} label={t('effect.rollback.list')} />}
    </Stack>
  );
}

function RollbackSkipView({ effect }: { effect: RollbackSkipEffect }) {
  const { t } = useTranslation('actions');
  return (
    <Stack gap="sm" role="note">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm" role="note">
        {t('effect.rollbackSkip.summary', { name: effect.target.name, id: effect.target.id })}
      </Alert>
      {effect.thenUndo.length === 0 ? (
        <Text size="sm">{t('effect.rollbackSkip.nothingLeft')}</Text>
      ) : (
        <>
          <Text size="sm" fw={600}>
            {t('effect.rollbackSkip.thenUndo', { count: effect.thenUndo.length })}
          </Text>
          <SubtaskList subtasks={effect.thenUndo} label={t('effect.rollbackSkip.list')} />
        </>
      )}
    </Stack>
  );
}

function StopView({ effect }: { effect: StopEffect }) {
  const { t } = useTranslation('actions');
  const { target } = effect;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm" role="note">
      <Stack gap={4}>
        <Text size="sm">{t('effect.stop.summary', { name: target.name, id: target.id })}</Text>
        <Text size="sm" fw={600}>
          {effect.rollback ? t('effect.stop.rollbackEnds') : t('effect.stop.taskEnds', { count: effect.othersRunning })}
        </Text>
      </Stack>
    </Alert>
  );
}

function ForwardView({ effect }: { effect: ForwardEffect }) {
  const { t } = useTranslation('actions');
  const k = effect.kind;
  const blocked = effect.stillFailed.length > 0;
  return (
    <Stack gap="sm" role="note">
      <Text size="sm" fw={600}>
        {t(`effect.${k}.targets`, { count: effect.targets.length })}
      </Text>
      <SubtaskList subtasks={effect.targets} label={t(`effect.${k}.targetsList`)} />
      {blocked && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          p="sm"
          role="note"
          title={t('effect.blocked.title', { count: effect.stillFailed.length })}
        >
          <Stack gap="xs">
            <Text size="sm">{t('effect.blocked.body', { count: effect.continues.length })}</Text>
            <SubtaskList subtasks={effect.stillFailed} label={t('effect.blocked.list')} />
          </Stack>
        </Alert>
      )}
      {!blocked && effect.continues.length === 0 && <Text size="sm">{t('effect.nothingAfter')}</Text>}
      {!blocked && effect.continues.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {k === 'skipSubtask'
              ? t('effect.skipSubtask.startNext', { count: effect.startNext.length })
              : t('effect.continues', { count: effect.continues.length })}
          </Text>
          <SubtaskList
            subtasks={k === 'skipSubtask' ? effect.startNext : effect.continues}
            label={k === 'skipSubtask' ? t('effect.skipSubtask.startNextList') : t('effect.continuesList')}
          />
          {k === 'skipSubtask' && effect.continues.length > effect.startNext.length && (
            <Text size="sm" c="dimmed">
              {t('effect.skipSubtask.andAfter', { count: effect.continues.length - effect.startNext.length })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
