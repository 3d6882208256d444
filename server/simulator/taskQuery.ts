import { compareIds, TASK_STATUSES } from '../../src/api/schemas.ts';
import type { TaskPageWire } from '../../src/api/schemas.ts';
import { TaskApiError } from './errors.ts';
import type { TaskView } from './model.ts';
import { taskToBasicWire } from './wire.ts';

/** OCP caps a page at 2000 tasks. */
export const MAX_PAGE_SIZE = 2000;
const DEFAULT_PAGE_SIZE = 10;

const badParam = (param: string, value: string, type: string) =>
  new TaskApiError(400, undefined, `The parameter '${param}' of value '${value}' could not be converted to type '${type}'`);

function intParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d{1,9}$/.test(raw)) throw badParam(name, raw, 'Integer');
  return Number(raw);
}

type SortKey = (t: TaskView) => string | number;
const SORT_KEYS: Record<string, SortKey | undefined> = {
  createTime: (t) => t.createMs,
  startTime: (t) => t.startMs ?? Number.NEGATIVE_INFINITY,
  finishTime: (t) => t.finishMs ?? Number.NEGATIVE_INFINITY,
  name: (t) => t.spec.name,
  status: (t) => t.status,
  type: (t) => t.spec.type ?? 'MANUAL',
};

/**
 * Spring Data's `sort` parameter, as OCP's list endpoint reads it: `property[,property…][,asc|desc]`.
 * The last part is the direction when it is one (any case), else every part is a property and the
 * direction is ASC; the default order (no `sort` at all) is `id,desc`.
 */
export function parseSort(raw: string | null): { properties: string[]; direction: 'asc' | 'desc' } {
  if (raw === null || raw.trim() === '') return { properties: ['id'], direction: 'desc' };
  const parts = raw.split(',').map((s) => s.trim());
  const last = (parts.at(-1) ?? '').toLowerCase();
  const direction = last === 'asc' || last === 'desc' ? last : undefined;
  const properties = (direction ? parts.slice(0, -1) : parts).filter(Boolean);
  return { properties, direction: direction ?? 'asc' };
}

function comparator(sort: string | null): (a: TaskView, b: TaskView) => number {
  const { properties, direction } = parseSort(sort);
  const sign = direction === 'asc' ? 1 : -1;
  // A task not started yet has no startTime: the database sorts NULL below every value.
  const keys = properties.map((p) => (p === 'id' ? undefined : SORT_KEYS[p])).filter((k): k is SortKey => k !== undefined);
  const byId = (a: TaskView, b: TaskView) => compareIds(a.spec.id, b.spec.id);
  return (a, b) => {
    for (const key of keys) {
      const ka = key(a);
      const kb = key(b);
      if (ka !== kb) return sign * (ka < kb ? -1 : 1);
    }
    // Ties (and `id` itself) in id order, the same direction: the order stays stable from page to page.
    return sign * byId(a, b);
  };
}

/**
 * `GET /instances`: filters (`status` comma list, `name` fuzzy and case-insensitive, `type`,
 * `clusterId`, `tenantId`), sort (`id,desc` by default) and a 1-based page of BasicTaskInstance.
 */
export function queryTasks(all: readonly TaskView[], params: URLSearchParams): TaskPageWire {
  const page = Math.max(1, intParam(params, 'page') ?? 1);
  const rawSize = intParam(params, 'size') ?? DEFAULT_PAGE_SIZE;
  const size = rawSize < 1 ? DEFAULT_PAGE_SIZE : Math.min(rawSize, MAX_PAGE_SIZE);

  const statuses = (params.get('status') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of statuses) {
    if (!(TASK_STATUSES as readonly string[]).includes(s)) throw badParam('status', s, 'TaskState');
  }
  const name = params.get('name')?.trim().toLowerCase();
  const type = params.get('type') || undefined;
  const clusterId = intParam(params, 'clusterId');
  const tenantId = intParam(params, 'tenantId');

  const matching = all.filter(
    (t) =>
      (statuses.length === 0 || statuses.includes(t.status)) &&
      (!name || t.spec.name.toLowerCase().includes(name)) &&
      (!type || (t.spec.type ?? 'MANUAL') === type) &&
      (clusterId === undefined || t.spec.cluster?.id === clusterId) &&
      (tenantId === undefined || t.spec.tenant?.id === tenantId),
  );
  matching.sort(comparator(params.get('sort')));
  const contents = matching.slice((page - 1) * size, page * size).map(taskToBasicWire);
  return {
    contents,
    page: { number: page, size, totalElements: matching.length, totalPages: Math.ceil(matching.length / size) },
  };
}
