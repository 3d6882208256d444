import { describe, expect, it } from 'vitest';
import { walk } from './keyboardWalk';
import { layoutGraph } from './layout';
import { buildGraphStructure, toLayoutInput } from './model';

// a → b, a → c, a → d (a fan-out), b/c/d → e
const subtasks = [
  { id: '1', upstreams: [], downstreams: ['2', '3', '4'], parallelIdx: -1 },
  { id: '2', upstreams: ['1'], downstreams: ['5'], parallelIdx: -1 },
  { id: '3', upstreams: ['1'], downstreams: ['5'], parallelIdx: -1 },
  { id: '4', upstreams: ['1'], downstreams: ['5'], parallelIdx: -1 },
  { id: '5', upstreams: ['2', '3', '4'], downstreams: [], parallelIdx: -1 },
];
const structure = buildGraphStructure(subtasks);
const layout = layoutGraph(toLayoutInput(structure));
const column = ['2', '3', '4'].sort((a, b) => layout.positions.get(a)!.y - layout.positions.get(b)!.y);

describe('walking the graph with arrow keys', () => {
  it('goes right to a downstream and left to an upstream, along edges', () => {
    expect(column).toContain(walk(structure, layout, '1', 'ArrowRight'));
    expect(walk(structure, layout, column[0]!, 'ArrowRight')).toBe('5');
    expect(walk(structure, layout, column[2]!, 'ArrowLeft')).toBe('1');
    expect(column).toContain(walk(structure, layout, '5', 'ArrowLeft'));
  });

  it('picks the neighbour nearest in height when there are several', () => {
    const fromStart = walk(structure, layout, '1', 'ArrowRight')!;
    const startY = layout.positions.get('1')!.y;
    for (const id of column) {
      expect(Math.abs(layout.positions.get(fromStart)!.y - startY)).toBeLessThanOrEqual(Math.abs(layout.positions.get(id)!.y - startY));
    }
  });

  it('goes up and down within a column, and stops at its ends and at the flow’s ends', () => {
    expect(walk(structure, layout, column[0]!, 'ArrowDown')).toBe(column[1]);
    expect(walk(structure, layout, column[1]!, 'ArrowDown')).toBe(column[2]);
    expect(walk(structure, layout, column[2]!, 'ArrowDown')).toBeNull();
    expect(walk(structure, layout, column[1]!, 'ArrowUp')).toBe(column[0]);
    expect(walk(structure, layout, column[0]!, 'ArrowUp')).toBeNull();
    expect(walk(structure, layout, '1', 'ArrowLeft')).toBeNull();
    expect(walk(structure, layout, '5', 'ArrowRight')).toBeNull();
    expect(walk(structure, layout, 'nope', 'ArrowRight')).toBeNull();
  });
});
