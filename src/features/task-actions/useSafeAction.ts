import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchTaskInstance } from '../../api/taskInstance';
import type { TaskInstance } from '../../api/schemas';
import { taskKeys } from '../../api/taskKeys';
import { actionOutcome, type ActionRef, type Outcome, type SendResult } from './outcome';
import { withTaskLock } from './taskLock';

/** The check before sending must not hang the dialog either. */
export const CHECK_TIMEOUT_MS = 15_000;

export type ActionProblem = { kind: 'offline' } | { kind: 'changed' } | { kind: 'checkFailed'; message: string };
export type ActionPhase = 'idle' | 'checking' | 'sending' | 'sent';

export interface SafeActionOptions {
  taskId: string;
  action: ActionRef;
  /** The effect the operator reviewed; a task that now shows another one is not acted on. */
  reviewedKey: string;
  /** The effect key of a task, or null when the operation is no longer available on it. */
  keyOf: (task: TaskInstance) => string | null;
  /** Sends the one request; may resolve with the task when OCP answers with it. */
  send: () => Promise<TaskInstance | undefined>;
  onOutcome: (outcome: Outcome) => void;
}

/**
 * The one path every operation takes from Confirm to its outcome, so each sends exactly one request
 * per confirmation in every timing:
 * - a ref, set synchronously, admits one confirmation per dialog: double clicks and clicks while the
 *   dialog closes land on it; it is released only when nothing was sent;
 * - offline, nothing is sent and the dialog stays usable (a query-layer mutation would queue the POST
 *   and send it on reconnect without asking);
 * - under a per-task lock shared by the browser's tabs it fetches the task, and sends only when the
 *   effect is still the one reviewed, so a second tab sees the first one's change and sends nothing;
 * - after the reply, whatever its status, it fetches the task again and words the outcome from it.
 */
export function useSafeAction({ taskId, action, reviewedKey, keyOf, send, onOutcome }: SafeActionOptions) {
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<ActionPhase>('idle');
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const confirmed = useRef(false);
  const check = useRef<AbortController | null>(null);
  useEffect(() => () => check.current?.abort(), []);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const task = await fetchTaskInstance(taskId, signal, CHECK_TIMEOUT_MS);
      queryClient.setQueryData(taskKeys.instance(taskId), task);
      return task;
    },
    [queryClient, taskId],
  );

  const confirm = useCallback(async () => {
    if (confirmed.current) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      setProblem({ kind: 'offline' });
      return;
    }
    confirmed.current = true;
    setProblem(null);
    setPhase('checking');
    const controller = new AbortController();
    check.current = controller;
    let sent = false;
    try {
      await withTaskLock(taskId, controller.signal, async () => {
        const before = await load(controller.signal);
        if (controller.signal.aborted) return;
        if (keyOf(before) !== reviewedKey) {
          setProblem({ kind: 'changed' });
          return;
        }
        sent = true;
        setPhase('sending');
        let answered: TaskInstance | undefined;
        const result: SendResult = await send().then(
          (task) => ((answered = task), { ok: true as const }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        let after: TaskInstance | undefined = answered;
        let afterError: unknown;
        // What counts is the task as OCP shows it now, whatever the reply said.
        await load().then(
          (task) => (after = task),
          (error: unknown) => (afterError = error),
        );
        if (after && after === answered) queryClient.setQueryData(taskKeys.instance(taskId), after);
        // The task itself was just fetched; what hangs under it (subtask logs) and the lists refetch.
        const taskKey = taskKeys.instance(taskId);
        void queryClient.invalidateQueries({ queryKey: taskKey, predicate: (q) => q.queryKey.length > taskKey.length });
        void queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
        setPhase('sent');
        onOutcome(actionOutcome(action, before, after, result, afterError));
      });
    } catch (error) {
      if (!sent && !controller.signal.aborted) {
        setProblem({ kind: 'checkFailed', message: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      if (!sent) {
        confirmed.current = false;
        setPhase('idle');
      }
    }
  }, [taskId, action, reviewedKey, keyOf, send, onOutcome, load, queryClient]);

  /** Stops a check in progress; once the request is on its way it cannot be called back. */
  const abortCheck = useCallback(() => check.current?.abort(), []);

  return { confirm, abortCheck, phase, problem };
}
