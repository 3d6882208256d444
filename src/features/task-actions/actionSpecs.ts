/**
 * The five operations as data: where each is allowed, what it would do, how it is worded and sent.
 * One launcher, one dialog and one send path (useSafeAction) serve them all.
 */
import { IconArrowBackUp, IconPlayerSkipForward, IconPlayerStop, IconRefresh, type Icon } from '@tabler/icons-react';
import i18next from 'i18next';
import type { SubtaskInstance, TaskInstance } from '../../api/schemas';
import {
  isRollbackSkip,
  retrySubtaskAvailability,
  retryTaskAvailability,
  rollbackAvailability,
  skipSubtaskAvailability,
  stopSubtaskAvailability,
  type ActionKind,
  type Availability,
  type SubtaskActionKind,
} from './availability';
import { retrySubtaskEffect, retryTaskEffect, rollbackEffect, skipSubtaskEffect, stopSubtaskEffect, type ActionEffect } from './effects';
import type { ActionRef } from './outcome';

export interface ActionSpec {
  action: ActionRef;
  color: string;
  icon: Icon;
  availability: (task: TaskInstance) => Availability;
  /** Null when the subtask is no longer part of the task. */
  effectOf: (task: TaskInstance) => ActionEffect | null;
  buttonLabel: (task: TaskInstance) => string;
  title: (task: TaskInstance) => string;
  confirmLabel: (task: TaskInstance, effect: ActionEffect) => string;
}

const t = (key: string, values?: Record<string, unknown>) => i18next.t(`actions:${key}`, values);

/** The effect key a task shows for `spec`, or null where the operation is not available on it. */
export function effectKey(spec: ActionSpec, task: TaskInstance): string | null {
  return spec.availability(task).allowed ? (spec.effectOf(task)?.key ?? null) : null;
}

export const ROLLBACK: ActionSpec = {
  action: { kind: 'rollback' },
  color: 'red',
  icon: IconArrowBackUp,
  availability: rollbackAvailability,
  effectOf: rollbackEffect,
  buttonLabel: (task) => t(task.status === 'FAILED' && task.operation === 'ROLLBACK' ? 'rollback.buttonAgain' : 'rollback.button'),
  title: (task) => t(task.operation === 'ROLLBACK' ? 'rollback.titleAgain' : 'rollback.title', { id: task.id }),
  confirmLabel: (_task, effect) => t('rollback.confirm', { count: effect.kind === 'rollback' ? effect.plan.length : 0 }),
};

export const RETRY_TASK: ActionSpec = {
  action: { kind: 'retryTask' },
  color: 'blue',
  icon: IconRefresh,
  availability: retryTaskAvailability,
  effectOf: retryTaskEffect,
  buttonLabel: () => t('retryTask.button'),
  title: (task) => t('retryTask.title', { id: task.id }),
  confirmLabel: (_task, effect) => t('retryTask.confirm', { count: effect.kind === 'retryTask' ? effect.targets.length : 0 }),
};

const SUBTASK_ACTIONS: Record<
  SubtaskActionKind,
  {
    color: string;
    icon: Icon;
    availability: (task: TaskInstance, s: SubtaskInstance) => Availability;
    effectOf: (task: TaskInstance, s: SubtaskInstance) => ActionEffect;
  }
> = {
  retrySubtask: { color: 'blue', icon: IconRefresh, availability: retrySubtaskAvailability, effectOf: retrySubtaskEffect },
  skipSubtask: { color: 'teal', icon: IconPlayerSkipForward, availability: skipSubtaskAvailability, effectOf: skipSubtaskEffect },
  stopSubtask: { color: 'orange', icon: IconPlayerStop, availability: stopSubtaskAvailability, effectOf: stopSubtaskEffect },
};

/** During a rollback, "skip" skips the undo (ROLLBACK_SKIP) and is worded so. */
const wording = (kind: SubtaskActionKind, task: TaskInstance) => (kind === 'skipSubtask' && isRollbackSkip(task) ? 'rollbackSkip' : kind);

export function subtaskActionSpec(kind: SubtaskActionKind, subtaskId: string): ActionSpec {
  const def = SUBTASK_ACTIONS[kind];
  const find = (task: TaskInstance) => task.subtasks.find((s) => s.id === subtaskId);
  const name = (task: TaskInstance) => find(task)?.name ?? subtaskId;
  return {
    action: { kind, subtaskId },
    color: def.color,
    icon: def.icon,
    availability: (task) => {
      const s = find(task);
      return s ? def.availability(task, s) : { allowed: false, reason: t('reason.notInTask', { id: subtaskId }) };
    },
    effectOf: (task) => {
      const s = find(task);
      return s ? def.effectOf(task, s) : null;
    },
    buttonLabel: (task) => t(`${wording(kind, task)}.button`),
    title: (task) => t(`${wording(kind, task)}.title`, { name: name(task) }),
    confirmLabel: (task) => t(`${wording(kind, task)}.confirm`),
  };
}

export const SUBTASK_ACTION_KINDS: readonly SubtaskActionKind[] = ['retrySubtask', 'skipSubtask', 'stopSubtask'];
export type { ActionKind };
