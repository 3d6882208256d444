import { TASK_STATUSES, type TaskStatus } from '../../api/schemas';
import type { TaskListParams } from '../../api/taskKeys';

export const PAGE_SIZES = [10, 20, 50] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** The list's filters and page as they live in the URL (`?page=2&size=50&status=RUNNING,FAILED&name=backup`). */
export interface ListSearch {
  /** 1-based, as OCP counts. */
  page: number;
  size: number;
  statuses: TaskStatus[];
  name: string;
}

/** Reads the URL leniently: anything malformed falls back to the default instead of failing the page. */
export function readListSearch(params: URLSearchParams): ListSearch {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  const wanted = new Set((params.get('status') ?? '').split(',').map((s) => s.trim().toUpperCase()));
  return {
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    statuses: TASK_STATUSES.filter((s) => wanted.has(s)),
    name: (params.get('name') ?? '').trim(),
  };
}

/** Writes only what differs from the defaults, so the plain list stays at `/`. */
export function writeListSearch(search: ListSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.name) params.set('name', search.name);
  if (search.statuses.length > 0) params.set('status', search.statuses.join(','));
  if (search.page > 1) params.set('page', String(search.page));
  if (search.size !== DEFAULT_PAGE_SIZE) params.set('size', String(search.size));
  return params;
}

/** The request parameters for `GET /instances`: status as OCP's comma list. */
export function toListParams(search: ListSearch): TaskListParams {
  return {
    page: search.page,
    size: search.size,
    name: search.name || undefined,
    status: search.statuses.length > 0 ? search.statuses.join(',') : undefined,
  };
}

export function hasFilters(search: ListSearch): boolean {
  return search.name !== '' || search.statuses.length > 0;
}
