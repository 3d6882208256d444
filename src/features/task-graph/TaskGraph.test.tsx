import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SubtaskInstance, type SubtaskInstanceWire } from '../../api/schemas';
import { emphasisOf, lineageOf, type FindState } from './find';
import { generateSubtasks } from './fixtures';
import { replaceEdges, replaceNodes } from './flowStore';
import { layoutGraph } from './layout';
import { TaskGraph, type TaskGraphProps } from './TaskGraph';

// Wrap the real layout to count how often it runs.
vi.mock('./layout', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./layout')>();
  return { ...actual, layoutGraph: vi.fn(actual.layoutGraph) };
});
// And what is handed to React Flow's store, to see that a find hands it nothing.
vi.mock('./flowStore', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./flowStore')>();
  return { ...actual, replaceNodes: vi.fn(actual.replaceNodes), replaceEdges: vi.fn(actual.replaceEdges) };
});

type Wire = Partial<SubtaskInstanceWire> & { id: number };
const parse = (...wire: Wire[]) =>
  wire.map((w) => SubtaskInstance.parse({ name: `Step ${w.id}`, status: 'PENDING', operation: 'EXECUTE', ...w }));

const task = () =>
  parse(
    {
      id: 1,
      name: 'Check parameters',
      status: 'SUCCESSFUL',
      downstreams: [2, 3],
      startTime: '2024-01-01T08:00:00.000+08:00',
      finishTime: '2024-01-01T08:00:42.000+08:00',
    },
    { id: 2, name: 'Install OBServer on 10.0.0.3', status: 'FAILED', upstreams: [1], downstreams: [4], parallelIdx: 0, runTime: 2 },
    { id: 3, name: 'Install OBServer on 10.0.0.4', status: 'RUNNING', upstreams: [1], downstreams: [4], parallelIdx: 1 },
    { id: 4, name: '<img src=x onerror="alert(1)">', upstreams: [2, 3] },
  );

function renderGraph(props: Partial<TaskGraphProps> = {}) {
  const all: TaskGraphProps = { subtasks: task(), selectedId: null, onSelect: vi.fn(), ...props };
  // StrictMode, as the app runs in development: React Flow resets its store when effects replay.
  const ui = (p: TaskGraphProps) => (
    <StrictMode>
      <MantineProvider>
        <div style={{ height: 600 }}>
          <TaskGraph {...p} />
        </div>
      </MantineProvider>
    </StrictMode>
  );
  const view = render(ui(all));
  const rerender = (next: Partial<TaskGraphProps>) => view.rerender(ui({ ...all, ...next }));
  return { ...view, rerender, props: all };
}

const nodeElement = (id: string) => screen.getByTestId(`rf__node-${id}`);
const nodeRoot = (id: string) => nodeElement(id).querySelector('[data-status]') as HTMLElement;
/** A node's search/filter/lineage mark, as drawn on its own root (data-mark, which the CSS draws). */
const markOf = (id: string) => nodeRoot(id).getAttribute('data-mark');
const edgePath = (id: string) => screen.getByTestId(`rf__edge-${id}`).querySelector('.react-flow__edge-path') as SVGPathElement;

describe('TaskGraph', () => {
  it('draws one node per subtask with its status, operation and name as text', async () => {
    renderGraph();
    expect(await screen.findByTestId('rf__node-1')).toBeInTheDocument();
    expect(nodeRoot('2')).toHaveAttribute('data-status', 'FAILED');
    expect(nodeRoot('2')).toHaveAttribute('data-operation', 'EXECUTE');
    expect(nodeRoot('3')).toHaveAttribute('data-status', 'RUNNING');
    expect(within(nodeElement('2')).getByText('Failed')).toBeInTheDocument();
    expect(within(nodeElement('2')).getByText('run 2')).toBeInTheDocument();
    expect(within(nodeElement('1')).getByText('42 s')).toBeInTheDocument();
    expect(within(nodeElement('4')).getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument();
    expect(nodeElement('4').querySelector('img')).toBeNull();
    expect(screen.getByRole('group', { name: 'Install OBServer on 10.0.0.3 — Failed' })).toBe(nodeElement('2'));
  });

  it('marks a parallel fan-out with a shared backdrop and chips', async () => {
    renderGraph();
    expect(await screen.findByText('Parallel ×2')).toBeInTheDocument();
    expect(within(nodeElement('3')).getByText('∥ 1')).toBeInTheDocument();
  });

  it('shows the rollback operation on nodes being undone', async () => {
    const subtasks = task().map((s) => (s.id === '1' ? { ...s, operation: 'ROLLBACK' as const, status: 'RUNNING' as const } : s));
    renderGraph({ subtasks });
    await screen.findByTestId('rf__node-1');
    expect(nodeRoot('1')).toHaveAttribute('data-operation', 'ROLLBACK');
    expect(within(nodeElement('1')).getByText('↺ Rollback')).toBeInTheDocument();
  });

  it('counts every status in the legend', async () => {
    renderGraph();
    const legend = await screen.findByRole('group', { name: 'Status legend' });
    const count = (label: string) =>
      within(legend)
        .getByRole('button', { name: new RegExp(`^${label}:`) })
        .getAttribute('aria-label');
    expect(count('Pending')).toBe('Pending: 1');
    expect(count('Ready')).toBe('Ready: 0');
    expect(count('Running')).toBe('Running: 1');
    expect(count('Canceling')).toBe('Canceling: 0');
    expect(count('Failed')).toBe('Failed: 1');
    expect(count('Successful')).toBe('Successful: 1');
  });

  it('a legend click filters by status: the others are dimmed, nothing moves, nothing is laid out again', async () => {
    const onStatusesChange = vi.fn();
    const { rerender } = renderGraph({ onStatusesChange });
    await screen.findByTestId('rf__node-1');
    const before = nodeElement('1').style.transform;
    const layouts = vi.mocked(layoutGraph).mock.calls.length;
    const legend = screen.getByRole('group', { name: 'Status legend' });
    fireEvent.click(within(legend).getByRole('button', { name: /^Failed:/ }));
    expect(onStatusesChange).toHaveBeenCalledWith(['FAILED']);

    rerender({ onStatusesChange, find: { matches: null, statuses: ['FAILED'], lineage: false } });
    expect(markOf('2')).toBeNull();
    expect(markOf('1')).toBe('dim');
    expect(markOf('3')).toBe('dim');
    expect(within(legend).getByRole('button', { name: /^Failed:/ })).toHaveAttribute('aria-pressed', 'true');
    expect(nodeElement('1').style.transform).toBe(before);
    expect(vi.mocked(layoutGraph).mock.calls.length).toBe(layouts);
  });

  it('marks search hits and the lineage of the selection on each node root', async () => {
    const { rerender } = renderGraph();
    await screen.findByTestId('rf__node-1');
    rerender({ find: { matches: new Set(['2', '3']), statuses: [], lineage: false } });
    expect(markOf('2')).toBe('match');
    expect(markOf('3')).toBe('match');
    expect(markOf('4')).toBe('dim');
    rerender({ selectedId: '2', find: { matches: null, statuses: [], lineage: true } });
    expect(markOf('1')).toBe('lineage');
    expect(markOf('4')).toBe('lineage');
    expect(markOf('3')).toBe('dim');
  });

  it('keeps every drawn mark current through a run of finds, handing React Flow no new node or edge for them', async () => {
    const subtasks = task();
    const { rerender } = renderGraph({ subtasks });
    await screen.findByTestId('rf__node-1');
    const edges = ['1->2', '1->3', '2->4', '3->4'];
    await screen.findByTestId('rf__edge-2->4');
    const handedOver = () => vi.mocked(replaceNodes).mock.calls.length + vi.mocked(replaceEdges).mock.calls.length;
    const steps: [TaskGraphProps['find'], string | null][] = [
      [{ matches: new Set(['2', '3']), statuses: [], lineage: false }, null],
      [{ matches: new Set(['2']), statuses: [], lineage: false }, null], // 3: match → dim
      [{ matches: new Set(), statuses: [], lineage: false }, null], // everything dim
      [{ matches: null, statuses: ['FAILED'], lineage: false }, null],
      [{ matches: new Set(['3']), statuses: ['FAILED', 'RUNNING'], lineage: false }, null],
      [{ matches: null, statuses: [], lineage: false }, null], // nothing found: no mark left anywhere
      [{ matches: null, statuses: [], lineage: true }, '2'],
      [{ matches: null, statuses: [], lineage: true }, '3'], // lineage moves with the selection
      [{ matches: new Set(['1', '4']), statuses: [], lineage: true }, '3'],
      [{ matches: null, statuses: [], lineage: false }, '3'],
    ];
    let selected: string | null = null;
    for (const [find, selectedId] of steps) {
      const before = handedOver();
      rerender({ subtasks, find, selectedId });
      const state: FindState = {
        matches: find?.matches ?? null,
        statusFilter: new Set(find?.statuses ?? []),
        lineage:
          find?.lineage && selectedId
            ? lineageOf(
                selectedId,
                edges.map((id) => ({ id, source: id[0] as string, target: id[3] as string })),
              )
            : null,
      };
      const active = state.matches !== null || state.statusFilter.size > 0 || state.lineage !== null;
      const want = new Map(subtasks.map((s) => [s.id, active ? emphasisOf(s, state, selectedId) : null]));
      for (const s of subtasks)
        expect(markOf(s.id), `subtask ${s.id} after ${JSON.stringify({ ...find, matches: [...(find?.matches ?? [])], selectedId })}`).toBe(
          want.get(s.id),
        );
      for (const id of edges) {
        const [source, target] = [id[0] as string, id[3] as string];
        const dim = want.get(source) === 'dim' || want.get(target) === 'dim';
        const onChain = (end: string) => end === selectedId || want.get(end) === 'lineage';
        const lineage = !dim && state.lineage !== null && onChain(source) && onChain(target);
        expect(edgePath(id).getAttribute('data-mark'), `edge ${id}`).toBe(dim ? 'dim' : lineage ? 'lineage' : null);
        expect(edgePath(id).style.strokeWidth, `edge ${id}`).toBe(target === '2' || target === '3' ? '2' : ''); // into FAILED / RUNNING
      }
      // Only a new selection may hand React Flow new nodes (their `selected`); a find alone never does.
      if (selectedId === selected) expect(handedOver()).toBe(before);
      selected = selectedId;
    }
  });

  it('draws a large fan-out as one group node that expands in place and collapses again', async () => {
    const hosts = Array.from({ length: 10 }, (_, i) => ({
      id: 100 + i,
      parallelIdx: i,
      upstreams: [1],
      downstreams: [2],
      status: i === 3 ? ('FAILED' as const) : ('SUCCESSFUL' as const),
    }));
    const subtasks = parse({ id: 1, status: 'SUCCESSFUL', downstreams: hosts.map((h) => h.id) }, ...hosts, {
      id: 2,
      upstreams: hosts.map((h) => h.id),
    });
    const onGroupsChange = vi.fn();
    const { rerender } = renderGraph({ subtasks, groups: '100', onGroupsChange });
    const group = await screen.findByTestId('collapsed-group');
    expect(group).toHaveAttribute('data-headline', 'FAILED');
    expect(within(group).getByText('1 failed inside')).toBeInTheDocument();
    expect(screen.queryByTestId('rf__node-103')).toBeNull();
    fireEvent.click(within(group).getByRole('button', { name: 'Expand' }));
    expect(onGroupsChange).toHaveBeenCalledWith(null);
    rerender({ subtasks, groups: null, onGroupsChange });
    expect(await screen.findByTestId('rf__node-103')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Collapse' }));
    expect(onGroupsChange).toHaveBeenLastCalledWith('100');
  });

  it('keeps every node in place when statuses change, without laying out again', async () => {
    // A structure no other test uses, so the module-level layout cache starts cold for it.
    const fresh = task()
      .map((s) => (s.id === '4' ? { ...s, name: 'Finish', downstreams: ['5'] } : s))
      .concat(parse({ id: 5, upstreams: [4] }));
    const { rerender } = renderGraph({ subtasks: fresh });
    await screen.findByTestId('rf__node-5');
    const calls = vi.mocked(layoutGraph).mock.calls.length;
    const ids = ['1', '2', '3', '4', '5'];
    const before = ids.map((id) => nodeElement(id).style.transform);
    expect(new Set(before).size).toBe(5);
    // A poll: new objects (as a fresh parse gives), new statuses, same structure.
    const polled = fresh.map((s) => ({ ...s, upstreams: [...s.upstreams], status: 'SUCCESSFUL' as const, operation: 'RETRY' as const }));
    rerender({ subtasks: polled });
    expect(nodeRoot('2')).toHaveAttribute('data-status', 'SUCCESSFUL');
    expect(ids.map((id) => nodeElement(id).style.transform)).toEqual(before);
    await new Promise((r) => setTimeout(r, 20));
    expect(vi.mocked(layoutGraph).mock.calls.length).toBe(calls);
  });

  it('selects on node click, clears on pane click, and highlights the selected node', async () => {
    const onSelect = vi.fn();
    const { rerender } = renderGraph({ onSelect });
    fireEvent.click(await screen.findByTestId('rf__node-2'));
    expect(onSelect).toHaveBeenLastCalledWith('2');
    rerender({ onSelect, selectedId: '2' });
    expect(nodeElement('2')).toHaveClass('selected');
    expect(nodeElement('3')).not.toHaveClass('selected');
    fireEvent.click(document.querySelector('.react-flow__pane') as Element);
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });

  it('opens a large task on its failed subtask and hands React Flow only what is around the screen', async () => {
    const subtasks = generateSubtasks({ count: 800, seed: 4 });
    const failed = subtasks.find((s) => s.status === 'FAILED');
    renderGraph({ subtasks });
    const node = await screen.findByTestId(`rf__node-${failed?.id}`, {}, { timeout: 5000 });
    expect(node.querySelector('[data-status]')).toHaveAttribute('data-status', 'FAILED');
    expect(document.querySelectorAll('.react-flow__node').length).toBeLessThan(subtasks.length / 2);
  });

  it('selects a node from the keyboard', async () => {
    const onSelect = vi.fn();
    renderGraph({ onSelect });
    fireEvent.keyDown(await screen.findByTestId('rf__node-3'), { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith('3');
  });

  it('says so when a task has no subtasks', () => {
    renderGraph({ subtasks: [] });
    expect(screen.getByText('This task has no subtasks.')).toBeInTheDocument();
  });

  it('notes references to unknown subtasks', async () => {
    renderGraph({ subtasks: parse({ id: 1, downstreams: [2, 99] }, { id: 2, upstreams: [1] }) });
    expect(await screen.findByText(/1 reference to unknown subtasks ignored/)).toBeInTheDocument();
  });

  it('shows an error instead of hanging on a cycle', () => {
    renderGraph({ subtasks: parse({ id: 1, downstreams: [2] }, { id: 2, downstreams: [1] }) });
    expect(screen.getByText(/form a cycle/)).toBeInTheDocument();
  });
});
