/**
 * What an operation did, worded from the task as OCP shows it afterwards, never from the HTTP status
 * alone: a 500 after OCP started the rollback reads "OCP answered with an error, but the task is
 * rolling back", and an accepted request the task does not show yet is not called a success.
 */
import i18next from 'i18next';
import { isApiError } from '../../api/errors';
import { OcpErrorCode, type TaskInstance } from '../../api/schemas';
import { taskDisplayStatus } from '../../components/status';
import { subtaskDisplayMeta, subtaskDisplayStatus } from '../../components/subtaskStatus';
import type { ActionKind } from './availability';
import { rollbackPlan } from './rollbackPlan';

export type SendResult = { ok: true } | { ok: false; error: unknown };

export interface Outcome {
  tone: 'success' | 'warning' | 'error';
  title: string;
  message: string;
}

export interface ActionRef {
  kind: ActionKind;
  /** For subtask operations. */
  subtaskId?: string | undefined;
}

const t = (key: string, values?: Record<string, unknown>) => i18next.t(`actions:outcome.${key}`, values);

/** "(code 20004, trace 0bc49000675d41af)": what an operator quotes to support. */
export function errorReference(error: unknown): string {
  if (!isApiError(error)) return '';
  const parts = [
    error.code !== undefined ? `code ${error.code}` : error.status > 0 ? `HTTP ${error.status}` : undefined,
    error.traceId && `trace ${error.traceId}`,
  ];
  const text = parts.filter(Boolean).join(', ');
  return text ? ` (${text})` : '';
}

const errorText = (error: unknown) => `${error instanceof Error ? error.message : String(error)}${errorReference(error)}`;

/** Whether `after` shows the operation took effect on `before`. */
export function effectVisible(ref: ActionRef, before: TaskInstance, after: TaskInstance): boolean {
  const reopened = after.status === 'RUNNING' || after.finishTime !== before.finishTime || after.operation !== before.operation;
  if (ref.kind === 'rollback') return after.operation === 'ROLLBACK' && reopened;
  if (ref.kind === 'retryTask') return after.operation === 'RETRY' && reopened;
  const was = before.subtasks.find((s) => s.id === ref.subtaskId);
  const now = after.subtasks.find((s) => s.id === ref.subtaskId);
  if (!was || !now) return false;
  if (ref.kind === 'retrySubtask') return now.runTime > was.runTime || (now.status !== 'FAILED' && now.operation === 'RETRY');
  if (ref.kind === 'skipSubtask') return now.operation === 'SKIP' || now.operation === 'ROLLBACK_SKIP';
  return now.status === 'CANCELING' || now.operation === 'CANCEL';
}

/** "the task is rolling back", "subtask Install on host b is now Canceling". */
function stateWords(ref: ActionRef, after: TaskInstance): string {
  const s = ref.subtaskId === undefined ? undefined : after.subtasks.find((x) => x.id === ref.subtaskId);
  if (s) return t('subtaskState', { name: s.name, status: subtaskDisplayMeta(subtaskDisplayStatus(s)).label });
  return t(`taskState.${taskDisplayStatus(after)}`);
}

function started(ref: ActionRef, before: TaskInstance, after: TaskInstance): Outcome {
  const kind = ref.kind === 'skipSubtask' && after.operation === 'ROLLBACK' ? 'rollbackSkip' : ref.kind;
  const undo = rollbackPlan(before.subtasks).length;
  const rerun = before.subtasks.filter((s) => s.status === 'FAILED').length;
  const values = {
    id: before.id,
    name: after.subtasks.find((s) => s.id === ref.subtaskId)?.name ?? ref.subtaskId,
    count: kind === 'rollback' ? undo : rerun,
  };
  return { tone: 'success', title: t(`started.${kind}.title`, values), message: t(`started.${kind}.message`, values) };
}

/** OCP refused, or failed, and the task confirms nothing happened. */
function refused(ref: ActionRef, error: unknown): Outcome {
  const action = t(`noun.${ref.kind}`);
  const Action = t(`Noun.${ref.kind}`);
  const text = errorText(error);
  if (!isApiError(error)) return { tone: 'error', title: t('failed', { Action }), message: t('unchanged', { error: text }) };
  if (error.kind === 'network') return { tone: 'error', title: t('noAnswer'), message: t('noAnswerMessage', { action, error: text }) };
  if (error.status === 403 || error.code === OcpErrorCode.ACCESS_DENIED) {
    return { tone: 'error', title: t('notPermitted', { Action }), message: t('notPermittedMessage', { error: text }) };
  }
  if (error.status === 401) return { tone: 'error', title: t('notLoggedIn'), message: text };
  if (error.isClientError) return { tone: 'error', title: t('refused', { Action }), message: t('unchanged', { error: text }) };
  return { tone: 'error', title: t('failed', { Action }), message: t('unchanged', { error: text }) };
}

/**
 * The outcome of one sent operation. `before` is the task checked just before sending; `after` the task
 * fetched after the reply (undefined when that fetch failed, with `afterError`).
 */
export function actionOutcome(
  ref: ActionRef,
  before: TaskInstance,
  after: TaskInstance | undefined,
  result: SendResult,
  afterError?: unknown,
): Outcome {
  const action = t(`noun.${ref.kind}`);
  if (after === undefined) {
    const reload = errorText(afterError ?? '');
    if (result.ok) return { tone: 'warning', title: t('accepted', { action }), message: t('notReloaded', { error: reload }) };
    return {
      tone: 'error',
      title: t('errorUnchecked', { action }),
      message: t('errorUncheckedMessage', { error: errorText(result.error), reload }),
    };
  }
  const visible = effectVisible(ref, before, after);
  if (result.ok) {
    return visible ? started(ref, before, after) : { tone: 'warning', title: t('accepted', { action }), message: t('notShownYet') };
  }
  if (visible) {
    return {
      tone: 'warning',
      title: t('errorButStarted', { state: stateWords(ref, after) }),
      message: t('errorButStartedMessage', { error: errorText(result.error) }),
    };
  }
  return refused(ref, result.error);
}
