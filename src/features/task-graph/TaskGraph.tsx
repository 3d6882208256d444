import '@xyflow/react/dist/style.css';
import { Alert, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ReactFlowProvider } from '@xyflow/react';
import { useLayoutEffect, useRef, useState, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import type { SubtaskInstance } from '../../api/schemas';
import { GraphCanvas } from './GraphCanvas';
import classes from './TaskGraph.module.css';
import { prewarmLayout } from './layoutRunner';
import { useGraphLayout } from './useGraphLayout';
import { useGraphStructure } from './useGraphStructure';
import type { Size } from './viewport';

export interface TaskGraphProps {
  /** From src/api/schemas.ts, already sorted. */
  subtasks: readonly SubtaskInstance[];
  /** The selected subtask's id. */
  selectedId: string | null;
  /** A node click selects; a pane click clears. */
  onSelect: (id: string | null) => void;
  /** The task is RUNNING: offer Follow mode, on by default. */
  live?: boolean;
}

/** The DAG of a task's subtasks, coloured by status. Fills its parent, which must give it a height. */
export function TaskGraph(props: TaskGraphProps): JSX.Element {
  const [root, size] = useFirstSize();
  return (
    <div className={classes.root} data-testid="task-graph" ref={root}>
      <ReactFlowProvider>{size && <TaskGraphBody {...props} size={size} />}</ReactFlowProvider>
    </div>
  );
}

/** The container's first non-empty size (React Flow follows later resizes itself). */
function useFirstSize() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<Size | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || size) return;
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

function TaskGraphBody({ subtasks, selectedId, onSelect, size, live = false }: TaskGraphProps & { size: Size }) {
  const structure = useGraphStructure(subtasks);
  const { status, layout, error } = useGraphLayout(structure);
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
  if (status === 'pending') {
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
      key={structure.hash}
      structure={structure}
      layout={layout}
      subtasks={subtasks}
      selectedId={selectedId}
      onSelect={onSelect}
      size={size}
      live={live}
    />
  );
}

function Centered({ children }: { children: ReactNode }) {
  return <div className={classes.centered}>{children}</div>;
}
