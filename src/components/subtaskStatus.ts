/**
 * What an operator should read for a subtask, derived from OCP's raw status and operation, and which
 * failure came first. Pure: the graph, the legend, the subtask panel and the header all read these.
 */
import { IconPlayerSkipForward, IconRotate2 } from '@tabler/icons-react';
import i18next from 'i18next';
import { compareSubtasks, type SubtaskInstance, type SubtaskStatus } from '../api/schemas';
import { toneColorVar, toneTintVar } from './palette';
import { SUBTASK_STATUS_META, type StatusMeta } from './status';

/**
 * OCP's six statuses plus two it does not name: a subtask a rollback undid is PENDING again with
 * operation ROLLBACK ("Rolled back", not "Pending": it ran, then was undone), and one whose undo was
 * skipped is PENDING with ROLLBACK_SKIP ("Rollback skipped").
 */
export type SubtaskDisplayStatus = SubtaskStatus | 'ROLLED_BACK' | 'ROLLBACK_SKIPPED';

/** Legend order: where each derived status sits among OCP's. */
export const SUBTASK_DISPLAY_STATUSES: readonly SubtaskDisplayStatus[] = [
  'PENDING',
  'READY',
  'RUNNING',
  'CANCELING',
  'FAILED',
  'SUCCESSFUL',
  'ROLLED_BACK',
  'ROLLBACK_SKIPPED',
];

type StatusFields = Pick<SubtaskInstance, 'status' | 'operation' | 'startTime' | 'finishTime'>;

export function subtaskDisplayStatus(s: StatusFields): SubtaskDisplayStatus {
  if (s.status !== 'PENDING') return s.status;
  // Only a subtask that ran can have been undone; a PENDING one that never started is just pending.
  const ran = s.startTime !== undefined || s.finishTime !== undefined;
  if (s.operation === 'ROLLBACK' && ran) return 'ROLLED_BACK';
  if (s.operation === 'ROLLBACK_SKIP') return 'ROLLBACK_SKIPPED';
  return 'PENDING';
}

const DERIVED_META: Record<'ROLLED_BACK' | 'ROLLBACK_SKIPPED', Omit<StatusMeta, 'label' | 'labelKey'>> = {
  ROLLED_BACK: { color: toneColorVar('ROLLBACK'), tint: toneTintVar('ROLLBACK'), tone: 'ROLLBACK', icon: IconRotate2 },
  ROLLBACK_SKIPPED: { color: toneColorVar('SKIPPED'), tint: toneTintVar('SKIPPED'), tone: 'SKIPPED', icon: IconPlayerSkipForward },
};

/** Colour, icon and (current-language) label of a display status. */
export function subtaskDisplayMeta(status: SubtaskDisplayStatus): StatusMeta {
  if (status === 'ROLLED_BACK' || status === 'ROLLBACK_SKIPPED') {
    const labelKey = `detail:status.${status}`;
    return {
      ...DERIVED_META[status],
      labelKey,
      get label() {
        return i18next.t(labelKey);
      },
    };
  }
  return SUBTASK_STATUS_META[status];
}

export type DisplayStatusCounts = Record<SubtaskDisplayStatus, number>;

export function countDisplayStatuses(subtasks: readonly StatusFields[]): DisplayStatusCounts {
  const counts = Object.fromEntries(SUBTASK_DISPLAY_STATUSES.map((s) => [s, 0])) as DisplayStatusCounts;
  for (const s of subtasks) counts[subtaskDisplayStatus(s)] += 1;
  return counts;
}

const finishedAt = (s: Pick<SubtaskInstance, 'finishTime'>) =>
  s.finishTime === undefined ? Number.POSITIVE_INFINITY : Date.parse(s.finishTime);

/**
 * The FAILED subtasks in the order they failed: by finish time (a failure without one goes last),
 * then in flow order. The first is "the first failure": often the cause, the later ones its echoes.
 */
export function failuresInOrder<S extends Pick<SubtaskInstance, 'id' | 'seriesId' | 'status' | 'finishTime'>>(subtasks: readonly S[]): S[] {
  return subtasks.filter((s) => s.status === 'FAILED').sort((a, b) => finishedAt(a) - finishedAt(b) || compareSubtasks(a, b));
}
