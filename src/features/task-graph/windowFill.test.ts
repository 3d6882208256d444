import type { Edge } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { FlowNode } from './flowElements';
import { NODE_HEIGHT, NODE_WIDTH } from './geometry';
import { fillStep } from './windowFill';

/** A grid of `cols`×`rows` nodes, 300 × 100 apart, each linked to its right neighbour. */
function grid(cols: number, rows: number) {
  const nodes: FlowNode[] = [];
  const edges: Edge[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const id = `${c}:${r}`;
      nodes.push({
        id,
        type: 'parallelGroup',
        position: { x: c * 300, y: r * 100 },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        data: { count: 0, collapsible: false },
      });
      if (c > 0) edges.push({ id: `${c - 1}:${r}->${id}`, source: `${c - 1}:${r}`, target: id });
    }
  }
  return { nodes, edges };
}

const screen = { x: 0, y: 0, width: 3000, height: 1000 }; // the whole 10×10 grid

describe('fillStep', () => {
  it('hands over a window at once when few nodes come on screen', () => {
    const target = grid(4, 4);
    const step = fillStep(target, new Set(), screen, 40);
    expect(step.complete).toBe(true);
    expect(step.nodes).toEqual(target.nodes);
    expect(step.edges).toEqual(target.edges);
  });

  it('fills a large window a budget at a time, nearest the centre first, until every node is in at its place', () => {
    const target = grid(10, 10);
    const shown = new Set<string>();
    const steps: string[][] = [];
    let step = fillStep(target, shown, screen, 30);
    for (let i = 0; !step.complete && i < 10; i++) {
      const added = step.nodes.filter((n) => !shown.has(n.id)).map((n) => n.id);
      steps.push(added);
      for (const id of added) shown.add(id);
      // An edge only between nodes handed over; nodes are the window's own objects, in its order.
      const ids = new Set(step.nodes.map((n) => n.id));
      for (const e of step.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(step.nodes.every((n) => target.nodes.includes(n))).toBe(true);
      expect(target.nodes.filter((n) => ids.has(n.id))).toEqual(step.nodes);
      step = fillStep(target, shown, screen, 30);
    }
    expect(steps.map((s) => s.length)).toEqual([30, 30, 30]);
    expect(step.complete).toBe(true);
    expect(step.nodes).toEqual(target.nodes);
    expect(step.edges).toEqual(target.edges);
    // The first step holds the nodes around the centre (1500, 500), the corners come last.
    expect(steps[0]).toContain('4:4');
    expect(steps[0]).toContain('5:5');
    expect(steps[0]).not.toContain('0:0');
    expect(steps.flat()).not.toContain('0:0'); // the farthest: in the final, complete step
  });

  it('hands over off-screen nodes at once: only what comes on screen costs a frame', () => {
    const target = grid(10, 10);
    const step = fillStep(target, new Set(), { x: 0, y: 0, width: 900, height: 1000 }, 10);
    expect(step.complete).toBe(false);
    const inLeftColumns = (n: FlowNode) => n.position.x < 900;
    expect(step.nodes.filter(inLeftColumns)).toHaveLength(10);
    expect(step.nodes.filter((n) => !inLeftColumns(n))).toHaveLength(70);
  });
});
