import '@xyflow/react/dist/style.css';
import { Alert, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import type { SubtaskInstance } from '../../api/schemas';
import type { GraphSnapshotSource } from './export/snapshotSource';
import { collapsedGroups, collapsible, hiddenMembers, layoutKey, readToggles, togglesFor, writeToggles } from './collapse';
import type { StatusFilter } from './find';
import { GraphCanvas } from './GraphCanvas';
import classes from './TaskGraph.module.css';
import { prewarmLayout } from './layoutRunner';
import { NO_FIND, type GraphFindInput } from './useGraphFind';
import { useGraphLayout } from './useGraphLayout';
import { useGraphStructure } from './useGraphStructure';
import type { ViewCommands } from './viewCommands';
import type { Size, Viewport } from './viewport';

export interface TaskGraphProps {
  /** From src/api/schemas.ts, already sorted. */
  subtasks: readonly SubtaskInstance[];
  /** The selected subtask's id. */
  selectedId: string | null;
  /** A node click selects; a pane click clears. */
  onSelect: (id: string | null) => void;
  /** Search hits, picked statuses and lineage: what stands out and what is dimmed. */
  find?: GraphFindInput;
  onStatusesChange?: (statuses: StatusFilter[]) => void;
  /** Parallel groups toggled from their default (URL form, see collapse.ts); uncontrolled when no handler. */
  groups?: string | null;
  onGroupsChange?: (groups: string | null) => void;
  /** The viewport to open at (a link's); reported back after every move. */
  viewport?: Viewport | null;
  onViewportChange?: (viewport: Viewport) => void;
  /** A move began (pan, zoom, or one asked for): a report still waiting for a pause can wait longer. */
  onViewportMoveStart?: () => void;
  commands?: ViewCommands;
  /** The task is RUNNING: offer Follow mode, on by default. */
  live?: boolean;
  /** Set while a graph is drawn, for the Export menu to read it (see export/snapshotSource.ts). */
  snapshot?: GraphSnapshotSource;
}

/** The DAG of a task's subtasks, coloured by status. Fills its parent, which must give it a height. */
export function TaskGraph(props: TaskGraphProps): JSX.Element {
  const [root, size] = useFirstSize();
  return (
    <div className={classes.root} data-testid="task-graph" ref={root}>
      <ReactFlowProvider>
        <TaskGraphBody {...props} size={size} />
      </ReactFlowProvider>
    </div>
  );
}

/**
 * The container's first non-empty size (React Flow follows later resizes itself). Read in the commit
 * when the container already has its size, so the graph draws in the same task as the page around it;
 * a ResizeObserver otherwise (a container that gets its size later, or jsdom, where it has none).
 */
function useFirstSize() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || size) return;
    const { width, height } = el.getBoundingClientRect();
    if (width > 0 && height > 0) {
      setSize({ width, height });
      return;
    }
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry?.contentRect ?? { width: 0, height: 0 };
      if (width > 0 && height > 0) {
        setSize({ width, height });
        observer.disconnect();
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [size]);
  return [ref, size] as const;
}

// This module loads when a task page is about to draw its graph: get the layout code and the graph's
// words ready now, in parallel with the task reply, rather than one after the other once it is parsed.
prewarmLayout();
void i18next.loadNamespaces('graph');

const ignore = () => {};

/** Structure and layout start at once; only drawing waits for the container's size. */
function TaskGraphBody(props: TaskGraphProps & { size: Size | null }) {
  const { subtasks, selectedId, onSelect, size } = props;
  const structure = useGraphStructure(subtasks);
  const [ownGroups, setOwnGroups] = useState<string | null>(null);
  const groupsRaw = props.onGroupsChange ? (props.groups ?? null) : ownGroups;
  const setGroups = props.onGroupsChange ?? setOwnGroups;
  const collapsed = useMemo(() => collapsedGroups(structure, readToggles(groupsRaw)), [structure, groupsRaw]);
  const collapsibleIds = useMemo(() => new Set(collapsible(structure).map((g) => g.id)), [structure]);
  const toggleGroup = (groupId: string) => {
    const next = new Set(collapsed);
    if (!next.delete(groupId)) next.add(groupId);
    setGroups(writeToggles(togglesFor(structure, next)));
  };
  // A subtask selected from outside the graph (timeline, panel, link) inside a collapsed group: open it.
  const hiddenGroup = selectedId ? hiddenMembers(structure, collapsed).get(selectedId) : undefined;
  useEffect(() => {
    if (hiddenGroup === undefined) return;
    const next = new Set(collapsed);
    next.delete(hiddenGroup);
    setGroups(writeToggles(togglesFor(structure, next)));
  }, [hiddenGroup, collapsed, structure, setGroups]);
  const { status, layout, error } = useGraphLayout(structure, collapsed);
  // The viewport at the last move, so a relayout (a group expanded) reopens where the operator was.
  const [ownViewport, setOwnViewport] = useState<Viewport | null>(null);
  const lastViewport = props.onViewportChange ? (props.viewport ?? null) : ownViewport;
  const onViewportChange = props.onViewportChange ?? setOwnViewport;
  const { t } = useTranslation('graph');

  if (subtasks.length === 0) {
    return (
      <Centered>
        <Text c="dimmed">{t('empty')}</Text>
      </Centered>
    );
  }
  if (status === 'error') {
    return (
      <Centered>
        <Alert color="red" title={t('cannotDraw')} icon={<IconAlertTriangle />} maw={560}>
          {error}
        </Alert>
      </Centered>
    );
  }
  if (status === 'pending' || !size) {
    return (
      <Centered>
        <Stack align="center" gap="xs" role="status">
          <Loader />
          <Text size="sm">{t('layingOut', { count: subtasks.length })}</Text>
        </Stack>
      </Centered>
    );
  }
  return (
    <GraphCanvas
      key={layoutKey(structure, collapsed)}
      structure={structure}
      layout={layout}
      subtasks={subtasks}
      selectedId={selectedId}
      onSelect={onSelect}
      size={size}
      find={props.find ?? NO_FIND}
      onStatusesChange={props.onStatusesChange ?? ignore}
      collapsed={collapsed}
      collapsibleIds={collapsibleIds}
      onToggleGroup={toggleGroup}
      initialViewport={lastViewport}
      onViewportChange={onViewportChange}
      onViewportMoveStart={props.onViewportMoveStart}
      commands={props.commands}
      live={props.live ?? false}
      snapshot={props.snapshot}
    />
  );
}

function Centered({ children }: { children: ReactNode }) {
  return <div className={classes.centered}>{children}</div>;
}
