import { Skeleton } from '@mantine/core';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrefetchQuery } from '@tanstack/react-query';
import { Redirect, useParams } from 'wouter';
import i18next from 'i18next';
import { parseTaskId, type SubtaskInstance } from '../../api/schemas';
import { isLogLive, subtaskLogQueryOptions } from '../../api/subtaskLog';
import { useTaskInstance } from '../../api/taskInstance';
import { ApiErrorState } from '../../components/ErrorState';
import { pollFailure } from '../../components/pollFailure';
import { StaleDataWarning } from '../../components/StaleDataWarning';
import { SubtaskActions } from '../../features/task-actions/SubtaskActions';
import { TaskActions } from '../../features/task-actions/TaskActions';
import { useDocumentTitle } from '../useDocumentTitle';
import { useRawSearch } from '../useRawSearch';
import { TaskPageSkeleton } from './PageSkeletons';
import { InvalidTaskId } from './TaskPageStates';
import { TaskScreen } from './TaskScreen';
import { useSelectedSubtask } from './useSelectedSubtask';

// The words of the page's panels: fetched only when their components first render, they came
// after the reply, one after the other (bench, navigation breakdown of the 100-subtask task).
void i18next.loadNamespaces(['detail', 'actions']);

// The log viewer loads when a subtask is first opened, not with the page.
const SubtaskLog = lazy(() => import('../../features/subtask-log/SubtaskLog').then((m) => ({ default: m.SubtaskLog })));

/** `/tasks/:taskInstanceId`: validates the id before anything is requested. */
export function TaskPage() {
  const { taskInstanceId = '' } = useParams<{ taskInstanceId?: string }>();
  const search = useRawSearch();
  const id = parseTaskId(taskInstanceId);
  if (id === null) return <InvalidTaskIdPage raw={taskInstanceId} />;
  // `/tasks/007` and `/tasks/7` are one task: keep one URL for it.
  if (id !== taskInstanceId) return <Redirect to={`/tasks/${id}${search}`} replace />;
  // Keyed so another task starts with fresh error boundaries and no stale selection state.
  return <TaskView key={id} id={id} />;
}

function InvalidTaskIdPage({ raw }: { raw: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('title.invalidId'));
  return <InvalidTaskId raw={raw} />;
}

function TaskView({ id }: { id: string }) {
  const { t } = useTranslation();
  // Only what this component reads re-renders it (TanStack Query tracks the properties used): the
  // fetching flag and poll errors live in TaskNotice, so a poll renders the page once, not three times.
  const { data: task } = useTaskInstance(id);
  const [selected, select] = useSelectedSubtask();
  useDocumentTitle(task ? t('title.taskNamed', { id, name: task.name }) : t('title.task', { id }));
  const actions = useMemo(() => task && <TaskActions task={task} />, [task]);
  const notice = useMemo(() => <TaskNotice id={id} />, [id]);
  const subtaskActions = useCallback((subtaskId: string) => task && <SubtaskActions task={task} subtaskId={subtaskId} />, [task]);
  const renderLog = useCallback((subtask: SubtaskInstance) => <LogSlot taskId={id} subtask={subtask} />, [id]);

  if (task === undefined) return <TaskLoading id={id} />;

  return (
    <TaskScreen
      task={task}
      selected={selected}
      select={select}
      actions={actions}
      notice={notice}
      subtaskActions={subtaskActions}
      renderLog={renderLog}
    />
  );
}

/**
 * The opened subtask's log. Its request starts here, with the panel, not once the log viewer's code has
 * loaded: on a cold page the request waited ~0.4 s for that chunk (bench, 10 MB log of task 1009). The
 * viewer's query takes over the same cache entry, so the log is still fetched once.
 */
function LogSlot({ taskId, subtask }: { taskId: string; subtask: SubtaskInstance }) {
  usePrefetchQuery(subtaskLogQueryOptions(taskId, subtask.id, isLogLive(subtask.status)));
  return (
    <Suspense fallback={<Skeleton h={160} />}>
      <SubtaskLog taskId={taskId} subtask={subtask} />
    </Suspense>
  );
}

/** Before the first success: the skeleton, or why the task cannot be shown. */
function TaskLoading({ id }: { id: string }) {
  const query = useTaskInstance(id);
  if (!query.isError) return <TaskPageSkeleton />;
  return <ApiErrorState error={query.error} taskId={id} onRetry={() => void query.refetch()} retrying={query.isFetching} level={1} />;
}

/** After the first success: a failed poll (or a poll being retried) leaves the last good task on screen, with this warning. */
function TaskNotice({ id }: { id: string }) {
  const query = useTaskInstance(id);
  const { data: task, refetch, isFetching } = query;
  if (!task) return null;
  return (
    <StaleDataWarning
      error={pollFailure(query)}
      dataUpdatedAt={query.dataUpdatedAt}
      polling={task.status === 'RUNNING'}
      fetching={isFetching}
      onRetry={() => void refetch()}
    />
  );
}
