import { describe, expect, it } from 'vitest';
import { patchSearch } from '../../../components/urlState';
import { readViewState, readViewport, viewPatch } from './viewState';

describe('task view state in the URL', () => {
  it('reads defaults from a bare URL', () => {
    expect(readViewState(new URLSearchParams())).toEqual({
      mode: 'graph',
      query: '',
      statuses: [],
      lineage: false,
      viewport: null,
      groups: null,
    });
  });

  it('round-trips every part through the query string, leaving other parameters alone', () => {
    const state = {
      mode: 'timeline' as const,
      query: 'install 10.0.0.34',
      statuses: ['FAILED' as const, 'ROLLED_BACK' as const],
      lineage: true,
      viewport: { x: -120.4, y: 33.6, zoom: 0.8123 },
      groups: '100,200',
    };
    const search = patchSearch('?subtask=5&logRun=2', viewPatch(state));
    const read = readViewState(new URLSearchParams(search));
    expect(read).toEqual({ ...state, viewport: { x: -120, y: 34, zoom: 0.812 } });
    expect(new URLSearchParams(search).get('subtask')).toBe('5');
    expect(new URLSearchParams(search).get('logRun')).toBe('2');
  });

  it('drops defaults and ignores malformed values', () => {
    expect(patchSearch('?view=timeline&q=x&lineage=1', viewPatch({ mode: 'graph', query: '', lineage: false }))).toBe('');
    expect(readViewState(new URLSearchParams('status=failed,bogus,,RUNNING')).statuses).toEqual(['RUNNING', 'FAILED']);
    expect(readViewport('1,2')).toBeNull();
    expect(readViewport('1,2,abc')).toBeNull();
    expect(readViewport('1,2,0')).toBeNull();
    expect(readViewport('1,2,1.5')).toEqual({ x: 1, y: 2, zoom: 1.5 });
  });
});
