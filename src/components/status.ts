import {
  IconAlertTriangle,
  IconCheck,
  IconClockPause,
  IconHandStop,
  IconLoader2,
  IconPlayerPlay,
  IconRotate2,
  type Icon,
} from '@tabler/icons-react';
import i18next from 'i18next';
import type { SubtaskStatus, TaskOperation, TaskStatus } from '../api/schemas';
import { toneColorVar, toneTintVar, type Tone } from './palette';

export interface StatusMeta {
  /** Catalog key of the status's name (namespace `common`). */
  labelKey: string;
  /** The name in the language on screen; components read it under `useTranslation` so it follows a switch. */
  readonly label: string;
  /**
   * Solid colour for text, fills, borders and the legend, as a CSS variable that follows the theme
   * (`var(--ocp-status-failed)`); each of the six is distinct, and every use also shows the label or icon.
   */
  color: string;
  /** Tint for backgrounds behind text in `color` (CSS variable). */
  tint: string;
  /** The palette entry, for drawing where CSS variables do not reach (a canvas): see palette.ts. */
  tone: Tone;
  icon: Icon;
}

function meta(labelKey: string, tone: Tone, icon: Icon): StatusMeta {
  return {
    labelKey,
    get label() {
      return i18next.t(labelKey, { ns: 'common' });
    },
    color: toneColorVar(tone),
    tint: toneTintVar(tone),
    tone,
    icon,
  };
}

/** One source for status wording, colour and icon: badges, graph nodes and the legend all read it. */
export const SUBTASK_STATUS_META: Record<SubtaskStatus, StatusMeta> = {
  PENDING: meta('status.subtask.PENDING', 'PENDING', IconClockPause),
  READY: meta('status.subtask.READY', 'READY', IconPlayerPlay),
  RUNNING: meta('status.subtask.RUNNING', 'RUNNING', IconLoader2),
  CANCELING: meta('status.subtask.CANCELING', 'CANCELING', IconHandStop),
  FAILED: meta('status.subtask.FAILED', 'FAILED', IconAlertTriangle),
  SUCCESSFUL: meta('status.subtask.SUCCESSFUL', 'SUCCESSFUL', IconCheck),
};

/**
 * OCP words a subtask's status differently inside the flow chart ("任务执行中" rather than "运行中"):
 * the catalog key for a graph node's status line.
 */
export function flowStatusKey(status: SubtaskStatus): string {
  return `status.flow.${status}`;
}

export type TaskDisplayStatus = 'RUNNING' | 'FAILED' | 'SUCCESSFUL' | 'ROLLING_BACK' | 'ROLLED_BACK' | 'ROLLBACK_FAILED' | 'RETRYING';

/**
 * What an operator should read for a task: a SUCCESSFUL task whose operation is ROLLBACK was undone,
 * not completed, and must never look like a plain success.
 */
export function taskDisplayStatus(task: { status: TaskStatus; operation: TaskOperation }): TaskDisplayStatus {
  if (task.operation === 'ROLLBACK') {
    if (task.status === 'SUCCESSFUL') return 'ROLLED_BACK';
    if (task.status === 'RUNNING') return 'ROLLING_BACK';
    return 'ROLLBACK_FAILED';
  }
  if (task.operation === 'RETRY' && task.status === 'RUNNING') return 'RETRYING';
  return task.status;
}

export const TASK_STATUS_META: Record<TaskDisplayStatus, StatusMeta> = {
  RUNNING: meta('status.task.RUNNING', 'RUNNING', IconLoader2),
  RETRYING: meta('status.task.RETRYING', 'RUNNING', IconLoader2),
  FAILED: meta('status.task.FAILED', 'FAILED', IconAlertTriangle),
  SUCCESSFUL: meta('status.task.SUCCESSFUL', 'SUCCESSFUL', IconCheck),
  ROLLING_BACK: meta('status.task.ROLLING_BACK', 'ROLLBACK', IconRotate2),
  ROLLED_BACK: meta('status.task.ROLLED_BACK', 'ROLLBACK', IconRotate2),
  ROLLBACK_FAILED: meta('status.task.ROLLBACK_FAILED', 'FAILED', IconAlertTriangle),
};
