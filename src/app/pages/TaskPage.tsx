import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, useParams } from 'wouter';
import i18next from 'i18next';
import { parseTaskId } from '../../api/schemas';
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
  const query = useTaskInstance(id);
  const { data: task, refetch, isFetching } = query;
  const [selected, select] = useSelectedSubtask();
  useDocumentTitle(task ? t('title.taskNamed', { id, name: task.name }) : t('title.task', { id }));
  const retry = () => void refetch();

  if (task === undefined) {
    if (query.isError) return <ApiErrorState error={query.error} taskId={id} onRetry={retry} retrying={isFetching} level={1} />;
    return <TaskPageSkeleton />;
  }

  // After the first success: a failed poll (or a poll being retried) leaves the last good task on screen.
  const failure = pollFailure(query);

  return (
    <TaskScreen
      task={task}
      selected={selected}
      select={select}
      actions={<TaskActions task={task} />}
      notice={
        <StaleDataWarning
          error={failure}
          dataUpdatedAt={query.dataUpdatedAt}
          polling={task.status === 'RUNNING'}
          fetching={isFetching}
          onRetry={retry}
        />
      }
      subtaskActions={(subtaskId) => <SubtaskActions task={task} subtaskId={subtaskId} />}
      renderLog={(subtask) => (
        <Suspense fallback={<Skeleton h={160} />}>
          <SubtaskLog taskId={task.id} subtask={subtask} />
        </Suspense>
      )}
    />
  );
}
