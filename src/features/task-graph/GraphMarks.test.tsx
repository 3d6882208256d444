import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SubtaskInstance, type SubtaskInstanceWire } from '../../api/schemas';
import { subtaskDisplayStatus } from '../../components/subtaskStatus';
import { TaskGraph, type TaskGraphProps } from './TaskGraph';

// Every drawn subtask node asks for its display status once per render: the count of calls tells renders.
vi.mock('../../components/subtaskStatus', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../components/subtaskStatus')>();
  return { ...actual, subtaskDisplayStatus: vi.fn(actual.subtaskDisplayStatus) };
});

type Wire = Partial<SubtaskInstanceWire> & { id: number };
const parse = (...wire: Wire[]) =>
  wire.map((w) => SubtaskInstance.parse({ name: `Step ${w.id}`, status: 'PENDING', operation: 'EXECUTE', ...w }));
const at = (s: number) => `2024-01-01T08:00:${String(s).padStart(2, '0')}.000+08:00`;

function renderGraph(props: Partial<TaskGraphProps> & Pick<TaskGraphProps, 'subtasks'>) {
  const ui = (p: typeof props) => (
    <MantineProvider>
      <div style={{ height: 600 }}>
        <TaskGraph selectedId={null} onSelect={vi.fn()} {...p} />
      </div>
    </MantineProvider>
  );
  const view = render(ui(props));
  return { ...view, rerender: (next: Partial<TaskGraphProps>) => view.rerender(ui({ ...props, ...next })) };
}
const node = (id: string) => screen.getByTestId(`rf__node-${id}`);
const root = (id: string) => node(id).querySelector('[data-status]') as HTMLElement;

describe('what the graph says', () => {
  it('reads an undone subtask "Rolled back" on its node, keeping data-status PENDING; one that never ran stays "Pending"', async () => {
    renderGraph({
      subtasks: parse(
        { id: 1, status: 'PENDING', operation: 'ROLLBACK', startTime: at(1), finishTime: at(2), downstreams: [2] },
        { id: 2, status: 'PENDING', upstreams: [1], downstreams: [3] },
        { id: 3, status: 'PENDING', operation: 'ROLLBACK_SKIP', startTime: at(1), finishTime: at(3), upstreams: [2] },
      ),
    });
    expect(await screen.findByTestId('rf__node-1')).toBeInTheDocument();
    expect(root('1')).toHaveAttribute('data-status', 'PENDING');
    expect(root('1')).toHaveAttribute('data-display-status', 'ROLLED_BACK');
    expect(within(node('1')).getByText('Rolled back')).toBeInTheDocument();
    expect(within(node('2')).getByText('Pending')).toBeInTheDocument();
    expect(within(node('3')).getByText('Rollback skipped')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Step 1 — Rolled back' })).toBe(node('1'));
  });

  it('marks the subtask that failed first by finish time, not the first in the flow', async () => {
    renderGraph({
      subtasks: parse(
        { id: 1, status: 'FAILED', finishTime: at(30), downstreams: [3] },
        { id: 2, status: 'FAILED', finishTime: at(10), downstreams: [3] },
        { id: 3, upstreams: [1, 2] },
      ),
    });
    expect(await screen.findByTestId('rf__node-2')).toBeInTheDocument();
    expect(root('2')).toHaveAttribute('data-first-failure', 'true');
    expect(within(node('2')).getByText('First failure')).toBeInTheDocument();
    expect(root('1')).not.toHaveAttribute('data-first-failure');
  });

  it('offers Follow, pressed, only on a running task, and lets the operator turn it off', async () => {
    const subtasks = parse({ id: 1, status: 'RUNNING', startTime: at(1) });
    const view = renderGraph({ subtasks, live: true });
    const follow = await screen.findByRole('button', { name: 'Follow running' });
    expect(follow).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(follow);
    expect(follow).toHaveAttribute('aria-pressed', 'false');
    view.unmount();
    renderGraph({ subtasks, live: false });
    await screen.findByTestId('rf__node-1');
    expect(screen.queryByRole('button', { name: 'Follow running' })).not.toBeInTheDocument();
  });

  it('marks a search and the lineage on the drawn nodes and edges without re-rendering any of them', async () => {
    const subtasks = parse({ id: 1, downstreams: [2] }, { id: 2, upstreams: [1], downstreams: [3] }, { id: 3, upstreams: [2] });
    const view = renderGraph({ subtasks });
    expect(await screen.findByTestId('rf__node-3')).toBeInTheDocument();
    await screen.findByTestId('rf__edge-2->3');
    const edge = (id: string) => screen.getByTestId(`rf__edge-${id}`).querySelector('.react-flow__edge-path');
    const renders = vi.mocked(subtaskDisplayStatus).mock.calls.length;
    view.rerender({ find: { matches: new Set(['2']), statuses: [], lineage: false } });
    expect(root('2')).toHaveAttribute('data-mark', 'match');
    expect(root('1')).toHaveAttribute('data-mark', 'dim');
    expect(edge('1->2')).toHaveAttribute('data-mark', 'dim');
    const rendered = () =>
      vi
        .mocked(subtaskDisplayStatus)
        .mock.calls.slice(renders)
        .map(([s]) => (s as SubtaskInstance).id);
    expect(rendered()).toEqual([]);
    view.rerender({ selectedId: '2', find: { matches: null, statuses: [], lineage: true } });
    expect(root('1')).toHaveAttribute('data-mark', 'lineage');
    expect(root('2')).not.toHaveAttribute('data-mark');
    expect(edge('2->3')).toHaveAttribute('data-mark', 'lineage');
    // The selection re-renders the selected node (React Flow's `selected`), and only it.
    expect(new Set(rendered())).toEqual(new Set(['2']));
    view.rerender({ selectedId: '2', find: { matches: null, statuses: [], lineage: false } });
    for (const id of ['1', '2', '3']) expect(root(id)).not.toHaveAttribute('data-mark');
    expect(edge('2->3')).not.toHaveAttribute('data-mark');
  });
});
