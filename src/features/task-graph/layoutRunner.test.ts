import { describe, expect, it } from 'vitest';
import { cachedLayout, requestLayout, resetLayoutRunner } from './layoutRunner';

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
