import { ReactFlow, ReactFlowProvider, useReactFlow, useStoreApi, type Edge, type Node, type ReactFlowInstance } from '@xyflow/react';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { replaceEdges, replaceNodes, setViewportNow } from './flowStore';

/**
 * The contract flowStore.ts relies on in React Flow's internal store, checked through React Flow's
 * public API and the DOM it renders: if an @xyflow/react upgrade renames or changes these actions,
 * this fails before the graph silently stops drawing.
 */
function renderFlow() {
  const handles: { store?: ReturnType<typeof useStoreApi>; flow?: ReactFlowInstance } = {};
  function Probe() {
    handles.store = useStoreApi();
    handles.flow = useReactFlow();
    return null;
  }
  render(
    <ReactFlowProvider>
      <div style={{ width: 800, height: 600 }}>
        <ReactFlow aria-label="test flow">
          <Probe />
        </ReactFlow>
      </div>
    </ReactFlowProvider>,
  );
  const { store, flow } = handles;
  if (!store || !flow) throw new Error('React Flow did not render its children');
  return { store, flow };
}

const node = (id: string, x: number): Node => ({ id, position: { x, y: 0 }, width: 220, height: 80, data: {} });

describe('flowStore: React Flow internals used by the graph', () => {
  it('sets the viewport and pane size at once', () => {
    const { store, flow } = renderFlow();
    act(() => setViewportNow(store, { x: -120, y: 40, zoom: 0.75 }, { width: 1234, height: 567 }));
    expect(flow.getViewport()).toEqual({ x: -120, y: 40, zoom: 0.75 });
    expect(store.getState().width).toBe(1234);
    expect(store.getState().height).toBe(567);
  });

  it('replaces the nodes synchronously, with their lookups, and draws them', () => {
    const { store, flow } = renderFlow();
    const nodes = [node('a', 0), node('b', 300)];
    act(() => replaceNodes(store, nodes));
    // Same objects, no copy: the graph relies on identity to skip unchanged nodes.
    expect(flow.getNodes()).toEqual(nodes);
    expect(store.getState().nodes[1]).toBe(nodes[1]);
    expect(flow.getInternalNode('b')?.internals.positionAbsolute).toEqual({ x: 300, y: 0 });
    expect(screen.getByTestId('rf__node-a')).toBeInTheDocument();
    act(() => replaceNodes(store, [nodes[1]!]));
    expect(flow.getInternalNode('a')).toBeUndefined();
    expect(screen.queryByTestId('rf__node-a')).not.toBeInTheDocument();
  });

  it('replaces the edges synchronously, with the connection lookup', () => {
    const { store, flow } = renderFlow();
    const edges: Edge[] = [{ id: 'a-b', source: 'a', target: 'b' }];
    act(() => {
      replaceNodes(store, [node('a', 0), node('b', 300)]);
      replaceEdges(store, edges);
    });
    expect(flow.getEdges()).toEqual(edges);
    expect(flow.getNodeConnections({ nodeId: 'b', type: 'target' }).map((c) => c.source)).toEqual(['a']);
  });
});
