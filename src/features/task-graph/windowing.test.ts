import type { Edge } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { FlowNode } from './flowElements';
import { elementsInWindow, viewportWindow } from './windowing';

const size = { width: 1000, height: 500 };

describe('viewportWindow', () => {
  it('holds the whole viewport', () => {
    for (const transform of [
      [0, 0, 1],
      [-12345, -678, 0.9],
      [300, 200, 1.7],
      [-50_000, -9_000, 0.4],
    ] as const) {
      const { rect } = viewportWindow(transform, size);
      const [tx, ty, zoom] = transform;
      const left = -tx / zoom;
      const top = -ty / zoom;
      expect(rect.x).toBeLessThanOrEqual(left);
      expect(rect.y).toBeLessThanOrEqual(top);
      expect(rect.x + rect.width).toBeGreaterThanOrEqual(left + size.width / zoom);
      expect(rect.y + rect.height).toBeGreaterThanOrEqual(top + size.height / zoom);
    }
  });

  it('stays the same while panning a little, and changes across a tile or a zoom step', () => {
    const a = viewportWindow([-5000, -2000, 0.9], size);
    expect(viewportWindow([-5010, -2005, 0.9], size).key).toBe(a.key);
    expect(viewportWindow([-5000 - 1200, -2000, 0.9], size).key).not.toBe(a.key);
    expect(viewportWindow([-5000, -2000, 0.5], size).key).not.toBe(a.key);
  });
});

const node = (id: string, x: number, y: number): FlowNode => ({
  id,
  type: 'parallelGroup',
  position: { x, y },
  width: 100,
  height: 50,
  data: { count: 0, collapsible: false },
});
const edge = (source: string, target: string): Edge => ({ id: `${source}->${target}`, source, target });

describe('elementsInWindow', () => {
  const nodes = [node('a', 0, 0), node('b', 500, 0), node('c', 5000, 0), node('d', 5000, 3000), node('e', 9000, 0)];
  const edges = [edge('a', 'b'), edge('a', 'e'), edge('c', 'd'), edge('d', 'e')];

  it('keeps nodes in the window, edges crossing it, and the far ends of those edges', () => {
    const inside = elementsInWindow(nodes, edges, { x: 0, y: 0, width: 1000, height: 100 });
    // a→e crosses the window, so e comes along; c and d are elsewhere.
    expect(inside.nodes.map((n) => n.id)).toEqual(['a', 'b', 'e']);
    expect(inside.edges.map((e) => e.id)).toEqual(['a->b', 'a->e']);
  });

  it('keeps edges that may pass through the window with both ends outside (by bounding box)', () => {
    const inside = elementsInWindow(nodes, edges, { x: 6000, y: 0, width: 500, height: 100 });
    expect(inside.edges.map((e) => e.id)).toEqual(['a->e', 'd->e']);
    expect(inside.nodes.map((n) => n.id)).toEqual(['a', 'd', 'e']);
    expect(elementsInWindow(nodes, edges, { x: 6000, y: 5000, width: 500, height: 100 })).toEqual({ nodes: [], edges: [] });
  });
});
