import { Alert, Box, Flex, Paper } from '@mantine/core';
import { memo, use, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance, TaskInstance } from '../../api/schemas';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { SubtaskPanel } from '../../features/task-detail/SubtaskPanel';
import { TaskHeader } from '../../features/task-detail/TaskHeader';
import type { TaskGraphProps } from '../../features/task-graph/TaskGraph';
import { TaskWorkspace } from '../../features/task-graph/view/TaskWorkspace';
import { trackPromise } from '../trackPromise';
import { CompactSummary } from './CompactSummary';
import { TaskBody } from './TaskBody';

// React Flow stays out of the page chunks, but is requested as soon as this module runs (a task route
// matched), so it downloads while the task request is in flight instead of after the reply.
const taskGraphModule = trackPromise(import('../../features/task-graph/TaskGraph'));

/**
 * The graph, read from the preloaded module with `use()` rather than React.lazy: lazy suspends on its
 * first render even when the module has long arrived, which would cost up to 300 ms after the reply.
 * Suspends (skeleton) only if the reply wins the race; a failed download lands in the graph's boundary.
 */
function TaskGraph(props: TaskGraphProps) {
  const { TaskGraph: Graph } = use(taskGraphModule);
  return <Graph {...props} />;
}

const renderGraph = (props: TaskGraphProps) => <TaskGraph {...props} />;

export interface TaskScreenProps {
  task: TaskInstance;
  selected: string | null;
  select: (id: string | null) => void;
  /** Beside the header: the task's operations, or what stands in for them. */
  actions: ReactNode;
  /** Under the header: a stale-data warning, a read-only notice. */
  notice?: ReactNode;
  subtaskActions?: (subtaskId: string) => ReactNode;
  renderLog: (subtask: SubtaskInstance) => ReactNode;
}

/**
 * One task on screen: header and actions, then the graph (or timeline, or table) with the subtask panel.
 * Memoised: it renders when the task or the selection changes, not when the page around it does.
 */
export const TaskScreen = memo(function TaskScreen({
  task,
  selected,
  select,
  actions,
  notice,
  subtaskActions,
  renderLog,
}: TaskScreenProps) {
  const { t } = useTranslation();
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
            {actions}
          </Flex>
        </ErrorBoundary>
      </Paper>
      {notice}
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
            actions={subtaskActions?.(id)}
            renderLog={renderLog}
          />
        )}
      />
    </Box>
  );
});

/** A reply without `subtasks` is a contract problem, not a task with nothing in it: say so, name the field. */
function SubtasksMissing() {
  const { t } = useTranslation('detail');
  return (
    <Alert color="orange" title={t('missing.title')} m="md" maw={640}>
      {t('missing.body')}
    </Alert>
  );
}
