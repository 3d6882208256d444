import { describe, expect, it } from 'vitest';
import { graphFileName, taskJsonName } from './fileNames';
import { MAX_CANVAS_AREA, MAX_CANVAS_SIDE, pngScale } from './rasterize';

describe('pngScale', () => {
  it('draws at the scale asked when the canvas stays within the browser’s limits', () => {
    expect(pngScale(1440, 860, 2)).toBe(2);
    expect(pngScale(4000, 3000, 2)).toBe(2);
  });

  it('draws smaller when a side would pass the limit', () => {
    // The 5,000-subtask task's whole graph, fan-outs collapsed.
    const scale = pngScale(42_198, 4_988, 2);
    expect(scale).toBeCloseTo(MAX_CANVAS_SIDE / 42_198, 6);
    expect(Math.floor(42_198 * scale)).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(pngScale(3_000, 20_000, 2)).toBeCloseTo(MAX_CANVAS_SIDE / 20_000, 6);
  });

  it('draws smaller when the area would pass the budget, though each side fits', () => {
    // The 2,000-subtask task with every fan-out expanded: a tall column.
    const scale = pngScale(6_888, 19_736, 2);
    expect(scale).toBeLessThan(MAX_CANVAS_SIDE / 19_736);
    expect(Math.floor(6_888 * scale) * Math.floor(19_736 * scale)).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    expect(6_888 * 19_736 * scale * scale).toBeCloseTo(MAX_CANVAS_AREA, -3);
  });
});

describe('file names', () => {
  it('name the task, the part of the graph and a reduced scale', () => {
    expect(taskJsonName('1001')).toBe('task_1001.json');
    expect(graphFileName('1001', 'whole', 'svg')).toBe('task_1001_graph.svg');
    expect(graphFileName('1001', 'view', 'png', 2)).toBe('task_1001_graph_view.png');
    expect(graphFileName('9150', 'whole', 'png', 0.3882)).toBe('task_9150_graph_38pct.png');
    expect(graphFileName('9150', 'whole', 'png', 0.001)).toBe('task_9150_graph_1pct.png');
  });
});
