import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  nextSort,
  readListSearch,
  SORTS,
  sortParam,
  toListParams,
  writeListSearch,
  type ListSearch,
} from './listSearch';

const plain: ListSearch = { page: 1, size: DEFAULT_PAGE_SIZE, statuses: [], name: '', sort: DEFAULT_SORT };

describe('list search params', () => {
  it('reads defaults from an empty URL', () => {
    expect(readListSearch(new URLSearchParams())).toEqual(plain);
  });

  it('reads page, size, statuses and name; malformed values fall back', () => {
    expect(readListSearch(new URLSearchParams('page=3&size=50&status=failed,RUNNING,BOGUS,FAILED&name=%20backup%20'))).toEqual({
      ...plain,
      page: 3,
      size: 50,
      statuses: ['RUNNING', 'FAILED'],
      name: 'backup',
    });
    expect(readListSearch(new URLSearchParams('page=-2&size=33'))).toMatchObject({ page: 1, size: DEFAULT_PAGE_SIZE });
    expect(readListSearch(new URLSearchParams('page=abc'))).toMatchObject({ page: 1 });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(writeListSearch(plain).toString()).toBe('');
    const search: ListSearch = {
      page: 2,
      size: 10,
      statuses: ['RUNNING', 'FAILED'],
      name: 'a b',
      sort: { key: 'startTime', direction: 'asc' },
    };
    const written = writeListSearch(search);
    expect(written.get('status')).toBe('RUNNING,FAILED');
    expect(written.get('sort')).toBe('startTime,asc');
    expect(readListSearch(written)).toEqual(search);
  });

  it('turns statuses into OCP’s comma list and drops empty filters', () => {
    expect(toListParams({ ...plain, statuses: ['FAILED', 'SUCCESSFUL'] })).toEqual({
      page: 1,
      size: 20,
      status: 'FAILED,SUCCESSFUL',
      name: undefined,
      sort: 'id,desc',
    });
  });
});

describe('list order', () => {
  it('reads every order the list offers from the URL, and writes it back the same', () => {
    for (const sort of SORTS) {
      const written = writeListSearch({ ...plain, sort });
      expect(readListSearch(written).sort).toEqual(sort);
      expect(written.get('sort')).toBe(sameAsDefault(sort) ? null : sortParam(sort));
    }
    expect(SORTS.map(sortParam)).toEqual(['id,desc', 'id,asc', 'startTime,desc', 'startTime,asc']);
  });

  it('keeps the default order (id, newest first) out of the URL', () => {
    expect(writeListSearch({ ...plain, sort: { key: 'id', direction: 'desc' } }).has('sort')).toBe(false);
    expect(writeListSearch({ ...plain, sort: { key: 'id', direction: 'asc' } }).toString()).toBe('sort=id%2Casc');
  });

  it('reads a sort leniently: any case and spaces around; anything else is the default', () => {
    expect(readListSearch(new URLSearchParams('sort=STARTTIME,DESC')).sort).toEqual({ key: 'startTime', direction: 'desc' });
    expect(readListSearch(new URLSearchParams('sort=%20startTime,asc%20')).sort).toEqual({ key: 'startTime', direction: 'asc' });
    for (const bad of ['name,asc', 'startTime', 'startTime,up', 'id,asc,startTime', 'startTime;asc', '']) {
      expect(readListSearch(new URLSearchParams({ sort: bad })).sort, bad).toEqual(DEFAULT_SORT);
    }
  });

  it('sends the order to OCP as Spring’s property,direction, the default included', () => {
    expect(toListParams({ ...plain, sort: { key: 'startTime', direction: 'asc' } }).sort).toBe('startTime,asc');
    expect(toListParams(plain).sort).toBe('id,desc');
  });

  it('a header click flips the column the list is ordered by, or orders by another one latest first', () => {
    expect(nextSort(DEFAULT_SORT, 'id')).toEqual({ key: 'id', direction: 'asc' });
    expect(nextSort({ key: 'id', direction: 'asc' }, 'id')).toEqual({ key: 'id', direction: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'startTime')).toEqual({ key: 'startTime', direction: 'desc' });
    expect(nextSort({ key: 'startTime', direction: 'desc' }, 'startTime')).toEqual({ key: 'startTime', direction: 'asc' });
    expect(nextSort({ key: 'startTime', direction: 'asc' }, 'id')).toEqual({ key: 'id', direction: 'desc' });
  });
});

const sameAsDefault = (s: { key: string; direction: string }) => s.key === DEFAULT_SORT.key && s.direction === DEFAULT_SORT.direction;
