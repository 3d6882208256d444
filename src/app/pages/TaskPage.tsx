import { Alert, Box, Flex, Paper, Skeleton } from '@mantine/core';
import { lazy, Suspense, use } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, useParams } from 'wouter';
import i18next from 'i18next';
import { parseTaskId } from '../../api/schemas';
import { useTaskInstance } from '../../api/taskInstance';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { ApiErrorState } from '../../components/ErrorState';
import { pollFailure } from '../../components/pollFailure';
import { StaleDataWarning } from '../../components/StaleDataWarning';
import { SubtaskActions } from '../../features/task-actions/SubtaskActions';
import { TaskActions } from '../../features/task-actions/TaskActions';
import { SubtaskPanel } from '../../features/task-detail/SubtaskPanel';
import { TaskHeader } from '../../features/task-detail/TaskHeader';
import type { TaskGraphProps } from '../../features/task-graph/TaskGraph';
import { TaskWorkspace } from '../../features/task-graph/view/TaskWorkspace';
import { trackPromise } from '../trackPromise';
import { useDocumentTitle } from '../useDocumentTitle';
import { useRawSearch } from '../useRawSearch';
import { TaskPageSkeleton } from './PageSkeletons';
import { CompactSummary } from './CompactSummary';
import { TaskBody } from './TaskBody';
import { InvalidTaskId } from './TaskPageStates';
import { useSelectedSubtask } from './useSelectedSubtask';

// React Flow stays out of this page's chunk, but is requested as soon as this module runs (the task
// route matched), so it downloads while the task request is in flight instead of after the reply.
const taskGraphModule = trackPromise(import('../../features/task-graph/TaskGraph'));
// Likewise the words of the page's panels: fetched only when their components first render, they came
// after the reply, one after the other (bench, navigation breakdown of the 100-subtask task).
void i18next.loadNamespaces(['detail', 'actions']);

/**
 * The graph, read from the preloaded module with `use()` rather than React.lazy: lazy suspends on its
 * first render even when the module has long arrived, which would cost up to 300 ms after the reply.
 * Suspends (skeleton) only if the reply wins the race; a failed download lands in the graph's boundary.
 */
function TaskGraph(props: TaskGraphProps) {
  const { TaskGraph: Graph } = use(taskGraphModule);
  return <Graph {...props} />;
}

// The log viewer loads when a subtask is first opened, not with the page.
const SubtaskLog = lazy(() => import('../../features/subtask-log/SubtaskLog').then((m) => ({ default: m.SubtaskLog })));

const renderGraph = (props: TaskGraphProps) => <TaskGraph {...props} />;

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
    <Box style={{ display: 'flex', flexDirection: 'column', minHeight: '100%' }}>
      <Paper
        component="section"
        aria-label={t('taskPage.summary')}
        radius={0}
        px={{ base: 'xs', sm: 'md' }}
        py={{ base: 6, sm: 'sm' }}
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <ErrorBoundary region={t('region.taskHeader')}>
          {/* On a phone the actions go under the name, and the details fold away so the graph starts on screen. */}
          <Flex
            direction={{ base: 'column', sm: 'row' }}
            justify="space-between"
            align={{ base: 'stretch', sm: 'flex-start' }}
            gap={{ base: 'xs', sm: 'md' }}
          >
            <Box miw={0} style={{ flex: 1 }}>
              <CompactSummary>
                <TaskHeader task={task} selectedId={selected} onSelect={select} />
              </CompactSummary>
            </Box>
            <TaskActions task={task} />
          </Flex>
        </ErrorBoundary>
      </Paper>
      <StaleDataWarning
        error={failure}
        dataUpdatedAt={query.dataUpdatedAt}
        polling={task.status === 'RUNNING'}
        fetching={isFetching}
        onRetry={retry}
      />
      <TaskBody
        selected={selected}
        select={select}
        graph={
          task.subtasksListed ? (
            <TaskWorkspace task={task} selectedId={selected} onSelect={select} renderGraph={renderGraph} />
          ) : (
            <SubtasksMissing />
          )
        }
        panel={(id) => (
          <SubtaskPanel
            task={task}
            subtaskId={id}
            onSelect={select}
            onClose={() => select(null)}
            actions={<SubtaskActions task={task} subtaskId={id} />}
            renderLog={(subtask) => (
              <Suspense fallback={<Skeleton h={160} />}>
                <SubtaskLog taskId={task.id} subtask={subtask} />
              </Suspense>
            )}
          />
        )}
      />
    </Box>
  );
}

/** A reply without `subtasks` is a contract problem, not a task with nothing in it: say so, name the field. */
function SubtasksMissing() {
  const { t } = useTranslation('detail');
  return (
    <Alert color="orange" title={t('missing.title')} m="md" maw={640}>
      {t('missing.body')}
    </Alert>
  );
}
