import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInstance } from '../../api/schemas';
import { effectKey, type ActionSpec } from './actionSpecs';
import { EffectView } from './EffectView';
import type { Outcome } from './outcome';
import { sendAction } from './send';
import { useSafeAction, type ActionProblem } from './useSafeAction';

interface ActionDialogProps {
  spec: ActionSpec;
  /** The task as it was when the dialog opened: the confirmation is about what the operator saw. */
  task: TaskInstance;
  /** The task as the page knows it now; when its effect differs, Confirm waits for a review. */
  current: TaskInstance;
  onReview: () => void;
  opened: boolean;
  onClose: () => void;
}

const TONE_COLOR: Record<Outcome['tone'], string> = { success: 'green', warning: 'yellow', error: 'red' };

/** Shows what one operation will do, and sends it once on Confirm through the one safe path. */
export function ActionDialog({ spec, task, current, onReview, opened, onClose }: ActionDialogProps) {
  const { t } = useTranslation('actions');
  const effect = useMemo(() => spec.effectOf(task), [spec, task]);
  const reviewedKey = effect?.key ?? '';
  const keyOf = useCallback((x: TaskInstance) => effectKey(spec, x), [spec]);
  const { kind, subtaskId } = spec.action;
  const send = useCallback(() => sendAction(kind, task.id, subtaskId), [kind, task.id, subtaskId]);
  const onOutcome = useCallback(
    (o: Outcome) => {
      notifications.show({ color: TONE_COLOR[o.tone], title: o.title, message: o.message, autoClose: o.tone === 'success' ? 6000 : false });
      onClose();
    },
    [onClose],
  );
  const safe = useSafeAction({ taskId: task.id, action: spec.action, reviewedKey, keyOf, send, onOutcome });
  const sending = safe.phase === 'sending' || safe.phase === 'sent';
  const stale = safe.phase === 'idle' && keyOf(current) !== reviewedKey;
  const now = spec.availability(current);

  const close = () => {
    if (sending) return;
    safe.abortCheck();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={spec.title(task)}
      size="lg"
      // A double click on the opening button must not land its second click outside and close this.
      closeOnClickOutside={false}
      closeOnEscape={!sending}
      withCloseButton={!sending}
    >
      <Stack gap="sm">
        <Text size="sm">{t('dialog.task', { name: task.name, id: task.id })}</Text>
        {effect && <EffectView effect={effect} />}
        {stale && (
          <Alert color="yellow" variant="light" title={t('dialog.changed')} p="sm" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{now.allowed ? t('dialog.reviewAgainHint') : t('dialog.noLongerPossible', { reason: now.reason })}</Text>
              {now.allowed && (
                <Button size="xs" variant="default" onClick={onReview}>
                  {t('dialog.reviewAgain')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {safe.problem && <ProblemAlert problem={safe.problem} />}
        {safe.phase === 'checking' && (
          <Text size="sm" role="status">
            {t('dialog.checking')}
          </Text>
        )}
        {sending && (
          <Text size="sm" role="status">
            {t('dialog.sending')}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={sending} data-autofocus>
            {t('dialog.cancel')}
          </Button>
          <Button
            color={spec.color}
            onClick={() => void safe.confirm()}
            loading={safe.phase !== 'idle'}
            disabled={stale || effect === null}
          >
            {effect ? spec.confirmLabel(task, effect) : t('dialog.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ProblemAlert({ problem }: { problem: ActionProblem }) {
  const { t } = useTranslation('actions');
  if (problem.kind === 'changed') return null; // the "changed" notice above says it, with a way to review
  return (
    <Alert color="red" variant="light" p="sm" role="alert" title={t(`problem.${problem.kind}.title`)}>
      {problem.kind === 'offline' ? t('problem.offline.body') : t('problem.checkFailed.body', { message: problem.message })}
    </Alert>
  );
}
