import { describe, expect, it } from 'vitest';
import { cachedLayout, layoutNow, prewarmLayout, requestLayout, resetLayoutRunner, SYNC_LAYOUT_MAX_NODES } from './layoutRunner';

const input = { nodeIds: ['1', '2'], edges: [{ source: '1', target: '2' }], groups: [] };

describe('requestLayout', () => {
  it('lays out once per key: concurrent and later requests share the result', async () => {
    expect(cachedLayout('runner-test')).toBeUndefined();
    const [a, b] = await Promise.all([requestLayout('runner-test', input), requestLayout('runner-test', input)]);
    expect(a).toBe(b);
    expect(cachedLayout('runner-test')).toBe(a);
    expect(await requestLayout('runner-test', input)).toBe(a);
    expect(a.positions.get('1')?.x).toBeLessThan(a.positions.get('2')?.x ?? 0);
  });

  it('starts empty after a reset, so no test sees the layouts of another', async () => {
    const before = await requestLayout('reset-test', input);
    resetLayoutRunner();
    expect(cachedLayout('reset-test')).toBeUndefined();
    const after = await requestLayout('reset-test', input);
    expect(after).not.toBe(before);
    expect(after).toEqual(before);
  });

  it('keeps only the most recent layouts', async () => {
    for (let i = 0; i < 20; i++) await requestLayout(`lru-${i}`, input);
    expect(cachedLayout('lru-0')).toBeUndefined();
    expect(cachedLayout('lru-19')).toBeDefined();
  });
});

describe('layoutNow', () => {
  const chain = (n: number) => ({
    nodeIds: Array.from({ length: n }, (_, i) => String(i)),
    edges: Array.from({ length: n - 1 }, (_, i) => ({ source: String(i), target: String(i + 1) })),
    groups: [],
  });

  it('lays out a small graph in the caller once the code is in, and caches it', async () => {
    expect(layoutNow('now-test', 2, () => input)).toBeUndefined(); // the code is not loaded yet
    prewarmLayout();
    await requestLayout('now-warm', input); // the same code: loaded once this settles
    const layout = layoutNow('now-test', 2, () => input);
    expect(layout?.positions.get('1')?.x).toBeLessThan(layout?.positions.get('2')?.x ?? 0);
    expect(cachedLayout('now-test')).toBe(layout);
    expect(layoutNow('now-test', 2, () => input)).toBe(layout);
  });

  it('leaves a large graph to requestLayout (a worker, off the main thread)', async () => {
    await requestLayout('now-warm', input);
    expect(layoutNow('now-large', SYNC_LAYOUT_MAX_NODES + 1, () => chain(SYNC_LAYOUT_MAX_NODES + 1))).toBeUndefined();
    expect(layoutNow('now-small', SYNC_LAYOUT_MAX_NODES, () => chain(SYNC_LAYOUT_MAX_NODES))).toBeDefined();
  });
});
