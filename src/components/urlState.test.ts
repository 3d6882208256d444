import { describe, expect, it } from 'vitest';
import { patchSearch } from './urlState';

describe('patchSearch', () => {
  it('sets, replaces and removes only the named parameters, keeping the others and their order', () => {
    expect(patchSearch('?subtask=7&logRun=2&line=40', { q: 'install', subtask: '9' })).toBe('?subtask=9&logRun=2&line=40&q=install');
    expect(patchSearch('?subtask=7&q=x', { q: null })).toBe('?subtask=7');
    expect(patchSearch('?q=x', { q: '' })).toBe('');
    expect(patchSearch('', {})).toBe('');
  });

  it('encodes values so they come back as written', () => {
    const written = patchSearch('', { q: 'a&b=c %41' });
    expect(new URLSearchParams(written).get('q')).toBe('a&b=c %41');
  });
});
