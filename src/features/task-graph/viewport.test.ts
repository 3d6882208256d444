import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from './geometry';
import { centreOn, fitViewport, isOnScreen, openingViewport, subtaskAt } from './viewport';

const size = { width: 1000, height: 600 };

describe('fitViewport', () => {
  it('shows the whole layout, centred, never above 100 %', () => {
    const v = fitViewport({ width: 4000, height: 1000 }, size);
    expect(4000 * v.zoom).toBeLessThanOrEqual(size.width);
    expect(v.x + (4000 * v.zoom) / 2).toBeCloseTo(size.width / 2);
    expect(fitViewport({ width: 100, height: 50 }, size).zoom).toBe(1);
  });
});

describe('openingViewport', () => {
  const layout = { positions: new Map([['7', { x: 5000, y: 3000 }]]), groupBoxes: new Map(), width: 20_000, height: 8_000 };

  it('fits a graph that is readable fitted, and centres one that is not on its focus subtask', () => {
    const small = { ...layout, width: 1000, height: 400 };
    expect(openingViewport(small, size, { x: 500, y: 200 })).toEqual(fitViewport(small, size));
    const v = openingViewport(layout, size, { x: 5000, y: 3000 });
    expect(v.zoom).toBe(0.9);
    expect(isOnScreen({ x: 5000, y: 3000 }, [v.x, v.y, v.zoom], size)).toBe(true);
    expect(v.x + (5000 + NODE_WIDTH / 2) * v.zoom).toBeCloseTo(size.width / 2);
  });

  it('fits a large graph with nothing to focus on', () => {
    expect(openingViewport(layout, size, null)).toEqual(fitViewport(layout, size));
  });
});

describe('isOnScreen', () => {
  it('needs the whole node inside', () => {
    const v = centreOn({ x: 0, y: 0 }, size, 1);
    expect(isOnScreen({ x: 0, y: 0 }, [v.x, v.y, 1], size)).toBe(true);
    expect(isOnScreen({ x: 450, y: 0 }, [v.x, v.y, 1], size)).toBe(false);
  });
});

describe('subtaskAt', () => {
  it('finds the subtask under a point, with slack', () => {
    const layout = { positions: new Map([['1', { x: 100, y: 100 }]]) };
    expect(subtaskAt(layout, { x: 100 + NODE_WIDTH / 2, y: 100 + NODE_HEIGHT / 2 })).toBe('1');
    expect(subtaskAt(layout, { x: 95, y: 95 })).toBe('1');
    expect(subtaskAt(layout, { x: 0, y: 0 })).toBeNull();
  });
});
