import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, readListSearch, toListParams, writeListSearch } from './listSearch';

describe('list search params', () => {
  it('reads defaults from an empty URL', () => {
    expect(readListSearch(new URLSearchParams())).toEqual({ page: 1, size: DEFAULT_PAGE_SIZE, statuses: [], name: '' });
  });

  it('reads page, size, statuses and name; malformed values fall back', () => {
    expect(readListSearch(new URLSearchParams('page=3&size=50&status=failed,RUNNING,BOGUS,FAILED&name=%20backup%20'))).toEqual({
      page: 3,
      size: 50,
      statuses: ['RUNNING', 'FAILED'],
      name: 'backup',
    });
    expect(readListSearch(new URLSearchParams('page=-2&size=33'))).toMatchObject({ page: 1, size: DEFAULT_PAGE_SIZE });
    expect(readListSearch(new URLSearchParams('page=abc'))).toMatchObject({ page: 1 });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(writeListSearch({ page: 1, size: DEFAULT_PAGE_SIZE, statuses: [], name: '' }).toString()).toBe('');
    const search = { page: 2, size: 10, statuses: ['RUNNING', 'FAILED'] as const, name: 'a b' };
    const written = writeListSearch({ ...search, statuses: [...search.statuses] });
    expect(written.get('status')).toBe('RUNNING,FAILED');
    expect(readListSearch(written)).toEqual({ ...search, statuses: [...search.statuses] });
  });

  it('turns statuses into OCP’s comma list and drops empty filters', () => {
    expect(toListParams({ page: 1, size: 20, statuses: ['FAILED', 'SUCCESSFUL'], name: '' })).toEqual({
      page: 1,
      size: 20,
      status: 'FAILED,SUCCESSFUL',
      name: undefined,
    });
  });
});
