import { Box, Skeleton } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInstance } from '../../../api/schemas';
import { ErrorBoundary } from '../../../components/ErrorBoundary';
import { ShortcutSheet } from '../shortcuts/ShortcutSheet';
import { useShortcuts } from '../shortcuts/useShortcuts';
import { buildSearchIndex, searchSubtasks } from '../find';
import type { TaskGraphProps } from '../TaskGraph';
import { ExportMenu } from '../export/ExportMenu';
import { createGraphSnapshotSource } from '../export/snapshotSource';
import { GraphSummary } from '../GraphSummary';
import { SubtaskTable } from '../table/SubtaskTable';
import { FindBar } from './FindBar';
import type { Viewport } from '../viewport';
import { useTaskView } from './useTaskView';

/** How long typing, panning or zooming must pause before the search or the viewport goes into the URL. */
const URL_WRITE_DELAY_MS = 300;

const Timeline = lazy(() => import('../timeline/Timeline').then((m) => ({ default: m.Timeline })));

interface TaskWorkspaceProps {
  task: TaskInstance;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** The graph, from the page's preloaded module (React Flow stays out of this chunk). */
  renderGraph: (props: TaskGraphProps) => ReactNode;
}

/**
 * The task's graph or timeline with the find bar above it: search, status filters, lineage, the
 * view switch, export and keyboard shortcuts, all kept in the URL so a link reopens exactly this view.
 */
export function TaskWorkspace({ task, selectedId, onSelect, renderGraph }: TaskWorkspaceProps) {
  const { t } = useTranslation('graph');
  const { state, update, commands } = useTaskView();
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const [snapshot] = useState(createGraphSnapshotSource);
  // What is typed reaches the view at once and the URL once typing pauses: writing the URL re-renders
  // the whole page (router, header, panel), which is not work to do per keystroke on a big task.
  const [typed, setTyped] = useState<string | null>(null);
  const query = typed ?? state.query;
  useEffect(() => {
    if (typed === null) return undefined;
    const timer = setTimeout(() => {
      update({ query: typed });
      setTyped(null);
    }, URL_WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, update]);
  const setQuery = (next: string, { now = false } = {}) => {
    if (now) {
      setTyped(null);
      update({ query: next });
    } else setTyped(next);
  };
  // The viewport likewise, once panning pauses: every wheel step ends a move, and each URL write
  // re-rendered the page inside the pan (replaceState and React: 0.4 s of the profiled pan/zoom).
  const latestUpdate = useRef(update);
  useEffect(() => {
    latestUpdate.current = update;
  });
  const viewportWrite = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(viewportWrite.current), []);
  const onViewportChange = (viewport: Viewport) => {
    window.clearTimeout(viewportWrite.current);
    viewportWrite.current = window.setTimeout(() => latestUpdate.current({ viewport }), URL_WRITE_DELAY_MS);
  };
  // A drag that picks up again within the pause (the next stroke of a pan) puts the write off again:
  // it re-renders the page (60–70 ms at 5,000 subtasks), which must not land inside a moving gesture.
  const onViewportMoveStart = () => window.clearTimeout(viewportWrite.current);
  const index = useMemo(() => buildSearchIndex(task.subtasks), [task.subtasks]);
  const matches = useMemo(() => searchSubtasks(index, query), [index, query]);
  const find = useMemo(() => ({ matches, statuses: state.statuses, lineage: state.lineage }), [matches, state.statuses, state.lineage]);

  // Kept across search keys, so the find bar re-renders only its field and count.
  const showShortcuts = useCallback(() => setHelp(true), []);
  const hideShortcuts = useCallback(() => setHelp(false), []);
  const graphShown = state.mode === 'graph';
  const exportMenu = useMemo(() => <ExportMenu task={task} snapshot={snapshot} graphShown={graphShown} />, [task, snapshot, graphShown]);

  const step = (among: 'matches' | 'failures', direction: 1 | -1) => commands.send({ type: 'step', among, direction });
  useShortcuts({
    search: () => searchRef.current?.focus(),
    fit: () => commands.send({ type: 'fit' }),
    locate: () => commands.send({ type: 'locate' }),
    nextFailure: () => step('failures', 1),
    previousFailure: () => step('failures', -1),
    nextMatch: () => step('matches', 1),
    previousMatch: () => step('matches', -1),
    graph: () => update({ mode: 'graph' }),
    timeline: () => update({ mode: 'timeline' }),
    toggleView: () => update({ mode: state.mode === 'graph' ? 'timeline' : 'graph' }),
    lineage: () => update({ lineage: !state.lineage }),
    failedOnly: () => update({ statuses: ['FAILED'] }),
    clearFilters: () => {
      setTyped(null);
      update({ query: '', statuses: [], lineage: false });
    },
    close: () => onSelect(null),
    help: () => setHelp(true),
  });

  const common = {
    subtasks: task.subtasks,
    selectedId,
    onSelect,
    find,
    commands,
    onStatusesChange: (statuses: TaskViewStatuses) => update({ statuses }),
  };
  return (
    <Box style={{ position: 'absolute', inset: 0, display: 'flex', flexDirection: 'column' }}>
      <FindBar
        state={state}
        update={update}
        query={query}
        onQueryChange={setQuery}
        commands={commands}
        matchCount={matches ? matches.size : null}
        hasSelection={selectedId !== null}
        searchRef={searchRef}
        onShowShortcuts={showShortcuts}
      >
        {exportMenu}
      </FindBar>
      <Box style={{ flex: 1, minHeight: 0, position: 'relative' }}>
        <ErrorBoundary region={t(`region.${state.mode}`)}>
          <Box style={{ position: 'absolute', inset: 0 }}>
            {state.mode !== 'table' && <GraphSummary subtasks={task.subtasks} id={`graph-summary-${task.id}`} />}
            <Suspense fallback={<Skeleton h="100%" radius={0} />}>
              {state.mode === 'graph' ? (
                renderGraph({
                  ...common,
                  live: task.status === 'RUNNING',
                  groups: state.groups,
                  onGroupsChange: (groups) => update({ groups }),
                  viewport: state.viewport,
                  onViewportChange,
                  onViewportMoveStart,
                  snapshot,
                })
              ) : state.mode === 'timeline' ? (
                <Timeline task={task} {...common} />
              ) : (
                <SubtaskTable
                  subtasks={task.subtasks}
                  selectedId={selectedId}
                  onSelect={onSelect}
                  find={find}
                  live={task.status === 'RUNNING'}
                />
              )}
            </Suspense>
          </Box>
        </ErrorBoundary>
      </Box>
      <ShortcutSheet opened={help} onClose={hideShortcuts} />
    </Box>
  );
}

type TaskViewStatuses = Parameters<NonNullable<TaskGraphProps['onStatusesChange']>>[0];
