import type { TaskListParams } from '../../api/taskKeys';
import { LIST_STATUSES, ocpStatuses, type ListStatus } from './listStatus';

export const PAGE_SIZES = [10, 20, 50] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** The columns OCP's list can be ordered by, under their OCP property names. */
export const SORT_KEYS = ['id', 'startTime'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export interface ListSort {
  key: SortKey;
  direction: SortDirection;
}
/** OCP's own default order, and the list's: newest id first. */
export const DEFAULT_SORT: ListSort = { key: 'id', direction: 'desc' };
/** Every order the list offers, in the order the small screen's Sort select shows them. */
export const SORTS: readonly ListSort[] = SORT_KEYS.flatMap((key) => [
  { key, direction: 'desc' as const },
  { key, direction: 'asc' as const },
]);

/** The list's filters, order and page as they live in the URL (`?page=2&size=50&status=RUNNING,FAILED&name=backup&sort=startTime,asc`). */
export interface ListSearch {
  /** 1-based, as OCP counts. */
  page: number;
  size: number;
  /** The status choices, rollback states included (listStatus.ts); OCP is asked for their raw statuses. */
  statuses: ListStatus[];
  name: string;
  sort: ListSort;
}

/** `startTime,asc`: Spring's `property,direction`, as OCP reads its `sort` parameter and the URL keeps it. */
export const sortParam = (sort: ListSort) => `${sort.key},${sort.direction}`;

const SORT_PATTERN = /^(id|startTime),(asc|desc)$/i;

function readSort(raw: string | null): ListSort {
  const m = SORT_PATTERN.exec(raw?.trim() ?? '');
  const key = SORT_KEYS.find((k) => k.toLowerCase() === m?.[1]?.toLowerCase());
  if (!m || key === undefined) return DEFAULT_SORT;
  return { key, direction: m[2]?.toLowerCase() === 'asc' ? 'asc' : 'desc' };
}

export const sameSort = (a: ListSort, b: ListSort) => a.key === b.key && a.direction === b.direction;

/**
 * What a click on a column's header asks for: the other direction when the list is already ordered by
 * it, else that column latest/highest first (what an operator looks for: the newest task, the last start).
 */
export function nextSort(current: ListSort, key: SortKey): ListSort {
  if (current.key !== key) return { key, direction: 'desc' };
  return { key, direction: current.direction === 'desc' ? 'asc' : 'desc' };
}

/** Reads the URL leniently: anything malformed falls back to the default instead of failing the page. */
export function readListSearch(params: URLSearchParams): ListSearch {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  const wanted = new Set((params.get('status') ?? '').split(',').map((s) => s.trim().toUpperCase()));
  return {
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    statuses: LIST_STATUSES.filter((s) => wanted.has(s)),
    name: (params.get('name') ?? '').trim(),
    sort: readSort(params.get('sort')),
  };
}

/** Writes only what differs from the defaults, so the plain list stays at `/`. */
export function writeListSearch(search: ListSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.name) params.set('name', search.name);
  if (search.statuses.length > 0) params.set('status', search.statuses.join(','));
  if (search.page > 1) params.set('page', String(search.page));
  if (search.size !== DEFAULT_PAGE_SIZE) params.set('size', String(search.size));
  if (!sameSort(search.sort, DEFAULT_SORT)) params.set('sort', sortParam(search.sort));
  return params;
}

/**
 * The request parameters for `GET /instances`: the statuses as OCP's comma list of raw statuses (a rollback
 * state as the status it has in OCP; the page is narrowed afterwards), the order always explicit.
 */
export function toListParams(search: ListSearch): TaskListParams {
  return {
    page: search.page,
    size: search.size,
    name: search.name || undefined,
    status: search.statuses.length > 0 ? ocpStatuses(search.statuses).join(',') : undefined,
    sort: sortParam(search.sort),
  };
}

export function hasFilters(search: ListSearch): boolean {
  return search.name !== '' || search.statuses.length > 0;
}
