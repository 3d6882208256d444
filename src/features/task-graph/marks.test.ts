import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from './geometry';
import { emphasised, followViewport, markBox, MIN_MARK_PX } from './marks';

const size = { width: 1000, height: 600 };

describe('emphasised', () => {
  it('keeps failed, running and canceling subtasks, failures last so they are drawn on top', () => {
    const subtasks = [
      { id: '1', status: 'FAILED' as const },
      { id: '2', status: 'SUCCESSFUL' as const },
      { id: '3', status: 'RUNNING' as const },
      { id: '4', status: 'PENDING' as const },
      { id: '5', status: 'CANCELING' as const },
    ];
    expect(emphasised(subtasks).map((s) => s.id)).toEqual(['5', '3', '1']);
  });
});

describe('markBox', () => {
  it('is the node itself when zoomed in enough', () => {
    expect(markBox({ x: 100, y: 50 }, 1)).toEqual({ x: 100, y: 50, width: NODE_WIDTH, height: NODE_HEIGHT });
  });

  it('grows around the node centre so it is never smaller than the minimum on screen', () => {
    const zoom = 0.02; // a 5,000-subtask overview: a node is 4.4 × 1.6 px
    const box = markBox({ x: 100, y: 50 }, zoom);
    expect(box.width * zoom).toBeCloseTo(MIN_MARK_PX);
    expect(box.height * zoom).toBeCloseTo(MIN_MARK_PX);
    expect(box.x + box.width / 2).toBeCloseTo(100 + NODE_WIDTH / 2);
    expect(box.y + box.height / 2).toBeCloseTo(50 + NODE_HEIGHT / 2);
  });
});

describe('followViewport', () => {
  it('moves nothing while every running subtask is on screen, or when none runs', () => {
    expect(followViewport([{ x: 100, y: 100 }], [0, 0, 1], size, 0.02)).toBeNull();
    expect(followViewport([], [0, 0, 1], size, 0.02)).toBeNull();
  });

  it('centres on running subtasks that left the screen, keeping the zoom', () => {
    const v = followViewport([{ x: 3000, y: 100 }], [0, 0, 1], size, 0.02)!;
    expect(v.zoom).toBe(1);
    expect(v.x + (3000 + NODE_WIDTH / 2) * v.zoom).toBeCloseTo(size.width / 2);
  });

  it('zooms out only as far as needed to show them all, never below the minimum', () => {
    const v = followViewport(
      [
        { x: 0, y: 0 },
        { x: 4000, y: 0 },
      ],
      [0, 0, 1],
      size,
      0.02,
    )!;
    expect(v.zoom).toBeLessThan(1);
    expect((4000 + NODE_WIDTH) * v.zoom).toBeLessThanOrEqual(size.width);
    expect(
      followViewport(
        [
          { x: 0, y: 0 },
          { x: 10_000_000, y: 0 },
        ],
        [0, 0, 1],
        size,
        0.02,
      )!.zoom,
    ).toBe(0.02);
  });
});
